"""The status timeline of one zaak: the steps reached (oldest first) and the steps to come."""

from django.utils.translation import gettext as _

from mijnomgeving.clients.catalogi_resources import StatusType, ZaakType
from mijnomgeving.clients.zaken_resources import Status
from zaken.configuration import TypeSettings
from zaken.labels import status_explanation, status_in_timeline, status_label
from zaken.viewmodels import TimelineStep


def build_timeline(
    *,
    statussen: list[Status],
    statustypen: list[StatusType],
    extra_statustypen: dict[str, StatusType],
    current_status_url: str | None,
    is_closed: bool,
    zaaktype: ZaakType | None = None,
    types: TypeSettings | None = None,
) -> tuple[TimelineStep, ...]:
    """Reached statussen by datumStatusGezet ascending, then the zaaktype's later steps.

        The API serves statussen newest first (and the later-created first on a tie), so the
        history is sorted by date, and on a tie (e-Suite zeroes the time) the current status goes
    last and the others keep the order they were set in.
        A status whose statustype is not among the zaaktype's statustypen still shows (with the
        type from `extra_statustypen`, or a neutral label). The steps to come are the statustypen
        after the current one by volgnummer; a closed zaak has none.
    """
    by_url = {statustype.url: statustype for statustype in statustypen} | extra_statustypen
    history = [
        status
        for _, status in sorted(
            enumerate(statussen),
            key=lambda pair: (
                pair[1].datum_status_gezet,
                pair[1].url == current_status_url,
                -pair[0],
            ),
        )
    ]
    current = next((s for s in history if s.url == current_status_url), None) or (
        history[-1] if history else None
    )
    steps = []
    for status in history:
        statustype = status.expanded_statustype or by_url.get(status.statustype)
        if statustype is not None and not status_in_timeline(statustype, zaaktype, types):
            continue  # the administrator left this step out of the timeline
        steps.append(
            TimelineStep(
                label=status_label(statustype, zaaktype, types)
                if statustype
                else _("Status bijgewerkt"),
                toelichting=status.statustoelichting,
                datum=status.datum_status_gezet,
                is_reached=True,
                is_current=status is current,
                is_end=bool(statustype and statustype.is_eindstatus),
                explanation=status_explanation(statustype, zaaktype, types) if statustype else "",
            )
        )
    if is_closed:
        return tuple(steps)
    ordered = sorted(statustypen, key=lambda statustype: statustype.volgnummer)
    current_type = by_url.get(current.statustype) if current else None
    if current_type is not None and current_type in ordered:
        upcoming = [st for st in ordered if st.volgnummer > current_type.volgnummer]
    else:
        reached = {status.statustype for status in statussen}
        upcoming = [st for st in ordered if st.url not in reached]
    steps.extend(
        TimelineStep(
            label=status_label(statustype, zaaktype, types),
            toelichting="",
            datum=None,
            is_reached=False,
            is_current=False,
            is_end=statustype.is_eindstatus,
            explanation=status_explanation(statustype, zaaktype, types),
        )
        for statustype in upcoming
        if status_in_timeline(statustype, zaaktype, types)
    )
    return tuple(steps)
