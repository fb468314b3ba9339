"""Field readers for `from_api()`: one place that turns JSON values into typed ones.

Errors name the field, never its value (a value may be personal data).
"""

from collections.abc import Mapping
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any, TypeVar
from uuid import UUID

from .duur import Duur

Json = Mapping[str, Any]
E = TypeVar("E", bound=Enum)


class ParseError(ValueError):
    """A payload that does not have the shape the resource needs."""


def _present(data: Json, key: str) -> Any:
    if not isinstance(data, Mapping):
        raise ParseError(f"expected an object holding {key!r}")
    if key not in data or data[key] is None:
        raise ParseError(f"missing required field {key!r}")
    return data[key]


def _typed(value: Any, kind: type, key: str, label: str) -> Any:
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ParseError(f"field {key!r} is not {label}")
    return value


def req_str(data: Json, key: str) -> str:
    value: str = _typed(_present(data, key), str, key, "a string")
    if not value:
        raise ParseError(f"field {key!r} is empty")
    return value


def opt_str(data: Json, key: str) -> str:
    """A string that may be absent, null or empty: always a str ("" when there is none)."""
    value = data.get(key)
    return "" if value is None else _typed(value, str, key, "a string")


def opt_url(data: Json, key: str) -> str | None:
    """A reference that may be absent, null or "": None when there is none."""
    return opt_str(data, key) or None


def req_uuid(data: Json, key: str = "uuid") -> UUID:
    text = req_str(data, key)
    try:
        return UUID(text)
    except ValueError:
        raise ParseError(f"field {key!r} is not a UUID") from None


def uuid_from_url(url: str) -> UUID:
    """The last path segment of a resource URL (Documenten 1.4 has no `uuid` field)."""
    try:
        return UUID(url.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1])
    except ValueError:
        raise ParseError("field 'url' does not end in a UUID") from None


def _date(value: Any, key: str) -> date:
    try:
        return date.fromisoformat(_typed(value, str, key, "a date"))
    except ValueError:
        raise ParseError(f"field {key!r} is not a date") from None


def req_date(data: Json, key: str) -> date:
    return _date(_present(data, key), key)


def opt_date(data: Json, key: str) -> date | None:
    value = data.get(key)
    return None if value in (None, "") else _date(value, key)


def _datetime(value: Any, key: str) -> datetime:
    try:
        moment = datetime.fromisoformat(_typed(value, str, key, "a date-time"))
    except ValueError:
        raise ParseError(f"field {key!r} is not a date-time") from None
    # Open Zaak serves UTC with "Z"; a value without offset is read as UTC too, so all
    # moments compare and sort together.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def req_datetime(data: Json, key: str) -> datetime:
    return _datetime(_present(data, key), key)


def opt_datetime(data: Json, key: str) -> datetime | None:
    value = data.get(key)
    return None if value in (None, "") else _datetime(value, key)


def req_bool(data: Json, key: str) -> bool:
    value: bool = _typed(_present(data, key), bool, key, "a boolean")
    return value


def opt_bool(data: Json, key: str) -> bool | None:
    """None when the field is absent or null (e.g. Documenten 1.5+ fields on 1.4)."""
    value = data.get(key)
    return None if value is None else _typed(value, bool, key, "a boolean")


def req_int(data: Json, key: str) -> int:
    value: int = _typed(_present(data, key), int, key, "an integer")
    return value


def opt_int(data: Json, key: str) -> int | None:
    value = data.get(key)
    return None if value is None else _typed(value, int, key, "an integer")


def url_tuple(data: Json, key: str) -> tuple[str, ...]:
    """A list of URLs; absent or null is an empty tuple."""
    value = data.get(key)
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ParseError(f"field {key!r} is not a list of strings")
    return tuple(value)


def req_enum(data: Json, key: str, kind: type[E]) -> E:
    text = req_str(data, key)
    try:
        return kind(text)
    except ValueError:
        raise ParseError(f"field {key!r} is not one of the allowed values") from None


def opt_enum(data: Json, key: str, kind: type[E]) -> E | None:
    """None when absent, null or blank ("" is the APIs' BlankEnum)."""
    return None if not opt_str(data, key) else req_enum(data, key, kind)


def req_duur(data: Json, key: str) -> Duur:
    text = req_str(data, key)
    try:
        return Duur.parse(text)
    except ValueError:
        raise ParseError(f"field {key!r} is not an ISO-8601 duration") from None


def opt_duur(data: Json, key: str) -> Duur | None:
    return None if not opt_str(data, key) else req_duur(data, key)


def opt_object(data: Json, key: str) -> Json | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise ParseError(f"field {key!r} is not an object")
    return value


def opt_objects(data: Json, key: str) -> tuple[Json, ...] | None:
    """A list of objects; None when absent (so "not expanded" differs from "none")."""
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(item, Mapping) for item in value):
        raise ParseError(f"field {key!r} is not a list of objects")
    return tuple(value)


def expand_of(data: Json) -> Json:
    """The `_expand` object of a resource (empty when the request did not ask for any)."""
    return opt_object(data, "_expand") or {}
