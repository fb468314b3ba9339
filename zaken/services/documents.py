"""The documents of a zaak a resident may see, and the proxied download (docs/standards.md §3.6)."""

from dataclasses import dataclass
from functools import partial
from typing import Any
from uuid import UUID

from mijnomgeving.accounts.identity import Identity
from mijnomgeving.clients.actor import Actor
from mijnomgeving.clients.base import UpstreamError, UpstreamNotFound, UpstreamRejected
from mijnomgeving.clients.catalogi_resources import (
    InformatieObjectType,
    ZaakTypeInformatieObjectType,
)
from mijnomgeving.clients.documenten_resources import EnkelvoudigInformatieObject
from mijnomgeving.clients.parsing import ParseError, uuid_from_url
from mijnomgeving.clients.streaming import StreamingDownload
from mijnomgeving.clients.zaken_resources import ZaakInformatieObject
from zaken.files import content_type, format_label, human_size
from zaken.labels import informatieobjecttype_label
from zaken.viewmodels import DocumentRow
from zaken.visibility import VisibilityPolicy, visibility_policy

from .access import owned_zaak
from .common import ACCESS_EXPAND, DocumentNotFound, Task, clients_for, required, run_round


@dataclass(frozen=True, slots=True)
class DocumentDownload:
    """An open stream of a document's content and the headers to send it with."""

    stream: StreamingDownload
    filename: str
    content_type: str
    content_length: int | None


def visible_documents(
    policy: VisibilityPolicy,
    zios: list[ZaakInformatieObject],
    eios: dict[str, Any],
    ziots: list[ZaakTypeInformatieObjectType],
    informatieobjecttypen: dict[str, Any],
) -> tuple[tuple[DocumentRow, ...], bool]:
    """The rows the resident may see (newest first) and whether any document failed to load.

    `eios` and `informatieobjecttypen` map URLs to the resource or its UpstreamError; a
    document the back office refuses the portal (403) is hidden, not a failure.
    """
    rows: list[DocumentRow] = []
    incomplete = False
    for url in dict.fromkeys(zio.informatieobject for zio in zios):
        eio = eios.get(url)
        if _withheld(eio):
            continue  # above what the portal may read: hidden, as the list search hides it
        if not isinstance(eio, EnkelvoudigInformatieObject):
            incomplete = True
            continue
        iot = informatieobjecttypen.get(eio.informatieobjecttype)
        iot = iot if isinstance(iot, InformatieObjectType) else None
        if policy.document_visible(eio, _ziots_for(ziots, eio), iot):
            rows.append(_row(eio, iot))
    rows.sort(key=lambda row: row.datum, reverse=True)
    return tuple(rows), incomplete


def _withheld(eio: object) -> bool:
    """Open Zaak refuses (403) a document above the vertrouwelijkheid its Autorisatie allows
    the portal (zrc-006 for documents): the document is not for residents, not a failure."""
    return isinstance(eio, UpstreamRejected) and eio.status_code == 403


def _ziots_for(
    ziots: list[ZaakTypeInformatieObjectType], eio: EnkelvoudigInformatieObject
) -> tuple[ZaakTypeInformatieObjectType, ...]:
    return tuple(ziot for ziot in ziots if ziot.informatieobjecttype == eio.informatieobjecttype)


def _row(eio: EnkelvoudigInformatieObject, iot: InformatieObjectType | None) -> DocumentRow:
    return DocumentRow(
        uuid=eio.uuid,
        titel=eio.titel,
        type_label=informatieobjecttype_label(iot) if iot else "",
        datum=eio.creatiedatum,
        size_text=human_size(eio.bestandsomvang),
        format_label=format_label(eio.formaat, eio.bestandsnaam),
    )


def document_download_for(
    *, identity: Identity, zaak_uuid: UUID, document_uuid: UUID, actor: Actor | None = None
) -> DocumentDownload:
    """The content of a document on the person's zaak, streamed; DocumentNotFound otherwise.

    Checks, in this order: the person has a rol on the zaak and the zaak is visible; the
    document is linked to that zaak (zaakinformatieobjecten?zaak=&informatieobject=); the
    document passes the document rules. Only then is its `inhoud` opened (never shown).
    """
    policy = visibility_policy()
    clients = clients_for(identity, actor)
    eio_url = clients.documenten.url(f"enkelvoudiginformatieobjecten/{document_uuid}")

    def link_and_document(zaak_url: str) -> dict[str, Task]:
        return {
            "zios": partial(
                clients.zaken.zaakinformatieobjecten, zaak_url, informatieobject=eio_url
            ),
            "eio": partial(clients.documenten.informatieobject, eio_url),
        }

    zaak, first = owned_zaak(  # round trip 1: the zaak, its link to the document, the document
        clients, identity, zaak_uuid, expand=ACCESS_EXPAND, alongside=link_and_document
    )
    tasks: dict[str, Task] = {
        "ziots": partial(clients.catalogi.zaaktype_informatieobjecttypen, zaak.zaaktype),
    }
    if not first:  # the zaak lives at another URL than its UUID suggests
        tasks.update(link_and_document(zaak.url))
    if zaak.expanded_zaaktype is None:
        tasks["zaaktype"] = partial(clients.catalogi.zaaktype, zaak.zaaktype)
    fetched = {**first, **run_round(tasks)}  # round trip 2 (catalogi only: cached)
    zaaktype = zaak.expanded_zaaktype or required(fetched["zaaktype"])
    if not policy.zaak_visible(zaak, zaaktype) or not policy.documents_shown(zaaktype):
        raise DocumentNotFound
    zios: list[ZaakInformatieObject] = required(fetched["zios"])
    if not any(_links(zio, zaak.url, document_uuid) for zio in zios):
        raise DocumentNotFound
    eio = _eio_or_not_found(fetched["eio"])
    ziots = required(fetched["ziots"])
    iot = None
    # The type's level is the document's default; configured documenttypen need the type too.
    if eio.vertrouwelijkheidaanduiding is None or policy.needs_informatieobjecttype:
        iot = clients.catalogi.informatieobjecttype(eio.informatieobjecttype)
    if not policy.document_visible(eio, _ziots_for(ziots, eio), iot) or not eio.inhoud:
        raise DocumentNotFound
    stream = clients.documenten.download(eio.inhoud)  # the last round trip
    return DocumentDownload(
        stream=stream,
        filename=eio.bestandsnaam or eio.titel,
        content_type=content_type(eio.formaat),
        content_length=_content_length(stream, eio),
    )


def _links(zio: ZaakInformatieObject, zaak_url: str, document_uuid: UUID) -> bool:
    """Whether this link really is between this zaak and this document (trust no filter)."""
    try:
        return zio.zaak == zaak_url and uuid_from_url(zio.informatieobject) == document_uuid
    except ParseError:
        return False


def _eio_or_not_found(value: object) -> EnkelvoudigInformatieObject:
    if isinstance(value, UpstreamNotFound) or (
        isinstance(value, UpstreamRejected) and value.status_code == 403
    ):
        raise DocumentNotFound
    if isinstance(value, EnkelvoudigInformatieObject):
        return value
    raise value if isinstance(value, UpstreamError) else TypeError(type(value).__name__)


def _content_length(stream: StreamingDownload, eio: EnkelvoudigInformatieObject) -> int | None:
    """The upstream's length, else bestandsomvang; none when the body arrives re-encoded."""
    if stream.headers.get("Content-Encoding", "identity").lower() != "identity":
        return None
    return stream.content_length if stream.content_length is not None else eio.bestandsomvang
