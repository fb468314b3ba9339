"""The admin's per-statustype and per-informatieobjecttype notify switches (zaken/models.py).

Those models (helper-8, issue 4: `StatusTypeConfig.notify`, `InformatieObjectTypeConfig.notify`)
are read through these two functions only, which tolerate their absence: without a model, or
without a row for the type, the default applies (notify on, no action required; for a status
the catalogus's `informeren` still has to be true). Keys follow Decision 5 as zaken/models.py
stores them: ZaakTypeConfig (catalogus_url + identificatie) + StatusTypeConfig.omschrijving,
and InformatieObjectTypeConfig (catalogus_url + omschrijving). A lookup that no longer fits
the model (FieldError) counts as "no row", so a rename there cannot stop all messages.
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
        except (FieldError, ValueError) as error:
            logger.warning("notify switch lookup on %s failed: %s", model.__name__, error)
            continue
        if row is not None:
            return row
    return None


def status_switch(zaaktype: ZaakType, statustype: StatusType) -> StatusSwitch:
    model = _config_model("StatusTypeConfig")
    if model is None:
        return StatusSwitch()
    row = _first(
        model,
        [
            {
                "zaaktype_config__catalogus_url": zaaktype.catalogus,
                "zaaktype_config__identificatie": zaaktype.identificatie,
                "omschrijving": statustype.omschrijving,
            }
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
                "catalogus_url": informatieobjecttype.catalogus,
                "omschrijving": informatieobjecttype.omschrijving,
            }
        ],
    )
    return True if row is None else bool(getattr(row, "notify", True))
