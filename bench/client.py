"""A resident's browser, reduced to requests: the real OIDC login, timed page views, costs."""

import time
from dataclasses import dataclass
from typing import Any

import requests

from tests.fixtures.roundtrips import PageCost, page_cost

TIMEOUT = 120.0


class BenchError(RuntimeError):
    """Something the benchmark needs did not work; the message says what."""


def new_session() -> requests.Session:
    session = requests.Session()
    session.trust_env = False  # loopback only: never a proxy from the environment
    return session


def log_in(portal_url: str, bsn: str) -> requests.Session:
    """A session logged in at the portal as bsn, through the portal's DigiD (OIDC) login:
    the portal redirects to the provider, the provider's form posts `sub`, the provider
    redirects back to the portal's callback, which starts the session."""
    session = new_session()
    form = session.get(f"{portal_url}/oidc/authenticate/", timeout=TIMEOUT)
    if form.status_code != 200 or 'name="sub"' not in form.text:
        raise BenchError(
            f"Geen inlogformulier van de OIDC-provider ({form.status_code} {form.url})."
        )
    done = session.post(form.url, data={"sub": bsn}, timeout=TIMEOUT)
    if done.status_code != 200 or not done.url.startswith(portal_url):
        raise BenchError(f"Inloggen als {bsn} mislukt: {done.status_code} {done.url}")
    check = session.get(f"{portal_url}/mijn-zaken/", timeout=TIMEOUT, allow_redirects=False)
    if check.status_code != 200:
        raise BenchError(f"Na inloggen geeft /mijn-zaken/ {check.status_code}, niet 200.")
    return session


@dataclass(frozen=True)
class PageView:
    status: int
    ms: float
    size: int


def timed_get(session: requests.Session, url: str) -> PageView:
    """GET url and read the whole body; the time from sending to the last byte."""
    started = time.perf_counter()
    response = session.get(url, timeout=TIMEOUT, allow_redirects=False)
    body = response.content
    return PageView(response.status_code, (time.perf_counter() - started) * 1000, len(body))


class Backoffice:
    """The demo back office's /_demo/ hooks: latency and cost model knobs, request log."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url.rstrip("/")
        self.session = new_session()

    def set_latency(self, ms: float, jitter_ms: float) -> None:
        response = self.session.put(
            f"{self.base_url}/_demo/latency", json={"ms": ms, "jitterMs": jitter_ms}, timeout=10
        )
        response.raise_for_status()

    def set_cost_model(self, name: str) -> None:
        """The named cost model (demo/backoffice/costs.py) in place of the flat latency;
        "" for the flat latency again."""
        response = self.session.put(
            f"{self.base_url}/_demo/cost-model", json={"model": name}, timeout=10
        )
        response.raise_for_status()

    def clear_log(self) -> None:
        self.session.delete(f"{self.base_url}/_demo/requests", timeout=10).raise_for_status()

    def log(self) -> list[dict[str, Any]]:
        response = self.session.get(f"{self.base_url}/_demo/requests", timeout=30)
        response.raise_for_status()
        return list(response.json())

    def logged(self, action: Any) -> tuple[Any, PageCost, list[dict[str, Any]]]:
        """Run action() (one page view) on an empty request log: its result, its cost and
        the log entries themselves (each with the model's "cost" under the cost model)."""
        self.clear_log()
        result = action()
        log = self.log()
        return result, page_cost(log), log
