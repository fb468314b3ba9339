"""Around every API call: injected latency or the calibrated cost model (demo/backoffice/costs.py),
JWT auth, the request log and Content-Length."""

import random
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse

from demo.backoffice import auth, costs
from demo.backoffice.http import ApiError
from demo.backoffice.store import State, state

API_PREFIXES = ("/zaken/api/v1/", "/catalogi/api/v1/", "/documenten/api/v1/")


def _now_ms() -> float:
    # CLOCK_MONOTONIC is system-wide on Linux: a benchmark can compare it with its own.
    return round(time.monotonic() * 1000, 3)


def _logged(chunks: Iterable[bytes], finish: Callable[[], None]) -> Iterator[bytes]:
    try:
        yield from chunks
    finally:
        finish()


class ApiMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        costs.selection()  # a DEMO_COST_MODEL naming no model fails at start

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(API_PREFIXES):
            return self._with_length(self.get_response(request))
        current = state()
        started = _now_ms()
        model = costs.selection().model
        if model is None:
            self._sleep(current)
            response, claims = self._answer(request, current)
            cost = None
        else:
            # Admitted (perhaps after waiting for a slot), handled, then held until the
            # modelled work is done: the back office's own time counts towards it.
            with costs.selection().capacity(model).slot() as job:
                response, claims = self._answer(request, current)
                cost = costs.cost_of(model, request, response)
                job.serve(cost.ms)
        entry = {
            "method": request.method,
            "path": request.get_full_path(),
            "started_ms": started,
            "ended_ms": None,
            "status": response.status_code,
            "client_id": claims.get("client_id"),
            "user_id": claims.get("user_id"),
            "user_representation": claims.get("user_representation"),
        }
        if cost is not None:
            entry["cost"] = cost.as_dict()

        def finish() -> None:
            entry["ended_ms"] = _now_ms()
            current.log_request(entry)

        if isinstance(response, StreamingHttpResponse):
            response.streaming_content = _logged(response.streaming_content, finish)
            return response
        finish()
        return self._with_length(response)

    def _answer(self, request: HttpRequest, current: State) -> tuple[HttpResponse, dict[str, Any]]:
        """The view's answer (or the JWT's refusal) and the token's claims."""
        try:
            claims = auth.claims_from_header(
                request.headers.get("Authorization", ""), current.config
            )
        except ApiError as error:
            return error.response(request), {}
        return self.get_response(request), claims

    @staticmethod
    def _sleep(current: State) -> None:
        latency = current.latency
        if latency.ms <= 0 and latency.jitter_ms <= 0:
            return
        delay = latency.ms + random.uniform(-latency.jitter_ms, latency.jitter_ms)
        if delay > 0:
            time.sleep(delay / 1000)

    @staticmethod
    def _with_length(response: HttpResponse) -> HttpResponse:
        # Without Content-Length the server closes the connection: no keep-alive.
        if not response.streaming and not response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
        return response
