"""The `/_demo/` hooks for tests and benchmarks: health, request log, latency, reset, next status.

They need no JWT and are not part of any ZGW API.
"""

import json
from uuid import UUID

from django.http import HttpRequest, HttpResponse, JsonResponse

from demo.backoffice.http import ApiError, Links, get_or_404
from demo.backoffice.store import NoNextStatus, state
from demo.backoffice.zaken_render import status_json


def _only(request: HttpRequest, *methods: str) -> None:
    if request.method not in methods:
        raise ApiError(405, "method_not_allowed", f'Methode "{request.method}" niet toegestaan.')


def health(request: HttpRequest) -> HttpResponse:
    state()  # builds the seed on first use, so "healthy" means "ready to answer"
    return JsonResponse({"status": "ok"})


def requests_log(request: HttpRequest) -> HttpResponse:
    """GET: every API request so far (oldest first); DELETE: forget them."""
    try:
        _only(request, "GET", "DELETE")
    except ApiError as error:
        return error.response(request)
    if request.method == "DELETE":
        state().clear_request_log()
        return HttpResponse(status=204)
    return JsonResponse(state().request_log(), safe=False)


def latency(request: HttpRequest) -> HttpResponse:
    """GET the injected latency; PUT/POST {"ms": 50, "jitterMs": 10} to change it at run time."""
    current = state()
    try:
        _only(request, "GET", "PUT", "POST")
        if request.method != "GET":
            body = json.loads(request.body or b"{}")
            ms, jitter = float(body.get("ms", 0)), float(body.get("jitterMs", 0))
            if ms < 0 or jitter < 0:
                raise ValueError("negative latency")
            with current.lock:
                current.latency.ms, current.latency.jitter_ms = ms, jitter
    except (ValueError, TypeError, AttributeError):
        return ApiError(
            400, "invalid", 'Verwacht {"ms": getal >= 0, "jitterMs": getal >= 0}.'
        ).response(request)
    except ApiError as error:
        return error.response(request)
    return JsonResponse({"ms": current.latency.ms, "jitterMs": current.latency.jitter_ms})


def reset(request: HttpRequest) -> HttpResponse:
    """POST: back to the seed (undo next-status calls)."""
    try:
        _only(request, "POST")
    except ApiError as error:
        return error.response(request)
    state().reset()
    return HttpResponse(status=204)


def next_status(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """POST: the zaak moves to its next statustype; answers the new Status (201)."""
    current = state()
    try:
        _only(request, "POST")
        get_or_404(current.seed.zaken, uuid)
        try:
            status = current.next_status(uuid)
        except NoNextStatus:
            raise ApiError(409, "zaak-closed", "De zaak heeft haar eindstatus al.") from None
    except ApiError as error:
        return error.response(request)
    return JsonResponse(status_json(status, Links(request), current), status=201)
