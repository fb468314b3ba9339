"""Notificaties API 1.0 resources: the abonnement (subscription) and a refusal's problem."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Self

from .parsing import Json, ParseError, opt_str, req_str


@dataclass(frozen=True, slots=True)
class Kanaalfilter:
    naam: str
    filters: Mapping[str, str]

    def as_api(self) -> dict[str, Any]:
        return {"naam": self.naam, "filters": dict(self.filters)}


@dataclass(frozen=True, slots=True)
class Abonnement:
    """A subscription; `auth` is the secret header value, kept out of repr()."""

    url: str
    callback_url: str
    auth: str = field(repr=False)
    kanalen: tuple[Kanaalfilter, ...]

    @classmethod
    def from_api(cls, data: Json) -> Self:
        kanalen = data.get("kanalen") or []
        if not isinstance(kanalen, list):
            raise ParseError("field 'kanalen' is not a list")
        return cls(
            url=req_str(data, "url"),
            callback_url=req_str(data, "callbackUrl"),
            auth=opt_str(data, "auth"),
            kanalen=tuple(
                Kanaalfilter(
                    naam=req_str(kanaal, "naam"), filters=dict(kanaal.get("filters") or {})
                )
                for kanaal in kanalen
            ),
        )


@dataclass(frozen=True, slots=True)
class Problem:
    """A problem+json answer (ValidatieFout): what the Notificaties API objected to."""

    code: str
    title: str
    invalid_params: tuple[tuple[str, str, str], ...]  # (name, code, reason)

    @classmethod
    def from_api(cls, data: object) -> Self:
        if not isinstance(data, Mapping):
            return cls(code="", title="", invalid_params=())
        params = data.get("invalidParams") or []
        return cls(
            code=str(data.get("code") or ""),
            title=str(data.get("title") or ""),
            invalid_params=tuple(
                (str(p.get("name", "")), str(p.get("code", "")), str(p.get("reason", "")))
                for p in params
                if isinstance(p, Mapping)
            ),
        )

    def describe(self) -> str:
        details = "; ".join(
            f"{name}: {code} ({reason})" for name, code, reason in self.invalid_params
        )
        return " - ".join(part for part in (self.code, self.title, details) if part)
