"""The admin's per-statustype and per-informatieobjecttype notify switches (zaken/models.py).

Those models (helper-8, issue 4: `StatusTypeConfig.notify`, `InformatieObjectTypeConfig.notify`)
are read through these two functions only, which tolerate their absence: without a model, or
without a row for the type, the default applies (notify on, no action required). Keys follow
Decision 5: catalogus + zaaktype identificatie + statustype omschrijving, and catalogus +
informatieobjecttype omschrijving.
"""

import logging
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldError

from mijnomgeving.clients.catalogi_resources import InformatieObjectType, StatusType, ZaakType

logger = logging.getLogger("mijnomgeving.notificaties")


@dataclass(frozen=True, slots=True)
class StatusSwitch:
    notify: bool = True
    action_required: bool = False


def _config_model(name: str) -> Any:
    try:
        return apps.get_model("zaken", name)
    except LookupError:
        return None


def _first(model: Any, candidates: list[dict[str, str]]) -> Any:
    """The first row matching one of the candidate lookups (field names differ per version)."""
    for lookup in candidates:
        try:
            row = model.objects.filter(**lookup).first()
        except (FieldError, ValueError):
            continue
        if row is not None:
            return row
    return None


def status_switch(zaaktype: ZaakType, statustype: StatusType) -> StatusSwitch:
    model = _config_model("StatusTypeConfig")
    if model is None:
        return StatusSwitch()
    base = {"zaaktype_identificatie": zaaktype.identificatie}
    row = _first(
        model,
        [
            {**base, "catalogus": zaaktype.catalogus, "omschrijving": statustype.omschrijving},
            {**base, "catalogus_url": zaaktype.catalogus, "omschrijving": statustype.omschrijving},
            {"statustype_url": statustype.url},
        ],
    )
    if row is None:
        return StatusSwitch()
    return StatusSwitch(
        notify=bool(getattr(row, "notify", True)),
        action_required=bool(getattr(row, "action_required", False)),
    )


def document_notify(zaaktype: ZaakType, informatieobjecttype: InformatieObjectType) -> bool:
    model = _config_model("InformatieObjectTypeConfig")
    if model is None:
        return True
    row = _first(
        model,
        [
            {
                "catalogus": informatieobjecttype.catalogus,
                "omschrijving": informatieobjecttype.omschrijving,
            },
            {
                "catalogus_url": informatieobjecttype.catalogus,
                "omschrijving": informatieobjecttype.omschrijving,
            },
            {"informatieobjecttype_url": informatieobjecttype.url},
        ],
    )
    return True if row is None else bool(getattr(row, "notify", True))
