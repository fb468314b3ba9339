"""Site-wide guard (DESIGN rule 17): every named page, anonymous and logged in, keeps the basics.

The walker finds every named URL of the portal by itself, so a new page is guarded the day it is
added. URLs with parameters need an example: register one in URL_EXAMPLES, keyed by the full
URL name, as the keyword arguments for reverse():

    URL_EXAMPLES = {"zaken:detail": {"uuid": "6d3a0f8e-2f0b-4f7e-9a53-4f8f1e2b9c11"}}

A string instead of the arguments skips that URL, and says why. An example needs no real object
behind it: a 404 page is checked like any other page.
"""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest
from django.core.management import call_command
from django.http import HttpResponse
from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

URL_EXAMPLES: dict[str, dict[str, str] | str] = {
    "zaken:detail": {"uuid": "6d3a0f8e-2f0b-4f7e-9a53-4f8f1e2b9c11"},
    "zaken:document-download": {
        "uuid": "6d3a0f8e-2f0b-4f7e-9a53-4f8f1e2b9c11",
        "document_uuid": "0f1e2d3c-4b5a-4697-8877-665544332211",
    },
    "balie-zaken:detail": {"uuid": "6d3a0f8e-2f0b-4f7e-9a53-4f8f1e2b9c11"},
    "balie-zaken:document-download": {
        "uuid": "6d3a0f8e-2f0b-4f7e-9a53-4f8f1e2b9c11",
        "document_uuid": "0f1e2d3c-4b5a-4697-8877-665544332211",
    },
    **{
        f"maykin_2fa:{name}": "staff login and 2FA set-up: Django admin markup, like the admin"
        for name in (
            "login",
            "setup",
            "qr",
            "setup_complete",
            "backup_tokens",
            "recovery",
            "account_security",
        )
    },
}

# Not the portal's pages: the Django admin (staff only, its own markup) and the OIDC
# redirects of mozilla-django-oidc.
SKIPPED_NAMESPACES = {"admin"}
SKIPPED_NAME_PREFIXES = ("oidc_",)


def named_urls(patterns: list | None = None, namespace: str = "") -> list[str]:
    """Every named URL of the portal as "namespace:name", walking includes recursively."""
    names: list[str] = []
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            inner = (
                f"{namespace}:{entry.namespace}"
                if namespace and entry.namespace
                else entry.namespace or namespace
            )
            if entry.namespace in SKIPPED_NAMESPACES:
                continue
            names.extend(named_urls(entry.url_patterns, inner))
        elif (
            isinstance(entry, URLPattern)
            and entry.name
            and not entry.name.startswith(SKIPPED_NAME_PREFIXES)
        ):
            names.append(f"{namespace}:{entry.name}" if namespace else entry.name)
    return sorted(set(names))


def url_for(name: str) -> str | None:
    """The URL to request for a name, or None when it needs arguments nobody registered."""
    example = URL_EXAMPLES.get(name)
    if isinstance(example, str):
        return None
    try:
        return reverse(name, kwargs=example or None)
    except NoReverseMatch:
        return None


@dataclass
class PageFacts:
    """What the guard looks for in a page's HTML."""

    h1_count: int = 0
    html_lang: str | None = None
    first_focusable: tuple[str, dict[str, str]] | None = None
    ids: set[str] = field(default_factory=set)
    inline_scripts: int = 0
    inline_styles: int = 0


FOCUSABLE = {"a", "button", "input", "select", "textarea", "summary"}


class PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.facts = PageFacts()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        facts = self.facts
        if tag == "html":
            facts.html_lang = values.get("lang")
        if tag == "h1":
            facts.h1_count += 1
        if "id" in values:
            facts.ids.add(values["id"])
        if tag == "script" and "src" not in values:
            facts.inline_scripts += 1
        if tag == "style" or "style" in values or any(key.startswith("on") for key in values):
            facts.inline_styles += 1
        focusable = (
            tag in FOCUSABLE and (tag != "a" or "href" in values) and values.get("type") != "hidden"
        ) or (
            values.get("tabindex", "-1").lstrip("-").isdigit()
            and not values.get("tabindex", "-1").startswith("-")
        )
        if focusable and facts.first_focusable is None:
            facts.first_focusable = (tag, values)


def page_facts(html: str) -> PageFacts:
    parser = PageParser()
    parser.feed(html)
    return parser.facts


def assert_security_headers(response: HttpResponse) -> None:
    csp = response.headers.get("Content-Security-Policy", "")
    assert "default-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert response.headers.get("X-Frame-Options") == "DENY"
    assert response.headers.get("X-Content-Type-Options") == "nosniff"
    assert response.headers.get("Referrer-Policy")


def assert_page_basics(html: str) -> None:
    """One <h1>, lang="nl", the skip link first, and nothing inline that the CSP would block."""
    facts = page_facts(html)
    assert facts.h1_count == 1, f"expected one <h1>, found {facts.h1_count}"
    assert facts.html_lang == "nl"
    assert facts.first_focusable is not None
    tag, attrs = facts.first_focusable
    assert (tag, attrs.get("href")) == ("a", "#main-content"), (
        f"first focusable element: <{tag} {attrs}>"
    )
    assert "main-content" in facts.ids
    assert facts.inline_scripts == 0, "inline <script>: the CSP blocks it (DESIGN rule 12)"
    assert facts.inline_styles == 0, (
        "inline style or on* handler: the CSP blocks it (DESIGN rule 12)"
    )
    assert re.search(r"<title>\s*\S.* - MijnOmgeving\s*</title>", html), (
        "title is not '<page> - MijnOmgeving'"
    )


GUARDED = named_urls()


@pytest.fixture
def resident_client(db: None, django_user_model: type) -> Client:
    """A client logged in as a DigiD resident (without session identity: may meet redirects)."""
    user = django_user_model.objects.create(username="guard-resident", login_type="digid")
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("role", ["anonymous", "resident"])
@pytest.mark.parametrize("name", GUARDED)
def test_every_page_keeps_the_basics(
    name: str, role: str, client: Client, request: pytest.FixtureRequest
) -> None:
    url = url_for(name)
    if url is None:
        pytest.skip(
            URL_EXAMPLES.get(name)
            or "needs arguments (see test_every_url_with_arguments_has_an_example)"
        )
    if role == "resident":
        client = request.getfixturevalue("resident_client")
    else:
        request.getfixturevalue("db")
    response = client.get(url)
    assert response.status_code < 500, f"{name} ({url}) answered {response.status_code}"
    body = response.content.decode(errors="replace")
    assert "Traceback" not in body
    if response.status_code == 200 and response.headers.get("Content-Type", "").startswith(
        "text/html"
    ):
        assert_security_headers(response)
        assert_page_basics(body)


def test_every_url_with_arguments_has_an_example() -> None:
    missing = [name for name in GUARDED if name not in URL_EXAMPLES and url_for(name) is None]
    assert not missing, (
        f"register example arguments (or a skip reason) in tests/test_guard.py URL_EXAMPLES for: {missing}"
    )


def test_the_walker_finds_the_portal_pages_and_skips_admin_and_oidc() -> None:
    assert {"home", "dashboard", "accounts:login"} <= set(GUARDED)
    assert not [name for name in GUARDED if name.startswith(("admin:", "oidc_"))]


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
