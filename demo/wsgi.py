"""WSGI entry point of the demo back office: `gunicorn demo.wsgi:application --workers 1 --threads 8`.

All state lives in memory in one process, so it must run with exactly one worker
(any number of threads).
"""

import os

from django.core.wsgi import get_wsgi_application

# Forced, not defaulted: `make demo` exports the portal's settings module to its children.
os.environ["DJANGO_SETTINGS_MODULE"] = "demo.settings"

application = get_wsgi_application()
