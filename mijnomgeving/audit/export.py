"""The processing log as CSV for the privacy officer: the full BSN (or KVK number),
decrypted, per row.

The file is made for Dutch Excel, which opens a double-clicked CSV with the Windows locale:
UTF-8 with a byte order mark (without it Excel reads ANSI and mangles "ë"), and ";" as the
separator (the Dutch list separator; "," would put every row in one column). A cell that
starts with = + - @ or a tab or carriage return gets a leading ' so a spreadsheet shows it as
text instead of running it as a formula (CSV injection): free text such as a purpose comes
from staff. A number that no configured key opens (a key was rotated out) shows
UNREADABLE_NUMBER, never an empty cell that reads like "no BSN".
"""

import csv
from collections.abc import Iterable, Iterator

from django.utils import timezone

from . import crypto
from .models import ProcessingLogEntry

BOM = "\ufeff"
DELIMITER = ";"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
UNREADABLE_NUMBER = "onleesbaar (sleutel ontbreekt)"

# The AVG's "betrokkene" is whose data it is: a resident's BSN or a business's KVK number, as
# "soort_nummer" says. The "onderwerp" is what the page was about: for a zaak, "dienst" MijnZaken,
# "soort_onderwerp" Zaak, "onderwerp" its zaaknummer.
HEADER = (
    "tijdstip",
    "medewerker_id",
    "medewerker_gebruikersnaam",
    "medewerker_naam",
    "soort_nummer",
    "betrokkene_nummer",
    "doel",
    "toelichting_doel",
    "inzage",
    "bekeken",
    "lijst",
    "pagina",
    "onderwerpen_in_lijst",
    "dienst",
    "soort_onderwerp",
    "onderwerp",
    "onderwerp_uuid",
    "document_uuid",
)


class _Echo:
    def write(self, value: str) -> str:
        return value


def safe_cell(value: str) -> str:
    """The value as a spreadsheet shows it, never as a formula."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def _number(entry: ProcessingLogEntry) -> str:
    return crypto.decrypt(entry.identifier_encrypted) or UNREADABLE_NUMBER


def _row(entry: ProcessingLogEntry) -> tuple[str, ...]:
    return (
        timezone.localtime(entry.created_at).isoformat(timespec="seconds"),
        str(entry.staff_user_id),
        entry.staff_username,
        entry.staff_full_name,
        entry.get_identifier_kind_display(),
        _number(entry),
        entry.get_purpose_display(),
        entry.purpose_text,
        str(entry.lookup_id),
        entry.seen_display(),
        entry.get_list_name_display() if entry.list_name else "",
        str(entry.page_number or ""),
        ", ".join(entry.listed_labels or ()),
        entry.get_subject_service_display() if entry.subject_service else "",
        entry.get_subject_kind_display() if entry.subject_kind else "",
        entry.subject_label,
        str(entry.subject_uuid or ""),
        str(entry.document_uuid or ""),
    )


def csv_lines(entries: Iterable[ProcessingLogEntry]) -> Iterator[str]:
    """The BOM and header, then one line per entry, oldest first as given; streamed."""
    writer = csv.writer(_Echo(), delimiter=DELIMITER)
    yield BOM + writer.writerow(HEADER)
    for entry in entries:
        yield writer.writerow([safe_cell(str(cell)) for cell in _row(entry)])
