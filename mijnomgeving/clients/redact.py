"""Keeping query strings (and so BSNs) out of logs and errors."""

import logging
import re
from urllib.parse import urlsplit, urlunsplit


def strip_query(url: str) -> str:
    """The URL without query, fragment or user info: safe for logs and errors (no BSN)."""
    parts = urlsplit(url)
    host = parts.netloc.rsplit("@", 1)[-1]
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


class RedactQueries(logging.Filter):
    """Cuts query strings out of log records: urllib3 logs each URL whole, BSN included."""

    _query = re.compile(r"\?[^\s\"'<>]*")

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = self._query.sub("?…", record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(
                self._query.sub("?…", arg) if isinstance(arg, str) else arg for arg in record.args
            )
        return True


# Installed when the client layer is imported: urllib3 logs every request line whole.
_REDACT_QUERIES = RedactQueries()
logging.getLogger("urllib3.connectionpool").addFilter(_REDACT_QUERIES)
