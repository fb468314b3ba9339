"""Access control for MijnOmgeving pages."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .session import get_identity

View = Callable[..., HttpResponse]


def resident_required(view: View) -> View:
    """Only for a resident (or business) logged in with DigiD; use ``get_identity`` inside.

    Anonymous visitors go to the login page with ``next`` set to this page. Someone logged
    in without an identity (staff) gets a page that explains it, with status 403.
    """

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if get_identity(request) is None:
            return render(request, "accounts/resident_only.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper
