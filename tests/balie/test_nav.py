"""Staff see a staff menu (desk, admin, log out of the admin); residents keep their own."""

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from balie.groups import ADMINISTRATORS, DESK_EMPLOYEES
from mijnomgeving.accounts.models import User
from tests.fixtures.oidc import log_in_resident
from tests.fixtures.staff import MODEL_BACKEND, make_staff

pytestmark = pytest.mark.django_db


def nav(response: Any) -> str:
    """The main menu's markup only."""
    text = response.content.decode()
    start = text.index('<nav class="utrecht-nav-bar mo-nav"')
    return text[start : text.index("</nav>", start)]


def test_a_desk_employee_sees_the_desk_and_log_out_but_no_resident_links(
    desk_client: Client,
) -> None:
    menu = nav(desk_client.get(reverse("balie:start")))

    assert f'href="{reverse("balie:start")}" aria-current="page">Balie</a>' in menu
    assert f'action="{reverse("admin:logout")}"' in menu
    assert f'name="next" value="{reverse("maykin_2fa:login")}"' in menu
    assert 'name="csrfmiddlewaretoken"' in menu
    assert "Afmelden" in menu
    assert "Beheer" not in menu  # nothing to manage
    for resident_link in ("Overzicht", "Mijn zaken", "Uitloggen", reverse("accounts:logout")):
        assert resident_link not in menu


def test_an_administrator_sees_the_admin_but_not_the_desk(admin_client_staff: Client) -> None:
    menu = nav(admin_client_staff.get(reverse("privacy")))

    assert f'href="{reverse("admin:index")}">Beheer</a>' in menu
    assert "Balie" not in menu
    assert "Afmelden" in menu
    assert "Mijn zaken" not in menu


def test_staff_in_both_groups_see_both(client: Client) -> None:
    user = make_staff("b.beide", ADMINISTRATORS)
    user.groups.add(*user.groups.model.objects.filter(name=DESK_EMPLOYEES))
    client.force_login(user, backend=MODEL_BACKEND)

    menu = nav(client.get(reverse("privacy")))

    assert ">Balie</a>" in menu
    assert ">Beheer</a>" in menu


def test_a_resident_keeps_the_resident_menu(client: Client) -> None:
    log_in_resident(client, "999993653")

    menu = nav(client.get(reverse("privacy")))

    assert ">Overzicht</a>" in menu
    assert ">Mijn zaken</a>" in menu
    assert f'action="{reverse("accounts:logout")}"' in menu
    assert "Uitloggen" in menu
    for staff_link in ("Balie", "Beheer", "Afmelden", reverse("admin:logout")):
        assert staff_link not in menu


def test_afmelden_ends_the_staff_session_at_the_staff_login(desk_client: Client) -> None:
    response = desk_client.post(reverse("admin:logout"), {"next": reverse("maykin_2fa:login")})

    assert response.status_code == 302
    assert response.url == reverse("maykin_2fa:login")
    assert "_auth_user_id" not in desk_client.session
    assert desk_client.get(reverse("balie:start")).url.startswith(reverse("maykin_2fa:login"))


def test_staff_without_the_second_factor_yet_log_out_the_plain_way(
    client: Client, desk_user: User, settings: Any
) -> None:
    settings.MAYKIN_2FA_ALLOW_MFA_BYPASS_BACKENDS = []  # the admin refuses them its logout
    client.force_login(desk_user, backend=MODEL_BACKEND)

    menu = nav(client.get(reverse("privacy")))
    client.post(reverse("accounts:logout"))

    assert f'action="{reverse("accounts:logout")}"' in menu
    assert "Afmelden" in menu
    assert "Beheer" not in menu
    assert "_auth_user_id" not in client.session


def test_a_desk_employee_finds_the_desk_from_the_admin_start_page(desk_client: Client) -> None:
    response = desk_client.get(reverse("admin:index"))

    assert response.status_code == 200
    assert f'href="{reverse("balie:start")}"' in response.text
    assert "Naar de balie" in response.text
    assert "U hebt hier niets te beheren" in response.text


def test_an_administrator_gets_the_usual_admin_start_page(admin_client_staff: Client) -> None:
    response = admin_client_staff.get(reverse("admin:index"))

    assert response.status_code == 200
    assert reverse("admin:audit_processinglogentry_changelist") in response.text
    assert "Naar de balie" not in response.text


def test_the_start_page_sends_staff_to_where_they_work(
    desk_client: Client, admin_client_staff: Client
) -> None:
    # Not to the residents' overview, which would answer "alleen voor inwoners".
    assert desk_client.get(reverse("home")).url == reverse("balie:start")
    assert admin_client_staff.get(reverse("home")).url == reverse("admin:index")
