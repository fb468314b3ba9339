"""What a request costs real Open Zaak: the demo back office's calibrated cost model.

`DEMO_COST_MODEL=openzaak-1.30` (or `PUT /_demo/cost-model {"model": "openzaak-1.30"}` at run
time) replaces the flat `DEMO_LATENCY_MS` by a delay that depends on what the request asked
and what the back office answered: its kind, the number of zaken in a list, the number of
`expand` relations. Off by default (empty), so tests and `make demo` stay fast.

Calibration
-----------
From tests/corpus/realzgw/timings.json: median server time of 5 runs on real Open Zaak 1.30
(uwsgi 2 processes x 4 threads, PostgreSQL, Redis and Open Notificaties on one 2-core
machine), one request at a time.

Zaken list (`GET /zaken`, `POST /zaken/_zoek`), per zaak *returned* (the page, not the count):

    25 zaken plain 82.9 ms, 100 zaken plain 170.7 ms
    per zaak  (170.7 - 82.9) / (100 - 25) = 1.17 ms
    base      82.9 - 25 x 1.17            = 53.6 ms

`expand` on a list, per zaak returned and per relation asked (the recording asked 6:
zaaktype, status, status.statustype, resultaat, resultaat.resultaattype, rollen):

    25 zaken  1362.4 - 82.9  = 1279.5 ms = 51.2 ms a zaak = 8.5 ms a zaak a relation
    100 zaken 5602.7 - 170.7 = 5432.0 ms = 54.3 ms a zaak = 9.1 ms a zaak a relation
    model: 8.5 ms (the 25-zaak point: the portal's pages are that size or smaller); the
    100-zaak list comes out 53.6 + 117 + 5100 = 5271 ms, 6% under the 5603 measured.

Zaak detail, per relation asked (the same 6 plus zaakinformatieobjecten = 7):

    plain 77.4 ms; with 7 relations 153.4 ms: (153.4 - 77.4) / 7 = 10.9 ms a relation

Flat, whatever the number of items (single points; lists of a few items):

    statussen (list or one status) 52.8, rollen 53.9 (direct-rollen-gemachtigde.json),
    resultaten 41.6 (direct-resultaat.json), zaakinformatieobjecten 59.8, documenten list
    by zaak 52.6, documenten `_zoek` 36.8, one document 32.0 (direct-document-detail.json),
    catalogi lists 36.5 (statustypen 42.4 and zaaktype-informatieobjecttypen 30.6), one
    catalogi resource 31.8 (zaaktype 34.7 and informatieobjecttype 28.8), a download 23.9 to
    its first byte (the 631-byte one; the bytes then flow at this machine's speed), an error
    answer (4xx) 23.1 (the median of the 15 in direct-*.json).

Nothing else is counted: the size of a statussen list, `expand` on Documenten (the portal
does not ask it), JWT checking, the bytes of a download. There is no jitter: the scheduling
below varies enough.

Capacity
--------
Open Zaak serves at most 8 requests at once (uwsgi 2 x 4); further ones wait in arrival order.
The ones being served share the machine's 2 cores equally (processor sharing): with n of them,
each advances at min(1, 2 / n) of its solo speed. Checked against the one concurrent
recording, overview-noexpand-999991954.json, where the portal fired 10 status GETs at once
(52.8 ms each alone): the model finishes 8 of them at 8 x 52.8 / 2 = 211 ms and the 2 that
waited for a slot at 211 + 52.8 = 264 ms; Open Zaak took 177-246 ms for eight and 296-298 ms
for two. Slots without the sharing would say 53 and 106 ms: 2.8 to 4.6 times too fast.

The back office's own work (filtering, rendering; this is Python too) counts as progress on
the modelled cost: a request is admitted, handled, then held until its share of the cores has
done the modelled work, so the answer leaves at max(own time, modelled time). The download's
streaming is not held (its slot is freed before the first byte).
"""

import json
import math
import os
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse

ENVIRONMENT_VARIABLE = "DEMO_COST_MODEL"


@dataclass(frozen=True, slots=True)
class Cost:
    """The modelled server time of one request, and what it was computed from."""

    kind: str
    items: int
    relations: int
    ms: float

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "items": self.items,
            "relations": self.relations,
            "ms": round(self.ms, 1),
        }


@dataclass(frozen=True, slots=True)
class CostModel:
    name: str
    base_ms: Mapping[str, float]  # per kind
    zaak_ms: float  # per zaak a zaken list returns
    list_relation_ms: float  # per zaak returned and expand relation asked
    detail_relation_ms: float  # per expand relation asked on one zaak
    cores: int
    slots: int

    def cost(self, kind: str, *, items: int = 0, relations: int = 0) -> Cost:
        ms = self.base_ms[kind]
        if kind == "zaken-list":
            ms += items * (self.zaak_ms + relations * self.list_relation_ms)
        elif kind == "zaak-detail":
            ms += relations * self.detail_relation_ms
        return Cost(kind, items, relations, ms)


OPEN_ZAAK_1_30 = CostModel(
    name="openzaak-1.30",
    base_ms={
        "zaken-list": 53.6,
        "zaak-detail": 77.4,
        "status": 52.8,
        "rollen": 53.9,
        "resultaat": 41.6,
        "zaakinformatieobjecten": 59.8,
        "documenten-list": 52.6,
        "documenten-zoek": 36.8,
        "document": 32.0,
        "download": 23.9,
        "catalogi-list": 36.5,
        "catalogi-detail": 31.8,
        "error": 23.1,
        "other": 50.0,
    },
    zaak_ms=1.17,
    list_relation_ms=8.5,
    detail_relation_ms=10.9,
    cores=2,
    slots=8,
)
MODELS = {OPEN_ZAAK_1_30.name: OPEN_ZAAK_1_30}


def model_named(name: str) -> CostModel | None:
    """The model of this name; None for "" or "off" (the flat latency then applies)."""
    name = name.strip()
    if name in ("", "off"):
        return None
    if name not in MODELS:
        known = ", ".join(sorted(MODELS))
        raise ValueError(f"{ENVIRONMENT_VARIABLE} must be empty or one of {known}, got {name!r}.")
    return MODELS[name]


# --- What a request is and how many items it carried ------------------------------------

ZAKEN_RESOURCES = {
    "statussen": "status",
    "rollen": "rollen",
    "resultaten": "resultaat",
    "zaakinformatieobjecten": "zaakinformatieobjecten",
}


def kind_of(path: str, status: int) -> str:
    """The kind of an API request, from its path (no query) and its answer's status."""
    if status >= 400:
        return "error"
    parts = path.strip("/").split("/")  # e.g. zaken api v1 zaken <uuid>
    api, rest = parts[0], parts[3:]
    if not rest:
        return "other"
    resource, more = rest[0], rest[1:]
    if api == "zaken":
        if resource == "zaken":
            if not more or more == ["_zoek"]:
                return "zaken-list"
            return "zaak-detail" if len(more) == 1 else "other"
        return ZAKEN_RESOURCES.get(resource, "other")
    if api == "catalogi":
        return "catalogi-detail" if more else "catalogi-list"
    if api == "documenten":
        if more == ["_zoek"]:
            return "documenten-zoek"
        if len(more) == 2 and more[1] == "download":
            return "download"
        return "document" if more else "documenten-list"
    return "other"


def expand_relations(request: HttpRequest) -> int:
    """The distinct relations `expand` asked for (query string, and a `_zoek` body's list),
    parents included: `status.statustype` is two (status and its statustype), as Open Zaak
    fetches both."""
    asked = [
        path.strip()
        for value in request.GET.getlist("expand")
        for path in value.split(",")
        if path.strip()
    ]
    if request.method == "POST" and request.path.endswith("/_zoek"):
        try:
            body = json.loads(request.body or b"{}")
        except ValueError:
            body = {}
        listed = body.get("expand") if isinstance(body, dict) else None
        if isinstance(listed, list):
            asked += [str(path) for path in listed]
    relations: set[str] = set()
    for path in asked:
        parts = path.split(".")
        relations.update(".".join(parts[:depth]) for depth in range(1, len(parts) + 1))
    return len(relations)


def items_returned(response: HttpResponse) -> int:
    """The number of objects the answer holds: a page's `results`, a plain array, or 1."""
    if response.streaming:
        return 1
    try:
        body = json.loads(response.content or b"null")
    except ValueError:
        return 0
    if isinstance(body, dict) and isinstance(body.get("results"), list):
        return len(body["results"])
    if isinstance(body, list):
        return len(body)
    return 1 if body is not None else 0


def cost_of(model: CostModel, request: HttpRequest, response: HttpResponse) -> Cost:
    """The modelled cost of this request, counted from what the back office answered."""
    kind = kind_of(request.path, response.status_code)
    if kind == "zaken-list":
        return model.cost(kind, items=items_returned(response), relations=expand_relations(request))
    if kind == "zaak-detail":
        return model.cost(kind, items=1, relations=expand_relations(request))
    return model.cost(kind)


# --- The server's capacity: slots and shared cores --------------------------------------


class Capacity:
    """At most `slots` requests served at once, the rest waiting in arrival order; those
    served share `cores` equally (processor sharing: each at min(1, cores / n) of its solo
    speed). Work is measured in seconds of solo time.

    Kept as one "virtual time": the work each request in service has received since the
    start. It grows at the current per-request rate; a request admitted at virtual time v
    with work w is done when the virtual time reaches v + w, however often n changed.
    """

    def __init__(self, cores: int, slots: int, clock: Callable[[], float] = time.monotonic):
        if cores < 1 or slots < 1:
            raise ValueError("cores and slots must be at least 1")
        self.cores, self.slots = cores, slots
        self._clock = clock
        self._condition = threading.Condition()
        self._tickets = 0  # handed out at arrival
        self._released = 0  # slots given back
        self._serving = 0
        self._virtual = 0.0
        self._updated = clock()

    def _rate(self) -> float:
        return min(1.0, self.cores / self._serving) if self._serving else 1.0

    def _advance(self) -> None:
        now = self._clock()
        if self._serving:
            self._virtual += (now - self._updated) * self._rate()
        self._updated = now

    @contextmanager
    def slot(self) -> Iterator["Job"]:
        """Wait for a slot (first come, first served), hold it for the block."""
        with self._condition:
            ticket = self._tickets
            self._tickets += 1
            while ticket >= self._released + self.slots:
                self._condition.wait()
            self._advance()
            self._serving += 1
            job = Job(self, self._virtual)
        try:
            yield job
        finally:
            with self._condition:
                self._advance()
                self._serving -= 1
                self._released += 1
                self._condition.notify_all()  # a slot is free, and the others go faster

    def _serve(self, job: "Job", work_seconds: float) -> None:
        with self._condition:
            while True:
                self._advance()
                remaining = job.admitted_at + work_seconds - self._virtual
                if remaining <= 1e-4:
                    return
                self._condition.wait(remaining / self._rate())


@dataclass(frozen=True, slots=True)
class Job:
    capacity: Capacity
    admitted_at: float  # the capacity's virtual time at admission

    def serve(self, ms: float) -> None:
        """Return once this request has had `ms` of solo time since it was admitted
        (at once when its own handling already took that long)."""
        if ms > 0 and math.isfinite(ms):
            self.capacity._serve(self, ms / 1000)


# --- The selection: process-wide, switchable at run time ----------------------------------


class Selection:
    """The model in use (None: the flat latency) and one Capacity per model."""

    def __init__(self, model: CostModel | None) -> None:
        self._lock = threading.Lock()
        self._model = model
        self._capacities: dict[str, Capacity] = {}

    @property
    def model(self) -> CostModel | None:
        with self._lock:
            return self._model

    def select(self, model: CostModel | None) -> None:
        with self._lock:
            self._model = model

    def capacity(self, model: CostModel) -> Capacity:
        with self._lock:
            if model.name not in self._capacities:
                self._capacities[model.name] = Capacity(model.cores, model.slots)
            return self._capacities[model.name]


_SELECTION: list[Selection] = []
_SELECTION_LOCK = threading.Lock()


def selection() -> Selection:
    """The process-wide selection, from DEMO_COST_MODEL on first use (ValueError when it
    names no model)."""
    if not _SELECTION:
        with _SELECTION_LOCK:
            if not _SELECTION:
                _SELECTION.append(Selection(model_named(os.environ.get(ENVIRONMENT_VARIABLE, ""))))
    return _SELECTION[0]


def _describe(model: CostModel | None) -> dict[str, Any]:
    if model is None:
        return {"model": "", "models": sorted(MODELS)}
    return {
        "model": model.name,
        "models": sorted(MODELS),
        "baseMs": dict(model.base_ms),
        "zaakMs": model.zaak_ms,
        "listRelationMs": model.list_relation_ms,
        "detailRelationMs": model.detail_relation_ms,
        "cores": model.cores,
        "slots": model.slots,
    }


def hook(request: HttpRequest) -> HttpResponse:
    """`/_demo/cost-model`: GET the model in use and its numbers; PUT/POST {"model": name}
    to switch ("" or "off": back to the flat latency of `/_demo/latency`)."""
    current = selection()
    if request.method not in ("GET", "PUT", "POST"):
        return JsonResponse({"detail": f'Methode "{request.method}" niet toegestaan.'}, status=405)
    if request.method != "GET":
        try:
            body = json.loads(request.body or b"{}")
            if not isinstance(body, dict) or not isinstance(body.get("model", ""), str):
                raise ValueError("not an object with a model name")
            current.select(model_named(body.get("model", "")))
        except ValueError:
            known = " of ".join(f'"{name}"' for name in sorted(MODELS))
            return JsonResponse({"detail": f'Verwacht {{"model": "" of {known}}}.'}, status=400)
    return JsonResponse(_describe(current.model))
