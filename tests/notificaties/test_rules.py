"""docs/standards.md §4.5, each rule with a case that sends and one that does not."""

from typing import Any

import pytest
from django.core import mail

from mijnomgeving.accounts.identity import identifier_hash
from mijnomgeving.clients.row_cache import ResultaatRef, remember_resultaten, remembered_resultaten
from notificaties.models import OutgoingMessage, ReceivedNotification
from notificaties.processing import notification_process
from notificaties.tasks import sweep
from tests.factories import notificaties as nf
from tests.factories import zgw
from tests.notificaties.conftest import (
    MARY,
    Resident,
    World,
    deliver,
    step_config,
    zaaktype_config,
)
from zaken.models import StatusChange

pytestmark = pytest.mark.django_db

Status = OutgoingMessage.Status


def test_a_new_status_mails_the_initiator_with_a_link_and_no_personal_data(world: World) -> None:
    received = deliver(world.status_notificatie())
    assert received.status == ReceivedNotification.Status.DONE
    [email] = mail.outbox
    assert email.to == ["inwoner@example.nl"]
    assert "Omgevingsvergunning" in email.body
    assert f"https://portal.test/mijn-zaken/{world.zaak['uuid']}/" in email.body
    assert zgw.TEST_BSN not in email.body + email.subject
    assert world.zaak["identificatie"] not in email.body
    message = OutgoingMessage.objects.get()
    assert message.status == Status.SENT and message.recipient == ""


def test_a_new_status_is_the_residents_latest_change_on_the_dashboard(world: World) -> None:
    # Also the first status, which is not mailed: it is a change all the same.
    world.statussen[:] = world.statussen[:1]
    world.mount()
    deliver(world.status_notificatie())

    [change] = StatusChange.objects.all()
    assert change.identifier_hash == identifier_hash(zgw.TEST_BSN)
    assert change.zaak_url == world.zaak["url"]
    assert change.status_url == world.statussen[0]["url"]


def test_a_belanghebbende_is_not_mailed(world: World) -> None:
    world.rollen[:] = [
        zgw.rol(zaak=world.zaak["url"], bsn=zgw.TEST_BSN, omschrijving_generiek="belanghebbende")
    ]
    received = deliver(world.status_notificatie())
    assert not mail.outbox
    assert "geen initiator" in received.outcome


def test_a_mede_initiator_is_mailed_too(world: World) -> None:
    world.rollen.append(
        zgw.rol(zaak=world.zaak["url"], bsn=MARY, omschrijving_generiek="mede_initiator")
    )
    world.residents[MARY] = Resident(MARY, email="mary@example.nl")
    deliver(world.status_notificatie())
    assert sorted(email.to[0] for email in mail.outbox) == ["inwoner@example.nl", "mary@example.nl"]


def test_a_business_initiator_is_not_mailed(world: World) -> None:
    world.rollen[:] = [zgw.rol(zaak=world.zaak["url"], bsn=None, kvk=zgw.TEST_KVK)]
    deliver(world.status_notificatie())
    assert not mail.outbox


def test_the_first_status_is_not_mailed(world: World) -> None:
    world.statussen[:] = world.statussen[:1]
    world.mount()
    received = deliver(world.status_notificatie())
    assert not mail.outbox
    assert "eerste status" in received.outcome


def mount_statustype_1(world: World) -> None:
    """Status 1's statustype, mailing like any other: only "first status" may stop it."""
    statustype = zgw.statustype(volgnummer=1)
    world.mock.get(statustype["url"], json=statustype)


def test_the_first_status_processed_after_the_second_exists_is_not_mailed(world: World) -> None:
    # The worker was down: by the time status 1's notificatie is processed, status 2 exists.
    first = world.statussen[1]
    mount_statustype_1(world)
    received = deliver(nf.notificatie(zaak=world.zaak["url"], resource_url=first["url"]))
    assert not mail.outbox
    assert "eerste status" in received.outcome
    assert not OutgoingMessage.objects.exists()


def test_the_second_status_processed_later_is_still_mailed(world: World) -> None:
    world.statussen.insert(0, zgw.status(zaak=world.zaak["url"], volgnummer=3))
    world.mount()
    deliver(world.status_notificatie())  # status 2, while status 3 exists already
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(("served", "sent"), [(0, 1), (1, 0)])
def test_of_statussen_set_at_the_same_moment_the_one_set_first_is_the_first(
    world: World, served: int, sent: int
) -> None:
    # Open Zaak serves ("-datum_status_gezet", "-pk"): of equal times, the last served was set first.
    for status in world.statussen:
        status["datumStatusGezet"] = "2024-03-04T09:30:00Z"
    world.mount()
    mount_statustype_1(world)
    status_url = world.statussen[served]["url"]
    received = deliver(nf.notificatie(zaak=world.zaak["url"], resource_url=status_url))
    assert len(mail.outbox) == sent
    assert ("eerste status" in received.outcome) == (not sent)


def test_a_status_the_list_does_not_show_yet_counts_as_the_newest(world: World) -> None:
    world.statussen[:] = world.statussen[1:]  # only status 1 is listed
    new = zgw.status(zaak=world.zaak["url"], volgnummer=2, datumStatusGezet="2024-03-01T08:00:00Z")
    world.mock.get(new["url"], json=new)
    world.mount()
    deliver(nf.notificatie(zaak=world.zaak["url"], resource_url=new["url"]))
    assert len(mail.outbox) == 1


def test_a_status_of_another_zaak_is_not_mailed(world: World) -> None:
    other = zgw.status(volgnummer=2)  # belongs to a different zaak
    world.mock.get(other["url"], json=other)
    received = deliver(nf.notificatie(zaak=world.zaak["url"], resource_url=other["url"]))
    assert not mail.outbox
    assert "status hoort niet bij deze zaak" in received.outcome


def test_a_statustype_without_informeren_is_not_mailed(world: World) -> None:
    world.statustype = zgw.statustype(volgnummer=2, informeren=False)
    world.mount()
    deliver(world.status_notificatie())
    assert not mail.outbox


def test_the_admin_notify_switch_off_is_not_mailed(world: World) -> None:
    step_config(world, notify=False)
    received = deliver(world.status_notificatie())
    assert not mail.outbox
    assert "melden staat uit" in received.outcome


def test_a_step_configured_without_a_notify_choice_follows_informeren(world: World) -> None:
    # demo/config/zaken.yaml and the admin's "add" form create rows with only a label: the
    # switch then keeps its default and the catalogus's informeren decides.
    step_config(world, label="We hebben uw aanvraag beoordeeld")
    deliver(world.status_notificatie())
    assert len(mail.outbox) == 1


def test_the_mail_names_the_zaaktype_as_the_administrator_does(world: World) -> None:
    config = zaaktype_config()
    config.name = "Vergunning om te bouwen"
    config.save()
    deliver(world.status_notificatie())
    [email] = mail.outbox
    assert "Vergunning om te bouwen" in email.body
    assert "Omgevingsvergunning" not in email.body


def test_no_document_mail_when_the_zaaktype_shows_no_documents(world: World) -> None:
    config = zaaktype_config()
    config.documents_shown = False
    config.save()
    received = deliver(world.document_notificatie())
    assert not mail.outbox
    assert "document niet zichtbaar" in received.outcome


def test_an_invisible_zaak_is_not_mailed(world: World) -> None:
    world.zaaktype = zgw.zaaktype(indicatieInternOfExtern="intern")
    world.mount()
    received = deliver(world.status_notificatie())
    assert not mail.outbox
    assert "zaak niet zichtbaar" in received.outcome


def test_a_too_confidential_zaak_is_not_mailed(world: World) -> None:
    world.zaak["vertrouwelijkheidaanduiding"] = "geheim"
    world.mount()
    deliver(world.status_notificatie())
    assert not mail.outbox


def test_a_new_visible_document_is_mailed(world: World) -> None:
    received = deliver(world.document_notificatie())
    assert received.status == ReceivedNotification.Status.DONE, received.last_error
    [email] = mail.outbox
    assert "nieuw document" in email.subject
    assert OutgoingMessage.objects.get().kind == OutgoingMessage.Kind.NEW_DOCUMENT


def test_a_document_still_in_progress_is_not_mailed(world: World) -> None:
    world.eio["status"] = "in_bewerking"
    world.mount()
    received = deliver(world.document_notificatie())
    assert not mail.outbox
    assert "document niet zichtbaar" in received.outcome


def test_an_internal_document_is_not_mailed(world: World) -> None:
    world.ziot = zgw.zaaktype_informatieobjecttype(richting="intern")
    world.mount()
    deliver(world.document_notificatie())
    assert not mail.outbox


def test_documents_ignore_informeren_but_respect_their_own_switch(world: World) -> None:
    from zaken.models import InformatieObjectTypeConfig

    world.statustype = zgw.statustype(volgnummer=2, informeren=False)
    world.mount()
    deliver(world.document_notificatie())
    assert len(mail.outbox) == 1
    iot = zgw.informatieobjecttype()
    InformatieObjectTypeConfig.objects.create(
        catalogus_url=iot["catalogus"], omschrijving=iot["omschrijving"], notify=False
    )
    world.zio = zgw.zaakinformatieobject(zaak=world.zaak["url"], informatieobject=world.eio["url"])
    world.mount()
    received = deliver(world.document_notificatie())
    assert len(mail.outbox) == 1
    assert "informatieobjecttype" in received.outcome


def test_the_rate_limit_allows_one_message_per_resident_and_zaak(
    world: World, settings: Any
) -> None:
    settings.NOTIFICATION_RATE_LIMIT_SECONDS = 3600
    deliver(world.status_notificatie())
    deliver(world.document_notificatie())
    assert len(mail.outbox) == 1
    skipped = OutgoingMessage.objects.get(kind=OutgoingMessage.Kind.NEW_DOCUMENT)
    assert (skipped.status, skipped.skip_reason) == (Status.SKIPPED, "rate_limited")


def test_without_a_rate_limit_both_are_mailed(world: World) -> None:
    deliver(world.status_notificatie())
    deliver(world.document_notificatie())
    assert len(mail.outbox) == 2


def test_processing_the_same_notificatie_twice_sends_once(world: World) -> None:
    received = deliver(world.status_notificatie())
    received.status = ReceivedNotification.Status.PENDING
    received.save()
    notification_process(received.pk)
    sweep()
    assert len(mail.outbox) == 1
    assert OutgoingMessage.objects.count() == 1


def test_a_zaak_of_another_zaken_api_is_not_fetched(world: World) -> None:
    payload = world.status_notificatie() | {
        "hoofdObject": "http://elsewhere.test/zaken/api/v1/zaken/1"
    }
    received = deliver(payload)
    assert received.status == ReceivedNotification.Status.DONE
    assert "andere Zaken API" in received.outcome
    assert not any("elsewhere" in request.url for request in world.mock.request_history)


@pytest.mark.parametrize(("notify", "sent"), [(False, 0), (True, 1)])
def test_the_statustype_config_in_the_admin_switches_messages(
    world: World, notify: bool, sent: int
) -> None:
    from zaken.models import StatusTypeConfig

    StatusTypeConfig.objects.create(
        zaaktype_config=zaaktype_config(),
        omschrijving=world.statustype["omschrijving"],
        notify=notify,
    )
    deliver(world.status_notificatie())
    assert len(mail.outbox) == sent


def test_an_action_required_step_in_the_admin_sends_the_action_text(world: World) -> None:
    from zaken.models import StatusTypeConfig

    StatusTypeConfig.objects.create(
        zaaktype_config=zaaktype_config(),
        omschrijving=world.statustype["omschrijving"],
        notify=True,
        action_required=True,
    )
    deliver(world.status_notificatie())
    [email] = mail.outbox
    assert email.subject == "U moet iets doen voor uw zaak"


@pytest.mark.parametrize(("notify", "sent"), [(False, 0), (True, 1)])
def test_the_informatieobjecttype_config_in_the_admin_switches_messages(
    world: World, notify: bool, sent: int
) -> None:
    from zaken.models import InformatieObjectTypeConfig

    iot = zgw.informatieobjecttype()
    InformatieObjectTypeConfig.objects.create(
        catalogus_url=iot["catalogus"], omschrijving=iot["omschrijving"], notify=notify
    )
    deliver(world.document_notificatie())
    assert len(mail.outbox) == sent


def test_a_corrected_resultaat_leaves_the_row_cache(world: World) -> None:
    resultaat = zgw.resultaat()
    remember_resultaten([ResultaatRef(resultaat["url"], "https://elders.test/oud")])
    assert remembered_resultaten([resultaat["url"]])

    received = deliver(
        nf.notificatie(
            zaak=world.zaak["url"],
            resource="resultaat",
            actie="partial_update",
            resource_url=resultaat["url"],
        )
    )

    assert received.status == ReceivedNotification.Status.DONE
    assert remembered_resultaten([resultaat["url"]]) == {}
