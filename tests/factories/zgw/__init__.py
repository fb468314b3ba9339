"""Spec-valid Open Zaak 1.30 payloads (Zaken, Catalogi, Documenten) for tests that mock HTTP.

Every factory returns a plain dict as the API serves it, with absolute URLs under
`base` (default http://zaken.test, the root `zgw_services` configures), and validates it
against the official Open Zaak spec before returning it: a fixture that drifts from the
spec fails at once. Keyword overrides use the API's own (camelCase) names and replace
whole fields: `zaak(status=None, einddatum="2024-05-01")`. Pass `validate=False` only to
build a deliberately broken payload.

Catalogi resources have fixed default UUIDs, so `zaak()` points at `zaaktype()` and
`status()` at `statustype()` without any wiring; resident data gets fresh UUIDs.
"""

from tests.specs import ZAKEN_RESPONSE_HEADERS

from ._common import (
    BASE,
    BRONORGANISATIE,
    CATALOGUS_UUID,
    INFORMATIEOBJECTTYPE_UUID,
    RESULTAATTYPE_UUID,
    ROLTYPE_UUID,
    STATUSTYPE_UUIDS,
    TEST_BSN,
    TEST_KVK,
    ZAAKTYPE_INFORMATIEOBJECTTYPE_UUID,
    ZAAKTYPE_UUID,
    Payload,
    assert_valid,
    catalogi_url,
    documenten_url,
    new_uuid,
    page,
    zaken_url,
)
from .catalogi import (
    catalogus,
    informatieobjecttype,
    resultaattype,
    statustype,
    zaaktype,
    zaaktype_informatieobjecttype,
)
from .documenten import enkelvoudiginformatieobject
from .zaken import resultaat, rol, status, zaak, zaakinformatieobject

__all__ = [
    "BASE",
    "BRONORGANISATIE",
    "CATALOGUS_UUID",
    "INFORMATIEOBJECTTYPE_UUID",
    "RESULTAATTYPE_UUID",
    "ROLTYPE_UUID",
    "STATUSTYPE_UUIDS",
    "TEST_BSN",
    "TEST_KVK",
    "ZAAKTYPE_INFORMATIEOBJECTTYPE_UUID",
    "ZAAKTYPE_UUID",
    "ZAKEN_RESPONSE_HEADERS",
    "Payload",
    "assert_valid",
    "catalogi_url",
    "catalogus",
    "documenten_url",
    "enkelvoudiginformatieobject",
    "informatieobjecttype",
    "new_uuid",
    "page",
    "resultaat",
    "resultaattype",
    "rol",
    "status",
    "statustype",
    "zaak",
    "zaakinformatieobject",
    "zaaktype",
    "zaaktype_informatieobjecttype",
    "zaken_url",
]
