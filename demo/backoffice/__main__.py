"""Serve the demo back office: `python -m demo.backoffice --host 127.0.0.1 --port 8001`.

A threaded server with HTTP/1.1 keep-alive (Django's runserver server, without the
autoreloader and checks). `--port 0` picks a free port; the first line on stdout always
says where it listens: "demo back office listening on http://HOST:PORT".
"""

import argparse
import os
import signal
import sys
from types import FrameType


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m demo.backoffice", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8001)
    args = parser.parse_args(argv)

    # Forced, not defaulted: `make demo` exports the portal's settings module to its children.
    os.environ["DJANGO_SETTINGS_MODULE"] = "demo.settings"
    import django
    from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
    from django.core.wsgi import get_wsgi_application

    django.setup()
    from demo.backoffice.store import state

    state()  # build the seed now: a broken environment fails at start, not at first request

    class Server(ThreadedWSGIServer):
        request_queue_size = 128  # benchmarks open many connections at once

    class Handler(WSGIRequestHandler):
        # Django's dev server writes headers and body separately; with Nagle's algorithm on,
        # a kept-alive call then waits ~40 ms for the client's delayed ACK. Open Zaak's
        # servers (uWSGI, gunicorn, nginx) set TCP_NODELAY, and so does this stand-in.
        disable_nagle_algorithm = True

    httpd = Server((args.host, args.port), Handler, ipv6=":" in args.host)
    httpd.set_app(get_wsgi_application())

    def stop(signum: int, frame: FrameType | None) -> None:
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)
    host, port = httpd.server_address[:2]
    sys.stdout.write(f"demo back office listening on http://{host}:{port}\n")
    sys.stdout.flush()
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()


if __name__ == "__main__":
    main()
