"""The processing log as CSV for the privacy officer: the full BSN, decrypted, per row."""

import csv
from collections.abc import Iterable, Iterator

from django.utils import timezone

from . import crypto
from .models import ProcessingLogEntry

HEADER = (
    "tijdstip",
    "medewerker_id",
    "medewerker_gebruikersnaam",
    "medewerker_naam",
    "bsn",
    "doel",
    "toelichting_doel",
    "inzage",
    "bekeken",
    "zaaknummer",
    "zaak_uuid",
    "document_uuid",
)


class _Echo:
    def write(self, value: str) -> str:
        return value


def _row(entry: ProcessingLogEntry) -> tuple[str, ...]:
    return (
        timezone.localtime(entry.created_at).isoformat(timespec="seconds"),
        str(entry.staff_user_id),
        entry.staff_username,
        entry.staff_full_name,
        crypto.decrypt(entry.bsn_encrypted),
        entry.get_purpose_display(),
        entry.purpose_text,
        str(entry.lookup_id),
        entry.get_kind_display(),
        entry.zaak_identificatie,
        str(entry.zaak_uuid or ""),
        str(entry.document_uuid or ""),
    )


def csv_lines(entries: Iterable[ProcessingLogEntry]) -> Iterator[str]:
    """The header and one line per entry, oldest first as given; streamed, not built in memory."""
    writer = csv.writer(_Echo())
    yield writer.writerow(HEADER)
    for entry in entries:
        yield writer.writerow(_row(entry))
