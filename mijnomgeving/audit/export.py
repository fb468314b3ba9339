"""The processing log as CSV for the privacy officer: the full BSN, decrypted, per row.

The file is made for Dutch Excel, which opens a double-clicked CSV with the Windows locale:
UTF-8 with a byte order mark (without it Excel reads ANSI and mangles "ë"), and ";" as the
separator (the Dutch list separator; "," would put every row in one column). A cell that
starts with = + - @ or a tab or carriage return gets a leading ' so a spreadsheet shows it as
text instead of running it as a formula (CSV injection): free text such as a purpose comes
from staff. A BSN that no configured key opens (a key was rotated out) shows UNREADABLE_BSN,
never an empty cell that reads like "no BSN".
"""

import csv
from collections.abc import Iterable, Iterator

from django.utils import timezone

from . import crypto
from .models import ProcessingLogEntry

BOM = "\ufeff"
DELIMITER = ";"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
UNREADABLE_BSN = "onleesbaar (sleutel ontbreekt)"

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
    "lijst",
    "pagina",
    "zaaknummers_in_lijst",
    "zaaknummer",
    "zaak_uuid",
    "document_uuid",
)


class _Echo:
    def write(self, value: str) -> str:
        return value


def safe_cell(value: str) -> str:
    """The value as a spreadsheet shows it, never as a formula."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def _bsn(entry: ProcessingLogEntry) -> str:
    return crypto.decrypt(entry.bsn_encrypted) or UNREADABLE_BSN


def _row(entry: ProcessingLogEntry) -> tuple[str, ...]:
    return (
        timezone.localtime(entry.created_at).isoformat(timespec="seconds"),
        str(entry.staff_user_id),
        entry.staff_username,
        entry.staff_full_name,
        _bsn(entry),
        entry.get_purpose_display(),
        entry.purpose_text,
        str(entry.lookup_id),
        entry.get_kind_display(),
        entry.get_zaken_list_display() if entry.zaken_list else "",
        str(entry.page_number or ""),
        ", ".join(entry.zaak_identificaties or ()),
        entry.zaak_identificatie,
        str(entry.zaak_uuid or ""),
        str(entry.document_uuid or ""),
    )


def csv_lines(entries: Iterable[ProcessingLogEntry]) -> Iterator[str]:
    """The BOM and header, then one line per entry, oldest first as given; streamed."""
    writer = csv.writer(_Echo(), delimiter=DELIMITER)
    yield BOM + writer.writerow(HEADER)
    for entry in entries:
        yield writer.writerow([safe_cell(str(cell)) for cell in _row(entry)])
