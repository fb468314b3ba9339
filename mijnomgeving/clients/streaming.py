"""A download passed on chunk by chunk: the body is never held in memory as a whole."""

from collections.abc import Callable, Generator, Iterator, Mapping
from types import TracebackType

import requests

from .errors import UpstreamError


class StreamingDownload:
    """The headers of an upstream response and an iterator over its body in chunks.

    Iterate it once (e.g. hand it to Django's StreamingHttpResponse, which calls `close()`
    when the response is done); the connection goes back to the pool, or is closed, when
    the body is read to the end or `close()` is called. Also a context manager. A dropped
    connection halfway raises UpstreamUnavailable from the iterator.

    `wait_for_first_chunk()` reads the first chunk before anything is answered: a back office
    that sends its headers but fails before the first byte of the body raises then, while the
    caller can still answer with an error page; iterating starts with that chunk.
    """

    def __init__(
        self,
        response: requests.Response,
        *,
        chunk_size: int,
        on_error: Callable[[str], UpstreamError],
    ) -> None:
        self._response = response
        self._chunk_size = chunk_size
        self._on_error = on_error
        self._closed = False
        self._chunks: Generator[bytes, None, None] | None = None  # the body, once started
        self._first: bytes | None = None  # read ahead by wait_for_first_chunk(), not yet given
        self._iterated = False

    @property
    def status_code(self) -> int:
        return self._response.status_code

    @property
    def headers(self) -> Mapping[str, str]:
        """The response headers (case-insensitive keys)."""
        return self._response.headers

    @property
    def content_type(self) -> str | None:
        return self._response.headers.get("Content-Type")

    @property
    def content_length(self) -> int | None:
        value = self._response.headers.get("Content-Length", "")
        return int(value) if value.isdigit() else None

    @property
    def closed(self) -> bool:
        return self._closed

    def __iter__(self) -> Iterator[bytes]:
        return self.iter_chunks()

    def wait_for_first_chunk(self) -> None:
        """Read the body's first chunk now (an empty body: its end) and keep it for iterating.

        Raises the UpstreamError of a body that fails before its first byte (a dropped
        connection, a read timeout), and closes the download then. Idempotent.
        """
        if self._chunks is not None:
            return
        if self._closed:
            raise RuntimeError("This download was closed or already read.")
        reader = self._read()
        self._first = next(reader, b"")  # an UpstreamError here: closed, and not started
        self._chunks = reader

    def iter_chunks(self) -> Iterator[bytes]:
        if self._iterated or (self._closed and self._chunks is None):
            raise RuntimeError("This download was closed or already read.")
        self._iterated = True
        if self._chunks is None:
            self._chunks = self._read()
        first, self._first = self._first, None
        if first:
            yield first
        yield from self._chunks

    def _read(self) -> Generator[bytes, None, None]:
        failure: str | None = None
        given = False
        try:
            for chunk in self._response.iter_content(chunk_size=self._chunk_size):
                if chunk:
                    given = True
                    yield chunk
        except requests.RequestException as error:
            when = "" if given else " before its first byte"
            failure = f"download broke off{when} ({type(error).__name__})"
        finally:
            self._release()
        if failure is not None:
            raise self._on_error(failure)

    def _release(self) -> None:
        if not self._closed:
            self._closed = True
            self._response.close()

    def close(self) -> None:
        """Close the upstream connection; a chunk read ahead and not given is dropped."""
        self._release()
        self._first = None
        if self._chunks is not None:
            self._chunks.close()  # a reader suspended halfway ends (its finally runs)
            self._chunks = None

    def __enter__(self) -> "StreamingDownload":
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
