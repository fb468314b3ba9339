"""Klantinteracties API 0.9.0 (Open Klant 2) resources: partij and digitaal adres (docs/standards.md §5)."""

from dataclasses import dataclass, field
from datetime import date
from typing import Self
from uuid import UUID

from .parsing import Json, ParseError, opt_bool, opt_date, opt_object, opt_str, req_str, req_uuid

EMAIL = "email"
TELEFOONNUMMER = "telefoonnummer"


def _foreign_uuid(data: Json, key: str) -> UUID | None:
    value = opt_object(data, key)
    return req_uuid(value) if value else None


@dataclass(frozen=True, slots=True)
class DigitaalAdres:
    """An e-mail address or phone number a partij gave; `adres` stays out of repr()."""

    url: str
    uuid: UUID
    soort_digitaal_adres: str  # email, telefoonnummer, overig
    adres: str = field(repr=False)
    is_standaard_adres: bool
    verificatie_datum: date | None
    verstrekt_door_partij: UUID | None

    @property
    def is_verified(self) -> bool:
        """Verified addresses carry a verificatieDatum (Decision 6)."""
        return self.verificatie_datum is not None

    @classmethod
    def from_api(cls, data: Json) -> Self:
        return cls(
            url=req_str(data, "url"),
            uuid=req_uuid(data),
            soort_digitaal_adres=req_str(data, "soortDigitaalAdres"),
            adres=req_str(data, "adres"),
            is_standaard_adres=bool(opt_bool(data, "isStandaardAdres")),
            verificatie_datum=opt_date(data, "verificatieDatum"),
            verstrekt_door_partij=_foreign_uuid(data, "verstrektDoorPartij"),
        )


@dataclass(frozen=True, slots=True)
class Partij:
    """The resident in Open Klant; contact details of an inactive partij must not be used."""

    url: str
    uuid: UUID
    soort_partij: str
    indicatie_actief: bool
    voorkeurs_digitaal_adres: UUID | None
    digitale_adressen: tuple[UUID, ...]

    @classmethod
    def from_api(cls, data: Json) -> Self:
        adressen = data.get("digitaleAdressen") or []
        if not isinstance(adressen, list):
            raise ParseError("field 'digitaleAdressen' is not a list")
        return cls(
            url=req_str(data, "url"),
            uuid=req_uuid(data),
            soort_partij=opt_str(data, "soortPartij"),
            indicatie_actief=opt_bool(data, "indicatieActief") is not False,
            voorkeurs_digitaal_adres=_foreign_uuid(data, "voorkeursDigitaalAdres"),
            digitale_adressen=tuple(req_uuid(item) for item in adressen),
        )


def preferred_address(
    partij: Partij, adressen: list[DigitaalAdres], soort: str
) -> DigitaalAdres | None:
    """The verified address of this kind to use: the partij's voorkeur, else its standaard.

    Unverified addresses never count; with several verified ones and neither mark, none is
    picked rather than guess.
    """
    candidates = [
        adres
        for adres in adressen
        if adres.soort_digitaal_adres == soort
        and adres.is_verified
        and adres.verstrekt_door_partij in (None, partij.uuid)
    ]
    for adres in candidates:
        if adres.uuid == partij.voorkeurs_digitaal_adres:
            return adres
    for adres in candidates:
        if adres.is_standaard_adres:
            return adres
    return candidates[0] if len(candidates) == 1 else None
