"""A tiny PDF writer: one A4 page of text, deterministic bytes, and a padded variant of any size.

Enough for the demo documents (a title and a few lines) without a dependency. The padded
variant puts comment lines between the header and the first object, so its bytes can be
streamed in chunks and its size is exact.
"""

from collections.abc import Iterator

HEADER = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
PAD_LINE = 1024  # bytes per padding comment line, newline included
PAD_TEXT = b"MijnOmgeving demo-document, opvulling voor de benchmark. "


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _content_stream(title: str, lines: list[str]) -> bytes:
    parts = [b"BT", b"/F1 18 Tf", b"72 770 Td", b"(" + _escape(title) + b") Tj", b"/F1 11 Tf"]
    for line in lines:
        parts += [b"0 -22 Td", b"(" + _escape(line) + b") Tj"]
    parts.append(b"ET")
    return b"\n".join(parts) + b"\n"


def _objects(title: str, lines: list[str]) -> list[bytes]:
    stream = _content_stream(title, lines)
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"endstream",
    ]


def _body_and_trailer(objects: list[bytes], offset: int) -> bytes:
    """Objects, xref table and trailer, for a file whose objects start at byte `offset`."""
    body = b""
    positions = []
    for number, obj in enumerate(objects, start=1):
        positions.append(offset + len(body))
        body += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref_at = offset + len(body)
    xref = b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    xref += b"".join(b"%010d 00000 n \n" % position for position in positions)
    trailer = b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref_at,
    )
    return body + xref + trailer


def pdf_bytes(title: str, lines: list[str]) -> bytes:
    """A valid one-page PDF showing `title` and `lines` (Latin-1 text)."""
    return HEADER + _body_and_trailer(_objects(title, lines), len(HEADER))


def padded_pdf_size_parts(title: str, size: int) -> tuple[int, bytes]:
    """(padding length, tail) of a PDF of exactly `size` bytes; the tail follows the padding."""
    objects = _objects(title, ["Een groot document om downloads mee te meten."])
    padding = size - len(HEADER) - len(_body_and_trailer(objects, len(HEADER)))
    for _ in range(3):  # the startxref number may grow a digit; settle on a fixed point
        tail = _body_and_trailer(objects, len(HEADER) + padding)
        padding = size - len(HEADER) - len(tail)
    if padding < 0:
        raise ValueError(f"A padded PDF needs at least {size - padding} bytes.")
    tail = _body_and_trailer(objects, len(HEADER) + padding)
    if len(HEADER) + padding + len(tail) != size:
        raise ValueError(f"Could not pad a PDF to exactly {size} bytes.")
    return padding, tail


def _padding(length: int, chunk_size: int) -> Iterator[bytes]:
    line = b"%" + (PAD_TEXT * (PAD_LINE // len(PAD_TEXT) + 1))[: PAD_LINE - 2] + b"\n"
    per_chunk = max(1, chunk_size // PAD_LINE)
    full_lines, rest = divmod(length, PAD_LINE)
    while full_lines:
        count = min(per_chunk, full_lines)
        yield line * count
        full_lines -= count
    if rest == 1:
        yield b"\n"
    elif rest:
        yield b"%" + line[1 : rest - 1] + b"\n"


def padded_pdf_chunks(title: str, size: int, chunk_size: int = 64 * 1024) -> Iterator[bytes]:
    """The bytes of a `size`-byte PDF, generated piece by piece (never all in memory)."""
    padding, tail = padded_pdf_size_parts(title, size)
    yield HEADER
    yield from _padding(padding, chunk_size)
    yield tail
