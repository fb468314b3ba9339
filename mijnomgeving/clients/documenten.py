"""The Documenten API client (Open Zaak 1.30: Documenten 1.4.2): metadata and proxied downloads."""

import time
from collections.abc import Iterable
from uuid import UUID

from .base import ApiClient
from .documenten_resources import EnkelvoudigInformatieObject
from .streaming import StreamingDownload

DOWNLOAD_CHUNK_SIZE = 64 * 1024
ZOEK = "enkelvoudiginformatieobjecten/_zoek"


class DocumentenClient(ApiClient):
    def informatieobject(self, url: str) -> EnkelvoudigInformatieObject:
        """The metadata of one document (the `informatieobject` URL of a zaakinformatieobject)."""
        return self.fetch(url, EnkelvoudigInformatieObject.from_api)

    def informatieobjecten(self, uuids: Iterable[UUID]) -> list[EnkelvoudigInformatieObject]:
        """The documents with these UUIDs in one search (`POST …/_zoek`, Documenten 1.x), for
        the documents of a zaak; a UUID the API does not know is simply absent."""
        wanted = sorted({str(uuid) for uuid in uuids})
        if not wanted:
            return []
        started = time.perf_counter()
        found = self.search_all(ZOEK, {"uuid__in": wanted})
        return [
            self.parse(EnkelvoudigInformatieObject.from_api, item, self.url(ZOEK), since=started)
            for item in found
        ]

    def download(self, url: str) -> StreamingDownload:
        """The content at a document's `inhoud` URL, streamed in 64 KiB chunks.

        The caller must check first that the resident may see the document; the URL must
        lie under this service's api_root. Iterate the result to the end or close it.
        """
        return self.stream(url, chunk_size=DOWNLOAD_CHUNK_SIZE)
