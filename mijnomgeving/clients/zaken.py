"""The Zaken API client (Open Zaak 1.30: Zaken 1.5.1); every call sends Accept-Crs."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar
from uuid import UUID

from .base import ApiClient, Params
from .parsing import ParseError
from .vertrouwelijkheid import Vertrouwelijkheid
from .zaken_resources import Resultaat, Rol, Status, Zaak, ZaakInformatieObject

BSN_FILTER = "rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn"
KVK_FILTER = "rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__kvkNummer"
VESTIGING_FILTER = "rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__vestigingsNummer"


@dataclass(frozen=True, slots=True)
class ZakenPage:
    """One page of a zaken query: its zaken and how many the whole query finds."""

    count: int
    zaken: tuple[Zaak, ...]


class ZakenClient(ApiClient):
    # Required on /zaken (because of zaakgeometrie); sent on every call (docs/standards.md §2).
    extra_headers: ClassVar[Mapping[str, str]] = {"Accept-Crs": "EPSG:4326"}

    def zaken_page(
        self,
        person: Mapping[str, str],
        *,
        max_vertrouwelijkheid: Vertrouwelijkheid,
        zaaktypen: Sequence[str] | None = None,
        closed: bool | None = None,
        ordering: str = "-startdatum",
        page: int = 1,
        page_size: int = 10,
        expand: Sequence[str] = (),
        uuids: Sequence[str] | None = None,
    ) -> ZakenPage:
        """One page of the zaken in which `person` (person_filters) has a rol, and the count
        of the whole query: the back office pages, sorts and counts, so the cost does not
        grow with the number of zaken the person has.

        `pageSize` is Open Zaak's (default 100, at most 500; the VNG text has only `page`).
        With `zaaktypen` (or `uuids`) the query is a `POST zaken/_zoek` with `zaaktype__in`
        (`uuid__in`; Zaken 1.5), else a GET. A page past the end is UpstreamNotFound, as Open
        Zaak answers it.
        """
        query: dict[str, Any] = {
            **person,
            "maximaleVertrouwelijkheidaanduiding": max_vertrouwelijkheid.value,
        }
        paging: dict[str, str | int] = {"page": page, "pageSize": page_size}
        paging.update(_expand_param(expand))
        if zaaktypen is None and uuids is None:
            if closed is not None:
                query["einddatum__isnull"] = "false" if closed else "true"
            query["ordering"] = ordering
            url = self._absolute("zaken")
            data = self.get_object(url, params={**query, **paging})
        else:
            if closed is not None:
                query["einddatum__isnull"] = not closed
            if zaaktypen is not None:
                query["zaaktype__in"] = list(zaaktypen)
            if uuids is not None:
                query["uuid__in"] = list(uuids)
            query["ordering"] = [ordering]
            url = self._absolute("zaken/_zoek")
            data = self._json("POST", url, params=paging, body=query)
        return self.parse(_zaken_page, data, url)

    def zaak(self, url_or_uuid: str | UUID, *, expand: Sequence[str] = ()) -> Zaak:
        """One zaak by URL or UUID (a URL must lie under this service's api_root)."""
        url = self._resource_url("zaken", url_or_uuid)
        return self.fetch(url, Zaak.from_api, params=_expand_param(expand) or None)

    def statussen(self, zaak_url: str) -> list[Status]:
        """Every status of the zaak, in the order the API serves them (newest first)."""
        return self.fetch_all("statussen", Status.from_api, params={"zaak": zaak_url})

    def status(self, url: str) -> Status:
        return self.fetch(url, Status.from_api)

    def rollen(self, zaak_url: str) -> list[Rol]:
        """Every rol of the zaak (filter on the betrokkene client-side: docs/standards.md §3.2 rule 4)."""
        return self.fetch_all("rollen", Rol.from_api, params={"zaak": zaak_url})

    def resultaat(self, url: str) -> Resultaat:
        return self.fetch(url, Resultaat.from_api)

    def zaakinformatieobjecten(
        self, zaak_url: str, *, informatieobject: str | None = None
    ) -> list[ZaakInformatieObject]:
        """The zaak's documents links (a plain array: this endpoint is not paginated)."""
        params = {"zaak": zaak_url}
        if informatieobject:
            params["informatieobject"] = informatieobject
        return self.fetch_all(
            "zaakinformatieobjecten", ZaakInformatieObject.from_api, params=params
        )

    def _resource_url(self, collection: str, url_or_uuid: str | UUID) -> str:
        if isinstance(url_or_uuid, UUID):
            return self.url(f"{collection}/{url_or_uuid}")
        if "://" in url_or_uuid:
            return url_or_uuid
        return self.url(f"{collection}/{UUID(url_or_uuid)}")  # ValueError for a non-UUID


def person_filters(*, bsn: str = "", kvk: str = "", vestigingsnummer: str = "") -> dict[str, str]:
    """The rol filters that find a person's zaken: a BSN, or a KVK number (and vestiging)."""
    if bsn:
        return {BSN_FILTER: bsn}
    if not kvk:
        raise ValueError("A BSN or KVK number is required.")
    filters = {KVK_FILTER: kvk}
    if vestigingsnummer:
        filters[VESTIGING_FILTER] = vestigingsnummer
    return filters


def _zaken_page(data: Any) -> ZakenPage:
    if not isinstance(data, Mapping) or not isinstance(data.get("results"), list):
        raise ParseError("body is not a page of results")
    count = data.get("count")
    if not isinstance(count, int) or isinstance(count, bool) or count < 0:
        raise ParseError("field 'count' is not a number")
    results = data["results"]
    if not all(isinstance(item, Mapping) for item in results):
        raise ParseError("field 'results' is not a list of objects")
    return ZakenPage(count=count, zaken=tuple(Zaak.from_api(item) for item in results))


def _expand_param(expand: Sequence[str]) -> Params:
    if isinstance(expand, str):
        raise TypeError("expand is a sequence of paths, e.g. ('zaaktype', 'status.statustype')")
    return {"expand": ",".join(expand)} if expand else {}
