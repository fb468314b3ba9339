"""The Meldingen page, and the resident's choices honoured when a message is made."""

from typing import Any

import pytest
from django.core import mail
from django.urls import reverse

from mijnomgeving.accounts.identity import identifier_hash
from notificaties.models import NotificationPreference, OutgoingMessage
from tests.factories import zgw
from tests.notificaties.conftest import KLANT_TOKEN, World, deliver, step_config

pytestmark = pytest.mark.django_db

Status = OutgoingMessage.Status


def prefer(case_updates: bool = True, channel: str = "email") -> None:
    NotificationPreference.objects.create(
        identifier_hash=identifier_hash(zgw.TEST_BSN), case_updates=case_updates, channel=channel
    )


def test_the_page_needs_a_logged_in_resident(client: Any) -> None:
    response = client.get(reverse("notificaties:preferences"))
    assert response.status_code == 302


def test_the_page_shows_the_defaults_and_says_action_required_cannot_be_switched_off(
    resident_client: Any,
) -> None:
    response = resident_client.get(reverse("notificaties:preferences"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dat kunt u niet uitzetten" in html
    assert 'name="case_updates" id="id_case_updates" checked' in html
    assert 'value="email" checked' in html


def test_saving_stores_the_choice_by_hash_only(resident_client: Any) -> None:
    response = resident_client.post(
        reverse("notificaties:preferences"), {"channel": "sms"}, follow=True
    )
    assert "Uw keuzes zijn opgeslagen" in response.content.decode()
    row = NotificationPreference.objects.get()
    assert (row.case_updates, row.channel) == (False, "sms")
    assert row.identifier_hash == identifier_hash("999993653")
    assert "999993653" not in str(NotificationPreference.objects.values().get())


def test_an_invalid_channel_is_refused(resident_client: Any) -> None:
    response = resident_client.post(reverse("notificaties:preferences"), {"channel": "fax"})
    assert response.status_code == 200
    assert not NotificationPreference.objects.exists()


def test_case_updates_switched_off_sends_nothing_and_records_why(world: World) -> None:
    prefer(case_updates=False)
    deliver(world.status_notificatie())
    assert not mail.outbox
    message = OutgoingMessage.objects.get()
    assert (message.status, message.skip_reason) == (Status.SKIPPED, "opted_out")


def test_action_required_is_sent_even_when_switched_off(world: World) -> None:
    prefer(case_updates=False)
    step_config(world, action_required=True)
    deliver(world.status_notificatie())
    [email] = mail.outbox
    assert email.subject == "U moet iets doen voor uw zaak"


def test_sms_goes_to_the_verified_phone_number_through_notifynl(
    world: World,
    notifynl: Any,
) -> None:
    prefer(channel="sms")
    deliver(world.status_notificatie())
    assert not mail.outbox
    [sms] = notifynl
    assert sms["phone_number"] == "0612345678"
    assert "Omgevingsvergunning" in sms["personalisation"]["bericht"]
    assert OutgoingMessage.objects.get().channel == "sms"


def test_sms_without_a_phone_number_sends_nothing_and_records_why(world: World) -> None:
    prefer(channel="sms")
    world.residents[zgw.TEST_BSN].phone = None
    deliver(world.status_notificatie())
    message = OutgoingMessage.objects.get()
    assert (message.status, message.skip_reason) == (Status.SKIPPED, "no_address")


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"verified": False}, "no_address"),
        ({"email": None}, "no_address"),
        ({"in_open_klant": False}, "no_partij"),
    ],
)
def test_no_usable_address_sends_nothing_and_records_why(
    world: World, change: dict[str, Any], reason: str
) -> None:
    for name, value in change.items():
        setattr(world.residents[zgw.TEST_BSN], name, value)
    deliver(world.status_notificatie())
    assert not mail.outbox
    message = OutgoingMessage.objects.get()
    assert (message.status, message.skip_reason) == (Status.SKIPPED, reason)


def test_partij_inactive_sends_nothing_and_records_why(world: World) -> None:
    world.residents[zgw.TEST_BSN].active = False  # Open Klant: indicatieActief false
    received = deliver(world.status_notificatie())
    assert not mail.outbox
    message = OutgoingMessage.objects.get()
    assert (message.status, message.skip_reason) == (Status.SKIPPED, "partij_inactive")
    assert message.recipient == ""
    assert "partij_inactive" in received.outcome


def test_action_required_without_a_phone_number_goes_to_the_verified_email(world: World) -> None:
    prefer(channel="sms")
    world.residents[zgw.TEST_BSN].phone = None
    step_config(world, action_required=True)
    deliver(world.status_notificatie())
    [email] = mail.outbox
    assert email.to == ["inwoner@example.nl"]
    assert email.subject == "U moet iets doen voor uw zaak"
    assert "Beste inwoner" in email.body  # the e-mail text, not the SMS text
    message = OutgoingMessage.objects.get()
    assert (message.status, message.channel, message.channel_fallback) == (
        Status.SENT,
        "email",
        True,
    )


def test_action_required_without_phone_or_verified_email_records_no_address(
    world: World,
) -> None:
    prefer(channel="sms")
    world.residents[zgw.TEST_BSN].phone = None
    world.residents[zgw.TEST_BSN].email = None
    step_config(world, action_required=True)
    deliver(world.status_notificatie())
    message = OutgoingMessage.objects.get()
    assert (message.status, message.skip_reason) == (Status.SKIPPED, "no_address")


def test_an_sms_with_a_phone_number_uses_no_fallback(world: World, notifynl: Any) -> None:
    prefer(channel="sms")
    step_config(world, action_required=True)
    deliver(world.status_notificatie())
    [sms] = notifynl
    assert sms["phone_number"] == "0612345678"
    message = OutgoingMessage.objects.get()
    assert (message.channel, message.channel_fallback) == ("sms", False)


def meldingen(client: Any) -> str:
    response = client.get(reverse("notificaties:preferences"))
    assert response.status_code == 200
    return response.content.decode()


def test_the_page_says_messages_go_to_the_verified_contact_details(
    resident_client: Any, world: World
) -> None:
    html = meldingen(resident_client)
    assert "in uw contactgegevens bij de gemeente" in html
    assert "gecontroleerd is" in html
    assert "utrecht-alert--warning" not in html  # e-mail chosen, verified address known


def test_the_page_warns_when_sms_is_chosen_without_a_verified_phone_number(
    resident_client: Any, world: World
) -> None:
    prefer(channel="sms")
    world.residents[zgw.TEST_BSN].phone = None
    html = meldingen(resident_client)
    assert "U krijgt nu geen sms" in html
    assert "geen gecontroleerd telefoonnummer" in html
    assert "Dan sturen wij u een e-mail" in html  # action required still arrives
    assert "tijdelijk niet beschikbaar" not in html


def test_the_page_warns_when_sms_is_chosen_with_an_unverified_phone_and_no_email(
    resident_client: Any, world: World
) -> None:
    prefer(channel="sms")
    world.residents[zgw.TEST_BSN].verified = False  # both addresses unverified
    html = meldingen(resident_client)
    assert "U krijgt nu geen sms" in html
    assert "geen gecontroleerd telefoonnummer en geen gecontroleerd e-mailadres" in html
    assert "Dan sturen wij u een e-mail" not in html


def test_the_page_does_not_warn_when_sms_is_chosen_with_a_verified_phone_number(
    resident_client: Any, world: World
) -> None:
    prefer(channel="sms")
    html = meldingen(resident_client)
    assert "utrecht-alert--warning" not in html


def test_the_page_warns_when_email_is_chosen_without_a_verified_address(
    resident_client: Any, world: World
) -> None:
    world.residents[zgw.TEST_BSN].email = None
    html = meldingen(resident_client)
    assert "U krijgt nu geen e-mail" in html


def test_an_open_klant_outage_shows_an_honest_note_not_a_warning(
    resident_client: Any, world: World
) -> None:
    from tests.factories import klantinteracties as ki

    prefer(channel="sms")
    world.residents[zgw.TEST_BSN].phone = None
    world.mock.get(ki.url("partijen"), status_code=503)
    html = meldingen(resident_client)
    assert "tijdelijk niet beschikbaar" in html
    assert "U krijgt nu geen sms" not in html
    assert "utrecht-alert--warning" not in html


def test_the_page_looks_up_the_logged_in_residents_own_partij(
    resident_client: Any, world: World
) -> None:
    meldingen(resident_client)
    [lookup] = [r for r in world.mock.request_history if "/partijen" in r.url]
    assert lookup.qs["partijidentificator__objectid"] == [zgw.TEST_BSN]
    assert lookup.headers["Authorization"] == f"Token {KLANT_TOKEN}"
