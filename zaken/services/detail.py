"""The case page: one zaak with its timeline, result, key facts and documents (issue 3, part 2)."""

from functools import partial
from typing import Any
from uuid import UUID

from mijnomgeving.accounts.identity import Identity
from mijnomgeving.clients.actor import Actor
from mijnomgeving.clients.catalogi_resources import ResultaatType, StatusType, ZaakType
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
)
from .documents import visible_documents
from .timeline import build_timeline


def zaak_get_for(*, identity: Identity, uuid: UUID, actor: Actor | None = None) -> ZaakDetail:
    """The zaak with this UUID as the case page shows it, if this person may see it.

    Raises ZaakNotFound when the zaak does not exist, the person has no rol on it, or a
    visibility rule hides it (all alike), and UpstreamError when the zaak itself cannot be
    fetched. A timeline, result or documents that fail become a marked gap. At most three
    dependent round trips: (1) the zaak (with rollen); (2) its statussen, statustypen,
    document links and documents; (3) the document types and what (2) still pointed at.
    """
    policy = visibility_policy()
    clients = clients_for(identity, actor)
    zaak = owned_zaak(clients, identity, uuid, expand=DETAIL_EXPAND)
    second = run_round(_second_round(clients, zaak))
    zaaktype: ZaakType = zaak.expanded_zaaktype or required(second["zaaktype"])
    if not policy.zaak_visible(zaak, zaaktype):
        raise ZaakNotFound
    zios = (
        list(zaak.expanded_zaakinformatieobjecten)
        if zaak.expanded_zaakinformatieobjecten is not None
        else second["zios"]
    )
    third = run_round(_third_round(clients, zaak, second, zios))
    fetched = {**second, **third}
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


def _second_round(clients: ZgwClients, zaak: Zaak) -> dict[str, Task]:
    tasks: dict[str, Task] = {
        "statussen": partial(clients.zaken.statussen, zaak.url),
        "statustypen": partial(clients.catalogi.statustypen, zaak.zaaktype),
        "ziots": partial(clients.catalogi.zaaktype_informatieobjecttypen, zaak.zaaktype),
    }
    if zaak.expanded_zaaktype is None:
        tasks["zaaktype"] = partial(clients.catalogi.zaaktype, zaak.zaaktype)
    if zaak.expanded_zaakinformatieobjecten is None:
        tasks["zios"] = partial(clients.zaken.zaakinformatieobjecten, zaak.url)
    # All the zaak's documents in one call (Open Zaak's objectinformatieobjecten__object
    # filter), checked against the zaak's links afterwards; the third round fetches one by
    # one what this list does not hold (a back office without the filter).
    tasks["eios"] = partial(
        clients.documenten.fetch_all,
        "enkelvoudiginformatieobjecten",
        EnkelvoudigInformatieObject.from_api,
        params={"objectinformatieobjecten__object": zaak.url},
    )
    if zaak.resultaat and zaak.expanded_resultaat is None:
        tasks["resultaat"] = partial(clients.zaken.resultaat, zaak.resultaat)
    return tasks


def _third_round(
    clients: ZgwClients, zaak: Zaak, second: dict[str, Any], zios: Any
) -> dict[str, Task]:
    tasks: dict[str, Task] = {}
    listed = {eio.uuid for eio in second["eios"]} if ok(second["eios"]) else set()
    if ok(zios):
        for zio in zios:
            if _uuid_of(zio.informatieobject) not in listed:
                tasks[f"eio {zio.informatieobject}"] = partial(
                    clients.documenten.informatieobject, zio.informatieobject
                )
    if ok(second["ziots"]):
        for url in dict.fromkeys(ziot.informatieobjecttype for ziot in second["ziots"]):
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
    listed = {eio.uuid: eio for eio in fetched["eios"]} if ok(fetched["eios"]) else {}
    return {
        zio.informatieobject: listed.get(_uuid_of(zio.informatieobject))
        or fetched.get(f"eio {zio.informatieobject}")
        for zio in zios
    }
