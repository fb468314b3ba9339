"""Contract checks for the demo back office: responses against the Open Zaak 1.30 specs."""

import copy
import functools
from typing import Any

import requests
import yaml
from openapi_schema_validator import OAS30Validator

from tests.specs import APIS, SPECS_DIR, ZAKEN_RESPONSE_HEADERS, assert_response_valid

# Which expanded object is embedded from the Catalogi API, per API. tests/specs.py resolves
# the embedded schema to the Catalogi 1.3.1 *standard*, which types ZaakType.
# informatieobjecttypen and InformatieObjectType.zaaktypen as strings; Open Zaak embeds its own
# Catalogi resources, where both are arrays of URLs. So those embedded objects are checked
# against Open Zaak's Catalogi spec instead, and the rest of the body against its own spec.
EMBEDDED_FROM_CATALOGI = {"zaken": "zaaktype", "documenten": "informatieobjecttype"}


def _records(body: Any) -> list[dict[str, Any]]:
    if isinstance(body, dict) and "results" in body:
        return body["results"]
    if isinstance(body, dict):
        return [body]
    return body


def assert_valid(api: str, response: requests.Response) -> dict[str, Any] | list[Any]:
    """The 200 response validates against the Open Zaak spec of `api`; returns its JSON."""
    assert response.status_code == 200, response.text
    body = response.json()
    checked = copy.deepcopy(body)
    embedded = EMBEDDED_FROM_CATALOGI.get(api)
    for record in _records(checked):
        catalogi_object = record.get("_expand", {}).pop(embedded, None) if embedded else None
        if catalogi_object is not None:
            assert_response_valid("catalogi", "get", catalogi_object["url"], catalogi_object)
    assert_response_valid(
        api,
        response.request.method or "GET",
        response.url,
        checked,
        status=response.status_code,
        content_type=response.headers["Content-Type"],
        headers=dict(response.headers),
    )
    if api == "zaken" and "/zaken/api/v1/zaken" in response.url:
        for name, value in ZAKEN_RESPONSE_HEADERS.items():
            assert response.headers[name] == value
    return body


@functools.cache
def _raw_spec(api: str) -> dict[str, Any]:
    filename, _ = APIS[api]
    with (SPECS_DIR / filename).open("rb") as handle:
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506


def _inline(node: Any, spec: dict[str, Any]) -> Any:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
            return _inline(spec["components"]["schemas"][ref.rsplit("/", 1)[-1]], spec)
        return {key: _inline(value, spec) for key, value in node.items()}
    if isinstance(node, list):
        return [_inline(item, spec) for item in node]
    return node


def assert_problem(
    api: str, path: str, response: requests.Response, status: int, code: str | None = None
) -> dict[str, Any]:
    """An application/problem+json error that the spec declares for `path` (a path template
    such as "/zaken/{uuid}") with this status, shaped as its schema (Fout/ValidatieFout).

    tests/specs.py cannot check these bodies: openapi-core has no deserializer for
    application/problem+json, so the declared schema is applied here directly."""
    assert response.status_code == status, response.text
    assert response.headers["Content-Type"] == "application/problem+json"
    spec = _raw_spec(api)
    method = (response.request.method or "GET").lower()
    declared = spec["paths"][path][method]["responses"]
    assert str(status) in declared, f"{api} {method.upper()} {path} does not declare {status}"
    schema = _inline(declared[str(status)]["content"]["application/problem+json"]["schema"], spec)
    body = response.json()
    OAS30Validator(schema).validate(body)
    assert body["status"] == status
    if code is not None:
        assert body["code"] == code, body
    return body
