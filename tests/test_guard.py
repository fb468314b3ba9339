"""Site-wide guard (docs/architecture.md rule 17): every named page, for everyone, keeps the basics.

Every named URL (tests/guard.py finds them) is requested anonymously, by a logged-in resident
and by a desk employee looking that resident up, with the identifiers of the resident's own
zaak and document in an in-memory back office. Every HTML answer is checked, whatever its
status: the pages themselves (200), the 403 of someone in the wrong place, the 404 of an
unknown identifier and the 503 of a back office that is down. Every answer carries the
security headers. How to register a new URL with parameters: see tests/guard.py.
"""

from uuid import uuid4

import pytest
from django.core.management import call_command
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from tests.guard import (
    GUARDED,
    PERSONAL,
    RESIDENT_A,
    SKIPPED_URLS,
    URL_ARGUMENTS,
    URLS,
    Person,
    arguments_problem,
    assert_page_basics,
    assert_security_headers,
    body_of,
    client_of,
    is_html,
    url_for,
)
from tests.zaken.zgw_world import ZgwWorld

__all__ = ["assert_page_basics"]  # tests/test_pages.py checks its pages with it too

ROLES = ["anonymous", "resident", "desk"]
# The pages each role must really get (not a 403 or a redirect): the walk checks their content.
PAGES_OF = {
    "resident": {
        "dashboard",
        "zaken:list",
        "zaken:list-closed",
        "zaken:detail",
        "zaken:document-download",
        "notificaties:preferences",
    },
    "desk": {
        "balie:start",
        "balie-zaken:list",
        "balie-zaken:list-closed",
        "balie-zaken:detail",
        "balie-zaken:document-download",
    },
}
# What is nothing without the back office: a 503 page when it is down, never an empty page.
UNAVAILABLE_WHEN_DOWN = {
    f"{namespace}:{page}"
    for namespace in ("zaken", "balie-zaken")
    for page in ("list", "list-closed", "detail", "document-download")
}


def client_for(role: str, request: pytest.FixtureRequest, name: str = "") -> Client:
    """The client of a role; resident and desk see resident A (both people exist). Skips the
    test first when `name` is a page the guard does not check."""
    if name in SKIPPED_URLS:
        pytest.skip(SKIPPED_URLS[name])
    request.getfixturevalue("resident_b")
    if role == "anonymous":
        return Client()
    desk_client = request.getfixturevalue("desk_client") if role == "desk" else None
    return client_of(role, RESIDENT_A, desk_client)


def get(client: Client, name: str, identifiers: dict[str, str]) -> HttpResponse:
    return client.get(url_for(name, identifiers))


def assert_guarded(response: HttpResponse, name: str) -> bytes:
    """The checks on any answer: headers always; an HTML body is a whole page with the basics."""
    body = body_of(response)
    assert b"Traceback" not in body, name
    if response.status_code == 405:  # a form's POST-only action: Django's empty answer
        assert body == b"" and "GET" not in response.headers["Allow"], name
        assert_security_headers(response, page=False)
        return body
    assert_security_headers(response, page=is_html(response))
    if is_html(response) and not 300 <= response.status_code < 400:
        assert_page_basics(body.decode())
    return body


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", GUARDED)
def test_every_page_keeps_the_basics(
    name: str, role: str, resident_a: Person, request: pytest.FixtureRequest
) -> None:
    client = client_for(role, request, name)

    response = get(client, name, resident_a.identifiers())

    assert response.status_code < 500, f"{role} on {name}: {response.status_code}"
    if name in PAGES_OF.get(role, ()):
        assert response.status_code == 200, f"{role} does not reach {name}"
    assert_guarded(response, name)


@pytest.mark.parametrize("role", ["resident", "desk"])
@pytest.mark.parametrize("name", [name for name in GUARDED if URLS[name]])
def test_an_unknown_identifier_is_a_guarded_404(
    name: str, role: str, resident_a: Person, request: pytest.FixtureRequest
) -> None:
    client = client_for(role, request, name)
    unknown = {kind: str(uuid4()) for kind in Person.KINDS}

    response = get(client, name, unknown)

    if name in PAGES_OF[role]:
        assert response.status_code == 404
    assert_guarded(response, name)


@pytest.mark.parametrize("role", ["resident", "desk"])
@pytest.mark.parametrize("name", GUARDED)
def test_a_back_office_outage_is_a_guarded_page(
    name: str, role: str, guard_world: ZgwWorld, resident_a: Person, request: pytest.FixtureRequest
) -> None:
    client = client_for(role, request, name)
    guard_world.fail(".", "500")

    response = get(client, name, resident_a.identifiers())

    assert response.status_code < 500 or response.status_code == 503, response.status_code
    if response.status_code == 503:
        assert response.headers["Retry-After"]
    if name in UNAVAILABLE_WHEN_DOWN & PAGES_OF[role]:
        assert response.status_code == 503, f"{name} hides the outage"
    assert_guarded(response, name)


@pytest.mark.parametrize(("role", "name"), [("resident", "balie:start"), ("desk", "dashboard")])
def test_the_wrong_place_is_a_guarded_403(
    role: str, name: str, resident_a: Person, request: pytest.FixtureRequest
) -> None:
    response = client_for(role, request).get(reverse(name))

    assert response.status_code == 403
    assert_guarded(response, name)


def test_every_url_with_parameters_says_what_they_take() -> None:
    problems = [arguments_problem(name) for name in GUARDED if name not in SKIPPED_URLS]
    assert not [problem for problem in problems if problem]


def test_a_url_nobody_registered_fails_the_walk_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(URL_ARGUMENTS, "zaken:detail")

    with pytest.raises(AssertionError, match=r"zaken:detail takes \['uuid'\]"):
        url_for("zaken:detail", {"zaak": str(uuid4())})
    monkeypatch.setitem(URL_ARGUMENTS, "zaken:detail", {"uuid": "taak"})
    with pytest.raises(AssertionError, match="no fixture value for"):
        url_for("zaken:detail", {"zaak": str(uuid4())})


def test_the_walker_finds_the_portal_pages_and_their_parameters() -> None:
    assert {"home", "dashboard", "accounts:login", "balie-zaken:detail"} <= set(GUARDED)
    assert not [name for name in GUARDED if name.startswith(("admin:", "oidc_"))]
    assert URLS["zaken:document-download"] == {"uuid", "document_uuid"}
    assert URLS["home"] == frozenset()
    assert {"zaken:detail", "zaken:document-download", "balie-zaken:detail"} <= set(PERSONAL)


def test_the_guard_rejects_a_page_without_the_basics() -> None:
    with pytest.raises(AssertionError):
        assert_page_basics(
            '<html lang="en"><title>X - MijnOmgeving</title><h1>a</h1><h1>b</h1></html>'
        )
    with pytest.raises(AssertionError, match="first focusable"):
        assert_page_basics(
            '<html lang="nl"><title>X - MijnOmgeving</title><a href="/">x</a>'
            '<a href="#main-content">skip</a><main id="main-content"><h1>a</h1></main></html>'
        )


@pytest.mark.django_db
def test_no_pending_migrations() -> None:
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)
