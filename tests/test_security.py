"""Security headers and cookies as production serves them, and the refusal of unsafe settings."""

from types import SimpleNamespace

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse

import mijnomgeving
from mijnomgeving.accounts.middleware import NoStoreMiddleware
from mijnomgeving.apps import MijnOmgevingConfig, production_settings_problems
from mijnomgeving.settings import base

# What test.py loosens for plain-HTTP tests, back at base.py's production values.
PRODUCTION_SECURITY_SETTINGS = [
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_PROXY_SSL_HEADER",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SAMESITE",
]
GOOD_SECRET = "a-long-random-production-secret-of-more-than-32-characters"


@pytest.fixture
def production(settings: object) -> object:
    """The test settings with base.py's HTTPS and cookie settings, as production runs."""
    for name in PRODUCTION_SECURITY_SETTINGS:
        setattr(settings, name, getattr(base, name))
    return settings


@pytest.fixture
def resident(db: None, django_user_model: type) -> object:
    return django_user_model.objects.create(username="resident", login_type="digid")


@pytest.mark.django_db
def test_pages_send_a_strict_content_security_policy(client: Client) -> None:
    csp = client.get(reverse("home")).headers["Content-Security-Policy"]

    directives = dict(part.strip().split(" ", 1) for part in csp.split(";") if part.strip())
    assert "unsafe-inline" not in csp
    assert "unsafe-eval" not in csp
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["img-src"] == "'self' data:"
    assert directives["font-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"


@pytest.mark.django_db
def test_pages_forbid_framing_and_sniffing_and_limit_the_referrer(client: Client) -> None:
    response = client.get(reverse("home"))

    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.django_db
def test_production_redirects_plain_http_to_https(production: object, client: Client) -> None:
    response = client.get(reverse("home"))

    assert response.status_code == 301
    assert response.url.startswith("https://")


@pytest.mark.django_db
def test_production_sends_hsts_over_https(production: object, client: Client) -> None:
    response = client.get(reverse("home"), secure=True)

    assert response.status_code == 200
    hsts = response.headers["Strict-Transport-Security"]
    assert "max-age=31536000" in hsts
    assert "includeSubDomains" in hsts


@pytest.mark.django_db
def test_production_trusts_the_proxy_https_header(production: object, client: Client) -> None:
    response = client.get(reverse("home"), headers={"X-Forwarded-Proto": "https"})

    assert response.status_code == 200
    assert "Strict-Transport-Security" in response.headers


def test_production_session_cookie_is_secure_httponly_and_samesite(
    production: object, client: Client, resident: object
) -> None:
    client.force_login(resident)

    response = client.get(reverse("dashboard"), secure=True)

    cookie = response.cookies[django_settings.SESSION_COOKIE_NAME]
    assert cookie["secure"] is True
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


@pytest.mark.django_db
def test_production_csrf_cookie_is_secure_httponly_and_samesite(
    production: object, client: Client
) -> None:
    response = client.get(reverse("admin:login"), secure=True)

    cookie = response.cookies[django_settings.CSRF_COOKIE_NAME]
    assert cookie["secure"] is True
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


@pytest.fixture
def safe_production_settings(settings: object, monkeypatch: pytest.MonkeyPatch) -> object:
    settings.DEBUG = False
    settings.SECRET_KEY = GOOD_SECRET
    settings.PSEUDONYM_SECRET = GOOD_SECRET[::-1]
    # Set without the setting_changed signal: the app registry must not reload.
    monkeypatch.setattr(django_settings, "INSTALLED_APPS", list(base.INSTALLED_APPS))
    return settings


def test_a_safe_production_configuration_has_no_problems(safe_production_settings: object) -> None:
    assert production_settings_problems() == []


def test_debug_is_a_production_problem(safe_production_settings: object) -> None:
    safe_production_settings.DEBUG = True

    assert any("DEBUG" in problem for problem in production_settings_problems())


@pytest.mark.parametrize("secret_key", [base.INSECURE_SECRET_KEY, "too-short"])
def test_a_default_or_short_secret_key_is_a_production_problem(
    safe_production_settings: object, secret_key: str
) -> None:
    safe_production_settings.SECRET_KEY = secret_key

    assert any("DJANGO_SECRET_KEY" in problem for problem in production_settings_problems())


def test_the_default_pseudonym_secret_is_a_production_problem(
    safe_production_settings: object,
) -> None:
    safe_production_settings.PSEUDONYM_SECRET = base.INSECURE_SECRET_KEY

    assert any("PSEUDONYM_SECRET" in problem for problem in production_settings_problems())


@pytest.mark.parametrize("demo_app", ["demo", "demo.backoffices"])
def test_an_installed_demo_app_is_a_production_problem(
    safe_production_settings: object, monkeypatch: pytest.MonkeyPatch, demo_app: str
) -> None:
    monkeypatch.setattr(django_settings, "INSTALLED_APPS", [*base.INSTALLED_APPS, demo_app])

    assert any(demo_app in problem for problem in production_settings_problems())


def test_production_refuses_to_start_with_unsafe_settings(safe_production_settings: object) -> None:
    safe_production_settings.MIJNOMGEVING_ENVIRONMENT = "production"
    safe_production_settings.DEBUG = True
    config = MijnOmgevingConfig("mijnomgeving", mijnomgeving)

    with pytest.raises(ImproperlyConfigured, match="DEBUG"):
        config.ready()


def test_production_starts_with_safe_settings(safe_production_settings: object) -> None:
    safe_production_settings.MIJNOMGEVING_ENVIRONMENT = "production"
    config = MijnOmgevingConfig("mijnomgeving", mijnomgeving)

    config.ready()


# --- Logged-in pages are never stored (Back on a shared computer after logging out) ---------


def test_a_residents_page_is_private_and_not_stored(resident_client: Client) -> None:
    response = resident_client.get(reverse("dashboard"))

    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "private, no-store"


def test_a_staff_page_is_private_and_not_stored(desk_client: Client) -> None:
    response = desk_client.get(reverse("balie:start"))

    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "private, no-store"


def test_the_answer_to_logging_out_is_not_stored(resident_client: Client) -> None:
    response = resident_client.post(reverse("accounts:logout"))

    assert "_auth_user_id" not in resident_client.session
    assert "no-store" in response.headers["Cache-Control"]


def test_a_stricter_header_of_the_view_is_kept(resident_client: Client) -> None:
    response = resident_client.get(reverse("accounts:session-status"))  # never_cache

    directives = {part.strip() for part in response.headers["Cache-Control"].split(",")}
    assert {"no-store", "private", "no-cache", "must-revalidate", "max-age=0"} <= directives


@pytest.mark.parametrize("name", ["home", "privacy", "accounts:logged-out"])
@pytest.mark.django_db
def test_public_pages_for_anonymous_visitors_are_unaffected(client: Client, name: str) -> None:
    response = client.get(reverse(name))

    assert response.status_code == 200
    assert "no-store" not in response.headers.get("Cache-Control", "")


def test_a_public_header_cannot_make_a_logged_in_page_storable(rf: RequestFactory) -> None:
    request = rf.get("/")
    request.user = SimpleNamespace(is_authenticated=True)

    def view(request: object) -> HttpResponse:
        response = HttpResponse("persoonlijk")
        response["Cache-Control"] = "public, max-age=3600"
        return response

    response = NoStoreMiddleware(view)(request)

    directives = {part.strip() for part in response.headers["Cache-Control"].split(",")}
    assert "public" not in directives
    assert {"private", "no-store"} <= directives
