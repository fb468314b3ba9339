"""Validate requests and responses against the official OpenAPI specs in specs/."""

import functools
import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import yaml
from openapi_core import Config, OpenAPI
from openapi_core.testing import MockRequest, MockResponse

SPECS_DIR = Path(os.environ.get("MIJNOMGEVING_SPECS_DIR", Path(__file__).parent.parent / "specs"))

# Host used for the servers of every loaded spec: only the path of a URL is matched.
SPEC_HOST = "http://spec.test"

# Which spec describes which API, and at which base path it is mounted (as in Open Zaak).
APIS: dict[str, tuple[str, str]] = {
    "zaken": ("openzaak-1.30.0-zaken-1.5.1.yaml", "/zaken/api/v1"),
    "catalogi": ("openzaak-1.30.0-catalogi-1.3.1.yaml", "/catalogi/api/v1"),
    "documenten": ("openzaak-1.30.0-documenten-1.4.2.yaml", "/documenten/api/v1"),
    "zaken-standard": ("zaken-1.5.1.yaml", "/zaken/api/v1"),
    "catalogi-standard": ("catalogi-1.3.1.yaml", "/catalogi/api/v1"),
    "documenten-standard": ("documenten-1.4.2.yaml", "/documenten/api/v1"),
    "klantinteracties": (
        "klantinteracties-0.9.0-openklant-2.18.0.yaml",
        "/klantinteracties/api/v1",
    ),
    "notificaties": ("notificaties-1.0.1.yaml", "/notificaties/api/v1"),
    "objecten": ("objecten-2.7.0.yaml", "/api/v2"),
    "taken": ("openvtb-taken-0.1.0-main.yaml", "/taken/api/v1"),
    "berichten": ("openvtb-berichten-0.1.0-main.yaml", "/berichten/api/v1"),
    "brp": ("brp-personen-2.7.0.yaml", "/haalcentraal/api/brp"),
}

# Open Zaak's own specs point at the Catalogi 1.2.0 standard on GitHub for the ZaakType
# schema that `expand` embeds. The network is closed, so that reference is pointed at the
# Catalogi copy Open Zaak 1.30 itself serves (a superset of 1.2.0). Not the VNG 1.3.1 text:
# that one types `ZaakType.informatieobjecttypen` as a string, a known doc bug, while every
# server (Open Zaak included) sends a list.
EXTERNAL_REFS = {
    "https://raw.githubusercontent.com/vng-Realisatie/catalogi-api/1.2.0/src/openapi.yaml": (
        "openzaak-1.30.0-catalogi-1.3.1.yaml"
    ),
}


# The response header the Zaken API declares as required on zaak list and detail responses.
ZAKEN_RESPONSE_HEADERS = {"Content-Crs": "EPSG:4326"}


class SpecViolation(AssertionError):
    """A payload that does not match the official specification."""


def _rewrite_refs(node: Any) -> Any:
    """Point external refs at local copies, and make `nullable` work beside `allOf`.

    OAS 3.0 lets a property be `{"allOf": [{"$ref": ...}], "nullable": true}` (Open Zaak
    uses it for `verlenging`, `_expand.resultaat`, ...), but openapi-core applies `nullable`
    only to the schema's own `type`, so a spec-valid `null` would fail. Rewriting it to
    `anyOf: [the allOf, null]` keeps the meaning and the strictness.
    """
    if isinstance(node, dict):
        rewritten = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                for remote, local in EXTERNAL_REFS.items():
                    if value.startswith(remote):
                        value = (SPECS_DIR / local).as_uri() + value[len(remote) :]
            rewritten[key] = _rewrite_refs(value)
        if rewritten.get("nullable") is True and "allOf" in rewritten and "type" not in rewritten:
            all_of = rewritten.pop("allOf")
            rewritten.pop("nullable")
            rewritten["anyOf"] = [{"allOf": all_of}, {"nullable": True, "enum": [None]}]
        return rewritten
    if isinstance(node, list):
        return [_rewrite_refs(item) for item in node]
    return node


@functools.cache
def openapi_for(api: str) -> OpenAPI:
    """The parsed spec of one API (parsed once per test run: the files are large)."""
    filename, base_path = APIS[api]
    path = SPECS_DIR / filename
    if not path.is_file():
        raise FileNotFoundError(
            f"Spec {filename} not found in {SPECS_DIR}: the official specs live in specs/ "
            "at the top of the repository; point MIJNOMGEVING_SPECS_DIR at them elsewhere."
        )
    with path.open("rb") as handle:
        spec = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506
    spec = _rewrite_refs(spec)
    spec["servers"] = [{"url": SPEC_HOST + base_path}]
    return OpenAPI.from_dict(
        spec,
        base_uri=path.as_uri(),
        config=Config(
            spec_validator_cls=None,
            # Errors are application/problem+json (docs/standards.md §2): read them as JSON.
            extra_media_type_deserializers={"application/problem+json": json.loads},
        ),
    )


def _request(api: str, method: str, url_or_path: str, body: Any = None) -> MockRequest:
    _, base_path = APIS[api]
    parts = urlsplit(url_or_path)
    path = parts.path
    if base_path in path:
        path = path[path.index(base_path) :]
    else:
        path = base_path + ("" if path.startswith("/") else "/") + path
    args = {key: values[0] for key, values in parse_qs(parts.query).items()}
    data = json.dumps(body).encode() if body is not None else None
    return MockRequest(SPEC_HOST, method.lower(), path, args=args, data=data)


def assert_response_valid(
    api: str,
    method: str,
    url_or_path: str,
    body: Any,
    *,
    status: int = 200,
    content_type: str = "application/json",
    headers: dict[str, str] | None = None,
) -> None:
    """Fail with a readable message when `body` is not what the spec says `url` returns.

    `url_or_path` may be a full URL from a payload (its path is matched against the spec's
    paths under the API's base path) or a path relative to that base path. `headers` are
    the response headers; the Zaken API requires `Content-Crs` on zaak responses
    (`ZAKEN_RESPONSE_HEADERS`).
    """
    request = _request(api, method, url_or_path)
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    response = MockResponse(
        data, status_code=status, content_type=content_type, headers=headers or {}
    )
    try:
        openapi_for(api).validate_response(request, response)
    except Exception as error:  # openapi-core raises several unrelated error classes
        raise SpecViolation(
            f"{method.upper()} {url_or_path} ({api}): {_describe(error)}"
        ) from error


def assert_request_body_valid(api: str, method: str, url_or_path: str, body: Any) -> None:
    """Fail when a request body the portal sends does not match the spec."""
    request = _request(api, method, url_or_path, body)
    try:
        openapi_for(api).validate_request(request)
    except Exception as error:
        raise SpecViolation(
            f"{method.upper()} {url_or_path} ({api}): {_describe(error)}"
        ) from error


def _describe(error: BaseException) -> str:
    details = [str(error)]
    cause = error.__cause__ or error.__context__
    for sub in getattr(error, "schema_errors", None) or getattr(cause, "schema_errors", None) or []:
        location = "/".join(str(part) for part in getattr(sub, "absolute_path", []))
        details.append(f"  at {location or '<root>'}: {getattr(sub, 'message', sub)}")
    if cause is not None and len(details) == 1:
        details.append(f"  caused by {cause}")
    return "\n".join(details)
