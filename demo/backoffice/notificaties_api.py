"""The HTTP side of the demo Notificaties API, and the next-status hook that publishes to it.

The routing, validation and delivery live in demo/backoffice/notificaties.py.
"""

import functools
import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any
from uuid import UUID, uuid4

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse

from demo.backoffice import auth, control
from demo.backoffice.http import RESOURCES, ApiError, json_body
from demo.backoffice.notificaties import (
    API_VERSION,
    PREFIX,
    ROUTER,
    Abonnement,
    Kanaal,
    invalid,
    public_base_url,
    publish,
    validate_abonnement,
    validate_message,
)
from demo.backoffice.store import state


def jwt_view(*methods: str) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """The ZGW JWT of the other demo APIs (403 problem otherwise), the allowed methods, and
    ApiError as problem+json."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            try:
                auth.claims_from_header(request.headers.get("Authorization", ""), state().config)
                if request.method not in methods:
                    raise ApiError(
                        405, "method_not_allowed", f'Methode "{request.method}" niet toegestaan.'
                    )
                response = view(request, *args, **kwargs)
            except ApiError as error:
                response = error.response(request)
            response["API-version"] = API_VERSION
            return response

        return wrapper

    return decorate


def _base(request: HttpRequest) -> str:
    return f"{request.scheme}://{request.get_host()}{PREFIX}"


def kanaal_json(request: HttpRequest, kanaal: Kanaal) -> dict[str, Any]:
    body: dict[str, Any] = {
        "url": f"{_base(request)}/kanaal/{kanaal.uuid}",
        "naam": kanaal.naam,
        "filters": list(kanaal.filters),
    }
    if kanaal.documentatie_link:
        body["documentatieLink"] = kanaal.documentatie_link
    return body


def abonnement_json(request: HttpRequest, abonnement: Abonnement) -> dict[str, Any]:
    """Without `auth`: write-only, as Open Notificaties serves it."""
    return {
        "url": f"{_base(request)}/abonnement/{abonnement.uuid}",
        "callbackUrl": abonnement.callback_url,
        "kanalen": [{"naam": naam, "filters": filters} for naam, filters in abonnement.kanalen],
    }


@jwt_view("GET", "HEAD", "POST")
def kanaal_list(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        body = json_body(request)
        naam, filters = body.get("naam"), body.get("filters", [])
        if not isinstance(naam, str) or not 0 < len(naam) <= 50:
            raise invalid("naam", "required", "Dit veld is vereist.")
        if not isinstance(filters, list) or not all(isinstance(f, str) and f for f in filters):
            raise invalid("filters", "invalid", "Verwacht een lijst met tekst.")
        with ROUTER.lock:
            if ROUTER.kanaal(naam) is not None:
                raise invalid("naam", "unique", "Dit veld moet uniek zijn.")
            kanaal = Kanaal(uuid4(), naam, filters, str(body.get("documentatieLink") or ""))
            ROUTER.kanalen[kanaal.uuid] = kanaal
        response = JsonResponse(kanaal_json(request, kanaal), status=201)
        response["Location"] = kanaal_json(request, kanaal)["url"]
        return response
    naam = request.GET.get("naam")
    with ROUTER.lock:
        found = [k for k in ROUTER.kanalen.values() if naam in (None, "", k.naam)]
    return JsonResponse([kanaal_json(request, k) for k in found], safe=False)


@jwt_view("GET", "HEAD")
def kanaal_detail(request: HttpRequest, uuid: UUID) -> HttpResponse:
    with ROUTER.lock:
        kanaal = ROUTER.kanalen.get(uuid)
    if kanaal is None:
        raise ApiError(404, "not_found", "Niet gevonden.")
    return JsonResponse(kanaal_json(request, kanaal))


@jwt_view("GET", "HEAD", "POST")
def abonnement_list(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        abonnement = validate_abonnement(json_body(request))
        with ROUTER.lock:
            ROUTER.abonnementen[abonnement.uuid] = abonnement
        body = abonnement_json(request, abonnement)
        response = JsonResponse(body, status=201)
        response["Location"] = body["url"]
        return response
    with ROUTER.lock:
        found = list(ROUTER.abonnementen.values())
    return JsonResponse([abonnement_json(request, a) for a in found], safe=False)


@jwt_view("GET", "HEAD", "PUT", "DELETE")
def abonnement_detail(request: HttpRequest, uuid: UUID) -> HttpResponse:
    with ROUTER.lock:
        abonnement = ROUTER.abonnementen.get(uuid)
    if abonnement is None:
        raise ApiError(404, "not_found", "Niet gevonden.")
    if request.method == "DELETE":
        with ROUTER.lock:
            ROUTER.abonnementen.pop(uuid, None)
        return HttpResponse(status=204)
    if request.method == "PUT":
        replacement = validate_abonnement(json_body(request))
        replacement.uuid = uuid
        with ROUTER.lock:
            ROUTER.abonnementen[uuid] = replacement
        abonnement = replacement
    return JsonResponse(abonnement_json(request, abonnement))


@jwt_view("POST")
def notificaties(request: HttpRequest) -> HttpResponse:
    message = validate_message(json_body(request))
    publish(message)
    return JsonResponse(message)


# The `/_demo/` side: what was published and delivered; the next-status hook.


def delivery_log(request: HttpRequest) -> HttpResponse:
    """GET: {"published": [...messages], "deliveries": [...attempts]}; DELETE: forget them."""
    if request.method == "DELETE":
        with ROUTER.lock:
            ROUTER.published.clear()
            ROUTER.deliveries.clear()
        return HttpResponse(status=204)
    if request.method != "GET":
        return ApiError(405, "method_not_allowed", "Alleen GET en DELETE.").response(request)
    with ROUTER.lock:
        body = {"published": list(ROUTER.published), "deliveries": list(ROUTER.deliveries)}
    return JsonResponse(body)


def status_message(base: str, status_uuid: UUID, zaak_uuid: UUID) -> dict[str, Any]:
    """The `zaken`/`status`/`create` message Open Zaak sends for a new status."""
    seed = state().seed
    zaak = seed.zaken[zaak_uuid]
    catalogus = seed.catalogi.catalogus
    return {
        "kanaal": "zaken",
        "hoofdObject": f"{base}{RESOURCES['zaak']}/{zaak.uuid}",
        "resource": "status",
        "resourceUrl": f"{base}{RESOURCES['status']}/{status_uuid}",
        "actie": "create",
        "aanmaakdatum": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        "kenmerken": {
            "bronorganisatie": catalogus.rsin,
            "zaaktype": f"{base}{RESOURCES['zaaktype']}/{zaak.zaaktype}",
            "vertrouwelijkheidaanduiding": zaak.vertrouwelijkheidaanduiding,
            "zaaktype.catalogus": f"{base}{RESOURCES['catalogus']}/{catalogus.uuid}",
        },
    }


def _from_form(request: HttpRequest) -> bool:
    return request.content_type == "application/x-www-form-urlencoded"


def next_status(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """helper-1's next-status hook, plus the notification a case worker's action produces.

    A plain HTML form post (the demo page's "Volgende status" button) is answered with a
    redirect back to the zaken page instead of the Status JSON."""
    response = control.next_status(request, uuid)
    if response.status_code == 201:
        status_uuid = UUID(json.loads(response.content)["url"].rstrip("/").rsplit("/", 1)[-1])
        publish(validate_message(status_message(public_base_url(request), status_uuid, uuid)))
    if _from_form(request):
        outcome = "verzet" if response.status_code == 201 else "mislukt"
        return HttpResponseRedirect(f"/_demo/zaken/?{outcome}={uuid}#zaak-{uuid}", status=303)
    return response
