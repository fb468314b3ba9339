"""The in-memory records behind the demo APIs: plain values, keyed by UUID, no Django."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from uuid import UUID

# The ordered scale of vertrouwelijkheidaanduiding (Zaken/Documenten API enum order).
VERTROUWELIJKHEID = (
    "openbaar",
    "beperkt_openbaar",
    "intern",
    "zaakvertrouwelijk",
    "vertrouwelijk",
    "confidentieel",
    "geheim",
    "zeer_geheim",
)


def vertrouwelijkheid_rank(value: str) -> int:
    return VERTROUWELIJKHEID.index(value)


@dataclass(frozen=True, slots=True)
class Catalogus:
    uuid: UUID
    domein: str
    rsin: str
    naam: str
    contactpersoon: str
    begindatum_versie: date


@dataclass(frozen=True, slots=True)
class ZaakType:
    uuid: UUID
    identificatie: str
    omschrijving: str
    onderwerp: str
    doel: str
    aanleiding: str
    toelichting: str
    vertrouwelijkheidaanduiding: str
    indicatie_intern_of_extern: str
    doorlooptijd: str
    servicenorm: str | None
    verlenging_mogelijk: bool
    verlengingstermijn: str | None
    handeling_initiator: str
    handeling_behandelaar: str
    trefwoorden: tuple[str, ...]
    referentieproces: str
    begin_geldigheid: date


@dataclass(frozen=True, slots=True)
class StatusType:
    uuid: UUID
    zaaktype: UUID
    volgnummer: int
    omschrijving: str
    statustekst: str
    informeren: bool
    omschrijving_generiek: str = ""


@dataclass(frozen=True, slots=True)
class ResultaatType:
    uuid: UUID
    zaaktype: UUID
    omschrijving: str
    omschrijving_generiek: str
    archiefnominatie: str
    archiefactietermijn: str
    toelichting: str


@dataclass(frozen=True, slots=True)
class RolType:
    uuid: UUID
    zaaktype: UUID
    omschrijving: str
    omschrijving_generiek: str


@dataclass(frozen=True, slots=True)
class InformatieObjectType:
    uuid: UUID
    omschrijving: str
    vertrouwelijkheidaanduiding: str
    informatieobjectcategorie: str


@dataclass(frozen=True, slots=True)
class ZaakTypeInformatieObjectType:
    uuid: UUID
    zaaktype: UUID
    informatieobjecttype: UUID
    volgnummer: int
    richting: str
    statustype: UUID | None = None


@dataclass(slots=True)
class Zaak:
    """Mutable: the next-status hook moves it on (status, einddatum, resultaat)."""

    uuid: UUID
    identificatie: str
    zaaktype: UUID
    omschrijving: str
    toelichting: str
    registratiedatum: date
    startdatum: date
    einddatum_gepland: date | None
    uiterlijke_einddatum_afdoening: date | None
    vertrouwelijkheidaanduiding: str
    betalingsindicatie: str = "nvt"
    laatste_betaaldatum: datetime | None = None
    verlenging: tuple[str, str] | None = None  # (reden, duur)
    opschorting: str | None = None  # reden, when suspended
    zaakgeometrie: tuple[float, float] | None = None  # (lon, lat) in EPSG:4326
    einddatum: date | None = None
    status: UUID | None = None
    resultaat: UUID | None = None
    laatst_gemuteerd: datetime | None = None


@dataclass(frozen=True, slots=True)
class Status:
    uuid: UUID
    zaak: UUID
    statustype: UUID
    datum_status_gezet: datetime
    statustoelichting: str = ""


@dataclass(frozen=True, slots=True)
class Rol:
    uuid: UUID
    zaak: UUID
    roltype: UUID
    betrokkene_type: str
    omschrijving: str
    omschrijving_generiek: str
    registratiedatum: datetime
    betrokkene_identificatie: dict[str, str]
    roltoelichting: str = ""


@dataclass(frozen=True, slots=True)
class Resultaat:
    uuid: UUID
    zaak: UUID
    resultaattype: UUID
    toelichting: str = ""


@dataclass(frozen=True, slots=True)
class Document:
    """An EnkelvoudigInformatieObject; `chunks` yields its bytes (generated, never stored whole)."""

    uuid: UUID
    identificatie: str
    titel: str
    bestandsnaam: str
    beschrijving: str
    auteur: str
    vertrouwelijkheidaanduiding: str
    status: str
    informatieobjecttype: UUID
    creatiedatum: date
    bestandsomvang: int
    chunks: Callable[[], Iterator[bytes]] = field(compare=False, repr=False)
    ontvangstdatum: date | None = None
    verzenddatum: date | None = None
    formaat: str = "application/pdf"


@dataclass(frozen=True, slots=True)
class ZaakInformatieObject:
    uuid: UUID
    zaak: UUID
    informatieobject: UUID
    titel: str
    beschrijving: str
    registratiedatum: datetime
    status: UUID | None = None
