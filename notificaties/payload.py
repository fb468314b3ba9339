"""The notificatie the webhook receives, validated into a frozen value (docs/standards.md §4.1)."""

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from django.utils.dateparse import parse_datetime

# Field: (max length or None, is a URI), as notificaties-1.0.1.yaml#/components/schemas/Message.
_STRING_FIELDS: dict[str, tuple[int | None, bool]] = {
    "kanaal": (50, False),
    "hoofdObject": (1000, True),
    "resource": (100, False),
    "resourceUrl": (1000, True),
    "actie": (100, False),
}


@dataclass(frozen=True, slots=True)
class InvalidParam:
    name: str
    code: str
    reason: str


class InvalidNotificatie(ValueError):
    def __init__(self, invalid_params: list[InvalidParam]) -> None:
        self.invalid_params = invalid_params
        super().__init__(", ".join(param.name for param in invalid_params))


@dataclass(frozen=True, slots=True)
class Notificatie:
    kanaal: str
    hoofd_object: str
    resource: str
    resource_url: str
    actie: str
    aanmaakdatum: datetime
    kenmerken: Mapping[str, str] = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, str, str]:
        """What the handler table is keyed by."""
        return (self.kanaal, self.resource, self.actie)

    def dedupe_key(self) -> str:
        """The same message delivered twice has the same key (the NRC retries verbatim)."""
        parts = [self.kanaal, self.resource, self.actie, self.resource_url, self.hoofd_object]
        parts.append(self.aanmaakdatum.isoformat())
        return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


def _is_uri(value: str) -> bool:
    parts = urlsplit(value)
    return bool(parts.scheme in {"http", "https"} and parts.netloc)


def parse_notificatie(data: Any) -> Notificatie:
    """The value, or InvalidNotificatie naming every field that is wrong."""
    if not isinstance(data, Mapping):
        raise InvalidNotificatie([InvalidParam("nonFieldErrors", "invalid", "Geen JSON-object.")])
    errors: list[InvalidParam] = []
    values: dict[str, str] = {}
    for name, (max_length, uri) in _STRING_FIELDS.items():
        value = data.get(name)
        if value is None or value == "":
            errors.append(InvalidParam(name, "required", "Dit veld is vereist."))
        elif not isinstance(value, str):
            errors.append(InvalidParam(name, "invalid", "Geen tekst."))
        elif max_length and len(value) > max_length:
            errors.append(InvalidParam(name, "max_length", f"Langer dan {max_length} tekens."))
        elif uri and not _is_uri(value):
            errors.append(InvalidParam(name, "invalid", "Geen geldige URL."))
        else:
            values[name] = value
    aanmaakdatum = data.get("aanmaakdatum")
    moment = parse_datetime(aanmaakdatum) if isinstance(aanmaakdatum, str) else None
    if aanmaakdatum in (None, ""):
        errors.append(InvalidParam("aanmaakdatum", "required", "Dit veld is vereist."))
    elif moment is None:
        errors.append(InvalidParam("aanmaakdatum", "invalid", "Geen geldige datum en tijd."))
    kenmerken = data.get("kenmerken") or {}
    if not isinstance(kenmerken, Mapping) or not all(
        isinstance(key, str) and isinstance(value, str) for key, value in kenmerken.items()
    ):
        errors.append(InvalidParam("kenmerken", "invalid", "Geen object met tekstwaarden."))
    if errors:
        raise InvalidNotificatie(errors)
    assert moment is not None
    return Notificatie(
        kanaal=values["kanaal"],
        hoofd_object=values["hoofdObject"],
        resource=values["resource"],
        resource_url=values["resourceUrl"],
        actie=values["actie"],
        aanmaakdatum=moment,
        kenmerken=dict(kenmerken),
    )
