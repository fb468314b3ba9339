"""Documenten API 1.4.2 as Open Zaak 1.30 serves it: metadata, streamed downloads, OIO relations."""

import hashlib
from typing import Any
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
    invalid,
    json_body,
    list_response,
    not_found,
    paginated_response,
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
        "ondertekening": None,
        "integriteit": None,
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


def stored_filename(document: Document) -> str:
    """The name Open Zaak gives the content in Content-Disposition: the name of its stored
    file, `<uuid>.bin`, not the document's `bestandsnaam` (one fixed UUID per document)."""
    return f"{uid(f'bestand:{document.uuid}')}.bin"


def accepts_content(accept: str) -> bool:
    """Whether an Accept header lets the download's only renderer (application/octet-stream)
    answer, as DRF's content negotiation decides: no header, */*, application/* or the type."""
    if not accept.strip():
        return True
    ranges = {part.split(";")[0].strip().lower() for part in accept.split(",")}
    return bool(ranges & {"*/*", "application/*", "application/octet-stream"})


def _expanded(
    document: Document, expand: list[str], links: Links, current: State
) -> dict[str, Any]:
    body = document_json(document, links, current)
    body["_expand"] = {}
    if "informatieobjecttype" in expand:
        iot = current.seed.catalogi.informatieobjecttypen[document.informatieobjecttype]
        body["_expand"]["informatieobjecttype"] = informatieobjecttype_json(iot, links, current)
    return body


@api_view
def document_list(request: HttpRequest) -> HttpResponse:
    query = Query(
        request,
        (
            "identificatie",
            "bronorganisatie",
            "informatieobjecttype",
            "vertrouwelijkheidaanduiding",
            "objectinformatieobjecten__object",
            "expand",
            "page",
            "pageSize",
        ),
    )
    current = state()
    seed = current.seed
    iot = query.url("informatieobjecttype", "informatieobjecttype")
    zaak = query.url("objectinformatieobjecten__object", "zaak")
    linked = {zio.informatieobject for zio in seed.zios.values() if zio.zaak == zaak}
    found = [
        document
        for document in seed.documents.values()
        if query.string("identificatie") in (None, document.identificatie)
        and query.string("bronorganisatie") in (None, seed.catalogi.catalogus.rsin)
        and iot in (None, document.informatieobjecttype)
        and query.string("vertrouwelijkheidaanduiding")
        in (None, document.vertrouwelijkheidaanduiding)
        and (zaak is None or document.uuid in linked)
    ]
    expand = query.multiple("expand", ("informatieobjecttype",))
    links = Links(request)
    return paginated_response(
        request, found, lambda document: _expanded(document, expand, links, current)
    )


@api_view(methods=("POST",))
def document_search(request: HttpRequest) -> HttpResponse:
    """POST /enkelvoudiginformatieobjecten/_zoek: the documents with these UUIDs (uuid__in),
    paginated like the list, as Open Zaak answers it."""
    query = Query(request, ("page", "pageSize", "expand"))
    body = _search_body(request)
    current = state()
    documents = current.seed.documents
    found = sorted(
        (documents[uuid] for uuid in set(body["uuid__in"]) if uuid in documents),
        key=lambda document: str(document.uuid),
    )
    expand = [*body["expand"], *query.multiple("expand", ("informatieobjecttype",))]
    links = Links(request)
    return paginated_response(
        request, found, lambda document: _expanded(document, expand, links, current)
    )


def _search_body(request: HttpRequest) -> dict[str, Any]:
    """The search body checked as Open Zaak does: uuid__in a list of UUIDs (required here)."""
    data = json_body(request)
    unknown = sorted(set(data) - {"uuid__in", "bronorganisatie", "identificatie", "expand"})
    if unknown:
        raise invalid("nonFieldErrors", "unknown-parameters", f"Onbekend: {', '.join(unknown)}")
    raw = data.get("uuid__in")
    if not isinstance(raw, list) or not raw:
        raise invalid("uuid__in", "required", "Dit veld is vereist.")
    try:
        uuids = [UUID(str(value)) for value in raw]
    except ValueError:
        raise invalid("uuid__in", "invalid", "Voer een geldige UUID in.") from None
    expand = data.get("expand") or []
    if not isinstance(expand, list) or not set(expand) <= {"informatieobjecttype"}:
        raise invalid("expand", "invalid_choice", "Ongeldige keuze.")
    return {"uuid__in": uuids, "expand": expand}


@api_view
def document_detail(request: HttpRequest, uuid: UUID) -> HttpResponse:
    query = Query(request, ("expand", "versie", "registratieOp"))
    current = state()
    document = get_or_404(current.seed.documents, uuid)
    if query.string("versie") not in (None, "1"):
        raise not_found()
    expand = query.multiple("expand", ("informatieobjecttype",))
    return detail_response(request, _expanded(document, expand, Links(request), current))


@api_view(versioned=False)
def document_download(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """The bytes, streamed chunk by chunk: a large document never sits in memory.

    As Open Zaak: `application/octet-stream` whatever the formaat, its own file name, an
    ETag, no API-version; an Accept that rules out octet-stream (application/json) is a 406
    whose body is the text "application/octet-stream"."""
    if not accepts_content(request.headers.get("Accept", "")):
        return HttpResponse(
            b"application/octet-stream", status=406, content_type="application/octet-stream"
        )
    query = Query(request, ("versie", "registratieOp"))
    document = get_or_404(state().seed.documents, uuid)
    if query.string("versie") not in (None, "1"):
        raise not_found()
    response = StreamingHttpResponse(document.chunks(), content_type="application/octet-stream")
    response["Content-Length"] = str(document.bestandsomvang)
    response["Content-Disposition"] = f'attachment; filename="{stored_filename(document)}"'
    tag = f"{document.uuid}:1:{document.bestandsomvang}".encode()
    response["ETag"] = f'"{hashlib.md5(tag, usedforsecurity=False).hexdigest()}"'
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
