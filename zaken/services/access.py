"""Fetching one zaak for one person: the rol check every case and download URL goes through."""

from collections.abc import Callable
from functools import partial
from uuid import UUID

from mijnomgeving.accounts.identity import Identity
from mijnomgeving.clients.base import UpstreamNotFound, UpstreamRejected
from mijnomgeving.clients.zaken_resources import Rol, Zaak
from mijnomgeving.clients.zgw import ZgwClients

from .common import ZaakNotFound, has_rol, required, run_round, use_expand, zaak_url


def owned_zaak(
    clients: ZgwClients, identity: Identity, uuid: UUID, *, expand: tuple[str, ...]
) -> Zaak:
    """The zaak with this UUID if the person has a rol on it; else ZaakNotFound.

    With expand on this is one call (`rollen` embedded); without it, the zaak and its rollen
    are fetched at once. A 404, or a 403 (the portal is not authorised for the zaaktype or
    vertrouwelijkheid, zrc-006), is "not found" too, so nothing tells a stranger the zaak
    exists. The caller still checks the visibility rules.
    """
    if use_expand():
        zaak = _zaak_or_not_found(lambda: clients.zaken.zaak(uuid, expand=expand))
        rollen: tuple[Rol, ...] | list[Rol] | None = zaak.expanded_rollen
        if rollen is None:  # a back office that ignores expand
            rollen = clients.zaken.rollen(zaak.url)
    else:
        url = zaak_url(clients, uuid)
        fetched = run_round(
            {
                "zaak": partial(clients.zaken.zaak, uuid),
                "rollen": partial(clients.zaken.rollen, url),
            }
        )
        zaak = _zaak_or_not_found(lambda: required(fetched["zaak"]))
        rollen = required(fetched["rollen"])
    if zaak.uuid != uuid or not has_rol(identity, rollen):
        raise ZaakNotFound
    return zaak


def _zaak_or_not_found(fetch: Callable[[], Zaak]) -> Zaak:
    try:
        return fetch()
    except UpstreamNotFound:
        raise ZaakNotFound from None
    except UpstreamRejected as error:
        if error.status_code == 403:
            raise ZaakNotFound from None
        raise
