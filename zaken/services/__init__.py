"""MijnZaken services: plain functions on an Identity and UUIDs, returning view-models."""

from .common import DocumentNotFound, ZaakNotFound
from .detail import zaak_get_for
from .documents import DocumentDownload, document_download_for
from .overview import PAGE_SIZE, zaken_list_for, zaken_summary_for

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
