"""Open Zaak's authentication and CRS negotiation, over real HTTP: 403/412/406 problem+json."""

import time

import jwt
import pytest

from demo.backoffice.seed import uid
from tests.demo.contract import assert_problem
from tests.fixtures.backoffice import CRS_HEADERS, DemoBackoffice, zgw_jwt

DOCUMENT = uid("document:suzanne-parkeer-aanvraag")
ENDPOINTS = [
    ("zaken", "/zaken", "/zaken/api/v1/zaken"),
    ("catalogi", "/zaaktypen", "/catalogi/api/v1/zaaktypen"),
    (
        "documenten",
        "/enkelvoudiginformatieobjecten/{uuid}",
        f"/documenten/api/v1/enkelvoudiginformatieobjecten/{DOCUMENT}",
    ),
    (
        "documenten",
        "/enkelvoudiginformatieobjecten/{uuid}/download",
        f"/documenten/api/v1/enkelvoudiginformatieobjecten/{DOCUMENT}/download",
    ),
]


def _call(backoffice: DemoBackoffice, url: str, authorization: str | None):
    headers = dict(CRS_HEADERS)
    if authorization is not None:
        headers["Authorization"] = authorization
    return backoffice.session.get(f"{backoffice.base_url}{url}", headers=headers, timeout=10)


@pytest.mark.parametrize(("api", "template", "url"), ENDPOINTS)
def test_missing_token_is_forbidden(demo_backoffice, api, template, url):
    response = _call(demo_backoffice, url, None)

    assert_problem(api, template, response, 403, "permission_denied")


@pytest.mark.parametrize(("api", "template", "url"), ENDPOINTS)
def test_token_signed_with_another_secret_is_forbidden(demo_backoffice, api, template, url):
    token = zgw_jwt(demo_backoffice.client_id, "not-the-shared-secret-but-long-enough")

    response = _call(demo_backoffice, url, f"Bearer {token}")

    assert_problem(api, template, response, 403, "invalid-jwt-signature")


@pytest.mark.parametrize(("api", "template", "url"), ENDPOINTS)
def test_token_older_than_an_hour_is_expired(demo_backoffice, api, template, url):
    token = demo_backoffice.token(iat=time.time() - 3600 - 60)

    response = _call(demo_backoffice, url, f"Bearer {token}")

    assert_problem(api, template, response, 403, "jwt-expired")


def test_token_of_59_minutes_is_still_accepted(demo_backoffice):
    token = demo_backoffice.token(iat=time.time() - 59 * 60)

    response = _call(demo_backoffice, "/catalogi/api/v1/zaaktypen", f"Bearer {token}")

    assert response.status_code == 200


@pytest.mark.parametrize(
    ("claims", "code"),
    [
        ({"client_id": "someone-else", "iss": "someone-else"}, "invalid-client-identifier"),
        ({"client_id": None}, "missing-client-identifier"),
        ({"iat": None}, "jwt-missing-iat-claim"),
        ({"iss": None}, "jwt-missing-iss-claim"),
    ],
)
def test_tokens_lacking_required_claims_are_forbidden(demo_backoffice, claims, code):
    payload = {
        "iss": demo_backoffice.client_id,
        "iat": int(time.time()),
        "client_id": demo_backoffice.client_id,
        "user_id": "u",
        "user_representation": "U",
    }
    payload.update(claims)
    payload = {key: value for key, value in payload.items() if value is not None}
    token = jwt.encode(payload, demo_backoffice.secret, algorithm="HS256")

    response = _call(demo_backoffice, "/zaken/api/v1/zaken", f"Bearer {token}")

    assert_problem("zaken", "/zaken", response, 403, code)


def test_garbage_token_cannot_be_decoded(demo_backoffice):
    response = _call(demo_backoffice, "/zaken/api/v1/zaken", "Bearer not.a.jwt")

    assert_problem("zaken", "/zaken", response, 403, "jwt-decode-error")


def test_audit_claims_of_each_request_are_logged(demo_backoffice):
    demo_backoffice.clear_requests_log()
    headers = demo_backoffice.auth_headers("inwoner:abc123", "MijnOmgeving (inwoner)")

    demo_backoffice.session.get(f"{demo_backoffice.zaken_url}/zaken", headers=headers, timeout=10)

    (entry,) = demo_backoffice.requests_log()
    assert entry["client_id"] == demo_backoffice.client_id
    assert entry["user_id"] == "inwoner:abc123"
    assert entry["user_representation"] == "MijnOmgeving (inwoner)"


@pytest.mark.parametrize(
    ("template", "url"),
    [
        ("/zaken", "/zaken/api/v1/zaken"),
        ("/zaken/{uuid}", f"/zaken/api/v1/zaken/{uid('zaak:suzanne-parkeervergunning')}"),
    ],
)
def test_zaak_calls_without_accept_crs_fail_the_precondition(demo_backoffice, template, url):
    headers = demo_backoffice.auth_headers(crs=False)

    response = demo_backoffice.session.get(
        f"{demo_backoffice.base_url}{url}", headers=headers, timeout=10
    )

    body = assert_problem("zaken", template, response, 412, "precondition_failed")
    assert "Accept-Crs" in body["detail"]


def test_zaak_calls_with_another_crs_are_not_acceptable(demo_backoffice):
    headers = {**demo_backoffice.auth_headers(crs=False), "Accept-Crs": "EPSG:28992"}

    response = demo_backoffice.session.get(
        f"{demo_backoffice.zaken_url}/zaken", headers=headers, timeout=10
    )

    assert_problem("zaken", "/zaken", response, 406, "not_acceptable")


def test_other_zaken_resources_do_not_need_accept_crs(demo_backoffice):
    headers = demo_backoffice.auth_headers(crs=False)

    response = demo_backoffice.session.get(
        f"{demo_backoffice.zaken_url}/statussen", headers=headers, timeout=10
    )

    assert response.status_code == 200
    assert "Content-Crs" not in response.headers
