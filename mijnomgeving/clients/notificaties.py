"""The Notificaties API client (Open Notificaties, Notificaties API 1.0): the abonnement.

GET goes through ApiClient; the two writes (POST and PUT /abonnement) send a JSON body,
which ApiClient does not, so `_write` does that with the same session, auth and timeouts.
"""

import time
from collections.abc import Sequence
from typing import Any

import requests
from django.conf import settings

from .actor import Actor
from .base import ApiClient, load_service, strip_query
from .calls import UpstreamCall, record
from .errors import UpstreamInvalidResponse, UpstreamRejected, UpstreamUnavailable
from .notificaties_resources import Abonnement, Kanaalfilter, Problem

# Who the JWT says is calling: the portal itself, not a resident.
SYSTEM_ACTOR = Actor(user_id="mijnomgeving", user_representation="MijnOmgeving (systeem)")


class AbonnementRefused(UpstreamRejected):
    """The Notificaties API refused the abonnement (400 problem+json, e.g. invalid-callback-url)."""

    problem: Problem = Problem(code="", title="", invalid_params=())


class NotificatiesClient(ApiClient):
    def abonnementen(self) -> list[Abonnement]:
        """Every abonnement this client may see (a plain array)."""
        return self.fetch_all("abonnement", Abonnement.from_api)

    def create_abonnement(
        self, *, callback_url: str, auth: str, kanalen: Sequence[Kanaalfilter]
    ) -> Abonnement:
        body = _abonnement_body(callback_url, auth, kanalen)
        return Abonnement.from_api(self._write("POST", self.url("abonnement"), body))

    def update_abonnement(
        self, url: str, *, callback_url: str, auth: str, kanalen: Sequence[Kanaalfilter]
    ) -> Abonnement:
        body = _abonnement_body(callback_url, auth, kanalen)
        return Abonnement.from_api(self._write("PUT", url, body))

    def _write(self, method: str, url: str, body: dict[str, Any]) -> Any:
        if not self.owns(url):
            raise self._error(
                UpstreamRejected,
                "URL outside the service's api_root",
                method=method,
                url=url,
                duration=0.0,
            )
        headers = {"Accept": "application/json", **self.auth_headers()}
        timeout = (settings.UPSTREAM_CONNECT_TIMEOUT, settings.UPSTREAM_READ_TIMEOUT)
        started = time.perf_counter()
        try:
            response = self._session.request(
                method, url, json=body, headers=headers, timeout=timeout, allow_redirects=False
            )
        except requests.RequestException as error:
            duration = time.perf_counter() - started
            record(UpstreamCall(self.label, method, strip_query(url), None, duration))
            raise self._error(
                UpstreamUnavailable,
                f"request failed ({type(error).__name__})",
                method=method,
                url=url,
                duration=duration,
            ) from None
        duration = time.perf_counter() - started
        record(UpstreamCall(self.label, method, strip_query(url), response.status_code, duration))
        if 200 <= response.status_code < 300:
            try:
                return response.json()
            except ValueError:
                pass
            raise self._error(
                UpstreamInvalidResponse,
                "body is not JSON",
                method=method,
                url=url,
                duration=duration,
                status_code=response.status_code,
            )
        if response.status_code == 429 or response.status_code >= 500:
            raise self._error(
                UpstreamUnavailable,
                "unavailable",
                method=method,
                url=url,
                duration=duration,
                status_code=response.status_code,
            )
        try:
            problem = Problem.from_api(response.json())
        except ValueError:
            problem = Problem.from_api(None)
        refused = self._error(
            AbonnementRefused,
            problem.describe() or "request refused",
            method=method,
            url=url,
            duration=duration,
            status_code=response.status_code,
        )
        assert isinstance(refused, AbonnementRefused)
        refused.problem = problem
        raise refused


def _abonnement_body(
    callback_url: str, auth: str, kanalen: Sequence[Kanaalfilter]
) -> dict[str, Any]:
    return {
        "callbackUrl": callback_url,
        "auth": auth,
        "kanalen": [kanaal.as_api() for kanaal in kanalen],
    }


def build_notificaties_client(actor: Actor = SYSTEM_ACTOR) -> NotificatiesClient:
    """The client for the Service with slug settings.NOTIFICATIES_SERVICE_SLUG (ZGW JWT)."""
    return NotificatiesClient(load_service(settings.NOTIFICATIES_SERVICE_SLUG), actor)
