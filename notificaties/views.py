"""The webhook (docs/architecture.md rule 14) and the resident's Meldingen page."""

import json
from collections.abc import Sequence

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from mijnomgeving.accounts.decorators import resident_required
from mijnomgeving.accounts.session import require_identity

from .auth import AuthResult, check_authorization
from .forms import PreferenceForm
from .inbox import notification_store
from .payload import InvalidNotificatie, InvalidParam, parse_notificatie
from .preferences import delivery_notice_get, preference_for, preference_save

PROBLEM = "application/problem+json"


def _problem(
    status: int, code: str, title: str, params: Sequence[InvalidParam] = ()
) -> JsonResponse:
    body: dict[str, object] = {
        "type": f"https://mijnomgeving.local/problems/{code}",
        "code": code,
        "title": title,
        "status": status,
        "detail": title,
        "instance": f"urn:uuid:webhook-{code}",
    }
    if status == 400:
        # The webhook spec (1.0.0-rc1) names the list "invalid-params"; the Notificaties API
        # itself "invalidParams": both are sent, so either reader finds the field.
        invalid = [{"name": p.name, "code": p.code, "reason": p.reason} for p in params]
        body["invalid-params"] = invalid
        body["invalidParams"] = invalid
    return JsonResponse(body, status=status, content_type=PROBLEM)


@csrf_exempt
@require_POST
def webhook(request: HttpRequest) -> HttpResponse:
    """Auth first; `test` answers 204; else validate, store, 204 (processed later)."""
    auth = check_authorization(request.headers.get("Authorization"))
    if auth is AuthResult.MISSING:
        response = _problem(401, "not_authenticated", "Authorization ontbreekt.")
        response["WWW-Authenticate"] = "Bearer"  # RFC 9110: a 401 names the scheme to use
        return response
    if auth is AuthResult.INVALID:
        return _problem(403, "permission_denied", "Authorization is niet geldig.")
    try:
        data = json.loads(request.body or b"null")
    except (ValueError, UnicodeDecodeError):
        data = None
    if isinstance(data, dict) and data.get("kanaal") == "test":
        return HttpResponse(status=204)
    try:
        notificatie = parse_notificatie(data)
    except InvalidNotificatie as error:
        return _problem(400, "invalid", "Ongeldige notificatie.", error.invalid_params)
    notification_store(notificatie, data)
    return HttpResponse(status=204)


@resident_required
def preferences(request: HttpRequest) -> HttpResponse:
    """Case updates on or off, e-mail or SMS; action-required messages always go out."""
    identity = require_identity(request)
    current = preference_for(identity)
    form = PreferenceForm(request.POST or None, initial=current.as_initial())
    if request.method == "POST" and form.is_valid():
        preference_save(identity, **form.cleaned_data)
        messages.success(request, _("Uw keuzes zijn opgeslagen."))
        return redirect("notificaties:preferences")
    notice = delivery_notice_get(identity=identity, preference=current)
    return render(request, "notificaties/preferences_edit.html", {"form": form, "notice": notice})
