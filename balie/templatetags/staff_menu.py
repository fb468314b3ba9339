"""The staff menu in base.html: which of the desk and the admin this staff member may open."""

from dataclasses import dataclass

from django import template
from django.contrib import admin
from django.http import HttpRequest
from django.urls import reverse

from balie.models import USE_BALIE

register = template.Library()


@dataclass(frozen=True, slots=True)
class StaffMenu:
    shows_desk: bool
    shows_admin: bool
    logout_url: str  # a POST target
    after_logout_url: str


@register.simple_tag(takes_context=True)
def staff_menu(context: template.Context) -> StaffMenu:
    """Usage: ``{% staff_menu as menu %}``, then ``menu.shows_desk``, ``menu.shows_admin``,
    and a logout form posting to ``menu.logout_url`` with ``next=menu.after_logout_url``."""
    request: HttpRequest | None = context.get("request")
    if request is None:
        return StaffMenu(False, False, reverse("accounts:logout"), "")
    # The admin's logout only serves who may use the admin: a staff member still setting up
    # the second factor is logged out the residents' way.
    in_admin = admin.site.has_permission(request)
    return StaffMenu(
        shows_desk=request.user.has_perm(USE_BALIE),
        # What the admin index itself would list: anything at all, or nothing to manage.
        shows_admin=in_admin and bool(admin.site.get_app_list(request)),
        logout_url=reverse("admin:logout" if in_admin else "accounts:logout"),
        after_logout_url=reverse("maykin_2fa:login"),
    )
