"""Builds coherent zaken: statuses in date order, rollen, a resultaat when closed, documents."""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from uuid import UUID

from demo.backoffice import pdf
from demo.backoffice.models import (
    Document,
    Resultaat,
    Rol,
    Status,
    Zaak,
    ZaakInformatieObject,
)
from demo.backoffice.seed.catalogus import Catalogi, uid


@dataclass(frozen=True, slots=True)
class Person:
    bsn: str
    voornamen: str
    voorletters: str
    voorvoegsel: str
    geslachtsnaam: str
    geslachtsaanduiding: str
    geboortedatum: str

    @property
    def naam(self) -> str:
        return " ".join(
            part for part in (self.voornamen, self.voorvoegsel, self.geslachtsnaam) if part
        )


@dataclass(frozen=True, slots=True)
class Company:
    inn_nnp_id: str
    kvk_nummer: str
    statutaire_naam: str


@dataclass(slots=True)
class Seed:
    """Everything the demo APIs serve, keyed by UUID."""

    catalogi: Catalogi
    zaken: dict[UUID, Zaak] = field(default_factory=dict)
    statussen: dict[UUID, Status] = field(default_factory=dict)
    rollen: dict[UUID, Rol] = field(default_factory=dict)
    resultaten: dict[UUID, Resultaat] = field(default_factory=dict)
    documents: dict[UUID, Document] = field(default_factory=dict)
    zios: dict[UUID, ZaakInformatieObject] = field(default_factory=dict)


MEDEWERKER = {
    "identificatie": "mdw-jdevries",
    "achternaam": "Vries",
    "voorletters": "J.",
    "voorvoegselAchternaam": "de",
}


def _days(duration: str) -> int:
    match = re.fullmatch(r"P(\d+)D", duration)
    if match is None:
        raise ValueError(f"Expected a duration in whole days, got {duration!r}.")
    return int(match.group(1))


def _at(day: date, seq: int) -> datetime:
    """A working-hours moment on `day`, varied but deterministic."""
    return datetime.combine(day, time(8 + seq % 8, (seq * 17) % 60), tzinfo=UTC)


class SeedBuilder:
    def __init__(self, catalogi: Catalogi, today: date) -> None:
        self.seed = Seed(catalogi)
        self.today = today
        self._zaak_number = 0
        self._doc_number = 0
        self._keys: dict[UUID, str] = {}

    def zaak(
        self,
        key: str,
        zaaktype: str,
        *,
        omschrijving: str,
        started_days_ago: int,
        status_days: list[int],
        toelichting: str = "",
        vertrouwelijkheid: str | None = None,
        resultaat: str | None = None,
        toelichtingen: dict[int, str] | None = None,
        betaald: bool = False,
        verlenging: tuple[str, str] | None = None,
        opschorting: str | None = None,
        locatie: tuple[float, float] | None = None,
    ) -> Zaak:
        """A zaak started `started_days_ago`; status N is set `status_days[N-1]` days after start.

        Reaching the last statustype closes the zaak: it then needs a `resultaat`.
        """
        catalogi = self.seed.catalogi
        zaaktype_record = catalogi.zaaktypen[uid(f"zaaktype:{zaaktype}")]
        statustypen = catalogi.statustypen_of(zaaktype)
        startdatum = self.today - timedelta(days=started_days_ago)
        if status_days != sorted(status_days) or len(status_days) > len(statustypen):
            raise ValueError(f"{key}: status days must ascend and fit the statustypen.")
        if status_days and startdatum + timedelta(days=status_days[-1]) >= self.today:
            raise ValueError(f"{key}: every status must lie before today.")
        closed = len(status_days) == len(statustypen)
        if closed != (resultaat is not None):
            raise ValueError(f"{key}: a zaak has a resultaat exactly when it is closed.")
        self._zaak_number += 1
        extra_days = _days(verlenging[1]) if verlenging else 0
        zaak = Zaak(
            uuid=uid(f"zaak:{key}"),
            identificatie=f"ZAAK-{startdatum.year}-{self._zaak_number:010d}",
            zaaktype=zaaktype_record.uuid,
            omschrijving=omschrijving,
            toelichting=toelichting,
            registratiedatum=startdatum,
            startdatum=startdatum,
            einddatum_gepland=startdatum
            + timedelta(days=_days(zaaktype_record.servicenorm or zaaktype_record.doorlooptijd)),
            uiterlijke_einddatum_afdoening=startdatum
            + timedelta(days=_days(zaaktype_record.doorlooptijd) + extra_days),
            vertrouwelijkheidaanduiding=vertrouwelijkheid
            or zaaktype_record.vertrouwelijkheidaanduiding,
            betalingsindicatie="geheel" if betaald else "nvt",
            laatste_betaaldatum=_at(startdatum, 3) if betaald else None,
            verlenging=verlenging,
            opschorting=opschorting,
            zaakgeometrie=locatie,
            laatst_gemuteerd=_at(startdatum, 1),
        )
        self.seed.zaken[zaak.uuid] = zaak
        self._keys[zaak.uuid] = key
        for volgnummer, days in enumerate(status_days, start=1):
            status = Status(
                uuid=uid(f"status:{key}:{volgnummer}"),
                zaak=zaak.uuid,
                statustype=statustypen[volgnummer - 1].uuid,
                datum_status_gezet=_at(startdatum + timedelta(days=days), volgnummer + 1),
                statustoelichting=(toelichtingen or {}).get(volgnummer, ""),
            )
            self.seed.statussen[status.uuid] = status
            zaak.status = status.uuid
            zaak.laatst_gemuteerd = status.datum_status_gezet
        if resultaat is not None:
            self.close(zaak, resultaat)
        return zaak

    def close(self, zaak: Zaak, resultaat: str) -> None:
        """Give a zaak whose end status is set its resultaat and einddatum (zrc-007)."""
        record = resultaat_for(self.seed, zaak, resultaat)
        self.seed.resultaten[record.uuid] = record
        mark_closed(self.seed, zaak, record)

    def person_rol(self, zaak: Zaak, omschrijving_generiek: str, person: Person) -> Rol:
        identificatie = {
            "inpBsn": person.bsn,
            "anpIdentificatie": "",
            "geslachtsnaam": person.geslachtsnaam,
            "voorvoegselGeslachtsnaam": person.voorvoegsel,
            "voorletters": person.voorletters,
            "voornamen": person.voornamen,
            "geslachtsaanduiding": person.geslachtsaanduiding,
            "geboortedatum": person.geboortedatum,
        }
        return self._rol(zaak, omschrijving_generiek, "natuurlijk_persoon", identificatie)

    def company_rol(self, zaak: Zaak, omschrijving_generiek: str, company: Company) -> Rol:
        identificatie = {
            "innNnpId": company.inn_nnp_id,
            "annIdentificatie": "",
            "kvkNummer": company.kvk_nummer,
            "vestigingsNummer": "",
            "statutaireNaam": company.statutaire_naam,
            "innRechtsvorm": "stichting",
            "bezoekadres": "",
        }
        return self._rol(zaak, omschrijving_generiek, "niet_natuurlijk_persoon", identificatie)

    def behandelaar(self, zaak: Zaak) -> Rol:
        return self._rol(zaak, "behandelaar", "medewerker", dict(MEDEWERKER))

    def _rol(
        self, zaak: Zaak, generiek: str, betrokkene_type: str, identificatie: dict[str, str]
    ) -> Rol:
        catalogi = self.seed.catalogi
        roltype = catalogi.roltype(catalogi.zaaktypen[zaak.zaaktype].identificatie, generiek)
        number = sum(1 for rol in self.seed.rollen.values() if rol.zaak == zaak.uuid)
        rol = Rol(
            uuid=uid(f"rol:{zaak.uuid}:{number}"),
            zaak=zaak.uuid,
            roltype=roltype.uuid,
            betrokkene_type=betrokkene_type,
            omschrijving=roltype.omschrijving,
            omschrijving_generiek=generiek,
            registratiedatum=_at(zaak.registratiedatum, number),
            betrokkene_identificatie=identificatie,
        )
        self.seed.rollen[rol.uuid] = rol
        return rol

    def document(
        self,
        key: str,
        zaak: Zaak,
        iot: str,
        titel: str,
        *,
        bestandsnaam: str,
        days_after_start: int,
        vertrouwelijkheid: str,
        status: str = "definitief",
        at_status: int | None = None,
        auteur: str = "Gemeente Demodam",
        beschrijving: str = "",
        size: int | None = None,
    ) -> Document:
        """A PDF linked to `zaak` (and to its status `at_status`, when given).

        Its UUID is `uid("document:<key>")`; with `size` its bytes are padded to that size
        and generated while they are streamed.
        """
        self._doc_number += 1
        creatiedatum = zaak.startdatum + timedelta(days=days_after_start)
        if creatiedatum >= self.today:
            raise ValueError(f"{key}: a document must be created before today.")
        inkomend = iot in ("aanvraagformulier", "bijlage")
        if size is None:
            content = pdf.pdf_bytes(titel, [zaak.omschrijving, beschrijving or titel])

            def chunks(content: bytes = content) -> Iterator[bytes]:
                yield content

            size = len(content)
        else:

            def chunks(titel: str = titel, size: int = size) -> Iterator[bytes]:
                return pdf.padded_pdf_chunks(titel, size)

        document = Document(
            uuid=uid(f"document:{key}"),
            identificatie=f"DOC-{creatiedatum.year}-{self._doc_number:010d}",
            titel=titel,
            bestandsnaam=bestandsnaam,
            beschrijving=beschrijving,
            auteur=auteur,
            vertrouwelijkheidaanduiding=vertrouwelijkheid,
            status=status,
            informatieobjecttype=uid(f"iot:{iot}"),
            creatiedatum=creatiedatum,
            bestandsomvang=size,
            chunks=chunks,
            ontvangstdatum=creatiedatum if inkomend else None,
            verzenddatum=None if inkomend else creatiedatum,
        )
        self.seed.documents[document.uuid] = document
        status_uuid = uid(f"status:{self._keys[zaak.uuid]}:{at_status}") if at_status else None
        if status_uuid is not None and status_uuid not in self.seed.statussen:
            raise ValueError(
                f"{titel}: zaak {zaak.identificatie} never reached status {at_status}."
            )
        zio = ZaakInformatieObject(
            uuid=uid(f"zio:{document.uuid}"),
            zaak=zaak.uuid,
            informatieobject=document.uuid,
            titel=titel,
            beschrijving=beschrijving,
            registratiedatum=_at(creatiedatum, self._doc_number),
            status=status_uuid,
        )
        self.seed.zios[zio.uuid] = zio
        return document


def resultaat_for(seed: Seed, zaak: Zaak, omschrijving: str) -> Resultaat:
    """The Resultaat of `zaak` with the resultaattype of that omschrijving (not stored yet)."""
    catalogi = seed.catalogi
    resultaattype = catalogi.resultaattype(
        catalogi.zaaktypen[zaak.zaaktype].identificatie, omschrijving
    )
    return Resultaat(
        uuid=uid(f"resultaat:{zaak.uuid}"),
        zaak=zaak.uuid,
        resultaattype=resultaattype.uuid,
        toelichting=resultaattype.toelichting,
    )


def mark_closed(seed: Seed, zaak: Zaak, resultaat: Resultaat) -> None:
    """Point the zaak at its stored resultaat; einddatum is the date of its end status."""
    if zaak.status is None:
        raise ValueError(f"{zaak.identificatie} has no end status to close on.")
    zaak.resultaat = resultaat.uuid
    zaak.einddatum = seed.statussen[zaak.status].datum_status_gezet.date()
