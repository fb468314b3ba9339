"""MijnZaken services: plain functions on an Identity and UUIDs, returning view-models.

Each calls the back offices as the resident (a pseudonym, Decision 1) unless given an
`actor`, e.g. a desk employee who looks on the resident's behalf (balie/).
"""

from .common import DocumentNotFound, ZaakNotFound
from .dashboard import zaken_summary_for
from .detail import zaak_get_for
from .documents import DocumentDownload, document_download_for
from .overview import zaken_list_for
from .queries import PAGE_SIZE

__all__ = [
    "PAGE_SIZE",
    "DocumentDownload",
    "DocumentNotFound",
    "ZaakNotFound",
    "document_download_for",
    "zaak_get_for",
    "zaken_list_for",
    "zaken_summary_for",
]
