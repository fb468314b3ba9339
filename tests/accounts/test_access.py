"""Every MijnOmgeving page requires a resident logged in with DigiD."""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from mijnomgeving.accounts.identity import Identity
from mijnomgeving.accounts.models import User
from mijnomgeving.accounts.session import IDENTITY_KEY, get_identity
from tests.fixtures.oidc import log_in_resident

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.accounts.urls")]


def test_anonymous_visitors_go_to_login_and_come_back(client: Client) -> None:
    response = client.get(reverse("test-resident-page"), {"pagina": "2"})

    assert response.status_code == 302
    assert response["Location"] == "/account/inloggen/?next=/test/inwoner/%3Fpagina%3D2"


def test_a_resident_sees_the_page(resident_client: Client) -> None:
    response = resident_client.get(reverse("test-resident-page"))

    assert response.status_code == 200
    assert response.content == b"Welkom, inwoner"


def test_staff_without_an_identity_get_a_clear_page(client: Client) -> None:
    staff = User.objects.create_user("medewerker", password="geheim-wachtwoord-123")
    client.force_login(staff)

    response = client.get(reverse("test-resident-page"))

    assert response.status_code == 403
    content = response.content.decode()
    assert "Deze pagina is alleen voor inwoners" in content
    assert content.count("<h1") == 1


def test_an_identity_of_someone_else_in_the_session_is_ignored(client: Client) -> None:
    log_in_resident(client, "999993653")
    session = client.session
    session[IDENTITY_KEY] = {"bsn": "999990755", "kvk": ""}
    session.save()

    response = client.get(reverse("test-resident-page"))

    assert response.status_code == 403


def test_get_identity_for_anonymous_is_none(rf: RequestFactory) -> None:
    from django.contrib.auth.models import AnonymousUser

    request = rf.get("/")
    request.user = AnonymousUser()
    request.session = {}  # type: ignore[assignment]
    assert get_identity(request) is None


def test_get_identity_returns_the_logged_in_resident(resident_client: Client) -> None:
    request = resident_client.get(reverse("test-resident-page")).wsgi_request
    assert get_identity(request) == Identity(bsn="999993653")
