"""A small in-memory Open Zaak behind requests-mock, built from the spec-valid factories.

`ZgwWorld(requests_mock)` answers every GET under http://zaken.test (and the documents
search, POST …/_zoek) the way Open Zaak 1.30
does (lists as DRF pages, /zaakinformatieobjecten as a plain array, `expand` as `_expand`),
from resources the test adds:

    world = ZgwWorld(requests_mock)
    zaak = world.add_zaak(statussen=[1, 2])                 # rol initiator for TEST_BSN
    world.add_document(zaak, titel="Besluit")               # a zaakinformatieobject too
    world.fail("/statussen", "timeout")                     # an outage for matching paths

Like a lax back office, the zaken list does not filter on vertrouwelijkheid: it returns every
zaak in which the BSN has a rol, so the portal's own rules are what the tests see. Each resource
comes from a factory that validated it against the Open Zaak spec; with `validate=True` every
composed answer (pages, `_expand`) is validated too before it is served (slow: a test or two
turn it on, see test_the_world_serves_spec_valid_answers).
"""

import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit

import requests
from requests_mock import create_response

from mijnomgeving.clients.vertrouwelijkheid import Vertrouwelijkheid
from tests.factories import zgw
from tests.factories.zgw import BASE, TEST_BSN, Payload, new_uuid
from tests.specs import ZAKEN_RESPONSE_HEADERS, assert_response_valid

ZAKEN = f"{BASE}/zaken/api/v1/"
CATALOGI = f"{BASE}/catalogi/api/v1/"
DOCUMENTEN = f"{BASE}/documenten/api/v1/"
ZOEK = DOCUMENTEN + "enkelvoudiginformatieobjecten/_zoek"
ZAKEN_ZOEK = ZAKEN + "zaken/_zoek"
# The scale Open Zaak filters maximaleVertrouwelijkheidaanduiding on.
LEVELS = tuple(level.value for level in sorted(Vertrouwelijkheid, key=lambda level: level.rank))

PDF_BYTES = b"%PDF-1.4\n% MijnOmgeving test document\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"

FAILURES = ("timeout", "refused", "500", "invalid-json", "spec-violation", "404", "403")


@dataclass
class Failure:
    pattern: re.Pattern[str]
    kind: str


@dataclass
class ZgwWorld:
    mocker: Any
    validate: bool = False
    # A back office that ignores the informatieobject and objectinformatieobjecten filters.
    ignore_filters: bool = False
    # A back office whose zaken list ignores the betrokkene (BSN/KVK) filter.
    ignore_betrokkene_filter: bool = False
    resources: dict[str, Payload] = field(default_factory=dict)
    contents: dict[str, bytes] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)
    zaaktype: Payload = field(init=False)

    def __post_init__(self) -> None:
        self.zaaktype = self.add_zaaktype(uuid=zgw.ZAAKTYPE_UUID)
        self.mocker.add_matcher(self._answer)

    # --- Building the world ------------------------------------------------------------------

    def add(self, payload: Payload) -> Payload:
        self.resources[payload["url"]] = payload
        return payload

    def add_zaaktype(self, *, uuid: str | None = None, steps: int = 3, **overrides: Any) -> Payload:
        """A zaaktype with `steps` statustypen (the last the end status), a resultaattype,
        an informatieobjecttype and its zaaktype-informatieobjecttype (richting uitgaand)."""
        uuid = uuid or new_uuid()
        url = zgw.catalogi_url(f"zaaktypen/{uuid}")
        statustypen = [
            zgw.statustype(
                volgnummer=number,
                uuid=zgw.STATUSTYPE_UUIDS[number - 1]
                if uuid == zgw.ZAAKTYPE_UUID and number <= 3
                else new_uuid(),
                zaaktype=url,
                isEindstatus=number == steps,
                **(
                    {"omschrijving": f"Stap {number}", "statustekst": f"Tekst van stap {number}"}
                    if steps != 3
                    else {}
                ),
            )
            for number in range(1, steps + 1)
        ]
        for statustype in statustypen:
            self.add(statustype)
        resultaattype = self.add(
            zgw.resultaattype(
                uuid=zgw.RESULTAATTYPE_UUID if uuid == zgw.ZAAKTYPE_UUID else new_uuid(),
                zaaktype=url,
            )
        )
        zaaktype = self.add(
            zgw.zaaktype(
                uuid=uuid,
                statustypen=[statustype["url"] for statustype in statustypen],
                resultaattypen=[resultaattype["url"]],
                **overrides,
            )
        )
        self.add_informatieobjecttype(zaaktype, uuid=zgw.INFORMATIEOBJECTTYPE_UUID)
        return zaaktype

    def add_informatieobjecttype(
        self,
        zaaktype: Payload,
        *,
        uuid: str | None = None,
        richting: str = "uitgaand",
        **overrides: Any,
    ) -> Payload:
        iot = self.add(zgw.informatieobjecttype(uuid=uuid or new_uuid(), **overrides))
        self.add(
            zgw.zaaktype_informatieobjecttype(
                uuid=new_uuid(),
                zaaktype=zaaktype["url"],
                informatieobjecttype=iot["url"],
                richting=richting,
            )
        )
        return iot

    def statustypen_of(self, zaaktype: Payload) -> list[Payload]:
        found = [
            r
            for r in self.resources.values()
            if "/statustypen/" in r["url"] and r["zaaktype"] == zaaktype["url"]
        ]
        return sorted(found, key=lambda r: r["volgnummer"])

    def add_zaak(
        self,
        *,
        bsn: str | None = TEST_BSN,
        zaaktype: Payload | None = None,
        statussen: list[int] | tuple[int, ...] = (1, 2),
        status_dates: list[str] | None = None,
        resultaat: bool | None = None,
        rol: str = "initiator",
        **overrides: Any,
    ) -> Payload:
        """A zaak with a status per volgnummer in `statussen` (the last is current), a rol for
        `bsn`, and, when it reached the end status (or `resultaat=True`), a resultaat and an
        einddatum."""
        zaaktype = zaaktype or self.zaaktype
        uuid = new_uuid()
        url = zgw.zaken_url(f"zaken/{uuid}")
        types = self.statustypen_of(zaaktype)
        dates = status_dates or [
            f"2024-03-{index + 1:02d}T09:00:00Z" for index in range(len(statussen))
        ]
        status_payloads = [
            self.add(
                zgw.status(
                    zaak=url,
                    statustype=types[number - 1]["url"],
                    datumStatusGezet=date,
                    statustoelichting=f"Toelichting bij stap {number}",
                    indicatieLaatstGezetteStatus=index == len(statussen) - 1,
                )
            )
            for index, (number, date) in enumerate(zip(statussen, dates, strict=True))
        ]
        closed = bool(statussen) and statussen[-1] == len(types)
        resultaat_payload = None
        if resultaat or (resultaat is None and closed):
            resultaat_payload = self.add(
                zgw.resultaat(
                    zaak=url,
                    resultaattype=zaaktype["resultaattypen"][0],
                    toelichting="U krijgt de vergunning.",
                )
            )
        defaults: dict[str, Any] = {
            "zaaktype": zaaktype["url"],
            "status": status_payloads[-1]["url"] if status_payloads else None,
            "resultaat": resultaat_payload["url"] if resultaat_payload else None,
            "einddatum": dates[-1][:10] if closed else None,
            "identificatie": f"ZAAK-2024-{len(self.resources):010d}",
        }
        zaak = self.add(zgw.zaak(uuid=uuid, **{**defaults, **overrides}))
        if bsn:
            self.add_rol(zaak, bsn=bsn, omschrijving_generiek=rol)
        return zaak

    def add_rol(self, zaak: Payload, **kwargs: Any) -> Payload:
        rol = self.add(zgw.rol(zaak=zaak["url"], **kwargs))
        zaak["rollen"] = [*zaak["rollen"], rol["url"]]
        return rol

    def add_document(
        self,
        zaak: Payload,
        *,
        content: bytes = PDF_BYTES,
        informatieobjecttype: Payload | None = None,
        **overrides: Any,
    ) -> Payload:
        """A document linked to the zaak; its `inhoud` serves `content`."""
        iot = (
            informatieobjecttype
            or self.resources[
                zgw.catalogi_url(f"informatieobjecttypen/{zgw.INFORMATIEOBJECTTYPE_UUID}")
            ]
        )
        overrides.setdefault("bestandsomvang", len(content))
        eio = self.add(
            zgw.enkelvoudiginformatieobject(informatieobjecttype=iot["url"], **overrides)
        )
        self.contents[eio["url"]] = content
        self.link(zaak, eio)
        return eio

    def link(self, zaak: Payload, eio: Payload) -> Payload:
        zio = self.add(zgw.zaakinformatieobject(zaak=zaak["url"], informatieobject=eio["url"]))
        zaak["zaakinformatieobjecten"] = [*zaak["zaakinformatieobjecten"], zio["url"]]
        return zio

    def fail(self, pattern: str, kind: str) -> None:
        """Make every GET whose URL (with query) matches `pattern` fail as `kind`."""
        assert kind in FAILURES, kind
        self.failures.append(Failure(re.compile(pattern), kind))

    # --- Answering ----------------------------------------------------------------------------

    def _answer(self, request: requests.PreparedRequest) -> requests.Response | None:
        search = request.method == "POST" and bool(request.url) and request.url.startswith(ZOEK)
        zaken_search = (
            request.method == "POST" and bool(request.url) and request.url.startswith(ZAKEN_ZOEK)
        )
        if not request.url or not request.url.startswith(BASE):
            return None
        if request.method != "GET" and not (search or zaken_search):
            return None
        for failure in self.failures:
            if failure.pattern.search(request.url):
                return self._failure(request, failure.kind)
        parts = urlsplit(request.url)
        url = f"{parts.scheme}://{parts.netloc}{parts.path}"
        query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
        if zaken_search:
            body = json.loads(request.body or b"{}")
            flat = {
                key: ",".join(map(str, value))
                if isinstance(value, list)
                else str(value).lower()
                if isinstance(value, bool)
                else str(value)
                for key, value in body.items()
                if key not in ("zaaktype__in", "uuid__in")
            }
            found, headers = self._zaken(
                {**query, **flat},
                zaaktypen=set(body.get("zaaktype__in", [])),
                uuids=set(body["uuid__in"]) if "uuid__in" in body else None,
            )
            if found is None:
                return create_response(
                    request, status_code=404, json={"detail": "Ongeldige pagina."}
                )
            return create_response(request, json=found, headers=headers)
        if search:
            found = self._search(json.loads(request.body or b"{}"))
            if self.validate:
                assert_response_valid("documenten", "POST", request.url, found)
            return create_response(request, json=found)
        if url.endswith("/download") and url.removesuffix("/download") in self.contents:
            content = self.contents[url.removesuffix("/download")]
            return create_response(
                request,
                content=content,
                headers={
                    "Content-Type": "application/octet-stream",
                    "Content-Length": str(len(content)),
                },
            )
        body, headers = self._json(url, query)
        if body is None:
            return create_response(request, status_code=404, json={"detail": "Niet gevonden."})
        if self.validate:
            assert_response_valid(_api(url), "GET", request.url, body, headers=headers)
        return create_response(request, json=body, headers=headers or {})

    def _failure(self, request: requests.PreparedRequest, kind: str) -> requests.Response:
        if kind == "timeout":
            raise requests.exceptions.ReadTimeout("read timed out")
        if kind == "refused":
            raise requests.exceptions.ConnectionError("connection refused")
        if kind == "invalid-json":
            return create_response(request, text="<html>Bad gateway</html>{")
        if kind == "spec-violation":  # JSON, but not what the spec promises
            return create_response(request, json={"results": [{"url": 12}], "count": "x"})
        return create_response(request, status_code=int(kind), json={"detail": kind})

    def _json(self, url: str, query: dict[str, str]) -> tuple[Any, dict[str, str] | None]:
        expand = set(query.get("expand", "").split(",")) - {""}
        if url == ZAKEN + "zaken":
            return self._zaken(query)
        if url == CATALOGI + "zaaktypen":
            return zgw.page(
                [z for z in self._all("/catalogi/api/v1/zaaktypen/") if "statustypen" in z]
            ), None
        if url.startswith(ZAKEN + "zaken/"):
            zaak = self.resources.get(url)
            return (self._expanded(zaak, expand) if zaak else None), ZAKEN_RESPONSE_HEADERS
        if url == ZAKEN + "statussen":
            found = [s for s in self._all("/statussen/") if s["zaak"] == query.get("zaak")]
            # Open Zaak's ordering ("-datum_status_gezet", "-pk"): on a tie, the later-made first.
            found = [
                s
                for _, s in sorted(
                    enumerate(found), key=lambda p: (p[1]["datumStatusGezet"], p[0]), reverse=True
                )
            ]
            return zgw.page(found), None
        if url == ZAKEN + "rollen":
            return zgw.page(
                [r for r in self._all("/rollen/") if r["zaak"] == query.get("zaak")]
            ), None
        if url == ZAKEN + "zaakinformatieobjecten":
            return [
                zio
                for zio in self._all("/zaakinformatieobjecten/")
                if zio["zaak"] == query.get("zaak")
                and (
                    self.ignore_filters
                    or query.get("informatieobject") in (None, zio["informatieobject"])
                )
            ], None
        if url == DOCUMENTEN + "enkelvoudiginformatieobjecten":
            linked = {
                zio["informatieobject"]
                for zio in self._all("/zaakinformatieobjecten/")
                if zio["zaak"] == query.get("objectinformatieobjecten__object")
            }
            return zgw.page(
                [
                    e
                    for e in self._all("/enkelvoudiginformatieobjecten/")
                    if self.ignore_filters or e["url"] in linked
                ]
            ), None
        if url == CATALOGI + "statustypen":
            found = [
                s for s in self._all("/statustypen/") if s["zaaktype"] == query.get("zaaktype")
            ]
            return zgw.page(sorted(found, key=lambda s: s["volgnummer"])), None
        if url == CATALOGI + "resultaattypen":
            return zgw.page(
                [r for r in self._all("/resultaattypen/") if r["zaaktype"] == query.get("zaaktype")]
            ), None
        if url == CATALOGI + "zaaktype-informatieobjecttypen":
            return zgw.page(
                [
                    z
                    for z in self._all("/zaaktype-informatieobjecttypen/")
                    if z["zaaktype"] == query.get("zaaktype")
                ]
            ), None
        return self.resources.get(url), None

    def _zaken(
        self,
        query: dict[str, str],
        zaaktypen: set[str] | None = None,
        uuids: set[str] | None = None,
    ) -> tuple[Any, dict[str, str] | None]:
        """The zaken list (or search) as Open Zaak pages, sorts, counts and filters it."""
        expand = set(query.get("expand", "").split(",")) - {""}
        wanted = query.get("rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn") or query.get(
            "rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__kvkNummer"
        )
        isnull = query.get("einddatum__isnull")  # "true": open zaken, "false": closed
        maximum = LEVELS.index(query.get("maximaleVertrouwelijkheidaanduiding", "zeer_geheim"))
        zaken = [
            z
            for z in self._all("/zaken/api/v1/zaken/")
            if (self.ignore_betrokkene_filter or wanted in self._numbers(z))
            and (isnull is None or (z["einddatum"] is None) == (isnull == "true"))
            and LEVELS.index(z["vertrouwelijkheidaanduiding"]) <= maximum
            and (not zaaktypen or z["zaaktype"] in zaaktypen)
            and (uuids is None or z["uuid"] in uuids)
        ]
        field_name = query.get("ordering", "-startdatum")
        zaken.sort(
            key=lambda z: z[field_name.lstrip("-")] or "", reverse=field_name.startswith("-")
        )
        size = int(query.get("pageSize", "100"))
        number = int(query.get("page", "1"))
        if number > 1 and (number - 1) * size >= len(zaken):
            return None, ZAKEN_RESPONSE_HEADERS  # Open Zaak: 404 "Ongeldige pagina."
        shown = zaken[(number - 1) * size : number * size]
        return zgw.page(
            [self._expanded(z, expand) for z in shown], count=len(zaken)
        ), ZAKEN_RESPONSE_HEADERS

    def _search(self, body: dict[str, Any]) -> Payload:
        """POST /enkelvoudiginformatieobjecten/_zoek: the documents with these UUIDs."""
        wanted = set(body["uuid__in"])
        return zgw.page(
            [
                e
                for e in self._all("/enkelvoudiginformatieobjecten/")
                if self.ignore_filters or e["url"].rsplit("/", 1)[1] in wanted
            ]
        )

    def _all(self, fragment: str) -> list[Payload]:
        return [payload for url, payload in self.resources.items() if fragment in url]

    def _numbers(self, zaak: Payload) -> set[str]:
        """The BSNs and KVK numbers of the zaak's rollen."""
        numbers = set()
        for url in zaak["rollen"]:
            ident = self.resources[url]["betrokkeneIdentificatie"]
            numbers |= {ident.get("inpBsn"), ident.get("kvkNummer")}
        return numbers - {None}

    def _expanded(self, zaak: Payload, expand: set[str]) -> Payload:
        if not expand:
            return zaak
        embedded: dict[str, Any] = {}
        if "zaaktype" in expand:
            embedded["zaaktype"] = self.resources[zaak["zaaktype"]]
        if "status" in expand and zaak["status"]:
            status = dict(self.resources[zaak["status"]])
            if "status.statustype" in expand:
                status["_expand"] = {"statustype": self.resources[status["statustype"]]}
            embedded["status"] = status
        if "resultaat" in expand and zaak["resultaat"]:
            resultaat = dict(self.resources[zaak["resultaat"]])
            if "resultaat.resultaattype" in expand:
                resultaat["_expand"] = {"resultaattype": self.resources[resultaat["resultaattype"]]}
            embedded["resultaat"] = resultaat
        # Real Open Zaak leaves an empty relation out, and `_expand` itself when all are.
        if "rollen" in expand and zaak["rollen"]:
            embedded["rollen"] = [self.resources[url] for url in zaak["rollen"]]
        if "zaakinformatieobjecten" in expand and zaak["zaakinformatieobjecten"]:
            embedded["zaakinformatieobjecten"] = [
                self.resources[url] for url in zaak["zaakinformatieobjecten"]
            ]
        return {**zaak, "_expand": embedded} if embedded else dict(zaak)


def _api(url: str) -> str:
    for name in ("zaken", "catalogi", "documenten"):
        if f"/{name}/api/v1/" in url:
            return name
    raise AssertionError(url)
