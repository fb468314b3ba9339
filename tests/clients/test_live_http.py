"""Against a real HTTP server on loopback: pooled keep-alive, real timeouts, real urllib3 logs."""

import contextlib
import json
import logging
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.test import override_settings

from mijnomgeving.clients.base import UpstreamUnavailable, parallel_map
from mijnomgeving.clients.zaken import BSN_FILTER
from mijnomgeving.clients.zgw import build_zgw_clients
from tests.factories import zgw


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive
    client_ports: list[int] = []
    cookies: list[str | None] = []

    def do_GET(self) -> None:
        type(self).client_ports.append(self.client_address[1])
        type(self).cookies.append(self.headers.get("Cookie"))
        if "slow=1" in self.path:
            time.sleep(0.5)
        if "/download" in self.path:
            body = b"%PDF" + b"\0" * 200_000
            content_type = "application/octet-stream"
        else:
            base = f"http://{self.headers['Host']}"
            body = json.dumps(zgw.page([zgw.zaak(base=base, validate=False)])).encode()
            content_type = "application/json"
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Set-Cookie", "sessionid=resident-a; Path=/")
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def live_zgw_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def live_clients(make_zgw_services, zgw_actor, live_zgw_server):
    make_zgw_services(api_root_base=live_zgw_server)
    _Handler.client_ports.clear()
    _Handler.cookies.clear()
    return build_zgw_clients(zgw_actor)


def test_calls_reuse_pooled_keep_alive_connections(live_clients, settings) -> None:
    settings.UPSTREAM_MAX_PARALLEL = 4
    params = {BSN_FILTER: zgw.TEST_BSN}

    for _ in range(3):
        live_clients.zaken.get_all("zaken", params=params)
    sequential_ports = set(_Handler.client_ports)
    parallel_map(lambda _: live_clients.zaken.get_all("zaken", params=params), range(12))

    assert len(sequential_ports) == 1
    assert len(set(_Handler.client_ports)) <= 4
    # The shared session refuses cookies: nothing set for one call rides along on the next.
    assert _Handler.cookies == [None] * 15


@override_settings(UPSTREAM_READ_TIMEOUT=0.1)
def test_a_slow_answer_is_a_timeout_and_no_log_holds_the_bsn(live_clients, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    live_clients.zaken.get_all("zaken", params={BSN_FILTER: zgw.TEST_BSN})  # urllib3 logs it

    with pytest.raises(UpstreamUnavailable, match="timeout") as raised:
        live_clients.zaken.get_all("zaken", params={BSN_FILTER: zgw.TEST_BSN, "slow": 1})

    assert raised.value.duration < 0.4
    assert any(r.name.startswith("urllib3") for r in caplog.records)  # they did log the call
    assert zgw.TEST_BSN not in caplog.text
    assert zgw.TEST_BSN not in str(raised.value)


def test_a_refused_connection_is_unavailable(make_zgw_services, zgw_actor) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    make_zgw_services(api_root_base=f"http://127.0.0.1:{port}")

    with pytest.raises(UpstreamUnavailable, match="connection failed"):
        build_zgw_clients(zgw_actor).catalogi.catalogussen()


def test_a_real_download_streams_to_the_end(live_clients, live_zgw_server) -> None:
    url = zgw.documenten_url(
        f"enkelvoudiginformatieobjecten/{zgw.new_uuid()}/download", base=live_zgw_server
    )

    with live_clients.documenten.download(url) as download:
        size = sum(len(chunk) for chunk in download)
        assert download.content_length == size == 200_004
