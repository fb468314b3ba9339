"""The shared pages: start page, MijnOmgeving overview and the styled error pages."""

import json

import pytest
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.core.management import call_command
from django.http import HttpRequest, HttpResponse
from django.test import Client, RequestFactory
from django.urls import path, reverse
from django.utils.functional import SimpleLazyObject

from mijnomgeving import urls as portal_urls
from mijnomgeving import views
from mijnomgeving.settings import base
from tests.fixtures.oidc import log_in_resident
from tests.fixtures.staff import MODEL_BACKEND
from tests.test_guard import assert_page_basics


def raise_suspicious(request: HttpRequest) -> HttpResponse:
    raise SuspiciousOperation("test")


def raise_permission_denied(request: HttpRequest) -> HttpResponse:
    raise PermissionDenied


def raise_error(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("boom")


# The portal's URLconf with its own error handlers, plus views that fail on purpose.
urlpatterns = [
    *portal_urls.urlpatterns,
    path("test/400/", raise_suspicious),
    path("test/403/", raise_permission_denied),
    path("test/500/", raise_error),
]
handler400 = portal_urls.handler400
handler403 = portal_urls.handler403
handler404 = portal_urls.handler404
handler500 = portal_urls.handler500


@pytest.fixture
def resident(db: None, django_user_model: type) -> object:
    return django_user_model.objects.create(username="resident", login_type="digid")


@pytest.mark.django_db
def test_home_explains_mijnomgeving_and_offers_digid_login(client: Client) -> None:
    response = client.get(reverse("home"))

    assert response.status_code == 200
    html = response.content.decode()
    assert_page_basics(html)
    assert "Inloggen met DigiD" in html  # straight to DigiD: the page already explains it
    assert f'href="{reverse("oidc_authentication_init")}"' in html
    assert "utrecht-button-link" in html
    assert "zaken" in html


def test_home_sends_a_logged_in_resident_to_the_overview(client: Client, resident: object) -> None:
    client.force_login(resident)

    response = client.get(reverse("home"))

    assert response.status_code == 302
    assert response.url == reverse("dashboard")


@pytest.mark.django_db
def test_dashboard_requires_login(client: Client) -> None:
    response = client.get(reverse("dashboard"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
    assert "next=" in response.url


def test_dashboard_welcomes_the_resident(resident_client: Client) -> None:
    response = resident_client.get(reverse("dashboard"))

    assert response.status_code == 200
    html = response.content.decode()
    assert_page_basics(html)
    assert "Mijn overzicht" in html
    assert f'href="{reverse("notificaties:preferences")}"' in html
    assert "Overzicht - MijnOmgeving" in html
    assert 'aria-current="page"' in html


@pytest.mark.parametrize(
    ("url", "status", "text"),
    [
        ("/test/400/", 400, "We begrijpen uw verzoek niet"),
        ("/test/403/", 403, "U heeft geen toegang tot deze pagina"),
        ("/deze-pagina-bestaat-niet/", 404, "Deze pagina is niet gevonden"),
        ("/test/500/", 500, "Er ging iets mis"),
    ],
)
@pytest.mark.urls("tests.test_pages")
@pytest.mark.django_db
def test_error_pages_are_styled_and_dutch(
    url: str, status: int, text: str, settings: object
) -> None:
    settings.DEBUG = False
    client = Client(raise_request_exception=False)

    response = client.get(url)

    assert response.status_code == status
    html = response.content.decode()
    assert text in html
    assert "utrecht-page-header" in html
    assert_page_basics(html)


def test_server_error_page_needs_no_request_context_or_database() -> None:
    # No django_db mark: a database query here would fail the test.
    response = views.server_error(RequestFactory().get("/"))

    assert response.status_code == 500
    html = response.content.decode()
    assert "Er ging iets mis" in html
    assert "utrecht-page-header" in html


@pytest.mark.urls("tests.test_pages")
def test_the_500_page_shows_a_logged_in_resident_her_own_menu(
    resident: object, settings: object
) -> None:
    settings.DEBUG = False
    client = Client(raise_request_exception=False)
    client.force_login(resident)

    response = client.get("/test/500/")

    assert response.status_code == 500
    html = response.content.decode()
    assert "Er ging iets mis" in html
    assert ">Mijn zaken<" in html and ">Uitloggen<" in html
    assert ">Inloggen<" not in html
    assert 'name="csrfmiddlewaretoken"' in html  # the logout form works from this page


@pytest.mark.urls("tests.test_pages")
def test_the_500_page_shows_staff_their_logout(desk_user: object, settings: object) -> None:
    settings.DEBUG = False
    client = Client(raise_request_exception=False)
    client.force_login(desk_user, backend=MODEL_BACKEND)

    html = client.get("/test/500/").content.decode()

    assert "Afmelden" in html and ">Inloggen<" not in html


@pytest.mark.parametrize("wrapped", [False, True], ids=["loaded", "in-an-unopened-wrapper"])
def test_the_500_page_knows_a_loaded_resident_without_asking_the_database(
    resident: object, django_assert_num_queries: object, wrapped: bool
) -> None:
    request = RequestFactory().get("/")
    request.user = SimpleLazyObject(lambda: resident)
    assert request.user.is_authenticated  # what the middleware did before the view failed
    if wrapped:  # django-otp wraps it again, lazily, after the idle-timeout middleware
        request._cached_user = resident
        request.user = SimpleLazyObject(lambda: pytest.fail("the wrapper was opened"))

    with django_assert_num_queries(0):  # type: ignore[operator]
        response = views.server_error(request)

    html = response.content.decode()
    assert "utrecht-page-header" in html  # the styled page, not the plain fallback
    assert ">Uitloggen<" in html and ">Inloggen<" not in html


def test_the_500_page_never_loads_the_user_itself() -> None:
    """A failure before anything loaded the user (the session store or database down): the
    page must not try again, and shows the menu of a visitor who is not logged in."""
    request = RequestFactory().get("/")

    def load_user() -> object:
        raise AssertionError("the 500 page asked the session store and the database")

    request.user = SimpleLazyObject(load_user)

    response = views.server_error(request)

    html = response.content.decode()
    assert "utrecht-page-header" in html
    assert ">Inloggen<" in html and ">Uitloggen<" not in html


def test_server_error_falls_back_to_plain_html_when_the_template_fails(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(name: str) -> object:
        raise ValueError("Missing staticfiles manifest entry")

    monkeypatch.setattr(views.loader, "get_template", broken)

    response = views.server_error(RequestFactory().get("/"))

    assert response.status_code == 500
    assert_page_basics(response.content.decode())


@pytest.mark.parametrize(
    ("view", "heading"),
    [
        (views.privacy, "Privacy"),
        (views.accessibility, "Toegankelijkheid"),
        (views.contact, "Contact"),
    ],
)
@pytest.mark.django_db
def test_info_pages_render(view: object, heading: str) -> None:
    request = RequestFactory().get("/")

    response = view(request)

    assert response.status_code == 200
    html = response.content.decode()
    assert_page_basics(html)
    assert f'<h1 class="utrecht-heading-1">{heading}</h1>' in html


def test_static_files_collect_with_the_production_storage(
    settings: object, tmp_path: object
) -> None:
    """The manifest storage fails on any url() in the CSS whose file is not collected."""
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {**settings.STORAGES, "staticfiles": base.STORAGES["staticfiles"]}

    call_command("collectstatic", "--noinput", verbosity=0)

    manifest = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
    for name in [
        "css/fonts.css",
        "css/mijnomgeving.css",
        "nlds/index.css",
        "nlds/theme.css",
        "img/logo.svg",
        "img/favicon.svg",
    ]:
        assert name in manifest
    fonts_css = (tmp_path / manifest["css/fonts.css"]).read_text()
    assert manifest["nlds/fonts/noto-sans-latin-400-normal.woff2"] in fonts_css
    # Only the listed npm files, not whole packages.
    npm_collected = [path for path in manifest if path.startswith("nlds/")]
    assert len(npm_collected) == sum(len(files) for files in settings.NPM_STATIC_FILES.values())
    # The hashed names resolve at render time.
    storage_url = staticfiles_storage.url("css/fonts.css")
    assert storage_url == settings.STATIC_URL + manifest["css/fonts.css"]


def test_a_stale_form_gets_a_dutch_page_with_the_way_back(db: None) -> None:
    client = Client(enforce_csrf_checks=True)
    log_in_resident(client, "999993653")

    response = client.post(
        reverse("accounts:logout"), headers={"Referer": "http://testserver/mijn-omgeving/"}
    )

    assert response.status_code == 403
    html = response.content.decode()
    assert_page_basics(html)
    assert "Uw sessie is verlopen of de pagina was te lang open. Probeer het opnieuw." in html
    assert 'href="http://testserver/mijn-omgeving/"' in html
    assert "_auth_user_id" in client.session  # nothing happened


@pytest.mark.parametrize("referer", [None, "https://evil.example/mijn-omgeving/"])
@pytest.mark.django_db
def test_without_a_page_of_ours_to_return_to_the_csrf_page_offers_the_start_page(
    referer: str | None,
) -> None:
    client = Client(enforce_csrf_checks=True)
    headers = {"Referer": referer} if referer else {}

    response = client.post(reverse("accounts:logout"), headers=headers)

    assert response.status_code == 403
    html = response.content.decode()
    assert_page_basics(html)
    assert f'href="{reverse("home")}"' in html
    assert "evil.example" not in html
