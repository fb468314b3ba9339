"""Load the MijnZaken configuration from YAML, idempotently (rows matched on their keys)."""

from typing import Any
from urllib.parse import urljoin

from django.conf import settings
from django.db import transaction
from django_setup_configuration.configuration import BaseConfigurationStep
from django_setup_configuration.exceptions import ConfigurationRunFailed
from pydantic import BaseModel
from zgw_consumers.models import Service

from zaken.configuration.snapshot import catalogus_key
from zaken.models import (
    InformatieObjectTypeConfig,
    MijnZakenConfig,
    StatusTypeConfig,
    ZaakTypeConfig,
)

from .models import ZakenConfigurationModel

KEYS = {"catalogus_url", "identificatie", "omschrijving", "statustypen"}


def _given(model: BaseModel, *, exclude: frozenset[str] | set[str] = frozenset()) -> dict[str, Any]:
    """Only the fields the YAML states: the rest of a row stays as it is."""
    return {
        name: getattr(model, name)
        for name in model.model_fields_set
        if name not in exclude and getattr(model, name) is not None
    }


def _update(row: Any, values: dict[str, Any]) -> None:
    changed = {name: value for name, value in values.items() if getattr(row, name) != value}
    for name, value in changed.items():
        setattr(row, name, value)
    if changed:
        row.save(update_fields=list(changed))


class ZakenConfigurationStep(BaseConfigurationStep[ZakenConfigurationModel]):
    """What residents see in MijnZaken: global rules, zaaktypen with statustypen, documenttypen.

    Rows are matched on catalogus + identificatie (zaaktype), omschrijving within the
    zaaktype (statustype) and catalogus + omschrijving (documenttype); loading a file twice
    changes nothing, and rows the file does not name are left alone.
    """

    verbose_name = "MijnZaken-configuratie (zaaktypen, statustypen, documenttypen)"
    config_model = ZakenConfigurationModel
    namespace = "zaken_config"
    enable_setting = "zaken_config_enable"

    def execute(self, model: ZakenConfigurationModel) -> None:
        with transaction.atomic():
            if model.global_settings is not None:
                _update(MijnZakenConfig.get_solo(), _given(model.global_settings))
            for zaaktype in model.zaaktypen:
                row = self._zaaktype_row(_catalogus(zaaktype.catalogus_url), zaaktype.identificatie)
                values = _given(zaaktype, exclude=KEYS | {"omschrijving"})
                if "shown" in zaaktype.model_fields_set:  # null: back to the catalogus's rule
                    values["shown"] = zaaktype.shown
                _update(row, values)
                if zaaktype.omschrijving:
                    _update(row, {"omschrijving": zaaktype.omschrijving})
                for statustype in zaaktype.statustypen:
                    status, _ = StatusTypeConfig.objects.get_or_create(
                        zaaktype_config=row, omschrijving=statustype.omschrijving
                    )
                    _update(status, _given(statustype, exclude=KEYS))
            for iot in model.informatieobjecttypen:
                catalogus = _catalogus(iot.catalogus_url)
                iot_row = next(
                    (
                        candidate
                        for candidate in InformatieObjectTypeConfig.objects.filter(
                            omschrijving=iot.omschrijving
                        )
                        if catalogus_key(candidate.catalogus_url) == catalogus_key(catalogus)
                    ),
                    None,
                ) or InformatieObjectTypeConfig.objects.create(
                    catalogus_url=catalogus, omschrijving=iot.omschrijving
                )
                _update(iot_row, _given(iot, exclude=KEYS))

    @staticmethod
    def _zaaktype_row(catalogus: str, identificatie: str) -> ZaakTypeConfig:
        for candidate in ZaakTypeConfig.objects.filter(identificatie=identificatie):
            if catalogus_key(candidate.catalogus_url) == catalogus_key(catalogus):
                return candidate
        return ZaakTypeConfig.objects.create(catalogus_url=catalogus, identificatie=identificatie)


def _catalogus(url: str) -> str:
    """An absolute catalogus URL; a relative one is resolved on the Catalogi service's root."""
    if url.startswith(("http://", "https://")):
        return url
    service = Service.objects.filter(slug=settings.CATALOGI_SERVICE_SLUG).first()
    if service is None:
        raise ConfigurationRunFailed(
            f"catalogus_url {url!r} is relative, but there is no Catalogi service with "
            f"identifier {settings.CATALOGI_SERVICE_SLUG!r} to resolve it on: configure the "
            "service first (zgw_consumers step) or give an absolute URL."
        )
    return urljoin(service.api_root, url)
