"""`manage.py import_zaaktypen`: add the configuration rows for new catalogi types."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from zaken.configuration import ImportFailed, import_from_catalogi


class Command(BaseCommand):
    help = (
        "Leest de definitieve zaaktypen (geen concepten) met hun statustypen en documenttypen "
        "uit de Catalogi API en voegt de ontbrekende instellingen toe. Bestaande instellingen "
        "blijven zoals ze zijn. Daarna staat hier wat er is toegevoegd."
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
        for section in report.added_sections():
            self.stdout.write("\n".join(section.block()))
        if not report.created:
            self.stdout.write(report.nothing_added)
        self.stdout.write(self.style.SUCCESS("Importeren is klaar."))
