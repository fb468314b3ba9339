"""What a notificatie means for residents: the handler table (docs/architecture.md rule 14, docs/standards.md §4.5).

A handler reads the back offices (the message itself is "informatie-arm") and returns the
messages to send, or why none; it writes only the resident's latest status change (the newer
one wins), so running it twice is harmless.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from django.conf import settings
from django.urls import reverse

from mijnomgeving.accounts.identity import Identity
from mijnomgeving.clients.actor import Actor
from mijnomgeving.clients.catalogi_resources import ZaakType
from mijnomgeving.clients.row_cache import StatusRef, forget, remember
from mijnomgeving.clients.zaken_resources import Status, Zaak, ZaakInformatieObject
from mijnomgeving.clients.zgw import ZgwClients, build_zgw_clients
from mijnomgeving.subjects import Subject, zaak_subject
from zaken.labels import zaaktype_label
from zaken.services.changes import status_change_record
from zaken.visibility import VisibilityPolicy, visibility_policy

from .models import OutgoingMessage
from .payload import Notificatie

# The portal itself reads the zaak to decide whom to tell (no resident is logged in).
NOTIFICATIES_ACTOR = Actor(
    user_id="mijnomgeving:notificaties", user_representation="MijnOmgeving (notificaties)"
)
INITIATOR_ROLLEN = frozenset({"initiator", "mede_initiator"})

Kind = OutgoingMessage.Kind


@dataclass(frozen=True, slots=True)
class Delivery:
    """One message to one resident about one subject (a zaak: its URL, its zaaktype's name).
    The BSN lives only in memory (the Identity), never in the database."""

    identity: Identity
    subject: Subject
    resource_url: str
    kind: str
    link: str


@dataclass(frozen=True, slots=True)
class Outcome:
    deliveries: tuple[Delivery, ...] = ()
    reason: str = ""


Handler = Callable[[Notificatie], Outcome]


def _clients() -> ZgwClients:
    return build_zgw_clients(NOTIFICATIES_ACTOR)


def initiator_bsns(clients: ZgwClients, zaak_url: str) -> list[str]:
    """BSNs of natuurlijk_persoon rollen that are initiator or mede_initiator (§4.5 step 2)."""
    return sorted(
        {
            rol.inp_bsn
            for rol in clients.zaken.rollen(zaak_url)
            if rol.betrokkene_type == "natuurlijk_persoon"
            and rol.omschrijving_generiek in INITIATOR_ROLLEN
            and rol.inp_bsn
        }
    )


def _visible_zaak(
    clients: ZgwClients, policy: VisibilityPolicy, zaak_url: str
) -> tuple[Zaak, ZaakType] | None:
    zaak = clients.zaken.zaak(zaak_url)
    zaaktype = clients.catalogi.zaaktype(zaak.zaaktype)
    if not policy.zaak_visible(zaak, zaaktype):
        return None
    return zaak, zaaktype


def _deliveries(
    bsns: list[str],
    zaak: Zaak,
    zaaktype: ZaakType,
    policy: VisibilityPolicy,
    resource_url: str,
    kind: str,
) -> Outcome:
    link = settings.SITE_URL + reverse("zaken:detail", kwargs={"uuid": str(zaak.uuid)})
    naam = zaaktype_label(zaaktype, policy.types)  # the admin's name, as on the case page
    subject = zaak_subject(url=zaak.url, label=naam)
    return Outcome(
        tuple(Delivery(Identity(bsn=bsn), subject, resource_url, kind, link) for bsn in bsns),
        reason=f"{len(bsns)} ontvanger(s)",
    )


def first_status(statussen: list[Status], status: Status) -> Status:
    """The zaak's first status: the earliest datumStatusGezet; of equal ones, the one set first.

    Decided from the history, not from how many statussen there are now: when the worker was
    down and status 2 exists by the time status 1 is processed, status 1 is still the first.
    Open Zaak serves them ordered ("-datum_status_gezet", "-pk"): of equal times, the one
    served last was set first. The status itself counts as the newest should the list not
    show it yet.
    """
    history = (
        list(statussen) if any(s.url == status.url for s in statussen) else [status, *statussen]
    )
    served = {s.url: index for index, s in enumerate(history)}
    return min(history, key=lambda s: (s.datum_status_gezet, -served[s.url]))


class _Case(NamedTuple):
    """What every zaken handler first settles: the zaak is ours, has initiators, is shown."""

    clients: ZgwClients
    policy: VisibilityPolicy
    bsns: list[str]
    zaak: Zaak
    zaaktype: ZaakType


def _case_of(notificatie: Notificatie) -> _Case | Outcome:
    """The zaak of the notificatie with its initiators, or the Outcome that ends here."""
    clients = _clients()
    if not clients.zaken.owns(notificatie.hoofd_object):
        return Outcome(reason="zaak van een andere Zaken API dan de ingestelde")
    bsns = initiator_bsns(clients, notificatie.hoofd_object)
    if not bsns:
        return Outcome(reason="geen initiator of mede-initiator met BSN")
    policy = visibility_policy()
    visible = _visible_zaak(clients, policy, notificatie.hoofd_object)
    if visible is None:
        return Outcome(reason="zaak niet zichtbaar voor inwoners")
    return _Case(clients, policy, bsns, *visible)


def handle_status_create(notificatie: Notificatie) -> Outcome:
    """A new status: tell the initiators, unless it is the first, or not meant for them."""
    case = _case_of(notificatie)
    if isinstance(case, Outcome):
        return case
    clients, policy, bsns, zaak, zaaktype = case
    status = clients.zaken.status(notificatie.resource_url)
    if status.zaak != zaak.url:
        return Outcome(reason="status hoort niet bij deze zaak")
    status_change_record(bsns=bsns, status=status)  # the dashboard's "laatste wijziging"
    remember([StatusRef.of(status)])  # the residents' next list page needs no call for it
    if first_status(clients.zaken.statussen(zaak.url), status).url == status.url:
        return Outcome(reason="eerste status: geen bericht")
    statustype = clients.catalogi.statustype(status.statustype)
    if not statustype.informeren:
        return Outcome(reason="statustype: informeren staat uit")
    if not policy.types.status_notifies(zaaktype, statustype):
        return Outcome(reason="statustype: melden staat uit in beheer")
    action = policy.types.status_requires_action(zaaktype, statustype)
    kind = Kind.ACTION_REQUIRED if action else Kind.STATUS_UPDATE
    return _deliveries(bsns, zaak, zaaktype, policy, status.url, kind)


def handle_zaakinformatieobject_create(notificatie: Notificatie) -> Outcome:
    """A new document on the zaak: tell the initiators if they may see it (not `informeren`)."""
    case = _case_of(notificatie)
    if isinstance(case, Outcome):
        return case
    clients, policy, bsns, zaak, zaaktype = case
    zio = clients.zaken.fetch(notificatie.resource_url, ZaakInformatieObject.from_api)
    if zio.zaak != zaak.url:
        return Outcome(reason="document hoort niet bij deze zaak")
    eio = clients.documenten.informatieobject(zio.informatieobject)
    iot = clients.catalogi.informatieobjecttype(eio.informatieobjecttype)
    ziots = tuple(
        ziot
        for ziot in clients.catalogi.zaaktype_informatieobjecttypen(zaaktype.url)
        if ziot.informatieobjecttype == iot.url
    )
    if not policy.documents_shown(zaaktype) or not policy.document_visible(eio, ziots, iot):
        return Outcome(reason="document niet zichtbaar voor inwoners")
    if not policy.types.document_notifies(iot):
        return Outcome(reason="informatieobjecttype: melden staat uit in beheer")
    return _deliveries(bsns, zaak, zaaktype, policy, zio.url, Kind.NEW_DOCUMENT)


def handle_resultaat_changed(notificatie: Notificatie) -> Outcome:
    """A resultaat corrected or removed: the list pages must not show it from the row cache."""
    forget(notificatie.resource_url)
    return Outcome(reason="resultaat uit de cache van de lijsten gehaald")


HANDLERS: dict[tuple[str, str, str], Handler] = {
    ("zaken", "status", "create"): handle_status_create,
    ("zaken", "zaakinformatieobject", "create"): handle_zaakinformatieobject_create,
    ("zaken", "resultaat", "update"): handle_resultaat_changed,
    ("zaken", "resultaat", "partial_update"): handle_resultaat_changed,
    ("zaken", "resultaat", "destroy"): handle_resultaat_changed,
}
