"""`manage.py import_zaaktypen`: add the configuration rows for new catalogi types."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from zaken.configuration import ImportFailed, import_from_catalogi


class Command(BaseCommand):
    help = (
        "Leest de zaaktypen, statustypen en documenttypen uit de Catalogi API en voegt de "
        "ontbrekende instellingen toe. Bestaande instellingen blijven zoals ze zijn."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--catalogus",
            default=None,
            help="Alleen deze catalogus (URL); zonder deze optie: alle catalogi.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = import_from_catalogi(catalogus=options["catalogus"])
        except ImportFailed as error:
            raise CommandError(str(error)) from None
        for line in report.lines():
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS("Importeren is klaar."))
