"""Zaken API 1.5 resources as frozen values (field names: the standard's, in snake_case).

Related resources are URLs (`zaak.status`); what `expand` embedded arrives in separate,
typed `expanded_*` fields that are None when it was not asked for (docs/architecture.md rule 2).
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Self
from uuid import UUID

from .catalogi_resources import ResultaatType, StatusType, ZaakType
from .duur import Duur
from .parsing import (
    Json,
    expand_of,
    opt_bool,
    opt_date,
    opt_datetime,
    opt_object,
    opt_objects,
    opt_str,
    opt_url,
    req_bool,
    req_date,
    req_datetime,
    req_duur,
    req_enum,
    req_str,
    req_uuid,
    url_tuple,
)
from .vertrouwelijkheid import Vertrouwelijkheid


@dataclass(frozen=True, slots=True)
class Opschorting:
    indicatie: bool
    reden: str
    eerdere_opschorting: bool | None

    @classmethod
    def from_api(cls, data: Json) -> Self:
        return cls(
            indicatie=req_bool(data, "indicatie"),
            reden=opt_str(data, "reden"),
            eerdere_opschorting=opt_bool(data, "eerdereOpschorting"),
        )


@dataclass(frozen=True, slots=True)
class Verlenging:
    reden: str
    duur: Duur

    @classmethod
    def from_api(cls, data: Json) -> Self:
        return cls(reden=opt_str(data, "reden"), duur=req_duur(data, "duur"))


@dataclass(frozen=True, slots=True)
class Status:
    url: str
    uuid: UUID
    zaak: str
    statustype: str
    datum_status_gezet: datetime
    statustoelichting: str
    indicatie_laatst_gezette_status: bool | None
    gezetdoor: str | None
    zaakinformatieobjecten: tuple[str, ...]
    expanded_statustype: StatusType | None = None

    @classmethod
    def from_api(cls, data: Json) -> Self:
        expanded = expand_of(data)
        statustype = opt_object(expanded, "statustype")
        return cls(
            url=req_str(data, "url"),
            uuid=req_uuid(data),
            zaak=req_str(data, "zaak"),
            statustype=req_str(data, "statustype"),
            datum_status_gezet=req_datetime(data, "datumStatusGezet"),
            statustoelichting=opt_str(data, "statustoelichting"),
            indicatie_laatst_gezette_status=opt_bool(data, "indicatieLaatstGezetteStatus"),
            gezetdoor=opt_url(data, "gezetdoor"),
            zaakinformatieobjecten=url_tuple(data, "zaakinformatieobjecten"),
            expanded_statustype=StatusType.from_api(statustype) if statustype else None,
        )


@dataclass(frozen=True, slots=True)
class Resultaat:
    url: str
    uuid: UUID
    zaak: str
    resultaattype: str
    toelichting: str
    expanded_resultaattype: ResultaatType | None = None

    @classmethod
    def from_api(cls, data: Json) -> Self:
        resultaattype = opt_object(expand_of(data), "resultaattype")
        return cls(
            url=req_str(data, "url"),
            uuid=req_uuid(data),
            zaak=req_str(data, "zaak"),
            resultaattype=req_str(data, "resultaattype"),
            toelichting=opt_str(data, "toelichting"),
            expanded_resultaattype=(
                ResultaatType.from_api(resultaattype) if resultaattype else None
            ),
        )


@dataclass(frozen=True, slots=True)
class Rol:
    """A party in a zaak; `betrokkeneIdentificatie` is flattened into the fields after `roltype`.

    Identifying and personal fields are left out of repr(), so a logged Rol shows no BSN.
    """

    url: str
    uuid: UUID
    zaak: str
    betrokkene: str
    betrokkene_type: str  # natuurlijk_persoon, niet_natuurlijk_persoon, vestiging, ...
    roltype: str
    omschrijving: str
    omschrijving_generiek: str  # initiator, belanghebbende, behandelaar, ...
    roltoelichting: str
    registratiedatum: datetime | None
    indicatie_machtiging: str  # "", gemachtigde or machtiginggever
    inp_bsn: str = field(default="", repr=False)
    anp_identificatie: str = field(default="", repr=False)
    inn_nnp_id: str = ""
    kvk_nummer: str = ""
    vestigings_nummer: str = ""
    identificatie: str = ""  # medewerker or organisatorische eenheid
    naam: str = field(default="", repr=False)  # see `naam_from`

    @classmethod
    def from_api(cls, data: Json) -> Self:
        ident = opt_object(data, "betrokkeneIdentificatie") or {}
        return cls(
            url=req_str(data, "url"),
            uuid=req_uuid(data),
            zaak=req_str(data, "zaak"),
            betrokkene=opt_str(data, "betrokkene"),
            betrokkene_type=req_str(data, "betrokkeneType"),
            roltype=req_str(data, "roltype"),
            omschrijving=opt_str(data, "omschrijving"),
            omschrijving_generiek=opt_str(data, "omschrijvingGeneriek"),
            roltoelichting=opt_str(data, "roltoelichting"),
            registratiedatum=opt_datetime(data, "registratiedatum"),
            indicatie_machtiging=opt_str(data, "indicatieMachtiging"),
            inp_bsn=opt_str(ident, "inpBsn"),
            anp_identificatie=opt_str(ident, "anpIdentificatie"),
            inn_nnp_id=opt_str(ident, "innNnpId"),
            kvk_nummer=opt_str(ident, "kvkNummer"),
            vestigings_nummer=opt_str(ident, "vestigingsNummer"),
            identificatie=opt_str(ident, "identificatie"),
            naam=naam_from(ident),
        )


def naam_from(ident: Json) -> str:
    """A display name from any kind of betrokkeneIdentificatie ("" when it holds none)."""
    person = " ".join(
        part
        for part in (
            opt_str(ident, "voornamen") or opt_str(ident, "voorletters"),
            opt_str(ident, "voorvoegselGeslachtsnaam"),
            opt_str(ident, "geslachtsnaam"),
        )
        if part
    )
    medewerker = " ".join(
        part
        for part in (
            opt_str(ident, "voorletters"),
            opt_str(ident, "voorvoegselAchternaam"),
            opt_str(ident, "achternaam"),
        )
        if part
    )
    handelsnamen = ident.get("handelsnaam")
    first_handelsnaam = handelsnamen[0] if isinstance(handelsnamen, list) and handelsnamen else ""
    return (
        opt_str(ident, "statutaireNaam")
        or opt_str(ident, "naam")
        or (person if opt_str(ident, "geslachtsnaam") else "")
        or (medewerker if opt_str(ident, "achternaam") else "")
        or (first_handelsnaam if isinstance(first_handelsnaam, str) else "")
    )


@dataclass(frozen=True, slots=True)
class ZaakInformatieObject:
    url: str
    uuid: UUID
    informatieobject: str
    zaak: str
    aard_relatie_weergave: str
    titel: str
    beschrijving: str
    registratiedatum: datetime | None
    status: str | None

    @classmethod
    def from_api(cls, data: Json) -> Self:
        return cls(
            url=req_str(data, "url"),
            uuid=req_uuid(data),
            informatieobject=req_str(data, "informatieobject"),
            zaak=req_str(data, "zaak"),
            aard_relatie_weergave=opt_str(data, "aardRelatieWeergave"),
            titel=opt_str(data, "titel"),
            beschrijving=opt_str(data, "beschrijving"),
            registratiedatum=opt_datetime(data, "registratiedatum"),
            status=opt_url(data, "status"),
        )


@dataclass(frozen=True, slots=True)
class Zaak:
    url: str
    uuid: UUID
    identificatie: str
    bronorganisatie: str
    omschrijving: str
    toelichting: str
    zaaktype: str
    registratiedatum: date | None
    startdatum: date
    einddatum: date | None
    einddatum_gepland: date | None
    uiterlijke_einddatum_afdoening: date | None
    publicatiedatum: date | None
    vertrouwelijkheidaanduiding: Vertrouwelijkheid
    status: str | None
    resultaat: str | None
    opschorting: Opschorting | None
    verlenging: Verlenging | None
    betalingsindicatie: str
    laatste_betaaldatum: datetime | None
    laatst_gemuteerd: datetime | None  # Open Zaak only
    laatst_geopend: datetime | None  # Open Zaak only
    hoofdzaak: str | None
    deelzaken: tuple[str, ...]
    rollen: tuple[str, ...]
    zaakinformatieobjecten: tuple[str, ...]
    expanded_zaaktype: ZaakType | None = None
    expanded_status: Status | None = None
    expanded_resultaat: Resultaat | None = None
    expanded_rollen: tuple[Rol, ...] | None = None
    expanded_zaakinformatieobjecten: tuple[ZaakInformatieObject, ...] | None = None

    @property
    def is_closed(self) -> bool:
        """A zaak with an einddatum has reached its end status (zrc-007)."""
        return self.einddatum is not None

    @property
    def is_opgeschort(self) -> bool:
        """Whether the zaak is suspended right now."""
        return self.opschorting is not None and self.opschorting.indicatie

    @classmethod
    def from_api(cls, data: Json) -> Self:
        expanded = expand_of(data)
        zaaktype = opt_object(expanded, "zaaktype")
        status = opt_object(expanded, "status")
        resultaat = opt_object(expanded, "resultaat")
        rollen = _relation(data, expanded, "rollen")
        zios = _relation(data, expanded, "zaakinformatieobjecten")
        opschorting = opt_object(data, "opschorting")
        verlenging = opt_object(data, "verlenging")
        return cls(
            url=req_str(data, "url"),
            uuid=req_uuid(data),
            identificatie=opt_str(data, "identificatie"),
            bronorganisatie=req_str(data, "bronorganisatie"),
            omschrijving=opt_str(data, "omschrijving"),
            toelichting=opt_str(data, "toelichting"),
            zaaktype=req_str(data, "zaaktype"),
            registratiedatum=opt_date(data, "registratiedatum"),
            startdatum=req_date(data, "startdatum"),
            einddatum=opt_date(data, "einddatum"),
            einddatum_gepland=opt_date(data, "einddatumGepland"),
            uiterlijke_einddatum_afdoening=opt_date(data, "uiterlijkeEinddatumAfdoening"),
            publicatiedatum=opt_date(data, "publicatiedatum"),
            vertrouwelijkheidaanduiding=req_enum(
                data, "vertrouwelijkheidaanduiding", Vertrouwelijkheid
            ),
            status=opt_url(data, "status"),
            resultaat=opt_url(data, "resultaat"),
            # Open Zaak serves {"indicatie": false, "reden": ""} for a zaak never suspended.
            opschorting=Opschorting.from_api(opschorting) if opschorting else None,
            # … and {"reden": "", "duur": null} for one never extended.
            verlenging=Verlenging.from_api(verlenging)
            if verlenging and verlenging.get("duur")
            else None,
            betalingsindicatie=opt_str(data, "betalingsindicatie"),
            laatste_betaaldatum=opt_datetime(data, "laatsteBetaaldatum"),
            laatst_gemuteerd=opt_datetime(data, "laatstGemuteerd"),
            laatst_geopend=opt_datetime(data, "laatstGeopend"),
            hoofdzaak=opt_url(data, "hoofdzaak"),
            deelzaken=url_tuple(data, "deelzaken"),
            rollen=url_tuple(data, "rollen"),
            zaakinformatieobjecten=url_tuple(data, "zaakinformatieobjecten"),
            expanded_zaaktype=ZaakType.from_api(zaaktype) if zaaktype else None,
            expanded_status=Status.from_api(status) if status else None,
            expanded_resultaat=Resultaat.from_api(resultaat) if resultaat else None,
            expanded_rollen=tuple(map(Rol.from_api, rollen)) if rollen is not None else None,
            expanded_zaakinformatieobjecten=(
                tuple(map(ZaakInformatieObject.from_api, zios)) if zios is not None else None
            ),
        )


def _relation(data: Json, expanded: Json, key: str) -> tuple[Json, ...] | None:
    """An expanded list relation: its objects; () when the zaak's own list of URLs for it is
    present and empty; None when it is unknown (not asked for, or the back office ignored
    `expand`).

    Real Open Zaak leaves an empty relation out of `_expand` altogether (a zaak without
    documents has no `_expand.zaakinformatieobjecten` key), so "absent" must not be read as
    "not expanded" when the zaak itself says there is nothing to expand
    (tests/corpus/realzgw: direct-zaak-detail-expand-without-documents).
    """
    objects = opt_objects(expanded, key)
    if objects is None and data.get(key) == []:
        return ()
    return objects
