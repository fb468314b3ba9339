"""Catalogi API 1.3 resources as frozen values (field names: the standard's, in snake_case)."""

from dataclasses import dataclass
from datetime import date
from typing import Self

from .duur import Duur
from .parsing import (
    Json,
    opt_bool,
    opt_date,
    opt_duur,
    opt_str,
    opt_url,
    req_bool,
    req_duur,
    req_enum,
    req_int,
    req_str,
    url_tuple,
)
from .vertrouwelijkheid import Vertrouwelijkheid


@dataclass(frozen=True, slots=True)
class ZaakType:
    url: str
    identificatie: str
    omschrijving: str
    omschrijving_generiek: str
    onderwerp: str
    toelichting: str
    indicatie_intern_of_extern: str  # "intern" or "extern"
    handeling_initiator: str
    doorlooptijd: Duur
    servicenorm: Duur | None
    verlenging_mogelijk: bool | None
    verlengingstermijn: Duur | None
    opschorting_en_aanhouding_mogelijk: bool | None
    vertrouwelijkheidaanduiding: Vertrouwelijkheid
    publicatie_indicatie: bool | None
    publicatietekst: str
    catalogus: str
    concept: bool | None
    begin_geldigheid: date | None
    einde_geldigheid: date | None
    versiedatum: date | None
    statustypen: tuple[str, ...]
    resultaattypen: tuple[str, ...]
    # No `informatieobjecttypen`: the VNG spec types it as a string, servers send a list;
    # the zaaktype's documents come from zaaktype_informatieobjecttypen() instead.

    @property
    def is_extern(self) -> bool:
        """Whether the zaaktype is externally initiated (the only ones a resident sees)."""
        return self.indicatie_intern_of_extern == "extern"

    @classmethod
    def from_api(cls, data: Json) -> Self:
        return cls(
            url=req_str(data, "url"),
            identificatie=opt_str(data, "identificatie"),
            omschrijving=req_str(data, "omschrijving"),
            omschrijving_generiek=opt_str(data, "omschrijvingGeneriek"),
            onderwerp=opt_str(data, "onderwerp"),
            toelichting=opt_str(data, "toelichting"),
            indicatie_intern_of_extern=req_str(data, "indicatieInternOfExtern"),
            handeling_initiator=opt_str(data, "handelingInitiator"),
            doorlooptijd=req_duur(data, "doorlooptijd"),
            servicenorm=opt_duur(data, "servicenorm"),
            verlenging_mogelijk=opt_bool(data, "verlengingMogelijk"),
            verlengingstermijn=opt_duur(data, "verlengingstermijn"),
            opschorting_en_aanhouding_mogelijk=opt_bool(data, "opschortingEnAanhoudingMogelijk"),
            vertrouwelijkheidaanduiding=req_enum(
                data, "vertrouwelijkheidaanduiding", Vertrouwelijkheid
            ),
            publicatie_indicatie=opt_bool(data, "publicatieIndicatie"),
            publicatietekst=opt_str(data, "publicatietekst"),
            catalogus=req_str(data, "catalogus"),
            concept=opt_bool(data, "concept"),
            begin_geldigheid=opt_date(data, "beginGeldigheid"),
            einde_geldigheid=opt_date(data, "eindeGeldigheid"),
            versiedatum=opt_date(data, "versiedatum"),
            statustypen=url_tuple(data, "statustypen"),
            resultaattypen=url_tuple(data, "resultaattypen"),
        )


@dataclass(frozen=True, slots=True)
class StatusType:
    url: str
    zaaktype: str
    omschrijving: str
    omschrijving_generiek: str
    statustekst: str
    volgnummer: int
    is_eindstatus: bool
    informeren: bool
    doorlooptijd: Duur | None
    toelichting: str

    @classmethod
    def from_api(cls, data: Json) -> Self:
        return cls(
            url=req_str(data, "url"),
            zaaktype=req_str(data, "zaaktype"),
            omschrijving=req_str(data, "omschrijving"),
            omschrijving_generiek=opt_str(data, "omschrijvingGeneriek"),
            statustekst=opt_str(data, "statustekst"),
            volgnummer=req_int(data, "volgnummer"),
            is_eindstatus=req_bool(data, "isEindstatus"),
            informeren=bool(opt_bool(data, "informeren")),
            doorlooptijd=opt_duur(data, "doorlooptijd"),
            toelichting=opt_str(data, "toelichting"),
        )


@dataclass(frozen=True, slots=True)
class ResultaatType:
    url: str
    zaaktype: str
    omschrijving: str
    omschrijving_generiek: str
    resultaattypeomschrijving: str
    toelichting: str

    @classmethod
    def from_api(cls, data: Json) -> Self:
        return cls(
            url=req_str(data, "url"),
            zaaktype=req_str(data, "zaaktype"),
            omschrijving=req_str(data, "omschrijving"),
            omschrijving_generiek=opt_str(data, "omschrijvingGeneriek"),
            resultaattypeomschrijving=opt_str(data, "resultaattypeomschrijving"),
            toelichting=opt_str(data, "toelichting"),
        )


@dataclass(frozen=True, slots=True)
class InformatieObjectType:
    url: str
    catalogus: str
    omschrijving: str
    vertrouwelijkheidaanduiding: Vertrouwelijkheid
    informatieobjectcategorie: str
    concept: bool | None
    begin_geldigheid: date | None
    einde_geldigheid: date | None

    @classmethod
    def from_api(cls, data: Json) -> Self:
        return cls(
            url=req_str(data, "url"),
            catalogus=req_str(data, "catalogus"),
            omschrijving=req_str(data, "omschrijving"),
            vertrouwelijkheidaanduiding=req_enum(
                data, "vertrouwelijkheidaanduiding", Vertrouwelijkheid
            ),
            informatieobjectcategorie=opt_str(data, "informatieobjectcategorie"),
            concept=opt_bool(data, "concept"),
            begin_geldigheid=opt_date(data, "beginGeldigheid"),
            einde_geldigheid=opt_date(data, "eindeGeldigheid"),
        )


@dataclass(frozen=True, slots=True)
class ZaakTypeInformatieObjectType:
    url: str
    zaaktype: str
    informatieobjecttype: str
    richting: str  # "inkomend", "intern" or "uitgaand"
    volgnummer: int
    statustype: str | None

    @classmethod
    def from_api(cls, data: Json) -> Self:
        return cls(
            url=req_str(data, "url"),
            zaaktype=req_str(data, "zaaktype"),
            informatieobjecttype=req_str(data, "informatieobjecttype"),
            richting=req_str(data, "richting"),
            volgnummer=req_int(data, "volgnummer"),
            statustype=opt_url(data, "statustype"),
        )


@dataclass(frozen=True, slots=True)
class Catalogus:
    url: str
    domein: str
    rsin: str
    naam: str
    versie: str

    @classmethod
    def from_api(cls, data: Json) -> Self:
        return cls(
            url=req_str(data, "url"),
            domein=req_str(data, "domein"),
            rsin=req_str(data, "rsin"),
            naam=opt_str(data, "naam"),
            versie=opt_str(data, "versie"),
        )
