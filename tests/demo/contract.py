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

# Where real Open Zaak 1.30 answers outside its own spec, and the stand-in therefore does too:
# every one of these is in the recorded answers (tests/corpus/realzgw; checked against the same
# specs) and tests/demo/test_conformance.py holds the stand-in to them. Per key: the value Open
# Zaak sends, and a value its spec accepts that stands in for it while validating.
EMPTY_CONTACTPERSOON = {"emailadres": "", "functie": "", "telefoonnummer": "", "naam": ""}
OPEN_ZAAK_OUTSIDE_ITS_SPEC: dict[str, tuple[Any, Any]] = {
    "eindeObject": (None, "2099-12-31"),  # catalogi types: required string, sent as null
    "beginObject": (None, "2000-01-01"),  # statustype/roltype/resultaattype: ditto
    "rsin": ("", "000000000"),  # zaaktype.broncatalogus: minLength 9, sent as ""
    "inpA_nummer": ("", "1000000000"),  # natuurlijk persoon: pattern, sent as ""
    "innNnpId": ("", "000000000"),  # niet-natuurlijk persoon: minLength, sent as ""
    "opdrachtgevendeOrganisatie": ("", "000000000"),  # zaak: minLength 9, sent as ""
    "contactpersoonRol": (  # rol: naam required and emailadres an e-mail address, sent as ""
        EMPTY_CONTACTPERSOON,
        {**EMPTY_CONTACTPERSOON, "naam": "-", "emailadres": "iemand@example.org"},
    ),
}
# Open Zaak's own APIs answer errors as application/json, the others as application/problem+json.
OPEN_ZAAK_APIS = ("zaken", "catalogi", "documenten")


def _as_its_spec_allows(node: Any) -> Any:
    """`node` with Open Zaak's known departures from its spec replaced by values it allows."""
    if isinstance(node, dict):
        return {
            key: (
                OPEN_ZAAK_OUTSIDE_ITS_SPEC[key][1]
                if key in OPEN_ZAAK_OUTSIDE_ITS_SPEC and value == OPEN_ZAAK_OUTSIDE_ITS_SPEC[key][0]
                else _as_its_spec_allows(value)
            )
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_as_its_spec_allows(item) for item in node]
    return node


def _records(body: Any) -> list[dict[str, Any]]:
    if isinstance(body, dict) and "results" in body:
        return body["results"]
    if isinstance(body, dict):
        return [body]
    return body


def assert_valid(api: str, response: requests.Response) -> dict[str, Any] | list[Any]:
    """The 200 response validates against the Open Zaak spec of `api` (but for the places
    where real Open Zaak does not follow it either); returns its JSON."""
    assert response.status_code == 200, response.text
    body = response.json()
    checked = _as_its_spec_allows(copy.deepcopy(body))
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
    """An error that the spec declares for `path` (a path template such as "/zaken/{uuid}")
    with this status, shaped as its schema (Fout/ValidatieFout). The spec declares it as
    application/problem+json; Open Zaak's own APIs send it as application/json.

    tests/specs.py cannot check these bodies: openapi-core has no deserializer for
    application/problem+json, so the declared schema is applied here directly."""
    assert response.status_code == status, response.text
    assert response.headers["Content-Type"] == (
        "application/json" if api in OPEN_ZAAK_APIS else "application/problem+json"
    )
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
