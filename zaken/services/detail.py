"""The case page: one zaak with its timeline, result, key facts and documents (issue 3, part 2)."""

from functools import partial
from typing import Any
from uuid import UUID

from mijnomgeving.accounts.identity import Identity
from mijnomgeving.clients.actor import Actor
from mijnomgeving.clients.catalogi_resources import ResultaatType, StatusType
from mijnomgeving.clients.documenten_resources import EnkelvoudigInformatieObject
from mijnomgeving.clients.parsing import ParseError, uuid_from_url
from mijnomgeving.clients.zaken_resources import Resultaat, Status, Zaak, ZaakInformatieObject
from mijnomgeving.clients.zgw import ZgwClients
from zaken.labels import resultaat_label, status_label, zaaktype_explanation, zaaktype_label
from zaken.viewmodels import ZaakDetail, duur_text
from zaken.visibility import visibility_policy

from .access import owned_zaak
from .common import (
    DETAIL_EXPAND,
    Task,
    ZaakNotFound,
    clients_for,
    expected_date,
    ok,
    required,
    run_round,
    use_expand,
)
from .documents import visible_documents
from .timeline import build_timeline


def zaak_get_for(*, identity: Identity, uuid: UUID, actor: Actor | None = None) -> ZaakDetail:
    """The zaak with this UUID as the case page shows it, if this person may see it.

    Raises ZaakNotFound when the zaak does not exist, the person has no rol on it, or a
    visibility rule hides it (all alike), and UpstreamError when the zaak itself cannot be
    fetched. A timeline, result or documents that fail become a marked gap. Dependent round
    trips, with Open Zaak's expand: (1) the zaak (with rollen and document links), its
    statussen and its documents, all at once, since they need only the zaak's URL; (2) the
    statustypen, zaaktype-informatieobjecttypen and document types (catalogi: cached, so a
    warm page is one round trip). A back office without expand, or without the documents
    filter, costs one more: (3) the documents one by one, or what (2) still pointed at.
    """
    policy = visibility_policy()
    clients = clients_for(identity, actor)
    zaak, first = owned_zaak(
        clients, identity, uuid, expand=DETAIL_EXPAND, alongside=partial(_first_round, clients)
    )
    zaaktype = zaak.expanded_zaaktype
    if zaaktype is not None and not policy.zaak_visible(zaak, zaaktype):
        raise ZaakNotFound  # before anything else is fetched
    second = {**first, **run_round(_second_round(clients, zaak, first))}
    if zaaktype is None:  # a back office without expand: known only now
        zaaktype = required(second["zaaktype"])
        if not policy.zaak_visible(zaak, zaaktype):
            raise ZaakNotFound
    zios = (
        list(zaak.expanded_zaakinformatieobjecten)
        if zaak.expanded_zaakinformatieobjecten is not None
        else second["zios"]
    )
    fetched = {**second, **run_round(_third_round(clients, zaak, second, zios))}
    statussen = fetched["statussen"]
    statustypen = fetched["statustypen"]
    extra_types = {
        key.split(" ", 1)[1]: value
        for key, value in fetched.items()
        if key.startswith("statustype ") and isinstance(value, StatusType)
    }
    all_types = (statustypen if ok(statustypen) else []) + list(extra_types.values())
    current = _current_status(zaak, statussen)
    current_type = _statustype_of(current, all_types)
    resultaat, resultaattype = _resultaat(zaak, fetched)
    timeline_ok = ok(statussen) and ok(statustypen)
    documents, incomplete = (
        visible_documents(
            policy,
            zios,
            _eios_by_url(zios, fetched),
            fetched["ziots"],
            {
                key.split(" ", 1)[1]: value
                for key, value in fetched.items()
                if key.startswith("iot ")
            },
        )
        if ok(zios) and ok(fetched["ziots"])
        else ((), True)
    )
    if not policy.documents_shown(zaaktype):  # the administrator switched them off
        documents, incomplete = (), False
    return ZaakDetail(
        uuid=zaak.uuid,
        identificatie=zaak.identificatie,
        omschrijving=zaak.omschrijving,
        toelichting=zaak.toelichting,
        zaaktype_label=zaaktype_label(zaaktype, policy.types),
        status_label=status_label(current_type, zaaktype, policy.types) if current_type else "",
        status_unavailable=zaak.status is not None and current_type is None,
        startdatum=zaak.startdatum,
        einddatum_gepland=zaak.einddatum_gepland,
        uiterlijke_einddatum_afdoening=zaak.uiterlijke_einddatum_afdoening,
        expected_date=None if zaak.is_closed else expected_date(zaak, zaaktype),
        einddatum=zaak.einddatum,
        is_closed=zaak.is_closed,
        resultaat_label=resultaat_label(resultaattype) if resultaattype else "",
        resultaat_toelichting=resultaat.toelichting if resultaat else "",
        resultaat_unavailable=zaak.resultaat is not None and resultaattype is None,
        is_opgeschort=zaak.is_opgeschort,
        opschorting_reden=zaak.opschorting.reden if zaak.opschorting and zaak.is_opgeschort else "",
        verlenging_reden=zaak.verlenging.reden if zaak.verlenging else "",
        verlenging_duur=duur_text(zaak.verlenging.duur) if zaak.verlenging else "",
        timeline=build_timeline(
            statussen=statussen,
            statustypen=statustypen,
            extra_statustypen=extra_types,
            current_status_url=zaak.status,
            is_closed=zaak.is_closed,
            zaaktype=zaaktype,
            types=policy.types,
        )
        if timeline_ok
        else (),
        timeline_unavailable=not timeline_ok,
        documents=documents,
        documents_unavailable=incomplete,
        zaaktype_explanation=zaaktype_explanation(zaaktype, policy.types),
    )


def _first_round(clients: ZgwClients, zaak_url: str) -> dict[str, Task]:
    """What runs beside the zaak itself: everything that needs only its URL."""
    tasks: dict[str, Task] = {"statussen": partial(clients.zaken.statussen, zaak_url)}
    if use_expand():
        tasks["eios"] = partial(_listed_documents, clients, zaak_url)
    else:
        tasks["zios"] = partial(clients.zaken.zaakinformatieobjecten, zaak_url)
    return tasks


def _listed_documents(clients: ZgwClients, zaak_url: str) -> list[EnkelvoudigInformatieObject]:
    """All the zaak's documents in one call (Open Zaak's objectinformatieobjecten__object
    filter, which the VNG spec lacks: hence only with ZAKEN_USE_EXPAND), checked against the
    zaak's own links afterwards, so a filter that is ignored can show nothing extra."""
    return clients.documenten.fetch_all(
        "enkelvoudiginformatieobjecten",
        EnkelvoudigInformatieObject.from_api,
        params={"objectinformatieobjecten__object": zaak_url},
    )


def _second_round(clients: ZgwClients, zaak: Zaak, first: dict[str, Any]) -> dict[str, Task]:
    tasks: dict[str, Task] = {
        "statustypen": partial(clients.catalogi.statustypen, zaak.zaaktype),
        "ziots": partial(clients.catalogi.zaaktype_informatieobjecttypen, zaak.zaaktype),
    }
    if "statussen" not in first:  # the zaak lives at another URL than its UUID suggests
        tasks["statussen"] = partial(clients.zaken.statussen, zaak.url)
    zios = (
        zaak.expanded_zaakinformatieobjecten
        if zaak.expanded_zaakinformatieobjecten is not None
        else first.get("zios")
    )
    if zios is None:  # neither expanded nor fetched beside the zaak
        tasks["zios"] = partial(clients.zaken.zaakinformatieobjecten, zaak.url)
    elif "eios" not in first and ok(zios):
        # The documents the links point at, in one search (VNG Documenten 1.x).
        uuids = [uuid for zio in zios if (uuid := _uuid_of(zio.informatieobject))]
        tasks["eios"] = partial(clients.documenten.informatieobjecten, uuids)
    if zaak.expanded_zaaktype is None:
        tasks["zaaktype"] = partial(clients.catalogi.zaaktype, zaak.zaaktype)
    if zaak.resultaat and zaak.expanded_resultaat is None:
        tasks["resultaat"] = partial(clients.zaken.resultaat, zaak.resultaat)
    tasks.update(_types_of(clients, first.get("eios"), set()))
    return tasks


def _types_of(clients: ZgwClients, eios: Any, known: set[str]) -> dict[str, Task]:
    """The informatieobjecttypen of these documents (a list, or an error: then none)."""
    if eios is None or not ok(eios):
        return {}
    return {
        f"iot {url}": partial(clients.catalogi.informatieobjecttype, url)
        for url in dict.fromkeys(eio.informatieobjecttype for eio in eios)
        if f"iot {url}" not in known
    }


def _third_round(
    clients: ZgwClients, zaak: Zaak, second: dict[str, Any], zios: Any
) -> dict[str, Task]:
    """What only the second round could point at: the types of the documents it found, the
    documents it did not find (one by one, with every type the zaaktype allows), a
    resultaattype, statustypen outside the zaaktype's list."""
    eios = second.get("eios")
    tasks = _types_of(clients, eios, set(second))
    listed = {eio.uuid for eio in eios} if eios is not None and ok(eios) else set()
    unlisted = (
        [zio for zio in zios if _uuid_of(zio.informatieobject) not in listed] if ok(zios) else []
    )
    for zio in unlisted:
        tasks[f"eio {zio.informatieobject}"] = partial(
            clients.documenten.informatieobject, zio.informatieobject
        )
    if unlisted and ok(second["ziots"]):
        for url in dict.fromkeys(ziot.informatieobjecttype for ziot in second["ziots"]):
            if f"iot {url}" not in second:
                tasks[f"iot {url}"] = partial(clients.catalogi.informatieobjecttype, url)
    resultaat = zaak.expanded_resultaat or second.get("resultaat")
    if isinstance(resultaat, Resultaat) and resultaat.expanded_resultaattype is None:
        tasks["resultaattype"] = partial(clients.catalogi.resultaattype, resultaat.resultaattype)
    statussen, statustypen = second["statussen"], second["statustypen"]
    known = {statustype.url for statustype in statustypen} if ok(statustypen) else set()
    for status in statussen if ok(statussen) else []:
        if status.expanded_statustype is None and status.statustype not in known:
            tasks[f"statustype {status.statustype}"] = partial(
                clients.catalogi.statustype, status.statustype
            )
    current = zaak.expanded_status
    if (
        current is not None
        and current.expanded_statustype is None
        and current.statustype not in known
    ):
        tasks[f"statustype {current.statustype}"] = partial(
            clients.catalogi.statustype, current.statustype
        )
    return tasks


def _current_status(zaak: Zaak, statussen: Any) -> Status | None:
    if zaak.expanded_status is not None:
        return zaak.expanded_status
    if zaak.status and ok(statussen):
        return next((status for status in statussen if status.url == zaak.status), None)
    return None


def _statustype_of(status: Status | None, statustypen: list[StatusType]) -> StatusType | None:
    if status is None:
        return None
    if status.expanded_statustype is not None:
        return status.expanded_statustype
    return next((st for st in statustypen if st.url == status.statustype), None)


def _resultaat(
    zaak: Zaak, fetched: dict[str, Any]
) -> tuple[Resultaat | None, ResultaatType | None]:
    resultaat = zaak.expanded_resultaat or fetched.get("resultaat")
    if not isinstance(resultaat, Resultaat):
        return None, None
    resultaattype = resultaat.expanded_resultaattype or fetched.get("resultaattype")
    return resultaat, resultaattype if isinstance(resultaattype, ResultaatType) else None


def _uuid_of(url: str) -> UUID | None:
    try:
        return uuid_from_url(url)
    except ParseError:
        return None


def _eios_by_url(zios: list[ZaakInformatieObject], fetched: dict[str, Any]) -> dict[str, Any]:
    """{informatieobject URL of each link: its document (or UpstreamError)}; linked ones only."""
    eios = fetched.get("eios")
    listed = {eio.uuid: eio for eio in eios} if eios is not None and ok(eios) else {}
    return {
        zio.informatieobject: listed.get(_uuid_of(zio.informatieobject))
        or fetched.get(f"eio {zio.informatieobject}")
        for zio in zios
    }
