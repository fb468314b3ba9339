"""The site-wide guard's parts (docs/architecture.md rule 17): the URL walker, the page checks, and two people.

Used by tests/test_guard.py (every page keeps the basics) and tests/test_guard_resident.py (no
page is reachable with another person's identifiers).

The walker finds every named URL of the portal, with the names of its parameters, so a new page
is guarded the day it is added. A URL with parameters must say, in URL_ARGUMENTS, which of a
person's identifiers each parameter takes (keys of `Person.identifiers()`):

    URL_ARGUMENTS = {"zaken:detail": {"uuid": "zaak"}}

The guard then requests it with real identifiers of a person in the test back office, and the
cross-person walk requests it with another person's. A parameter that identifies no one's data
(a page slug, say) takes a `Fixed("value")`. A URL with parameters and no entry fails the walk.

Fixtures (registered in tests/conftest.py): ``guard_world`` (the in-memory Open Zaak as the
back office), ``resident_a`` and ``resident_b`` (two people in it, each with a zaak and a
document).
"""

import re
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from typing import Any

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from mijnomgeving.audit.models import Purpose
from tests.factories.zgw import TEST_BSN
from tests.fixtures.oidc import log_in_resident
from tests.fixtures.services import ZgwServices
from tests.zaken.zgw_world import ZgwWorld


@dataclass(frozen=True)
class Fixed:
    """A URL parameter value that identifies no one's data."""

    value: str


URL_ARGUMENTS: dict[str, dict[str, str | Fixed]] = {
    "zaken:detail": {"uuid": "zaak"},
    "zaken:document-download": {"uuid": "zaak", "document_uuid": "document"},
    "balie-zaken:detail": {"uuid": "zaak"},
    "balie-zaken:document-download": {"uuid": "zaak", "document_uuid": "document"},
}

# Pages the guard does not check, and why.
SKIPPED_URLS: dict[str, str] = {
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
}

# Not the portal's pages: the Django admin (staff only, its own markup) and the OIDC
# redirects of mozilla-django-oidc.
SKIPPED_NAMESPACES = {"admin"}
SKIPPED_NAME_PREFIXES = ("oidc_",)


def _parameters(pattern: Any) -> frozenset[str]:
    """The names of the parameters one piece of a URL pattern captures (route or regex)."""
    converters = getattr(pattern, "converters", None)
    if converters:
        return frozenset(converters)
    regex = getattr(pattern, "regex", None)
    return frozenset(regex.groupindex) if regex is not None else frozenset()


def named_urls(
    patterns: list | None = None, namespace: str = "", inherited: frozenset[str] = frozenset()
) -> dict[str, frozenset[str]]:
    """Every named URL of the portal as "namespace:name", with the parameters its path takes
    (those of enclosing includes too), walking includes recursively."""
    names: dict[str, frozenset[str]] = {}
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace in SKIPPED_NAMESPACES:
                continue
            inner = (
                f"{namespace}:{entry.namespace}"
                if namespace and entry.namespace
                else entry.namespace or namespace
            )
            names.update(
                named_urls(entry.url_patterns, inner, inherited | _parameters(entry.pattern))
            )
        elif (
            isinstance(entry, URLPattern)
            and entry.name
            and not entry.name.startswith(SKIPPED_NAME_PREFIXES)
        ):
            name = f"{namespace}:{entry.name}" if namespace else entry.name
            names[name] = inherited | _parameters(entry.pattern)
    return dict(sorted(names.items()))


URLS = named_urls()
GUARDED = list(URLS)
# The URLs that take an identifier of a person's data.
PERSONAL = [
    name
    for name, parameters in URLS.items()
    if parameters
    and any(not isinstance(kind, Fixed) for kind in URL_ARGUMENTS.get(name, {}).values())
]


def arguments_problem(name: str) -> str | None:
    """Why the guard cannot build this URL's arguments, or None when it can."""
    parameters = URLS[name]
    registered = URL_ARGUMENTS.get(name, {})
    if set(registered) != parameters:
        return (
            f"{name} takes {sorted(parameters)}, but tests/guard.py URL_ARGUMENTS registers "
            f"{sorted(registered)}: say which identifier each parameter takes"
        )
    unknown = {kind for kind in registered.values() if not isinstance(kind, Fixed)} - Person.KINDS
    if unknown:
        return f"{name}: no fixture value for {sorted(unknown)} (known: {sorted(Person.KINDS)})"
    return None


def url_for(name: str, identifiers: dict[str, str]) -> str:
    """The URL of `name` with the identifiers given (kind -> value) for its parameters."""
    problem = arguments_problem(name)
    if problem:
        raise AssertionError(problem)
    kwargs = {
        parameter: kind.value if isinstance(kind, Fixed) else identifiers[kind]
        for parameter, kind in URL_ARGUMENTS.get(name, {}).items()
    }
    return reverse(name, kwargs=kwargs or None)


# --- Two people in one back office ----------------------------------------------------------


@dataclass(frozen=True)
class Person:
    """A resident with one zaak and one document of it in the test back office."""

    KINDS = frozenset({"zaak", "document"})

    bsn: str
    zaak: dict[str, Any]
    document: dict[str, Any]

    def identifiers(self) -> dict[str, str]:
        return {"zaak": self.zaak["uuid"], "document": self.document["url"].rsplit("/", 1)[1]}

    def traces(self) -> list[str]:
        """What of this person's data must never show on another person's page."""
        return [
            self.zaak["identificatie"],
            self.zaak["omschrijving"],
            self.document["titel"],
            self.document["bestandsnaam"],
            *self.identifiers().values(),
        ]


def person_add(world: ZgwWorld, *, bsn: str, name: str) -> Person:
    """A person with an open zaak and a document, both with texts that only they have."""
    zaak = world.add_zaak(
        bsn=bsn,
        statussen=[1, 2],
        omschrijving=f"Dakkapel aan het huis van {name}",
        identificatie=f"ZAAK-GUARD-{bsn}",
    )
    document = world.add_document(
        zaak, titel=f"Ontvangstbevestiging voor {name}", bestandsnaam=f"bevestiging-{bsn}.pdf"
    )
    return Person(bsn=bsn, zaak=zaak, document=document)


RESIDENT_A = TEST_BSN  # 999993653, Suzanne in the demo
RESIDENT_B = "999990755"


def client_of(role: str, bsn: str, desk_client: Client | None) -> Client:
    """Who sees this person's data: the "resident" logged in, or the "desk" looking them up
    (`desk_client`: a desk employee's logged-in client, tests/fixtures/staff.py)."""
    if role == "resident":
        client = Client()
        log_in_resident(client, bsn)
        return client
    assert role == "desk" and desk_client is not None, role
    response = desk_client.post(
        reverse("balie:start"), {"bsn": bsn, "purpose": Purpose.PHONE_QUESTION}
    )
    assert response.status_code == 302, response
    return desk_client


# --- What every page must have ----------------------------------------------------------------


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


def assert_security_headers(response: HttpResponse, *, page: bool = True) -> None:
    """The headers every answer carries; `page`: an HTML page, which also needs a strict CSP."""
    assert response.headers.get("X-Frame-Options") == "DENY"
    assert response.headers.get("X-Content-Type-Options") == "nosniff"
    assert response.headers.get("Referrer-Policy")
    if page:
        csp = response.headers.get("Content-Security-Policy", "")
        assert "default-src 'self'" in csp
        assert "unsafe-inline" not in csp


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
    assert facts.inline_scripts == 0, (
        "inline <script>: the CSP blocks it (docs/architecture.md rule 12)"
    )
    assert facts.inline_styles == 0, (
        "inline style or on* handler: the CSP blocks it (docs/architecture.md rule 12)"
    )
    assert re.search(r"<title>\s*\S.* - MijnOmgeving\s*</title>", html), (
        "title is not '<page> - MijnOmgeving'"
    )


def is_html(response: HttpResponse) -> bool:
    return response.headers.get("Content-Type", "").startswith("text/html")


def body_of(response: HttpResponse) -> bytes:
    """The whole body, streamed or not (a download is read to the end, and closed)."""
    if getattr(response, "streaming", False):
        try:
            return b"".join(response.streaming_content)  # type: ignore[attr-defined]
        finally:
            response.close()
    return response.content


def main_text(html: str) -> str:
    """The visible text of the <main> element, whitespace collapsed."""
    main = html[html.index("<main") : html.index("</main>")]
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", main))).strip()


@pytest.fixture
def guard_world(requests_mock: Any, zgw_services: ZgwServices) -> ZgwWorld:
    """The in-memory Open Zaak (tests/zaken/zgw_world.py), configured as the back office."""
    return ZgwWorld(requests_mock)


@pytest.fixture
def resident_a(guard_world: ZgwWorld) -> Person:
    return person_add(guard_world, bsn=RESIDENT_A, name="Suzanne")


@pytest.fixture
def resident_b(guard_world: ZgwWorld) -> Person:
    """Someone else in the same back office, so the pages have more than one person's data."""
    return person_add(guard_world, bsn=RESIDENT_B, name="Mary")
