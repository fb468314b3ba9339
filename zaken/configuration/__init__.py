"""The admin's MijnZaken configuration: the snapshot pages read, and the Catalogi import."""

from .importer import ImportFailed, ImportReport, import_from_catalogi
from .snapshot import (
    InformatieObjectTypeSettings,
    StatusTypeSettings,
    TypeSettings,
    ZaakTypeSettings,
    ZakenConfiguration,
    zaken_configuration,
)

__all__ = [
    "ImportFailed",
    "ImportReport",
    "InformatieObjectTypeSettings",
    "StatusTypeSettings",
    "TypeSettings",
    "ZaakTypeSettings",
    "ZakenConfiguration",
    "import_from_catalogi",
    "zaken_configuration",
]
