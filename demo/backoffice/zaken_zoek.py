"""POST /zaken/_zoek (Zaken 1.5.1): the list's filters in a JSON body, plus `zaaktype__in`
and `uuid__in`, paged, ordered and expanded like the list, as Open Zaak answers it."""

from types import SimpleNamespace
from typing import Any, cast

from django.http import HttpRequest, HttpResponse, QueryDict

from demo.backoffice.http import (
    Links,
    Query,
    api_view,
    invalid,
    json_body,
    paginated_response,
    resolve,
)
from demo.backoffice.store import state
from demo.backoffice.zaken import (
    ORDERING_CHOICES,
    PAGING,
    ZAAK_FILTERS,
    _ordered,
    _zaak_passes,
    require_crs,
)
from demo.backoffice.zaken_render import EXPAND_CHOICES, expand_paths, expanded_zaak

# What the body may hold: the list's filters (not its paging or expand, which stay in the
# query string) and the two lists only a search has.
BODY_FILTERS = tuple(name for name in ZAAK_FILTERS if name not in (*PAGING, "expand"))
LISTS = ("zaaktype__in", "uuid__in")


@api_view(methods=("POST",))
def zaak_search(request: HttpRequest) -> HttpResponse:
    require_crs(request)
    paging = Query(request, (*PAGING, "expand"))
    body = json_body(request)
    unknown = sorted(set(body) - set(BODY_FILTERS) - set(LISTS) - {"expand"})
    if unknown:
        raise invalid("nonFieldErrors", "unknown-parameters", f"Onbekend: {', '.join(unknown)}")
    filters = Query(cast(HttpRequest, SimpleNamespace(GET=_as_params(body))), BODY_FILTERS)
    zaaktypen = _uuids(body, "zaaktype__in", "zaaktype")
    uuids = {str(value) for value in body["uuid__in"]} if "uuid__in" in body else None
    current = state()
    zaken = [
        zaak
        for zaak in current.seed.zaken.values()
        if _zaak_passes(zaak, filters, current)
        and (zaaktypen is None or zaak.zaaktype in zaaktypen)
        and (uuids is None or str(zaak.uuid) in uuids)
    ]
    zaken = _ordered(zaken, filters.multiple("ordering", ORDERING_CHOICES), current)
    expand = [*paging.multiple("expand", EXPAND_CHOICES), *_list(body, "expand")]
    paths = expand_paths(expand)
    links = Links(request)
    return paginated_response(
        request, zaken, lambda zaak: expanded_zaak(zaak, paths, links, current)
    )


def _list(body: dict[str, Any], name: str) -> list[Any]:
    value = body.get(name, [])
    if not isinstance(value, list):
        raise invalid(name, "not_a_list", "Verwachtte een lijst van items.")
    return value


def _uuids(body: dict[str, Any], name: str, kind: str) -> set[Any] | None:
    """The UUIDs the URLs of a list filter point at (None: no such filter)."""
    if name not in body:
        return None
    return {resolve(str(url), kind) for url in _list(body, name)} - {None}


def _as_params(body: dict[str, Any]) -> QueryDict:
    """The body's filters as the list's query string would carry them."""
    params = QueryDict(mutable=True)
    for name, value in body.items():
        if name in (*LISTS, "expand"):
            continue
        if isinstance(value, bool):
            params[name] = "true" if value else "false"
        elif isinstance(value, list):
            params[name] = ",".join(str(item) for item in value)
        elif value is not None:
            params[name] = str(value)
    return params
