"""`manage.py process_notifications`: the sweep; run it periodically (cron) or with --loop."""

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from notificaties.tasks import sweep


class Command(BaseCommand):
    help = (
        "Process everything pending or due for a retry: notificaties, and messages in the "
        "outbox. Nothing is lost when the task worker is down; this picks it up."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--loop", type=float, default=0, help="Repeat every this many seconds (0: once)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        while True:
            counts = sweep()
            if options["verbosity"] > 1 or any(counts.values()):
                self.stdout.write(", ".join(f"{key}: {value}" for key, value in counts.items()))
            if not options["loop"]:
                return
            time.sleep(options["loop"])
