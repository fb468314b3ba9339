"""Stand-in ZGW back office (Zaken, Catalogi, Documenten) shaped like Open Zaak 1.30.

Run it with `python -m demo.backoffice --host 127.0.0.1 --port 8001`, or under gunicorn
with exactly one worker: `gunicorn demo.wsgi:application --workers 1 --threads 8`.
"""
