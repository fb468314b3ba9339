"""The seeded partijen and digitale adressen of the demo Klantinteracties API.

- 999993653 Suzanne Moulin: e-mail suzanne.moulin@example.nl, verified, preferred; phone
  0612345678, verified.
- 999990755 Mary Eloise Kierkegaard: e-mail mary.kierkegaard@example.nl, preferred but NOT
  verified (verificatieDatum null).
- 999991954 Sierra Kooyman: e-mail sierra.kooyman@example.nl verified and preferred, plus an
  old unverified one (sierra.oud@example.nl).
- 999992648 Athena Homeros: e-mail athena.homeros@example.nl, verified, preferred.
- 999993847 Merel Kooyman: a partij without any digitaal adres.
- 999995182 Anna Jansma: no partij at all.
"""

import functools
from dataclasses import dataclass
from datetime import date, timedelta
from uuid import UUID

from demo.backoffice.seed import uid


@dataclass(frozen=True, slots=True)
class DigitaalAdres:
    uuid: UUID
    partij: UUID
    adres: str
    soort: str  # email | telefoonnummer | overig
    is_standaard: bool
    omschrijving: str
    verificatie_datum: date | None


@dataclass(frozen=True, slots=True)
class Partij:
    uuid: UUID
    nummer: str
    bsn: str
    voorletters: str
    voornaam: str
    voorvoegsel: str
    achternaam: str
    adressen: tuple[DigitaalAdres, ...]
    voorkeur: UUID | None

    @property
    def identificator_uuid(self) -> UUID:
        return uid(f"partij-identificator:{self.bsn}")

    @property
    def volledige_naam(self) -> str:
        return " ".join(p for p in (self.voornaam, self.voorvoegsel, self.achternaam) if p)


def _partij(
    nummer: str,
    bsn: str,
    names: tuple[str, str, str, str],
    adressen: list[tuple[str, str, bool, int | None]],
    *,
    today: date,
    voorkeur: int | None = 0,
) -> Partij:
    """adressen: (adres, soort, isStandaardAdres, verified this many days ago or None)."""
    key = uid(f"partij:{bsn}")
    records = tuple(
        DigitaalAdres(
            uuid=uid(f"digitaaladres:{bsn}:{index}"),
            partij=key,
            adres=adres,
            soort=soort,
            is_standaard=standaard,
            omschrijving="E-mailadres" if soort == "email" else "Mobiel nummer",
            verificatie_datum=None if days is None else today - timedelta(days=days),
        )
        for index, (adres, soort, standaard, days) in enumerate(adressen)
    )
    return Partij(
        uuid=key,
        nummer=nummer,
        bsn=bsn,
        voorletters=names[0],
        voornaam=names[1],
        voorvoegsel=names[2],
        achternaam=names[3],
        adressen=records,
        voorkeur=records[voorkeur].uuid if records and voorkeur is not None else None,
    )


@functools.cache
def partijen(today: date) -> dict[UUID, Partij]:
    """The seeded partijen, by UUID (UUIDs are uuid5 of the BSN: the same in every run)."""
    found = [
        _partij(
            "0000000001",
            "999993653",
            ("S.", "Suzanne", "", "Moulin"),
            [
                ("suzanne.moulin@example.nl", "email", True, 30),
                ("0612345678", "telefoonnummer", True, 30),
            ],
            today=today,
        ),
        _partij(
            "0000000002",
            "999990755",
            ("M.E.", "Mary Eloise", "", "Kierkegaard"),
            [("mary.kierkegaard@example.nl", "email", True, None)],
            today=today,
        ),
        _partij(
            "0000000003",
            "999991954",
            ("S.", "Sierra", "", "Kooyman"),
            [
                ("sierra.oud@example.nl", "email", False, None),
                ("sierra.kooyman@example.nl", "email", True, 400),
            ],
            today=today,
            voorkeur=1,
        ),
        _partij(
            "0000000004",
            "999992648",
            ("A.", "Athena", "", "Homeros"),
            [("athena.homeros@example.nl", "email", True, 12)],
            today=today,
        ),
        _partij("0000000005", "999993847", ("M.", "Merel", "", "Kooyman"), [], today=today),
    ]
    return {partij.uuid: partij for partij in found}


def digitale_adressen(today: date) -> dict[UUID, DigitaalAdres]:
    return {a.uuid: a for p in partijen(today).values() for a in p.adressen}
