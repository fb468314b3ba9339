"""What the MijnZaken services share: rounds of parallel calls, ownership, dates, errors."""

import logging
from collections.abc import Callable, Mapping
from datetime import date
from functools import partial
from typing import Any, TypeVar
from uuid import UUID

from django.conf import settings

from mijnomgeving.accounts.identity import Identity, resident_actor
from mijnomgeving.clients.actor import Actor
from mijnomgeving.clients.base import UpstreamError, parallel_map
from mijnomgeving.clients.catalogi_resources import ZaakType
from mijnomgeving.clients.vertrouwelijkheid import Vertrouwelijkheid
from mijnomgeving.clients.zaken_resources import Rol, Zaak
from mijnomgeving.clients.zgw import ZgwClients, build_zgw_clients
from zaken.viewmodels import ZaakStatusFilter
from zaken.visibility import VisibilityPolicy

logger = logging.getLogger("mijnomgeving.zaken")
T = TypeVar("T")
Task = Callable[[], Any]

# What `expand` embeds in every zaak of the overview and the dashboard (Zaken 1.5+): the
# rollen too, so the list is checked against the person, not only filtered by the back office.
LIST_EXPAND = (
    "zaaktype",
    "status",
    "status.statustype",
    "resultaat",
    "resultaat.resultaattype",
    "rollen",
)
# The case page also takes the document links in the same call.
DETAIL_EXPAND = (*LIST_EXPAND, "zaakinformatieobjecten")
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


# What the other half of an overview needs to be counted (visibility and ownership): its
# rollen, and its zaaktypen, which come from the catalogi cache when that is on (a zaaktype
# the cache lacks is fetched in a second round), else embedded.
COUNT_EXPAND = ("rollen",)
COUNT_EXPAND_UNCACHED = ("zaaktype", "rollen")


def count_expand() -> tuple[str, ...]:
    return COUNT_EXPAND if settings.CATALOGI_CACHE_SECONDS > 0 else COUNT_EXPAND_UNCACHED


def zaken_of(
    clients: ZgwClients,
    identity: Identity,
    policy: VisibilityPolicy,
    *,
    shown: ZaakStatusFilter | None = None,
) -> list[Zaak]:
    """Every zaak the identity has a rol in, up to the vertrouwelijkheid maximum (all pages).

    With `shown` ("open" or "closed") and expand, the zaken of that half come with
    everything a row shows and the other half, only counted, with just its rollen
    (count_expand): two calls at once, each lighter than one that expands everything (for
    the resident with 25 zaken the back office's part of the round trip roughly halves).

    With expand each zaak carries its rollen, and a zaak without a rol for this person is
    dropped: a back office that ignores or mishandles the betrokkene filter (STANDARDS §3.2
    rule 4 names e-Suite) must not put someone else's case on the list. Without expand the
    filter is trusted, as in open-inwoner; every case page still checks the rollen itself.
    """
    maximum = policy.query_max_zaak_vertrouwelijkheid
    if not use_expand():
        zaken = _zaken_list(clients, identity, maximum, expand=(), closed=None)
    elif shown is None:
        zaken = _zaken_list(clients, identity, maximum, expand=LIST_EXPAND, closed=None)
    else:
        halves = run_round(
            {
                half: partial(
                    _zaken_list,
                    clients,
                    identity,
                    maximum,
                    expand=LIST_EXPAND if half == shown else count_expand(),
                    closed=half == "closed",
                )
                for half in ("open", "closed")
            }
        )
        zaken = [*required(halves["open"]), *required(halves["closed"])]
        zaken.sort(key=lambda zaak: zaak.startdatum, reverse=True)
    owned = [
        zaak
        for zaak in zaken
        if zaak.expanded_rollen is None or has_rol(identity, zaak.expanded_rollen)
    ]
    if len(owned) < len(zaken):
        logger.warning(
            "zaken list: %d zaak/zaken without a rol for the person dropped (filter ignored?)",
            len(zaken) - len(owned),
        )
    return owned


def _zaken_list(
    clients: ZgwClients,
    identity: Identity,
    maximum: Vertrouwelijkheid,
    *,
    expand: tuple[str, ...],
    closed: bool | None,
) -> list[Zaak]:
    if identity.bsn:
        return clients.zaken.zaken_for_bsn(
            identity.bsn, max_vertrouwelijkheid=maximum, expand=expand, closed=closed
        )
    return clients.zaken.zaken_for_kvk(
        identity.kvk, max_vertrouwelijkheid=maximum, expand=expand, closed=closed
    )


def has_rol(identity: Identity, rollen: tuple[Rol, ...] | list[Rol]) -> bool:
    """Whether this person is a betrokkene of the zaak (STANDARDS §3.2 rule 4, client-side)."""
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
