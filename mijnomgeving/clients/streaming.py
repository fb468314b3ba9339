"""A download passed on chunk by chunk: the body is never held in memory as a whole."""

from collections.abc import Callable, Iterator, Mapping
from types import TracebackType

import requests

from .errors import UpstreamError


class StreamingDownload:
    """The headers of an upstream response and an iterator over its body in chunks.

    Iterate it once (e.g. hand it to Django's StreamingHttpResponse, which calls `close()`
    when the response is done); the connection goes back to the pool, or is closed, when
    the body is read to the end or `close()` is called. Also a context manager. A dropped
    connection halfway raises UpstreamUnavailable from the iterator.
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

    def iter_chunks(self) -> Iterator[bytes]:
        if self._closed:
            raise RuntimeError("This download was closed or already read.")
        failure: str | None = None
        try:
            for chunk in self._response.iter_content(chunk_size=self._chunk_size):
                if chunk:
                    yield chunk
        except requests.RequestException as error:
            failure = f"download broke off ({type(error).__name__})"
        finally:
            self.close()
        if failure is not None:
            raise self._on_error(failure)

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._response.close()

    def __enter__(self) -> "StreamingDownload":
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
