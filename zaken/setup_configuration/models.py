"""The YAML shape of the MijnZaken configuration (namespace `zaken_config`).

Every field but the keys is optional: a field the file leaves out keeps its value (a new row
gets the model's default), so a file can hold just the labels while the Catalogi import
adds the rest. A zaaktype's `shown` defaults to the catalogus (only extern ones are shown), so
a label alone never exposes an intern zaaktype; `shown: null` returns a row to that default. `catalogus_url` is absolute, or relative to the Catalogi service's API root.
"""

from typing import Literal

from django_setup_configuration.models import ConfigurationModel
from pydantic import Field

Level = Literal[
    "",
    "openbaar",
    "beperkt_openbaar",
    "intern",
    "zaakvertrouwelijk",
    "vertrouwelijk",
    "confidentieel",
    "geheim",
    "zeer_geheim",
]
Richtingen = Literal["", "alle", "inkomend_uitgaand", "inkomend", "uitgaand"]


class GlobalModel(ConfigurationModel):
    zaak_max_vertrouwelijkheid: Level | None = Field(None, description="Leeg: de instelling.")
    document_max_vertrouwelijkheid: Level | None = None
    show_zaken_without_status: bool | None = None
    document_richtingen: Richtingen | None = None


class StatusTypeModel(ConfigurationModel):
    omschrijving: str = Field(description="De omschrijving van het statustype (de sleutel).")
    volgnummer: int | None = None
    label: str | None = None
    explanation: str | None = None
    shown_in_timeline: bool | None = None
    notify: bool | None = None
    action_required: bool | None = None


class ZaakTypeModel(ConfigurationModel):
    catalogus_url: str = Field(examples=["catalogussen/<uuid>", "https://oz/catalogi/..."])
    identificatie: str
    omschrijving: str | None = None
    shown: bool | None = Field(
        None,
        description=(
            "true: always shown, false: never shown. Left out on a new row, or null: as the "
            "catalogus says (only an extern zaaktype is shown)."
        ),
    )
    name: str | None = None
    explanation: str | None = None
    max_vertrouwelijkheid: Level | None = None
    documents_shown: bool | None = None
    statustypen: list[StatusTypeModel] = Field(default_factory=list)


class InformatieObjectTypeModel(ConfigurationModel):
    catalogus_url: str
    omschrijving: str
    shown: bool | None = None
    max_vertrouwelijkheid: Level | None = None
    richtingen: Richtingen | None = None
    notify: bool | None = None


class ZakenConfigurationModel(ConfigurationModel):
    global_settings: GlobalModel | None = Field(None, alias="global")
    zaaktypen: list[ZaakTypeModel] = Field(default_factory=list)
    informatieobjecttypen: list[InformatieObjectTypeModel] = Field(default_factory=list)
