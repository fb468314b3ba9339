"""Fetching one zaak for one person: the rol check every case and download URL goes through."""

from collections.abc import Callable, Mapping
from functools import partial
from typing import Any
from uuid import UUID

from mijnomgeving.accounts.identity import Identity
from mijnomgeving.clients.base import UpstreamNotFound, UpstreamRejected
from mijnomgeving.clients.zaken_resources import Rol, Zaak
from mijnomgeving.clients.zgw import ZgwClients

from .common import Task, ZaakNotFound, has_rol, required, run_round, use_expand, zaak_url

# Keys of the ownership round; a caller's own calls use other names.
ZAAK, ROLLEN = "access:zaak", "access:rollen"


def owned_zaak(
    clients: ZgwClients,
    identity: Identity,
    uuid: UUID,
    *,
    expand: tuple[str, ...],
    alongside: Callable[[str], Mapping[str, Task]] | None = None,
) -> tuple[Zaak, dict[str, Any]]:
    """The zaak with this UUID if the person has a rol on it (else ZaakNotFound), and what
    `alongside` fetched in the same round trip.

    With expand on the zaak is one call (`rollen` embedded); without it, the zaak and its
    rollen are fetched at once. `alongside(zaak_url)` names calls that need only the zaak's
    URL, which follows from the UUID; they run beside the zaak so the page saves a round
    trip. Their results are handed out only once ownership is settled, and dropped when the
    zaak turns out to live at another URL (the caller then fetches what is missing). A 404,
    or a 403 (the portal is not authorised for the zaaktype or vertrouwelijkheid, zrc-006),
    is "not found" too, so nothing tells a stranger the zaak exists. The caller still checks
    the visibility rules.
    """
    url = zaak_url(clients, uuid)
    with_expand = use_expand()
    tasks: dict[str, Task] = {
        ZAAK: partial(clients.zaken.zaak, uuid, expand=expand if with_expand else ())
    }
    if not with_expand:
        tasks[ROLLEN] = partial(clients.zaken.rollen, url)
    if alongside is not None:
        tasks.update(alongside(url))
    fetched = run_round(tasks)
    zaak = _zaak_or_not_found(lambda: required(fetched.pop(ZAAK)))
    rollen: tuple[Rol, ...] | list[Rol] | None = zaak.expanded_rollen
    if ROLLEN in fetched:
        rollen = required(fetched.pop(ROLLEN))
    elif rollen is None:  # a back office that ignores expand
        rollen = clients.zaken.rollen(zaak.url)
    if zaak.uuid != uuid or not has_rol(identity, rollen):
        raise ZaakNotFound
    return zaak, fetched if zaak.url == url else {}


def _zaak_or_not_found(fetch: Callable[[], Zaak]) -> Zaak:
    try:
        return fetch()
    except UpstreamNotFound:
        raise ZaakNotFound from None
    except UpstreamRejected as error:
        if error.status_code == 403:
            raise ZaakNotFound from None
        raise
