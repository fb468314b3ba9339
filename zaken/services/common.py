"""What the MijnZaken services share: rounds of parallel calls, ownership, dates, errors."""

import logging
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any, TypeVar
from uuid import UUID

from django.conf import settings

from mijnomgeving.accounts.identity import Identity, resident_actor
from mijnomgeving.clients.actor import Actor
from mijnomgeving.clients.base import UpstreamError, parallel_map
from mijnomgeving.clients.catalogi_resources import ZaakType
from mijnomgeving.clients.zaken_resources import Rol, Zaak
from mijnomgeving.clients.zgw import ZgwClients, build_zgw_clients

logger = logging.getLogger("mijnomgeving.zaken")
T = TypeVar("T")
Task = Callable[[], Any]

# What the case page embeds in the zaak (Zaken 1.5+): a single zaak's expand costs about as
# much as one more call on Open Zaak (153 ms against 77), and it saves a round trip. The
# rollen come along so ownership is checked in the same call.
DETAIL_EXPAND = (
    "zaaktype",
    "status",
    "status.statustype",
    "resultaat",
    "resultaat.resultaattype",
    "rollen",
    "zaakinformatieobjecten",
)
# The download only needs what decides access.
ACCESS_EXPAND = ("zaaktype", "status", "rollen")

NATUURLIJK_PERSOON = "natuurlijk_persoon"
NIET_NATUURLIJK = frozenset({"niet_natuurlijk_persoon", "vestiging"})


class ZaakNotFound(Exception):
    """No such zaak for this person: absent, someone else's, or hidden. The page says 404."""


class DocumentNotFound(ZaakNotFound):
    """No such document on this zaak for this person (or not visible)."""


def use_expand() -> bool:
    return bool(settings.ZAKEN_USE_EXPAND)


def clients_for(identity: Identity, actor: Actor | None = None) -> ZgwClients:
    """The ZGW clients acting for this resident, or for `actor` (a desk employee looking
    on the resident's behalf, Decision 1); ClientConfigurationError when not set up."""
    return build_zgw_clients(actor or resident_actor(identity))


def run_round(tasks: Mapping[str, Task]) -> dict[str, Any]:
    """One dependent round trip: the independent calls at once, each result under its key.

    A call that failed gives its UpstreamError in place of a result, so the caller decides
    what is a gap and what is an outage. Never call this (or anything that runs calls in
    parallel, like CatalogiClient.fetch_many) from inside a task: parallel_map is not nested.
    """
    keys = list(tasks)
    if not keys:
        return {}
    results = parallel_map(lambda key: tasks[key](), keys, return_exceptions=True)
    return dict(zip(keys, results, strict=True))


def ok(value: object) -> bool:
    return not isinstance(value, UpstreamError)


def required(value: T | UpstreamError) -> T:
    """A result that the page cannot do without: its failure fails the page (503)."""
    if isinstance(value, UpstreamError):
        raise value
    return value


def has_rol(identity: Identity, rollen: tuple[Rol, ...] | list[Rol]) -> bool:
    """Whether this person is a betrokkene of the zaak (docs/standards.md §3.2 rule 4, client-side)."""
    if identity.bsn:
        return any(
            rol.betrokkene_type == NATUURLIJK_PERSOON and rol.inp_bsn == identity.bsn
            for rol in rollen
        )
    return any(
        rol.betrokkene_type in NIET_NATUURLIJK and identity.kvk in (rol.kvk_nummer, rol.inn_nnp_id)
        for rol in rollen
    )


def zaak_url(clients: ZgwClients, uuid: UUID) -> str:
    return clients.zaken.url(f"zaken/{uuid}")


def expected_date(zaak: Zaak, zaaktype: ZaakType | None) -> date | None:
    """When the result is expected: planned end, else the legal end, else start + doorlooptijd."""
    if zaak.einddatum_gepland:
        return zaak.einddatum_gepland
    if zaak.uiterlijke_einddatum_afdoening:
        return zaak.uiterlijke_einddatum_afdoening
    if zaaktype is not None:
        return zaaktype.doorlooptijd.add_to(zaak.startdatum)
    return None
