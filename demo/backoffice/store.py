"""The one in-memory state of the back office: the seed, the request log and the latency knob.

State lives in this process only, which is why the server must run as a single process
(threads are fine: every mutation holds the lock).
"""

import threading
from collections import deque
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from demo.backoffice import config as config_module
from demo.backoffice.models import Rol, Status, StatusType, ZaakInformatieObject
from demo.backoffice.seed import Seed, build_seed, uid
from demo.backoffice.seed.builder import mark_closed, resultaat_for

REQUEST_LOG_LIMIT = 100_000


class NoNextStatus(Exception):
    """The zaak already has its end status."""


@dataclass(slots=True)
class Latency:
    ms: float
    jitter_ms: float


class State:
    def __init__(self, config: config_module.Config) -> None:
        self.config = config
        self.lock = threading.RLock()
        self.requests: deque[dict[str, Any]] = deque(maxlen=REQUEST_LOG_LIMIT)
        self.latency = Latency(config.latency_ms, config.latency_jitter_ms)
        self.seed: Seed = build_seed(
            config.today,
            large_document_mb=config.large_document_mb,
            bench_residents=config.bench_residents,
        )

    def reset(self) -> None:
        """Back to the seed (undoes next-status calls); the request log is kept."""
        seed = build_seed(
            self.config.today,
            large_document_mb=self.config.large_document_mb,
            bench_residents=self.config.bench_residents,
        )
        with self.lock:
            self.seed = seed

    def log_request(self, entry: dict[str, Any]) -> None:
        with self.lock:
            self.requests.append(entry)

    def request_log(self) -> list[dict[str, Any]]:
        with self.lock:
            return list(self.requests)

    def clear_request_log(self) -> None:
        with self.lock:
            self.requests.clear()

    # Reads used by several APIs.

    def statussen_of(self, zaak: UUID) -> list[Status]:
        """Newest first, as Open Zaak serves them."""
        found = [s for s in self.seed.statussen.values() if s.zaak == zaak]
        return sorted(found, key=lambda s: s.datum_status_gezet, reverse=True)

    def rollen_of(self, zaak: UUID) -> list[Rol]:
        return [rol for rol in self.seed.rollen.values() if rol.zaak == zaak]

    def zios_of(self, zaak: UUID) -> list[ZaakInformatieObject]:
        return [zio for zio in self.seed.zios.values() if zio.zaak == zaak]

    def statustypen_of(self, zaaktype: UUID) -> list[StatusType]:
        found = [st for st in self.seed.catalogi.statustypen.values() if st.zaaktype == zaaktype]
        return sorted(found, key=lambda st: st.volgnummer)

    def is_eindstatus(self, statustype: StatusType) -> bool:
        return statustype.volgnummer == self.statustypen_of(statustype.zaaktype)[-1].volgnummer

    # The one write: used to trigger status notifications in the demo.

    def next_status(self, zaak_uuid: UUID, now: datetime | None = None) -> Status:
        """Set the statustype after the current one (by volgnummer) as a new Status.

        Reaching the end status closes the zaak: einddatum and a resultaat (the first
        resultaattype of the zaaktype) are set, as Open Zaak requires (zrc-007).
        """
        now = now or datetime.now(UTC)
        with self.lock:
            zaak = self.seed.zaken[zaak_uuid]
            statustypen = self.statustypen_of(zaak.zaaktype)
            reached = len(self.statussen_of(zaak.uuid))
            if reached >= len(statustypen):
                raise NoNextStatus(zaak.identificatie)
            status = Status(
                uuid=uid(f"status:{zaak.uuid}:next:{reached + 1}"),
                zaak=zaak.uuid,
                statustype=statustypen[reached].uuid,
                datum_status_gezet=now.replace(microsecond=0),
            )
            # Copy on write: requests in other threads may be iterating the old dicts.
            seed = self.seed
            seed.statussen = {**seed.statussen, status.uuid: status}
            zaak.status = status.uuid
            zaak.laatst_gemuteerd = status.datum_status_gezet
            if reached + 1 == len(statustypen):
                first = next(
                    rt
                    for rt in seed.catalogi.resultaattypen.values()
                    if rt.zaaktype == zaak.zaaktype
                )
                resultaat = resultaat_for(seed, zaak, first.omschrijving)
                seed.resultaten = {**seed.resultaten, resultaat.uuid: resultaat}
                mark_closed(seed, zaak, resultaat)
            return status


_STATE: list[State] = []
_STATE_LOCK = threading.Lock()


def state() -> State:
    """The process-wide state, built from the environment on first use (once, even when
    the first requests arrive together on several threads)."""
    if not _STATE:
        with _STATE_LOCK:
            if not _STATE:
                _STATE.append(State(config_module.from_environment()))
    return _STATE[0]
