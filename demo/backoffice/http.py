"""HTTP plumbing shared by the APIs: URLs, errors, query parsing, paging, Open Zaak's headers."""

import functools
import hashlib
import json
import re
import uuid
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, Final, TypeVar
from urllib.parse import urlencode, urlsplit
from uuid import UUID

from django.http import HttpRequest, HttpResponse, JsonResponse

from demo.backoffice.store import state

T = TypeVar("T")

# Where each resource lives, as in Open Zaak (one host, one port, three APIs).
RESOURCES: Final = {
    "zaak": "/zaken/api/v1/zaken",
    "status": "/zaken/api/v1/statussen",
    "rol": "/zaken/api/v1/rollen",
    "resultaat": "/zaken/api/v1/resultaten",
    "zaakinformatieobject": "/zaken/api/v1/zaakinformatieobjecten",
    "catalogus": "/catalogi/api/v1/catalogussen",
    "zaaktype": "/catalogi/api/v1/zaaktypen",
    "statustype": "/catalogi/api/v1/statustypen",
    "resultaattype": "/catalogi/api/v1/resultaattypen",
    "roltype": "/catalogi/api/v1/roltypen",
    "informatieobjecttype": "/catalogi/api/v1/informatieobjecttypen",
    "zaaktypeinformatieobjecttype": "/catalogi/api/v1/zaaktype-informatieobjecttypen",
    "enkelvoudiginformatieobject": "/documenten/api/v1/enkelvoudiginformatieobjecten",
    "objectinformatieobject": "/documenten/api/v1/objectinformatieobjecten",
}
UUID_PATTERN = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 500
API_VERSIONS = {"zaken": "1.5.1", "catalogi": "1.3.1", "documenten": "1.4.2"}
# The zaak resource has a geometry: Open Zaak requires Accept-Crs there and answers Content-Crs
# on every response of it, errors included (vng-api-common's GeoMixin).
CRS = "EPSG:4326"
ZAAK_PATH = RESOURCES["zaak"]

# Open Zaak's Allow header: the methods DRF's view allows, HEAD and OPTIONS included. Details
# of most resources can be changed; these can not (or only partly), per Open Zaak's own specs.
LIST_METHODS = "GET, POST, HEAD, OPTIONS"
DETAIL_METHODS = "GET, PUT, PATCH, DELETE, HEAD, OPTIONS"
DETAIL_METHODS_OF = {
    "statussen": "GET, HEAD, OPTIONS",
    "rollen": "GET, PUT, DELETE, HEAD, OPTIONS",
    "catalogussen": "GET, HEAD, OPTIONS",
    "objectinformatieobjecten": "GET, DELETE, HEAD, OPTIONS",
}
ACTION_METHODS = {"_zoek": "POST, OPTIONS", "download": "GET, HEAD, OPTIONS"}
SERVED = {path.rsplit("/", 1)[-1] for path in RESOURCES.values()}

TITLES = {
    400: ("ValidationError", "Invalid input."),
    403: ("PermissionDenied", "Je hebt geen toestemming om deze actie uit te voeren."),
    404: ("NotFound", "Niet gevonden."),
    405: ("MethodNotAllowed", "Methode niet toegestaan."),
    406: ("NotAcceptable", "Kan niet voldoen aan de opgegeven Accept header."),
    409: ("Conflict", "Conflict."),
    412: ("PreconditionFailed", "Precondition failed"),
    500: ("APIException", "Er is een serverfout opgetreden."),
}
# Open Zaak's own (Dutch) titles where they differ from the ones above.
OPEN_ZAAK_TITLES = {400: "Ongeldige invoer.", 412: "Voorwaarde is niet vervuld"}


class Links:
    """Absolute URLs, built from the host the client used (so any port works)."""

    def __init__(self, request: HttpRequest) -> None:
        self.base = f"{request.scheme}://{request.get_host()}"

    def __call__(self, kind: str, key: UUID) -> str:
        return f"{self.base}{RESOURCES[kind]}/{key}"

    def optional(self, kind: str, key: UUID | None) -> str | None:
        return None if key is None else self(kind, key)


def resolve(url: str, kind: str) -> UUID | None:
    """The UUID in a resource URL of `kind` (any host), or None if it is not one."""
    match = re.fullmatch(re.escape(RESOURCES[kind]) + f"/({UUID_PATTERN})", urlsplit(url).path)
    return UUID(match.group(1)) if match else None


class ApiError(Exception):
    """Raised by views; answered as a problem (vng-api-common's Fout / ValidatieFout).

    On Open Zaak's three APIs as Open Zaak sends it: `Content-Type: application/json` (not
    application/problem+json), its headers (`open_zaak_headers`), Dutch titles, and for a 400
    the generic detail "Ongeldige invoer." with the reasons only in `invalidParams`.
    """

    def __init__(
        self,
        status: int,
        code: str,
        detail: str,
        invalid_params: list[dict[str, str]] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.code = code
        self.detail = detail
        self.invalid_params = invalid_params

    def response(self, request: HttpRequest) -> HttpResponse:
        name, title = TITLES.get(self.status, TITLES[500])
        open_zaak = is_open_zaak(request)
        detail = self.detail
        if open_zaak:
            title = OPEN_ZAAK_TITLES.get(self.status, title)
            if self.status == 400:
                detail = title
        body: dict[str, Any] = {
            "type": f"{request.scheme}://{request.get_host()}/ref/fouten/{name}/",
            "code": self.code,
            "title": title,
            "status": self.status,
            "detail": detail,
            "instance": f"urn:uuid:{uuid.uuid4()}",
        }
        if self.invalid_params is not None:
            body["invalidParams"] = self.invalid_params
        if not open_zaak:
            return JsonResponse(body, status=self.status, content_type="application/problem+json")
        return open_zaak_headers(request, JsonResponse(body, status=self.status))


def invalid(name: str, code: str, reason: str) -> ApiError:
    return ApiError(400, "invalid", reason, [{"name": name, "code": code, "reason": reason}])


def json_body(request: HttpRequest) -> dict[str, Any]:
    """The request's JSON object, or the 400 Open Zaak and Open Notificaties give."""
    try:
        body = json.loads(request.body or b"null")
    except ValueError:
        raise invalid("nonFieldErrors", "parse_error", "JSON parse error.") from None
    if not isinstance(body, dict):
        raise invalid("nonFieldErrors", "invalid", "Verwacht een JSON object.")
    return body


def not_found(detail: str = "Niet gevonden.") -> ApiError:
    return ApiError(404, "not_found", detail)


def get_or_404(records: dict[UUID, T], key: UUID) -> T:
    try:
        return records[key]
    except KeyError:
        raise not_found() from None


def api_name(request: HttpRequest) -> str:
    return request.path.strip("/").split("/", 1)[0]


def is_open_zaak(request: HttpRequest) -> bool:
    """A request to one of Open Zaak's APIs (Zaken, Catalogi, Documenten)."""
    return api_name(request) in API_VERSIONS


def allowed_methods(path: str) -> str | None:
    """Open Zaak's Allow header for an endpoint of its APIs (None: not one of them)."""
    parts = path.strip("/").split("/")
    if len(parts) < 4 or parts[0] not in API_VERSIONS or parts[1:3] != ["api", "v1"]:
        return None
    resource = parts[3:]
    if resource[0] not in SERVED:
        return None
    if len(resource) == 1:
        return ACTION_METHODS.get(resource[0], LIST_METHODS)
    if resource[-1] in ACTION_METHODS:
        return ACTION_METHODS[resource[-1]]
    if len(resource) == 2:
        return DETAIL_METHODS_OF.get(resource[0], DETAIL_METHODS)
    return None


def open_zaak_headers(
    request: HttpRequest, response: HttpResponse, *, api_version: bool = True
) -> HttpResponse:
    """The headers Open Zaak puts on every answer of its APIs, errors included: API-version
    (not on a download's content: `api_version=False`), Allow, and Content-Crs on the zaak
    resource. Answers of the other APIs are left as they are."""
    if not is_open_zaak(request):
        return response
    if api_version:
        response["API-version"] = API_VERSIONS[api_name(request)]
    allow = allowed_methods(request.path)
    if allow is not None:
        response["Allow"] = allow
    if request.path == ZAAK_PATH or request.path.startswith(f"{ZAAK_PATH}/"):
        response["Content-Crs"] = CRS
    return response


def api_view(
    view: Callable[..., HttpResponse] | None = None,
    *,
    methods: tuple[str, ...] = ("GET", "HEAD"),
    versioned: bool = True,
) -> Any:
    """Only `methods`; ApiError becomes the problem answer; Open Zaak's headers on every answer
    (`versioned=False`: no API-version on a successful answer, as on a download's content).
    Use as `@api_view` or `@api_view(methods=("POST",))`."""
    if view is None:
        return functools.partial(api_view, methods=methods, versioned=versioned)

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            if request.method not in methods:
                raise ApiError(
                    405, "method_not_allowed", f'Methode "{request.method}" niet toegestaan.'
                )
            response = view(request, *args, **kwargs)
        except ApiError as error:
            return error.response(request)
        return open_zaak_headers(
            request, response, api_version=versioned or response.status_code >= 400
        )

    return wrapper


class Query:
    """The query string of a list call, checked like Open Zaak: unknown parameters are a 400."""

    NO_MATCH: Final = UUID(int=0)  # a valid URL that points at nothing: filters to nothing

    def __init__(self, request: HttpRequest, allowed: Sequence[str]) -> None:
        self.params = request.GET
        unknown = sorted(set(self.params) - set(allowed))
        if unknown:
            reason = f"Onbekende query parameters: {', '.join(unknown)}"
            raise ApiError(
                400,
                "invalid",
                reason,
                [{"name": "nonFieldErrors", "code": "unknown-parameters", "reason": reason}],
            )

    def string(self, name: str) -> str | None:
        value = self.params.get(name)
        return value if value not in (None, "") else None

    def choice(self, name: str, choices: Sequence[str]) -> str | None:
        value = self.string(name)
        if value is not None and value not in choices:
            raise invalid(
                name,
                "invalid_choice",
                f"Selecteer een geldige keuze. {value} is geen beschikbare keuze.",
            )
        return value

    def multiple(self, name: str, choices: Sequence[str]) -> list[str]:
        """A comma-separated list (OpenAPI style=form, explode=false)."""
        values = [part for part in (self.string(name) or "").split(",") if part]
        for value in values:
            if value not in choices:
                raise invalid(
                    name,
                    "invalid_choice",
                    f"Selecteer een geldige keuze. {value} is geen beschikbare keuze.",
                )
        return values

    def boolean(self, name: str) -> bool | None:
        value = self.string(name)
        if value is None:
            return None
        if value.lower() in ("true", "1"):
            return True
        if value.lower() in ("false", "0"):
            return False
        raise invalid(name, "invalid", "Voer een geldige booleaanse waarde in.")

    def date(self, name: str) -> date | None:
        value = self.string(name)
        if value is None:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise invalid(name, "invalid", "Voer een geldige datum in.") from None

    def url(self, name: str, kind: str) -> UUID | None:
        """The UUID a URL filter points at; NO_MATCH for a URL of another resource or host path."""
        value = self.string(name)
        if value is None:
            return None
        if not urlsplit(value).scheme or not urlsplit(value).netloc:
            raise invalid(name, "invalid", "Voer een geldige URL in.")
        return resolve(value, kind) or self.NO_MATCH


def page_of(request: HttpRequest, items: list[Any]) -> tuple[list[Any], dict[str, Any]]:
    """One page of `items` plus count/next/previous, as DRF's PageNumberPagination with pageSize."""
    size = DEFAULT_PAGE_SIZE
    raw_size = request.GET.get("pageSize", "")
    if raw_size.isdigit() and int(raw_size) > 0:
        size = min(int(raw_size), MAX_PAGE_SIZE)
    raw_page = request.GET.get("page", "1")
    pages = max(1, -(-len(items) // size))
    if not raw_page.isdigit() or not 1 <= int(raw_page) <= pages:
        raise ApiError(404, "not_found", "Ongeldige pagina.")
    page = int(raw_page)

    def link(number: int) -> str:
        # As DRF writes it: the query keys sorted, no page parameter on the link to page 1.
        params = [(key, value) for key, value in request.GET.items() if key != "page"]
        if number > 1:
            params.append(("page", str(number)))
        query = urlencode(sorted(params))
        return f"{request.scheme}://{request.get_host()}{request.path}" + (
            f"?{query}" if query else ""
        )

    envelope = {
        "count": len(items),
        "next": link(page + 1) if page < pages else None,
        "previous": link(page - 1) if page > 1 else None,
    }
    return items[(page - 1) * size : page * size], envelope


def list_response(request: HttpRequest, results: list[Any], **headers: str) -> JsonResponse:
    response = JsonResponse(results, safe=False)
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    response["API-version"] = API_VERSIONS.get(api_name(request), "")
    return response


def paginated_response(
    request: HttpRequest, items: list[Any], render: Callable[[Any], dict[str, Any]], **headers: str
) -> JsonResponse:
    page, envelope = page_of(request, items)
    response = JsonResponse({**envelope, "results": [render(item) for item in page]})
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    response["API-version"] = API_VERSIONS.get(api_name(request), "")
    return response


def detail_response(request: HttpRequest, body: dict[str, Any], **headers: str) -> HttpResponse:
    """A resource with its ETag; If-None-Match with that ETag gives 304 (as Open Zaak)."""
    content = json.dumps(body).encode()
    etag = '"' + hashlib.md5(content, usedforsecurity=False).hexdigest() + '"'
    if etag in [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]:
        response: HttpResponse = HttpResponse(status=304)
    else:
        response = HttpResponse(content, content_type="application/json")
    response["ETag"] = etag
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    response["API-version"] = API_VERSIONS.get(api_name(request), "")
    return response


def detail_view(
    records: Callable[[Any], dict[UUID, Any]], render: Callable[[Any, Links, Any], dict[str, Any]]
) -> Callable[..., HttpResponse]:
    """A GET /<resource>/{uuid} view: `records(state)` holds it, `render` makes the JSON."""

    @api_view
    def view(request: HttpRequest, uuid: UUID) -> HttpResponse:
        current = state()
        return detail_response(
            request, render(get_or_404(records(current), uuid), Links(request), current)
        )

    return view
