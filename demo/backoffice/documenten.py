"""Documenten API 1.4.2 as Open Zaak 1.30 serves it: metadata, streamed downloads, OIO relations."""

import re
import unicodedata
from typing import Any
from urllib.parse import quote
from uuid import UUID

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse

from demo.backoffice.catalogi import informatieobjecttype_json
from demo.backoffice.http import (
    Links,
    Query,
    api_view,
    detail_response,
    detail_view,
    get_or_404,
    list_response,
    not_found,
)
from demo.backoffice.models import Document, ZaakInformatieObject
from demo.backoffice.seed import uid
from demo.backoffice.store import State, state
from demo.backoffice.zaken_render import date_json


def document_json(document: Document, links: Links, current: State) -> dict[str, Any]:
    url = links("enkelvoudiginformatieobject", document.uuid)
    return {
        "url": url,
        "identificatie": document.identificatie,
        "bronorganisatie": current.seed.catalogi.catalogus.rsin,
        "creatiedatum": document.creatiedatum.isoformat(),
        "titel": document.titel,
        "vertrouwelijkheidaanduiding": document.vertrouwelijkheidaanduiding,
        "auteur": document.auteur,
        "status": document.status,
        "formaat": document.formaat,
        "taal": "nld",
        "versie": 1,
        "beginRegistratie": f"{document.creatiedatum.isoformat()}T08:00:00Z",
        "bestandsnaam": document.bestandsnaam,
        "inhoud": f"{url}/download?versie=1",
        "bestandsomvang": document.bestandsomvang,
        "link": "",
        "beschrijving": document.beschrijving,
        "ontvangstdatum": date_json(document.ontvangstdatum),
        "verzenddatum": date_json(document.verzenddatum),
        "indicatieGebruiksrecht": None,
        "verschijningsvorm": "",
        "informatieobjecttype": links("informatieobjecttype", document.informatieobjecttype),
        "locked": False,
        "bestandsdelen": [],
        "trefwoorden": [],
    }


def oio_uuid(zio: ZaakInformatieObject) -> UUID:
    """The mirrored relation Open Zaak keeps in the Documenten API for each zaakinformatieobject."""
    return uid(f"oio:{zio.uuid}")


def oio_json(zio: ZaakInformatieObject, links: Links, current: State) -> dict[str, Any]:
    return {
        "url": links("objectinformatieobject", oio_uuid(zio)),
        "informatieobject": links("enkelvoudiginformatieobject", zio.informatieobject),
        "object": links("zaak", zio.zaak),
        "objectType": "zaak",
    }


def content_disposition(filename: str) -> str:
    """`attachment` with a safe ASCII fallback and the exact name in RFC 5987 `filename*`."""
    name = filename.replace("/", "_").replace("\\", "_")
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    ascii_name = re.sub(r"[^A-Za-z0-9._ -]", "_", ascii_name).strip() or "document"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"


@api_view
def document_detail(request: HttpRequest, uuid: UUID) -> HttpResponse:
    query = Query(request, ("expand", "versie", "registratieOp"))
    current = state()
    document = get_or_404(current.seed.documents, uuid)
    if query.string("versie") not in (None, "1"):
        raise not_found()
    links = Links(request)
    body = document_json(document, links, current)
    body["_expand"] = {}
    if "informatieobjecttype" in query.multiple("expand", ("informatieobjecttype",)):
        iot = current.seed.catalogi.informatieobjecttypen[document.informatieobjecttype]
        body["_expand"]["informatieobjecttype"] = informatieobjecttype_json(iot, links, current)
    return detail_response(request, body)


@api_view
def document_download(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """The bytes, streamed chunk by chunk: a large document never sits in memory."""
    query = Query(request, ("versie", "registratieOp"))
    document = get_or_404(state().seed.documents, uuid)
    if query.string("versie") not in (None, "1"):
        raise not_found()
    response = StreamingHttpResponse(document.chunks(), content_type="application/octet-stream")
    response["Content-Length"] = str(document.bestandsomvang)
    response["Content-Disposition"] = content_disposition(document.bestandsnaam)
    response["API-version"] = "1.4.2"
    return response


@api_view
def oio_list(request: HttpRequest) -> HttpResponse:
    """Not paginated: a plain JSON array, like /zaakinformatieobjecten."""
    query = Query(request, ("object", "informatieobject"))
    current = state()
    zaak = query.url("object", "zaak")
    informatieobject = query.url("informatieobject", "enkelvoudiginformatieobject")
    links = Links(request)
    found = [
        oio_json(zio, links, current)
        for zio in current.seed.zios.values()
        if zaak in (None, zio.zaak) and informatieobject in (None, zio.informatieobject)
    ]
    return list_response(request, found)


def _oios(current: State) -> dict[UUID, ZaakInformatieObject]:
    return {oio_uuid(zio): zio for zio in current.seed.zios.values()}


oio_detail = detail_view(_oios, oio_json)
