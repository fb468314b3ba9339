"""Spec-valid Notificaties API 1.0 payloads: a notificatie (Message) and an abonnement."""

import functools
import uuid as uuid_lib
from typing import Any

import yaml
from openapi_schema_validator import OAS30Validator, oas30_format_checker

from tests.specs import SPECS_DIR, SpecViolation, assert_response_valid

from .zgw import zaken_url

NRC_ROOT = "http://nrc.test/api/v1/"
# tests/specs.py mounts the Notificaties spec here; only the path is matched.
SPEC_ROOT = "/notificaties/api/v1/"

Payload = dict[str, Any]


def notificatie(
    *,
    zaak: str | None = None,
    resource: str = "status",
    resource_url: str | None = None,
    actie: str = "create",
    kanaal: str = "zaken",
    validate: bool = True,
    **overrides: Any,
) -> Payload:
    """A message as the NRC delivers it to a webhook (Message schema, POST /notificaties body)."""
    zaak = zaak or zaken_url(f"zaken/{uuid_lib.uuid4()}")
    collection = {"status": "statussen", "zaakinformatieobject": "zaakinformatieobjecten"}.get(
        resource, f"{resource}en"
    )
    payload: Payload = {
        "kanaal": kanaal,
        "hoofdObject": zaak,
        "resource": resource,
        "resourceUrl": resource_url or zaken_url(f"{collection}/{uuid_lib.uuid4()}"),
        "actie": actie,
        "aanmaakdatum": "2026-01-14T09:30:00Z",
        "kenmerken": {
            "bronorganisatie": "002220647",
            "zaaktype": "http://zaken.test/catalogi/api/v1/zaaktypen/x",
            "vertrouwelijkheidaanduiding": "openbaar",
        },
    }
    payload.update(overrides)
    if validate:
        assert_valid_notificatie(payload)
    return payload


@functools.cache
def _schema(spec: str, name: str) -> Payload:
    with (SPECS_DIR / spec).open() as file:
        components = yaml.safe_load(file)["components"]
    # Keep the components beside the schema, so its internal $refs resolve.
    return {"$ref": f"#/components/schemas/{name}", "components": components}


def assert_valid_notificatie(payload: Payload) -> None:
    """Valid as notificaties-1.0.1 Message and as the consumer webhook's Notificatie."""
    for spec, name in (
        ("notificaties-1.0.1.yaml", "Message"),
        ("notificaties-consumer-webhook-1.0.0-rc1.yaml", "Notificatie"),
    ):
        validator = OAS30Validator(_schema(spec, name), format_checker=oas30_format_checker)
        errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(payload)]
        if errors:
            raise SpecViolation(f"{spec}#{name}: " + "; ".join(errors))


def test_notificatie() -> Payload:
    """What Open Notificaties sends when an abonnement is created (kanaal "test")."""
    payload = {
        "kanaal": "test",
        "hoofdObject": "http://nrc.test/api/v1/test",
        "resource": "test",
        "resourceUrl": "http://nrc.test/api/v1/test",
        "actie": "create",
        "aanmaakdatum": "2026-01-14T09:30:00Z",
        "kenmerken": {},
    }
    assert_valid_notificatie(payload)
    return payload


def abonnement(
    *,
    callback_url: str,
    auth: str,
    kanalen: list[Payload] | None = None,
    uuid: str | None = None,
    validate: bool = True,
) -> Payload:
    uuid = uuid or str(uuid_lib.uuid4())
    payload = {
        "url": f"{NRC_ROOT}abonnement/{uuid}",
        "callbackUrl": callback_url,
        "auth": auth,
        "kanalen": kanalen if kanalen is not None else [{"naam": "zaken", "filters": {}}],
    }
    if validate:
        assert_response_valid("notificaties", "GET", f"{SPEC_ROOT}abonnement/{uuid}", payload)
    return payload


def abonnement_refusal(code: str, reason: str = "x") -> Payload:
    """The 400 problem+json Open Notificaties answers when it refuses an abonnement, for
    `callbackUrl` (e.g. invalid-callback-url, no-auth-on-callback-url)."""
    return {
        "type": "about:blank",
        "code": "invalid",
        "title": "Invalid input.",
        "status": 400,
        "detail": "",
        "instance": "urn:uuid:1",
        "invalidParams": [{"name": "callbackUrl", "code": code, "reason": reason}],
    }


def problem_violations(body: Payload, schema: str = "ValidatieFout") -> list[str]:
    """What is wrong with a problem+json body the webhook answered (consumer webhook spec)."""
    validator = OAS30Validator(
        _schema("notificaties-consumer-webhook-1.0.0-rc1.yaml", schema),
        format_checker=oas30_format_checker,
    )
    return [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(body)]


def assert_abonnement_body_valid(body: Payload) -> None:
    """A POST/PUT /abonnement body the portal sends, against notificaties-1.0.1 Abonnement."""
    validator = OAS30Validator(
        _schema("notificaties-1.0.1.yaml", "Abonnement"), format_checker=oas30_format_checker
    )
    errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(body)]
    if errors:
        raise SpecViolation("Abonnement: " + "; ".join(errors))
