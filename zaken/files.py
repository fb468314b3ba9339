"""Document presentation and download headers: size and format in words, a safe file name."""

import re
import unicodedata
from urllib.parse import quote

from django.utils.formats import number_format
from django.utils.translation import gettext as _

# The formats residents know by name; anything else shows its file extension or subtype.
FORMAT_LABELS = {
    "application/pdf": "PDF",
    "application/msword": "Word",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word",
    "application/vnd.oasis.opendocument.text": "ODT",
    "application/vnd.ms-excel": "Excel",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel",
    "application/vnd.oasis.opendocument.spreadsheet": "ODS",
    "application/zip": "ZIP",
    "image/jpeg": "JPG",
    "image/png": "PNG",
    "image/gif": "GIF",
    "image/tiff": "TIFF",
    "text/plain": "TXT",
    "text/csv": "CSV",
}
FALLBACK_CONTENT_TYPE = "application/octet-stream"
_MIME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*$")
# Characters that never go into a file name: path separators, quotes, and control characters.
_UNSAFE = re.compile(r'[\x00-\x1f\x7f-\x9f/\\"]')
_ASCII_UNSAFE = re.compile(r"[^A-Za-z0-9 ._()+,=@&'-]")
_SPACES = re.compile(r"\s+")


def human_size(size: int | None) -> str:
    """Bytes in Dutch words: "850 bytes", "12 kB", "1,2 MB" ("" when unknown)."""
    if size is None or size < 0:
        return ""
    if size < 1024:
        return _("%(count)s bytes") % {"count": size} if size != 1 else _("1 byte")
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} kB"
    if size < 1024**3:
        return f"{number_format(round(size / 1024**2, 1), 1)} MB"
    return f"{number_format(round(size / 1024**3, 1), 1)} GB"


def format_label(formaat: str, bestandsnaam: str = "") -> str:
    """The kind of file in a word: "PDF", "Word", or the extension in capitals ("" if unknown)."""
    mime = formaat.split(";", 1)[0].strip().lower()
    if mime in FORMAT_LABELS:
        return FORMAT_LABELS[mime]
    extension = bestandsnaam.rsplit(".", 1)[-1] if "." in bestandsnaam else ""
    if extension.isalnum() and len(extension) <= 5:
        return extension.upper()
    subtype = mime.split("/", 1)[-1] if _MIME.match(mime) else ""
    return subtype.upper() if subtype.isalnum() and len(subtype) <= 5 else ""


def content_type(formaat: str) -> str:
    """The document's MIME type if `formaat` holds a valid one, else application/octet-stream."""
    mime = formaat.split(";", 1)[0].strip()
    return mime if _MIME.match(mime) else FALLBACK_CONTENT_TYPE


def safe_filename(name: str, fallback: str = "document") -> str:
    """The file name without path separators, quotes or control characters (Unicode kept)."""
    cleaned = _SPACES.sub(" ", _UNSAFE.sub(" ", name)).strip(" .")
    return cleaned or fallback


def content_disposition(name: str, fallback: str = "document") -> str:
    """`attachment` with an ASCII `filename` and the full name as RFC 5987 `filename*`."""
    unicode_name = safe_filename(name, fallback)
    ascii_name = unicodedata.normalize("NFKD", unicode_name).encode("ascii", "ignore").decode()
    ascii_name = _SPACES.sub(" ", _ASCII_UNSAFE.sub(" ", ascii_name)).strip(" .") or fallback
    encoded = quote(unicode_name, safe="")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{encoded}"
