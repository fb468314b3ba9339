"""Desk look-ups identify the employee in the ZGW JWT (docs/standards.md Decision 1), never the BSN."""

import pytest
from django.test import Client
from django.urls import reverse

from mijnomgeving.accounts.identity import Identity, pseudonym
from mijnomgeving.accounts.models import User
from mijnomgeving.accounts.staff import staff_actor, staff_member
from mijnomgeving.audit.models import Purpose
from tests.fixtures.backoffice import DemoBackoffice
from tests.fixtures.services import ZgwServices

from .conftest import SUZANNE, seed_uid

pytestmark = pytest.mark.django_db

PARKEER = seed_uid("zaak:suzanne-parkeervergunning")
AANVRAAG = seed_uid("document:suzanne-parkeer-aanvraag")


def test_the_staff_actor_is_the_username_and_full_name(desk_user: User) -> None:
    actor = staff_actor(staff_member(desk_user))

    assert (actor.user_id, actor.user_representation) == ("j.balie", "Joke de Balie")


def test_without_a_full_name_the_username_represents_the_employee(desk_user: User) -> None:
    desk_user.first_name = desk_user.last_name = ""

    assert staff_actor(staff_member(desk_user)).user_representation == "j.balie"


def test_every_call_of_a_desk_look_up_carries_the_employee(
    desk_client: Client, demo_services: ZgwServices, demo_backoffice: DemoBackoffice
) -> None:
    desk_client.post(reverse("balie:start"), {"bsn": SUZANNE, "purpose": Purpose.DESK_QUESTION})
    demo_backoffice.clear_requests_log()

    desk_client.get(reverse("balie-zaken:list"))
    desk_client.get(reverse("balie-zaken:detail", kwargs={"uuid": PARKEER}))
    download = desk_client.get(
        reverse(
            "balie-zaken:document-download", kwargs={"uuid": PARKEER, "document_uuid": AANVRAAG}
        )
    )
    b"".join(download.streaming_content)

    log = demo_backoffice.requests_log()
    assert log
    assert {(r["user_id"], r["user_representation"]) for r in log} == {("j.balie", "Joke de Balie")}
    resident = pseudonym(Identity(bsn=SUZANNE))
    assert not any(SUZANNE in str(r["user_id"]) or r["user_id"] == resident for r in log)
