"""What the session holds for a logged-in resident: the Identity, the DigiD level, activity."""

import time
from collections.abc import Iterator, MutableSet
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from .identity import Identity, identifier_hash

# The BSN lives here while the resident is logged in, never in the database or a URL.
IDENTITY_KEY = "mijnomgeving.identity"
LOA_KEY = "mijnomgeving.loa"
LAST_ACTIVITY_KEY = "mijnomgeving.last_activity"
# Survives the flush of an idle logout, so the next page can say why the resident was logged out.
LOGOUT_REASON_KEY = "mijnomgeving.logout_reason"
LOGOUT_REASON_IDLE = "idle"
ID_TOKEN_KEY = "oidc_id_token"  # noqa: S105  (mozilla-django-oidc's session key)


@dataclass(frozen=True, slots=True)
class DigiDLogin:
    """What the backend learned from the provider, carried to the callback view on the user."""

    identity: Identity
    loa: str  # "basis" … "hoog", "" when the provider sent no known level


def start_resident_session(request: HttpRequest, login: DigiDLogin, id_token: str | None) -> None:
    """Fill a freshly logged-in session; call after ``django.contrib.auth.login``."""
    session = request.session
    session[IDENTITY_KEY] = {"bsn": login.identity.bsn, "kvk": login.identity.kvk}
    session[LOA_KEY] = login.loa
    if id_token:
        session[ID_TOKEN_KEY] = id_token
    session.pop("oidc_login_next", None)
    touch(request)


def get_identity(request: HttpRequest) -> Identity | None:
    """The logged-in resident or business, or None (anonymous, staff, or a stale session)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    data = request.session.get(IDENTITY_KEY)
    if not isinstance(data, dict):
        return None
    try:
        identity = Identity(bsn=str(data.get("bsn", "")), kvk=str(data.get("kvk", "")))
    except ValueError:
        return None
    if not _belongs_to(user, identity):
        return None
    return identity


def _belongs_to(user: AbstractBaseUser, identity: Identity) -> bool:
    expected = getattr(user, "identifier_hash", None)
    return bool(expected) and expected == identifier_hash(identity.number)


# Activity is written to the session at most this often: a page view within it changes
# nothing, so most requests write no session (one database or Redis write less each). A
# session can therefore end up to this many seconds early, never late.
ACTIVITY_RESOLUTION_SECONDS = 30


def touch(request: HttpRequest) -> None:
    """Record activity now: the idle timeout counts from here."""
    request.session[LAST_ACTIVITY_KEY] = time.time()


def touch_if_stale(request: HttpRequest) -> None:
    """`touch`, unless the recorded activity is younger than ACTIVITY_RESOLUTION_SECONDS."""
    last = request.session.get(LAST_ACTIVITY_KEY)
    if not isinstance(last, int | float) or time.time() - last >= ACTIVITY_RESOLUTION_SECONDS:
        touch(request)


def seconds_left(request: HttpRequest) -> int:
    """Seconds until the session ends for inactivity (0 when it has or when nobody is in)."""
    if not request.user.is_authenticated:
        return 0
    last = request.session.get(LAST_ACTIVITY_KEY)
    if not isinstance(last, int | float):
        return settings.SESSION_IDLE_TIMEOUT
    return max(0, int(settings.SESSION_IDLE_TIMEOUT - (time.time() - last)))


def is_idle(request: HttpRequest) -> bool:
    last = request.session.get(LAST_ACTIVITY_KEY)
    return isinstance(last, int | float) and time.time() - last > settings.SESSION_IDLE_TIMEOUT


def pop_logout_reason(request: HttpRequest) -> str:
    return str(request.session.pop(LOGOUT_REASON_KEY, ""))


def require_identity(request: HttpRequest) -> Identity:
    """``get_identity`` for views behind ``resident_required``: never None there."""
    identity = get_identity(request)
    if identity is None:
        raise PermissionDenied("No resident is logged in.")
    return identity


# The zaken this session saw the person own (checked on their rollen), so a list page need
# not have every row's rollen embedded again (zaken/services/queries.py). Per session, so it
# ends with the login; at most this many, the oldest dropped.
OWNED_ZAKEN_KEY = "mijnomgeving.owned_zaken"
OWNED_ZAKEN_LIMIT = 500


class SessionSet(MutableSet[str]):
    """A set of strings kept in the session; the session is written only when it grows."""

    def __init__(self, request: HttpRequest, key: str, limit: int) -> None:
        self._session = request.session
        self._key = key
        self._limit = limit
        stored = self._session.get(key)
        self._items: list[str] = (
            [item for item in stored if isinstance(item, str)] if isinstance(stored, list) else []
        )

    def __contains__(self, item: object) -> bool:
        return item in self._items

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._items))

    def __len__(self) -> int:
        return len(self._items)

    def add(self, value: str) -> None:
        if value in self._items:
            return
        self._items = [*self._items, value][-self._limit :]
        self._session[self._key] = self._items

    def discard(self, value: str) -> None:
        if value in self._items:
            self._items = [item for item in self._items if item != value]
            self._session[self._key] = self._items


def owned_zaken(request: HttpRequest) -> SessionSet:
    """The zaken this resident's session has seen her own (see OWNED_ZAKEN_KEY)."""
    return SessionSet(request, OWNED_ZAKEN_KEY, OWNED_ZAKEN_LIMIT)
