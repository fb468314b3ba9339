"""File sizes and formats in words, and download headers that cannot be abused."""

import pytest

from zaken.files import content_disposition, content_type, format_label, human_size


@pytest.mark.parametrize(
    ("size", "text"),
    [
        (None, ""),
        (1, "1 byte"),
        (850, "850 bytes"),
        (12_345, "12 kB"),
        (1_250_000, "1,2 MB"),
        (3 * 1024**3, "3,0 GB"),
    ],
)
def test_human_size_in_dutch(size: int | None, text: str) -> None:
    assert human_size(size) == text


@pytest.mark.parametrize(
    ("formaat", "bestandsnaam", "label"),
    [
        ("application/pdf", "x.pdf", "PDF"),
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "", "Word"),
        ("image/jpeg", "", "JPG"),
        ("", "plattegrond.dwg", "DWG"),
        ("application/x-unknown", "", ""),
        ("", "", ""),
    ],
)
def test_format_label(formaat: str, bestandsnaam: str, label: str) -> None:
    assert format_label(formaat, bestandsnaam) == label


@pytest.mark.parametrize(
    ("formaat", "expected"),
    [
        ("application/pdf", "application/pdf"),
        ("text/plain; charset=utf-8", "text/plain"),
        ("", "application/octet-stream"),
        ("pdf", "application/octet-stream"),
        ("text/html\r\nSet-Cookie: x=1", "application/octet-stream"),
    ],
)
def test_content_type_only_passes_a_valid_mime_type(formaat: str, expected: str) -> None:
    assert content_type(formaat) == expected


def test_content_disposition_is_safe_in_ascii_and_keeps_unicode_in_filename_star() -> None:
    header = content_disposition('Aanvraag "spoed" / bijlage ü.pdf')

    assert header == (
        'attachment; filename="Aanvraag spoed bijlage u.pdf"; '
        "filename*=UTF-8''Aanvraag%20spoed%20bijlage%20%C3%BC.pdf"
    )


@pytest.mark.parametrize(
    "name", ["../../etc/passwd", "a\\b\r\nX-Evil: 1.pdf", '"";', "\x00\x1f", "..", ""]
)
def test_content_disposition_never_carries_paths_quotes_or_control_characters(name: str) -> None:
    header = content_disposition(name)
    ascii_part = header.split('filename="', 1)[1].split('"', 1)[0]
    star_part = header.split("filename*=UTF-8''", 1)[1]

    assert header.startswith("attachment; ")
    assert not any(char in ascii_part for char in '/\\"\r\n\x00')
    assert not any(char in star_part for char in '/\\"\r\n ;')
    assert ascii_part and ascii_part not in {".", ".."}
