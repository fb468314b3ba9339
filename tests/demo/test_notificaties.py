"""The Notificaties API stand-in over HTTP: spec-valid, the callback check, routing, retries.

A small webhook (`Receiver`) runs in the test process; the demo back office calls it back.
"""

import json
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
import requests
from openapi_schema_validator import OAS30Validator

from demo.backoffice.seed import uid
from tests.demo.contract import _inline, _raw_spec
from tests.specs import assert_response_valid

AUTH = "Bearer webhook-secret-for-the-test"
PARKEER = uid("zaak:suzanne-parkeervergunning")


def assert_schema_valid(schema: str, body: Any) -> None:
    """A request body against a schema of notificaties-1.0.1.yaml (tests.specs' request check
    also demands the JWT header, which a body on its own does not have)."""
    spec = _raw_spec("notificaties")
    OAS30Validator(_inline(spec["components"]["schemas"][schema], spec)).validate(body)


@dataclass
class Receiver:
    """A webhook: 401 without Authorization, else the next of `answers` (then 204)."""

    server: ThreadingHTTPServer
    calls: list[dict[str, Any]] = field(default_factory=list)
    answers: list[int] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/webhook/"

    def answer(self, headers: dict[str, str], body: dict[str, Any]) -> int:
        with self.lock:
            self.calls.append({"authorization": headers.get("Authorization"), "body": body})
            if not headers.get("Authorization"):
                return 401
            return self.answers.pop(0) if self.answers else 204

    def messages(self, kanaal: str = "zaken") -> list[dict[str, Any]]:
        with self.lock:
            return [c for c in self.calls if c["body"].get("kanaal") == kanaal]

    def wait_for(self, count: int, kanaal: str = "zaken", timeout: float = 15) -> list[dict]:
        deadline = time.monotonic() + timeout
        while len(self.messages(kanaal)) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.messages(kanaal)


def start_receiver() -> Receiver:
    receiver: Receiver

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length) or b"{}")
            status = receiver.answer(dict(self.headers), body)
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    receiver = Receiver(ThreadingHTTPServer(("127.0.0.1", 0), Handler))
    threading.Thread(target=receiver.server.serve_forever, daemon=True).start()
    return receiver


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    receiver = start_receiver()
    yield receiver
    receiver.server.shutdown()
    receiver.server.server_close()


@pytest.fixture
def nrc(demo_backoffice) -> Iterator[Callable[..., requests.Response]]:
    """A request to the Notificaties API with the demo JWT; abonnementen made are removed."""
    root = f"{demo_backoffice.base_url}/notificaties/api/v1"
    made: list[str] = []

    def call(method: str, path: str, body: Any = None, **kwargs: Any) -> requests.Response:
        headers = kwargs.pop("headers", demo_backoffice.auth_headers(crs=False))
        url = path if path.startswith("http") else f"{root}{path}"
        response = requests.request(method, url, json=body, headers=headers, timeout=30, **kwargs)
        if method == "POST" and path == "/abonnement" and response.status_code == 201:
            made.append(response.json()["url"])
        return response

    yield call
    for url in made:
        requests.delete(url, headers=demo_backoffice.auth_headers(crs=False), timeout=10)
    requests.delete(f"{demo_backoffice.base_url}/_demo/notificaties", timeout=10)
    demo_backoffice.reset()


def abonnement_body(url: str, **filters: str) -> dict[str, Any]:
    body = {"callbackUrl": url, "auth": AUTH, "kanalen": [{"naam": "zaken", "filters": filters}]}
    assert_schema_valid("Abonnement", body)
    return body


def valid(response: requests.Response, path: str, status: int = 200, method: str = "get") -> Any:
    assert response.status_code == status, response.text
    assert response.headers["API-version"] == "1.0.1"
    body = response.json()
    # `auth` is write-only in Open Notificaties; the 1.0.1 text lists it as required anyway.
    checked = [{**b, "auth": "(write-only)"} for b in body] if "abonnement" in path and isinstance(body, list) else body  # fmt: skip
    if "abonnement" in path and isinstance(body, dict):
        assert "auth" not in body
        checked = {**body, "auth": "(write-only)"}
    assert_response_valid("notificaties", method, path, checked, status=status)
    return body


def message(**overrides: Any) -> dict[str, Any]:
    body = {
        "kanaal": "zaken",
        "hoofdObject": "http://zaken.test/zaken/api/v1/zaken/1",
        "resource": "status",
        "resourceUrl": "http://zaken.test/zaken/api/v1/statussen/1",
        "actie": "create",
        "aanmaakdatum": "2026-01-14T00:00:00Z",
        "kenmerken": {"bronorganisatie": "517439943", "vertrouwelijkheidaanduiding": "openbaar"},
        **overrides,
    }
    assert_schema_valid("Message", body)
    return body


def test_kanalen_zaken_and_documenten_exist(nrc):
    kanalen = valid(nrc("GET", "/kanaal"), "/kanaal")
    (zaken,) = valid(nrc("GET", "/kanaal", params={"naam": "zaken"}), "/kanaal")

    assert {"zaken", "documenten"} <= {k["naam"] for k in kanalen}
    assert {"bronorganisatie", "zaaktype", "vertrouwelijkheidaanduiding"} <= set(zaken["filters"])
    assert valid(nrc("GET", zaken["url"]), "/kanaal/{uuid}")["naam"] == "zaken"


def test_a_subscription_is_checked_with_a_test_message_with_and_without_its_auth(nrc, receiver):
    created = valid(
        nrc("POST", "/abonnement", abonnement_body(receiver.url)), "/abonnement", 201, "post"
    )

    without, with_auth = receiver.messages("test")
    assert without["authorization"] is None
    assert with_auth["authorization"] == AUTH
    assert with_auth["body"]["kanaal"] == "test" and with_auth["body"]["kenmerken"] == {}
    assert created["callbackUrl"] == receiver.url
    assert created["kanalen"] == [{"naam": "zaken", "filters": {}}]
    listed = valid(nrc("GET", "/abonnement"), "/abonnement")
    assert created["url"] in {a["url"] for a in listed}
    assert valid(nrc("GET", created["url"]), "/abonnement/{uuid}") == created


def test_a_callback_that_does_not_answer_2xx_is_refused_as_invalid_callback_url(nrc, receiver):
    receiver.answers = [500]

    response = nrc("POST", "/abonnement", abonnement_body(receiver.url))

    assert response.status_code == 400
    assert response.headers["Content-Type"] == "application/problem+json"
    (param,) = response.json()["invalidParams"]
    assert param["code"] == "invalid-callback-url"


def test_a_callback_that_needs_no_auth_is_refused(nrc, demo_backoffice):
    # The back office's own health hook answers 200 to anyone.
    response = nrc(
        "POST", "/abonnement", abonnement_body(f"{demo_backoffice.base_url}/_demo/health")
    )

    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["code"] == "no-auth-on-callback-url"


def test_unknown_kanalen_and_inconsistent_filters_are_refused(nrc, receiver):
    unknown = {"callbackUrl": receiver.url, "auth": AUTH, "kanalen": [{"naam": "onbekend"}]}
    wrong_filter = abonnement_body(receiver.url, kleur="rood")

    assert nrc("POST", "/abonnement", unknown).json()["invalidParams"][0]["code"] == "kanaal_naam"
    response = nrc("POST", "/abonnement", wrong_filter)
    assert response.json()["invalidParams"][0]["code"] == "inconsistent-abonnement-filters"
    assert receiver.calls == []  # refused before calling back


def test_put_replaces_the_kanalen_after_checking_the_callback_again(nrc, receiver):
    created = nrc("POST", "/abonnement", abonnement_body(receiver.url)).json()

    body = abonnement_body(receiver.url, bronorganisatie="517439943")
    updated = valid(nrc("PUT", created["url"], body), "/abonnement/{uuid}", method="put")

    assert updated["kanalen"] == [{"naam": "zaken", "filters": {"bronorganisatie": "517439943"}}]
    assert len(receiver.messages("test")) == 4


def test_the_api_needs_the_zgw_jwt(nrc):
    assert nrc("GET", "/kanaal", headers={}).status_code == 403
    assert (
        nrc("GET", "/abonnement", headers={"Authorization": "Bearer nonsense"}).status_code == 403
    )


def test_a_published_message_reaches_matching_subscriptions_only(nrc, receiver):
    nrc("POST", "/abonnement", abonnement_body(receiver.url, bronorganisatie="517439943"))
    other = start_receiver()
    try:
        nrc("POST", "/abonnement", abonnement_body(other.url, bronorganisatie="123456782"))
        published = message()

        assert (
            valid(nrc("POST", "/notificaties", published), "/notificaties", method="post")
            == published
        )
        (delivered,) = receiver.wait_for(1)
        time.sleep(0.3)
        assert other.messages() == []
    finally:
        other.server.shutdown()
        other.server.server_close()
    assert delivered["authorization"] == AUTH
    assert delivered["body"] == published


@pytest.mark.parametrize(
    ("filters", "delivered"),
    [({"vertrouwelijkheidaanduiding": "*"}, 1), ({"zaaktype": "http://elders/zt/1"}, 1)],
    ids=["wildcard", "filter-on-an-absent-kenmerk-is-ignored"],
)
def test_filter_semantics_follow_open_notificaties(nrc, receiver, filters, delivered):
    nrc("POST", "/abonnement", abonnement_body(receiver.url, **filters))

    nrc("POST", "/notificaties", message())

    assert len(receiver.wait_for(delivered)) == delivered


def test_bad_messages_are_refused_with_the_field_named(nrc):
    missing = message()
    del missing["resourceUrl"]

    for body, name in ((missing, "resourceUrl"), (message(kanaal="onbekend"), "kanaal")):
        response = nrc("POST", "/notificaties", body)
        assert response.status_code == 400
        assert response.json()["invalidParams"][0]["name"] == name


def test_a_failing_delivery_is_retried_with_growing_waits(nrc, receiver, demo_backoffice):
    nrc("POST", "/abonnement", abonnement_body(receiver.url))
    receiver.answers = [503, 500]

    nrc("POST", "/notificaties", message())

    attempts = receiver.wait_for(3, timeout=20)
    assert len(attempts) == 3
    log = requests.get(f"{demo_backoffice.base_url}/_demo/notificaties", timeout=10).json()
    tries = [d for d in log["deliveries"] if d["callbackUrl"] == receiver.url]
    assert [(d["attempt"], d["status"], d["delivered"]) for d in tries] == [
        (1, 503, False),
        (2, 500, False),
        (3, 204, True),
    ]
    first, second, third = (time.mktime(time.strptime(d["at"][:19], "%Y-%m-%dT%H:%M:%S")) for d in tries)  # fmt: skip
    assert third - second >= second - first >= 0


def test_moving_a_zaak_on_publishes_a_status_notification(nrc, receiver, demo_backoffice):
    nrc("POST", "/abonnement", abonnement_body(receiver.url, bronorganisatie="517439943"))

    status = demo_backoffice.next_status(str(PARKEER))

    (delivered,) = receiver.wait_for(1)
    body = delivered["body"]
    assert_schema_valid("Message", body)
    assert body["kanaal"] == "zaken" and body["resource"] == "status" and body["actie"] == "create"
    assert body["resourceUrl"] == status["url"]
    assert body["hoofdObject"] == status["zaak"]
    zaak = demo_backoffice.get(status["zaak"]).json()
    assert body["kenmerken"]["zaaktype"] == zaak["zaaktype"]
    assert body["kenmerken"]["bronorganisatie"] == zaak["bronorganisatie"]
    assert body["kenmerken"]["vertrouwelijkheidaanduiding"] == zaak["vertrouwelijkheidaanduiding"]
    assert delivered["authorization"] == AUTH


def test_errors_are_problem_json_shaped_as_the_spec_says(nrc, receiver):
    receiver.answers = [500]
    refused = nrc("POST", "/abonnement", abonnement_body(receiver.url))
    denied = nrc("GET", "/abonnement", headers={})

    assert (
        refused.headers["Content-Type"]
        == denied.headers["Content-Type"]
        == "application/problem+json"
    )
    assert_schema_valid("ValidatieFout", refused.json())
    assert_schema_valid("Fout", denied.json())
    assert (refused.json()["status"], denied.json()["status"]) == (400, 403)
