"""Who may use the desk: active staff with the balie permission, logged in with two factors."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from .models import USE_BALIE

View = Callable[..., HttpResponse]


def is_verified(request: HttpRequest) -> bool:
    """Second factor done (maykin-2fa's middleware; only dev/test settings may bypass it)."""
    check = getattr(request.user, "is_verified", None)
    return bool(check and check())


def desk_required(view: View) -> View:
    """Anonymous, or without the second factor: the staff login. Anyone else (a resident, a
    staff member without the permission): the 403 page, before anything is fetched."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("maykin_2fa:login"))
        if not (user.is_active and user.is_staff and user.has_perm(USE_BALIE)):
            raise PermissionDenied("Only desk employees may use the desk view.")
        if not is_verified(request):
            return redirect_to_login(request.get_full_path(), reverse("maykin_2fa:login"))
        return view(request, *args, **kwargs)

    return wrapper
