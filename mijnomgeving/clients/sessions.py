"""One pooled, keep-alive requests.Session per process and service, shared between threads."""

import os
import threading
from http.cookiejar import DefaultCookiePolicy

import requests
from django.conf import settings
from requests.adapters import HTTPAdapter

from .config import ServiceConfig

_sessions: dict[tuple[object, ...], requests.Session] = {}
_sessions_lock = threading.Lock()


def _reset_after_fork() -> None:
    global _sessions_lock
    _sessions.clear()
    _sessions_lock = threading.Lock()


os.register_at_fork(after_in_child=_reset_after_fork)


def session_for(config: ServiceConfig) -> requests.Session:
    """The shared session for this service (pool size at least UPSTREAM_MAX_PARALLEL)."""
    pool_size = max(10, int(settings.UPSTREAM_MAX_PARALLEL))
    key = (config.slug, config.api_root, config.verify, config.cert, pool_size)
    session = _sessions.get(key)
    if session is not None:
        return session
    with _sessions_lock:
        session = _sessions.get(key)
        if session is None:
            session = _new_session(config, pool_size)
            _sessions[key] = session
        return session


def _new_session(config: ServiceConfig, pool_size: int) -> requests.Session:
    """A session that is safe to share between threads: it is never changed after this.

    Auth and per-call headers go with each request, not on the session. Cookies are
    refused, so nothing a back office sets for one resident's call rides along on
    another's. No retries: a page would rather show a gap than wait twice.
    """
    session = requests.Session()
    adapter = HTTPAdapter(pool_connections=4, pool_maxsize=pool_size, max_retries=0)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.cookies.set_policy(DefaultCookiePolicy(allowed_domains=[]))
    session.headers["User-Agent"] = "MijnOmgeving"
    session.verify = config.verify
    session.cert = config.cert
    if isinstance(config.verify, str):
        session.trust_env = False  # otherwise REQUESTS_CA_BUNDLE would win over the server cert
    return session
