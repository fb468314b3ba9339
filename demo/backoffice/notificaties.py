"""A Notificaties API stand-in (Notificaties API 1.0.1, behaving like Open Notificaties).

Served under `/notificaties/api/v1` with the same ZGW JWT as the other demo APIs:
- `GET/POST /kanaal` (zaken and documenten are there from the start), `GET /kanaal/{uuid}`;
- `GET/POST /abonnement`, `GET/PUT/DELETE /abonnement/{uuid}`: creating or changing one first
  POSTs a `kanaal: "test"` message to the callbackUrl WITH the given auth and requires a 2xx,
  and (DEMO_NOTIFICATIES_TEST_CALLBACK_AUTH, on by default) once WITHOUT auth and requires
  401/403, as Open Notificaties' validators do; `auth` is write-only, as in Open Notificaties;
- `POST /notificaties`: a producer publishes; every abonnement with a matching kanaal filter
  (docs/standards.md §4.3) gets a POST to its callbackUrl with `Authorization: <auth>`, in a
  background thread, retried with exponential backoff on a non-2xx answer or an error.

The back office itself publishes `zaken`/`status`/`create` when `/_demo/zaken/{uuid}/next-status`
sets a status (see `next_status` below). `GET /_demo/notificaties` lists what was published
and every delivery attempt; `DELETE` forgets them.
"""

import os
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Final
from urllib.parse import urlsplit
from uuid import UUID, uuid4

import requests
from django.http import HttpRequest

from demo.backoffice.http import ApiError

PREFIX: Final = "/notificaties/api/v1"
API_VERSION: Final = "1.0.1"
CALLBACK_TIMEOUT_SECONDS: Final = 10.0
TEST_MESSAGE: Final = {
    "kanaal": "test",
    "hoofdObject": "http://some.hoofdobject.nl/",
    "resource": "some_resource",
    "resourceUrl": "http://some.resource.nl/",
    "actie": "create",
    "aanmaakdatum": "2019-01-01T12:00:00Z",
    "kenmerken": {},
}
SEEDED_KANALEN: Final = {
    "zaken": ["bronorganisatie", "zaaktype", "vertrouwelijkheidaanduiding", "zaaktype.catalogus"],
    "documenten": [
        "bronorganisatie",
        "informatieobjecttype",
        "vertrouwelijkheidaanduiding",
        "informatieobjecttype.catalogus",
    ],
}
MESSAGE_FIELDS: Final = (
    "kanaal",
    "hoofdObject",
    "resource",
    "resourceUrl",
    "actie",
    "aanmaakdatum",
)


def _flag(name: str, default: str) -> bool:
    return os.environ.get(name, default).strip().lower() in ("1", "true", "yes", "on")


def retries() -> int:
    """DEMO_NOTIFICATIES_RETRIES: attempts after the first failed one (default 3)."""
    return int(os.environ.get("DEMO_NOTIFICATIES_RETRIES") or 3)


def backoff_seconds() -> float:
    """DEMO_NOTIFICATIES_BACKOFF_SECONDS: wait before the first retry; doubles each time."""
    return float(os.environ.get("DEMO_NOTIFICATIES_BACKOFF_SECONDS") or 1.0)


def public_base_url(request: HttpRequest) -> str:
    """DEMO_BACKOFFICE_BASE_URL (the root the portal is configured with), else the request's."""
    configured = os.environ.get("DEMO_BACKOFFICE_BASE_URL", "").rstrip("/")
    return configured or f"{request.scheme}://{request.get_host()}"


@dataclass(slots=True)
class Kanaal:
    uuid: UUID
    naam: str
    filters: list[str]
    documentatie_link: str = ""


@dataclass(slots=True)
class Abonnement:
    uuid: UUID
    callback_url: str
    auth: str
    kanalen: list[tuple[str, dict[str, str]]]


@dataclass(slots=True)
class Router:
    lock: threading.RLock = field(default_factory=threading.RLock)
    kanalen: dict[UUID, Kanaal] = field(default_factory=dict)
    abonnementen: dict[UUID, Abonnement] = field(default_factory=dict)
    published: list[dict[str, Any]] = field(default_factory=list)
    deliveries: list[dict[str, Any]] = field(default_factory=list)

    def kanaal(self, naam: str) -> Kanaal | None:
        with self.lock:
            return next((k for k in self.kanalen.values() if k.naam == naam), None)

    def record(self, entry: dict[str, Any]) -> None:
        with self.lock:
            self.deliveries.append(entry)


ROUTER = Router()
for _kanaal_naam, _kanaal_filters in SEEDED_KANALEN.items():
    _key = uuid4()
    ROUTER.kanalen[_key] = Kanaal(_key, _kanaal_naam, list(_kanaal_filters))


def _session() -> requests.Session:
    session = requests.Session()
    session.trust_env = False  # loopback and configured hosts only: no proxies from the env
    return session


# Matching and delivery.


def matches(filters: dict[str, str], kenmerken: dict[str, str]) -> bool:
    """Open Notificaties' FilterGroup.match_pattern: equal or "*"; absent kenmerken ignored."""
    return all(
        value == "*" or value == kenmerken[key]
        for key, value in filters.items()
        if key in kenmerken
    )


def subscribers(message: dict[str, Any]) -> list[Abonnement]:
    with ROUTER.lock:
        return [
            abonnement
            for abonnement in ROUTER.abonnementen.values()
            if any(
                naam == message["kanaal"] and matches(filters, message.get("kenmerken") or {})
                for naam, filters in abonnement.kanalen
            )
        ]


def deliver(abonnement: Abonnement, message: dict[str, Any], delivery_id: str) -> bool:
    """POST the message until a 2xx or the retries run out; every attempt is recorded."""
    wait = backoff_seconds()
    with _session() as session:
        for attempt in range(1, retries() + 2):
            entry: dict[str, Any] = {
                "delivery": delivery_id,
                "abonnement": str(abonnement.uuid),
                "callbackUrl": abonnement.callback_url,
                "kanaal": message["kanaal"],
                "resource": message["resource"],
                "resourceUrl": message["resourceUrl"],
                "attempt": attempt,
                "status": None,
                "error": None,
                "at": datetime.now(UTC).isoformat(),
            }
            try:
                response = session.post(
                    abonnement.callback_url,
                    json=message,
                    headers={"Authorization": abonnement.auth},
                    timeout=CALLBACK_TIMEOUT_SECONDS,
                )
                entry["status"] = response.status_code
            except requests.RequestException as error:
                entry["error"] = f"{type(error).__name__}: {error}"
            entry["delivered"] = entry["status"] is not None and 200 <= entry["status"] < 300
            ROUTER.record(entry)
            if entry["delivered"]:
                return True
            if attempt <= retries():
                time.sleep(wait)
                wait *= 2
    return False


def publish(message: dict[str, Any]) -> list[threading.Thread]:
    """Route a validated message to every matching abonnement, each in its own thread."""
    with ROUTER.lock:
        ROUTER.published.append(message)
    threads = []
    for abonnement in subscribers(message):
        thread = threading.Thread(
            target=deliver,
            args=(abonnement, message, str(uuid4())),
            name=f"notificatie-{abonnement.uuid}",
            daemon=True,
        )
        thread.start()
        threads.append(thread)
    return threads


# Validation, as Open Notificaties answers it (400 problem+json with invalidParams).


def invalid(name: str, code: str, reason: str) -> ApiError:
    return ApiError(400, "invalid", reason, [{"name": name, "code": code, "reason": reason}])


def _url(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _filters(value: Any, name: str) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(
        isinstance(v, str) and 0 < len(v) <= 1000 for v in value.values()
    ):
        raise invalid(name, "invalid", "Filters zijn een object met tekstwaarden (1-1000 tekens).")
    return dict(value)


def _consistent(kanaal: Kanaal, names: list[str]) -> bool:
    """Open Notificaties' Kanaal.match_filter_names: one set contains the other."""
    own, given = set(kanaal.filters), set(names)
    return own <= given or own >= given


def _post_test_message(url: str, authorization: str | None) -> int | None:
    headers = {"Authorization": authorization} if authorization is not None else {}
    try:
        with _session() as session:
            return session.post(
                url, json=TEST_MESSAGE, headers=headers, timeout=CALLBACK_TIMEOUT_SECONDS
            ).status_code
    except requests.RequestException:
        return None


def validate_abonnement(body: dict[str, Any]) -> Abonnement:
    callback, authorization, kanalen = (
        body.get("callbackUrl"),
        body.get("auth"),
        body.get("kanalen"),
    )
    if not isinstance(callback, str) or not _url(callback):
        raise invalid("callbackUrl", "invalid", "Voer een geldige URL in.")
    if not isinstance(authorization, str) or not authorization:
        raise invalid("auth", "required", "Dit veld is vereist.")
    if not isinstance(kanalen, list) or not kanalen:
        raise invalid("kanalen", "required", "Dit veld is vereist.")
    groups: list[tuple[str, dict[str, str]]] = []
    for index, group in enumerate(kanalen):
        naam = group.get("naam") if isinstance(group, dict) else None
        kanaal = ROUTER.kanaal(naam) if isinstance(naam, str) else None
        if kanaal is None:
            raise invalid(
                f"kanalen.{index}.naam", "kanaal_naam", "Kanaal met deze naam bestaat niet."
            )
        filters = _filters(group.get("filters"), f"kanalen.{index}.filters")
        if filters and not _consistent(kanaal, list(filters)):
            raise invalid(
                f"kanalen.{index}.filters",
                "inconsistent-abonnement-filters",
                "abonnement filters aren't consistent with kanaal filters",
            )
        groups.append((kanaal.naam, filters))
    checks_auth = _flag("DEMO_NOTIFICATIES_TEST_CALLBACK_AUTH", "true")
    if checks_auth and _post_test_message(callback, None) not in (401, 403):
        raise invalid(
            "callbackUrl",
            "no-auth-on-callback-url",
            "De opgegeven callback URL is niet beveiligd met autorisatie.",
        )
    status = _post_test_message(callback, authorization)
    if status is None or not 200 <= status < 300:
        raise invalid(
            "nonFieldErrors",
            "invalid-callback-url",
            "De opgegeven callback URL kan geen notificaties ontvangen.",
        )
    return Abonnement(uuid4(), callback, authorization, groups)


def validate_message(body: dict[str, Any]) -> dict[str, Any]:
    for name in MESSAGE_FIELDS:
        if not isinstance(body.get(name), str) or not body[name]:
            raise invalid(name, "required", "Dit veld is vereist.")
    for name in ("hoofdObject", "resourceUrl"):
        if not _url(body[name]):
            raise invalid(name, "invalid", "Voer een geldige URL in.")
    try:
        datetime.fromisoformat(body["aanmaakdatum"].replace("Z", "+00:00"))
    except ValueError:
        raise invalid("aanmaakdatum", "invalid", "Datetime heeft een ongeldig formaat.") from None
    kenmerken = _filters(body.get("kenmerken"), "kenmerken")
    kanaal = ROUTER.kanaal(body["kanaal"])
    if kanaal is None:
        raise invalid("kanaal", "message_kanaal", "Kanaal met deze naam bestaat niet.")
    if not _consistent(kanaal, list(kenmerken)):
        raise invalid(
            "kenmerken", "kenmerken_inconsistent", "Kenmerken aren't consistent with kanaal filters"
        )
    return {**{name: body[name] for name in MESSAGE_FIELDS}, "kenmerken": kenmerken}
