"""The demo back office for the benchmark: `python -m bench.backoffice` = `python -m demo.backoffice`
with Nagle's algorithm off on its connections (TCP_NODELAY), as Open Zaak's servers have it.

Django's development server (which demo.backoffice uses) writes a response's headers and body
in separate writes. On a kept-alive connection with Nagle's algorithm on, the body then waits
for the client's delayed ACK of the headers: about 40 ms extra on every call after the first
(measured here: 48 ms for GET /_demo/health on a kept-alive connection at 0 ms latency, 2.6 ms
on a new connection). uWSGI, gunicorn and nginx in front of Open Zaak set TCP_NODELAY, so that
stall is not the back office's latency and would only blur the benchmark.
"""

import sys

from django.core.servers import basehttp

from demo.backoffice.__main__ import main

if __name__ == "__main__":
    basehttp.WSGIRequestHandler.disable_nagle_algorithm = True
    main(sys.argv[1:])
