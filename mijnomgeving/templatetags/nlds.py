"""NL Design System (Utrecht) components as inclusion tags with explicit parameters."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django import template
from django.http import QueryDict
from django.utils.translation import gettext as _

register = template.Library()

ALERT_TYPES = ("info", "ok", "warning", "error")
BUTTON_VARIANTS = ("primary", "secondary", "subtle")


@dataclass(frozen=True, slots=True)
class Link:
    """A link in a table cell or breadcrumb: `Link(label, href)`; an empty href is plain text."""

    label: str
    href: str = ""


def _choice(value: str, allowed: tuple[str, ...], name: str) -> str:
    if value not in allowed:
        raise template.TemplateSyntaxError(f"{name} must be one of {allowed}, not {value!r}")
    return value


@register.inclusion_tag("components/button_link.html")
def button_link(href: str, label: str, variant: str = "primary") -> dict[str, Any]:
    """A link that looks like a button, for a navigation action.

    {% button_link href=login_url label=_("Inloggen met DigiD") variant="primary" %}
    variant: primary | secondary | subtle.
    """
    return {"href": href, "label": label, "variant": _choice(variant, BUTTON_VARIANTS, "variant")}


@register.inclusion_tag("components/button.html")
def button(
    label: str, type: str = "submit", variant: str = "primary", name: str = "", value: str = ""
) -> dict[str, Any]:
    """A form button; put it inside your own <form method="post"> with {% csrf_token %}.

    {% button label=_("Opslaan") %}   {% button label=_("Terug") type="button" variant="secondary" %}
    type: submit | button | reset; variant: primary | secondary | subtle; name/value are sent on submit.
    """
    return {
        "label": label,
        "type": _choice(type, ("submit", "button", "reset"), "type"),
        "variant": _choice(variant, BUTTON_VARIANTS, "variant"),
        "name": name,
        "value": value,
    }


@register.inclusion_tag("components/alert.html")
def alert(message: str, type: str = "info", title: str = "") -> dict[str, Any]:
    """A message box. Errors and warnings interrupt screen readers (role="alert"); info/ok do not.

    {% alert message=_("We kunnen uw zaken nu niet ophalen. Probeer het later opnieuw.") type="error" title=_("Er ging iets mis") %}
    type: info | ok | warning | error.
    """
    kind = _choice(type, ALERT_TYPES, "type")
    return {
        "message": message,
        "type": kind,
        "title": title,
        "role": "alert" if kind in ("warning", "error") else "status",
    }


@register.inclusion_tag("components/data_list.html")
def data_list(items: Iterable[tuple[str, Any]] | Mapping[str, Any]) -> dict[str, Any]:
    """Facts as key/value pairs (<dl>); values may be a Link. Empty values show a dash.

    {% data_list items=zaak.facts %}   with facts = [("Zaaknummer", "ZAAK-2025-0001"), ...]
    """
    pairs = items.items() if isinstance(items, Mapping) else items
    return {
        "items": [
            {
                "key": key,
                "value": value,
                "link": isinstance(value, Link),
                "empty": value in (None, ""),
            }
            for key, value in pairs
        ]
    }


@register.inclusion_tag("components/breadcrumbs.html")
def breadcrumbs(items: Iterable[Link | tuple[str, str]]) -> dict[str, Any]:
    """The path to the current page; the last item is the current page (aria-current="page").

    {% breadcrumbs items=crumbs %}   with crumbs = [Link("Overzicht", dashboard_url), Link("Mijn zaken")]
    Items are Link values or (label, href) pairs.
    """
    links = [item if isinstance(item, Link) else Link(*item) for item in items]
    return {"items": links}


def _page_numbers(number: int, num_pages: int, around: int = 2) -> list[int | None]:
    """First, last and the pages around the current one; None marks a gap."""
    shown = {1, num_pages, *range(number - around, number + around + 1)}
    pages: list[int | None] = []
    for page in sorted(p for p in shown if 1 <= p <= num_pages):
        if pages and pages[-1] is not None and page - pages[-1] > 1:
            pages.append(None)
        pages.append(page)
    return pages


@register.inclusion_tag("components/pagination.html")
def pagination(
    number: int, num_pages: int, query: QueryDict | None = None, param: str = "page"
) -> dict[str, Any]:
    """Links to the other pages of a list; shows nothing when there is only one page.

    {% pagination number=page.number num_pages=page.num_pages query=request.GET %}
    query keeps the other filters in the links; param names the page parameter.
    """
    number, num_pages = int(number), int(num_pages)

    def href(page: int) -> str:
        params = query.copy() if query is not None else QueryDict(mutable=True)
        params[param] = str(page)
        return "?" + params.urlencode()

    pages = [
        {"number": page, "href": href(page), "current": page == number} if page else None
        for page in _page_numbers(number, num_pages)
    ]
    return {
        "show": num_pages > 1,
        "pages": pages,
        "previous_href": href(number - 1) if number > 1 else "",
        "next_href": href(number + 1) if number < num_pages else "",
        "label": _("Paginering"),
    }


@register.inclusion_tag("components/service_tile.html")
def service_tile(title: str, href: str, description: str) -> dict[str, Any]:
    """A tile on the MijnOmgeving overview that leads to one service; use inside <ul class="mo-tiles">.

    {% service_tile title=_("Mijn zaken") href=zaken_url description=_("Bekijk hoe het staat met uw aanvragen.") %}
    """
    return {"title": title, "href": href, "description": description}


MESSAGE_ALERT_TYPES = {
    "debug": "info",
    "info": "info",
    "success": "ok",
    "warning": "warning",
    "error": "error",
}


@register.filter
def alert_type_for(level_tag: str) -> str:
    """The alert type for a django.contrib.messages level: {% alert type=message.level_tag|alert_type_for %}."""
    return MESSAGE_ALERT_TYPES.get(level_tag, "info")
