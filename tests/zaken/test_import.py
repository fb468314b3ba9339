"""Import of zaaktypen, statustypen and documenttypen from the Catalogi API (issue 4, item 2)."""

import io
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from tests.factories import zgw
from tests.fixtures.backoffice import DemoBackoffice
from tests.fixtures.services import ZgwServices
from tests.zaken.zgw_world import CATALOGI, ZgwWorld
from zaken.configuration import ImportFailed, ImportReport, import_from_catalogi
from zaken.models import InformatieObjectTypeConfig, StatusTypeConfig, ZaakTypeConfig

pytestmark = pytest.mark.django_db

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


@pytest.fixture
def beheer_client(client: Client, django_user_model: Any) -> Client:
    """An administrator in the admin; test settings let ModelBackend logins skip the 2FA step."""
    user = django_user_model.objects.create_superuser("beheerder", "beheer@example.com", "x")
    client.force_login(user, backend=MODEL_BACKEND)
    return client


def test_import_creates_rows_with_the_standards_defaults(demo_services: ZgwServices) -> None:
    report = import_from_catalogi()

    assert report.zaaktypen.created == 5
    parkeren = ZaakTypeConfig.objects.get(identificatie="PARKEERVERGUNNING")
    assert parkeren.documents_shown
    assert parkeren.omschrijving == "Aanvraag parkeervergunning"
    assert parkeren.name == "" and parkeren.max_vertrouwelijkheid == ""
    assert parkeren.catalogus_url.startswith(demo_services.catalogi.api_root)
    steps = list(parkeren.statustypen.order_by("volgnummer"))
    assert [step.volgnummer for step in steps] == [1, 2, 3, 4, 5]
    assert steps[0].omschrijving == "Aanvraag geregistreerd"
    assert steps[0].notify and not steps[1].notify  # statustype.informeren
    assert all(step.label == "" and step.shown_in_timeline for step in steps)
    assert steps[0].statustekst.startswith("We hebben uw aanvraag")
    intern = InformatieObjectTypeConfig.objects.get(omschrijving="Intern advies")
    assert intern.shown and intern.max_vertrouwelijkheid == "" and intern.richtingen == ""
    assert report.informatieobjecttypen.created == 6


def test_import_leaves_new_zaaktypen_following_the_catalogus(
    demo_services: ZgwServices,
) -> None:
    import_from_catalogi()

    # None: extern shown, intern hidden, decided by indicatieInternOfExtern at every page view.
    shown = dict(ZaakTypeConfig.objects.values_list("identificatie", "shown"))
    assert shown == dict.fromkeys(
        [
            "PARKEERVERGUNNING",
            "BIJZONDERE-BIJSTAND",
            "OMGEVINGSVERGUNNING",
            "EVENEMENTENVERGUNNING",
            "HEROVERWEGING-INTERN",
        ]
    )
    admin_choice = ZaakTypeConfig.objects.get(identificatie="HEROVERWEGING-INTERN")
    assert admin_choice.get_shown_display() == "Volgens de catalogus (alleen extern)"


def test_the_report_names_what_was_added(demo_services: ZgwServices) -> None:
    report = import_from_catalogi()

    zaaktypen, statustypen, documenttypen = (s.line() for s in report.added_sections())
    assert zaaktypen.startswith("Toegevoegde zaaktypen (5): ")
    assert '"PARKEERVERGUNNING (Aanvraag parkeervergunning)"' in zaaktypen
    assert '"HEROVERWEGING-INTERN (Interne heroverweging)"' in zaaktypen
    assert statustypen.startswith(f"Toegevoegde statustypen ({report.statustypen.created}): ")
    assert (
        'PARKEERVERGUNNING: "Aanvraag geregistreerd", "Controle kenteken (RDW) en adres (BRP)"'
        in statustypen
    )
    assert statustypen.endswith(f" en nog {report.statustypen.created - 20} andere.")
    assert documenttypen.startswith("Toegevoegde documenttypen (6): ")
    assert '"Intern advies"' in documenttypen and '"Besluit"' in documenttypen
    assert "andere" not in documenttypen  # six: all listed


def test_a_second_import_reports_that_nothing_was_added(
    demo_services: ZgwServices,
) -> None:
    import_from_catalogi()
    out = io.StringIO()

    call_command("import_zaaktypen", stdout=out)

    assert "Toegevoegde" not in out.getvalue()
    assert "Er is niets toegevoegd: alles uit de catalogi stond er al." in out.getvalue()


def test_the_report_lists_twenty_names_per_kind_and_counts_the_rest() -> None:
    report = ImportReport()
    for number in range(1, 26):
        report.zaaktypen.add(f"ZT-{number:02d} (Zaaktype {number})")
    report.statustypen.add("Ontvangen", within="ZT-01")
    report.statustypen.add("Besluit genomen, leges verwerkt", within="ZT-01")
    report.statustypen.add("Ontvangen", within="ZT-02")

    zaaktypen, statustypen = report.added_sections()

    assert zaaktypen.line().startswith("Toegevoegde zaaktypen (25): ")
    assert zaaktypen.line().endswith('"ZT-20 (Zaaktype 20)" en nog 5 andere.')
    assert "ZT-21" not in zaaktypen.line()
    assert zaaktypen.block()[0] == "Toegevoegde zaaktypen (25):"
    assert zaaktypen.block()[1:3] == ["  - ZT-01 (Zaaktype 1)", "  - ZT-02 (Zaaktype 2)"]
    assert zaaktypen.block()[-1] == "  … en nog 5 andere"
    assert len(zaaktypen.block()) == 1 + 20 + 1
    assert statustypen.line() == (
        'Toegevoegde statustypen (3): ZT-01: "Ontvangen", "Besluit genomen, leges verwerkt"; '
        'ZT-02: "Ontvangen".'
    )
    assert statustypen.block()[1:] == [
        "  - ZT-01: Ontvangen",
        "  - ZT-01: Besluit genomen, leges verwerkt",
        "  - ZT-02: Ontvangen",
    ]


def test_only_definitive_zaaktypen_are_imported(world: ZgwWorld, requests_mock: Any) -> None:
    concept = world.add_zaaktype(identificatie="CONCEPT-1", concept=True)
    # A lax back office that ignores `status=definitief` and serves the concept anyway.
    listing = requests_mock.get(f"{CATALOGI}zaaktypen", json=zgw.page([world.zaaktype, concept]))

    report = import_from_catalogi()

    assert listing.last_request.qs["status"] == ["definitief"]
    assert list(ZaakTypeConfig.objects.values_list("identificatie", flat=True)) == [
        "ZT-OMGEVINGSVERGUNNING"
    ]
    assert report.zaaktypen.created == 1


def test_import_twice_changes_nothing_and_keeps_an_administrators_edits(
    demo_services: ZgwServices,
) -> None:
    import_from_catalogi()
    counts = (
        ZaakTypeConfig.objects.count(),
        StatusTypeConfig.objects.count(),
        InformatieObjectTypeConfig.objects.count(),
    )
    step = StatusTypeConfig.objects.get(omschrijving="Aanvraag geregistreerd")
    step.label, step.notify, step.shown_in_timeline = "Ontvangen", False, False
    step.save()
    ZaakTypeConfig.objects.filter(identificatie="HEROVERWEGING-INTERN").update(shown=True)
    InformatieObjectTypeConfig.objects.filter(omschrijving="Besluit").update(shown=False)

    report = import_from_catalogi()

    assert report.created == 0
    assert report.zaaktypen.unchanged == 5 and report.statustypen.unchanged == counts[1]
    assert (
        ZaakTypeConfig.objects.count(),
        StatusTypeConfig.objects.count(),
        InformatieObjectTypeConfig.objects.count(),
    ) == counts
    step.refresh_from_db()
    assert (step.label, step.notify, step.shown_in_timeline) == ("Ontvangen", False, False)
    assert ZaakTypeConfig.objects.get(identificatie="HEROVERWEGING-INTERN").shown is True
    assert not InformatieObjectTypeConfig.objects.get(omschrijving="Besluit").shown


def test_import_refreshes_only_the_informative_copies(demo_services: ZgwServices) -> None:
    import_from_catalogi()
    ZaakTypeConfig.objects.filter(identificatie="PARKEERVERGUNNING").update(
        omschrijving="oud", name="Parkeren"
    )

    report = import_from_catalogi()

    row = ZaakTypeConfig.objects.get(identificatie="PARKEERVERGUNNING")
    assert (row.omschrijving, row.name) == ("Aanvraag parkeervergunning", "Parkeren")
    assert report.zaaktypen.updated == 1


def test_command_prints_the_report(demo_services: ZgwServices) -> None:
    out = io.StringIO()
    call_command("import_zaaktypen", stdout=out)

    assert "Zaaktypen: 5 toegevoegd, 0 bijgewerkt, 0 ongewijzigd" in out.getvalue()
    assert "Documenttypen: 6 toegevoegd" in out.getvalue()
    assert "Toegevoegde zaaktypen (5):\n  - PARKEERVERGUNNING (Aanvraag parkeervergunning)\n" in (
        out.getvalue()
    )
    assert "\n  - PARKEERVERGUNNING: Aanvraag geregistreerd\n" in out.getvalue()
    assert "\nToegevoegde documenttypen (6):\n" in out.getvalue()


def test_command_help_says_only_definitive_zaaktypen_are_read(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        call_command("import_zaaktypen", "--help")

    assert "definitieve zaaktypen (geen concepten)" in " ".join(capsys.readouterr().out.split())


def test_a_failing_catalogi_api_gives_a_dutch_error_and_writes_nothing(
    zgw_services: ZgwServices, requests_mock: Any
) -> None:
    requests_mock.get(f"{zgw_services.catalogi.api_root}zaaktypen", status_code=503)

    with pytest.raises(CommandError, match="Importeren is niet gelukt") as caught:
        call_command("import_zaaktypen", stdout=io.StringIO())

    assert "503" in str(caught.value)
    assert not ZaakTypeConfig.objects.exists()


def test_without_a_catalogi_service_the_error_says_what_to_configure(db: None) -> None:
    with pytest.raises(ImportFailed, match="De Catalogi API is niet ingesteld"):
        import_from_catalogi()


def test_admin_button_imports_and_reports(
    demo_services: ZgwServices, beheer_client: Client, demo_backoffice: DemoBackoffice
) -> None:
    changelist = reverse("admin:zaken_zaaktypeconfig_changelist")
    page = beheer_client.get(changelist)
    assert "Importeren uit de Catalogi API" in page.content.decode()

    response = beheer_client.post(reverse("admin:zaken_zaaktypeconfig_import"), follow=True)

    assert response.redirect_chain[-1][0] == changelist
    html = response.content.decode()
    assert "Zaaktypen: 5 toegevoegd" in html
    assert "Toegevoegde zaaktypen (5): " in html
    assert "&quot;EVENEMENTENVERGUNNING (Evenementenvergunning)&quot;" in html
    assert "Toegevoegde documenttypen (6): " in html
    assert ZaakTypeConfig.objects.count() == 5


def test_admin_button_shows_the_error_without_a_traceback(beheer_client: Client) -> None:
    response = beheer_client.post(reverse("admin:zaken_zaaktypeconfig_import"), follow=True)

    assert response.status_code == 200
    assert "De Catalogi API is niet ingesteld" in response.content.decode()
