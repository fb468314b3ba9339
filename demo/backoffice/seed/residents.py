"""The residents' zaken and documents; every visibility rule of docs/standards.md §3.2/§3.6 is exercised.

Zaak UUIDs are `uid("zaak:<key>")` and document UUIDs `uid("document:<key>")`, with the keys
used below, so tests can name a record without searching for it.
"""

from demo.backoffice.seed.builder import Company, Person, SeedBuilder

SUZANNE = Person("999993653", "Suzanne", "S.", "", "Moulin", "v", "1985-12-01")
MARY = Person("999990755", "Mary Eloise", "M.E.", "", "Kierkegaard", "v", "1962")
SIERRA = Person("999991954", "Sierra", "S.", "", "Kooyman", "v", "2003")
MEREL = Person("999993847", "Merel", "M.", "", "Kooyman", "v", "1982")
ANNA = Person("999995182", "Anna Maria Petra", "A.M.P.", "", "Jansma", "v", "1945")
ATHENA = Person("999992648", "Athena", "A.", "", "Homeros", "v", "1991")
STICHTING = Company("002564440", "69599084", "Stichting Zomerfestival Demodam")

PEOPLE = (SUZANNE, MARY, SIERRA, MEREL, ANNA, ATHENA)


def add_suzanne(b: SeedBuilder) -> None:
    """999993653: three visible zaken (one as belanghebbende), three hidden ones."""
    parkeer = b.zaak(
        "suzanne-parkeervergunning",
        "PARKEERVERGUNNING",
        omschrijving="Parkeervergunning bewoners Centrum-Noord",
        toelichting="Aanvraag voor een bewonersvergunning voor één auto.",
        started_days_ago=20,
        status_days=[0, 2, 11],
        toelichtingen={3: "Er is nog plek in uw wijk (vergunninggebied Centrum-Noord)."},
        betaald=True,
    )
    b.person_rol(parkeer, "initiator", SUZANNE)
    b.behandelaar(parkeer)
    b.document(
        "suzanne-parkeer-aanvraag", parkeer, "aanvraagformulier", "Aanvraagformulier parkeervergunning",
        bestandsnaam="aanvraag-parkeervergunning.pdf", days_after_start=0,
        vertrouwelijkheid="beperkt_openbaar", auteur=SUZANNE.naam,
    )  # fmt: skip
    b.document(
        "suzanne-parkeer-ontvangst", parkeer, "ontvangstbevestiging", "Ontvangstbevestiging aanvraag parkeervergunning",
        bestandsnaam="ontvangstbevestiging-parkeervergunning.pdf", days_after_start=0,
        vertrouwelijkheid="beperkt_openbaar", at_status=1,
    )  # fmt: skip
    b.document(
        "suzanne-parkeer-spoedbijlage", parkeer, "bijlage", "Kentekenbewijs (bijlage bij spoedaanvraag)",
        bestandsnaam='Aanvraag "spoed" / bijlage ü.pdf', days_after_start=1,
        vertrouwelijkheid="openbaar", auteur=SUZANNE.naam,
        beschrijving="Kopie van het kentekenbewijs, nagestuurd.",
    )  # fmt: skip
    b.document(
        "suzanne-parkeer-conceptbesluit", parkeer, "besluit", "Besluit parkeervergunning (concept)",
        bestandsnaam="concept-besluit-parkeervergunning.pdf", days_after_start=12,
        vertrouwelijkheid="beperkt_openbaar", status="in_bewerking",
    )  # fmt: skip

    omgeving = b.zaak(
        "suzanne-omgevingsvergunning",
        "OMGEVINGSVERGUNNING",
        omschrijving="Uitbouw achterzijde Lindelaan 12",
        toelichting="Aanvraag van de buren; u bent belanghebbende.",
        started_days_ago=45,
        status_days=[0, 6, 20, 34],
        toelichtingen={2: "De aanvraag is compleet."},
        verlenging=("Het advies van de commissie ruimtelijke kwaliteit duurt langer.", "P42D"),
        locatie=(4.4777, 51.9225),
    )
    b.person_rol(omgeving, "initiator", ANNA)
    b.person_rol(omgeving, "belanghebbende", SUZANNE)
    b.behandelaar(omgeving)
    b.document(
        "suzanne-omgeving-aanvraag", omgeving, "aanvraagformulier", "Aanvraagformulier omgevingsvergunning",
        bestandsnaam="aanvraag-omgevingsvergunning.pdf", days_after_start=0,
        vertrouwelijkheid="openbaar", auteur=ANNA.naam,
    )  # fmt: skip
    b.document(
        "suzanne-omgeving-tekening", omgeving, "bijlage", "Bouwtekening uitbouw achterzijde",
        bestandsnaam="bouwtekening-uitbouw.pdf", days_after_start=0,
        vertrouwelijkheid="openbaar", auteur=ANNA.naam,
    )  # fmt: skip
    b.document(
        "suzanne-omgeving-aanvulling", omgeving, "verzoek-aanvulling", "Verzoek om aanvullende gegevens",
        bestandsnaam="verzoek-aanvulling-omgevingsvergunning.pdf", days_after_start=6,
        vertrouwelijkheid="beperkt_openbaar", at_status=2,
    )  # fmt: skip
    b.document(
        "suzanne-omgeving-intern-advies", omgeving, "intern-advies", "Advies welstand (intern)",
        bestandsnaam="intern-advies-welstand.pdf", days_after_start=30,
        vertrouwelijkheid="beperkt_openbaar",
    )  # fmt: skip

    bijstand = b.zaak(
        "suzanne-bijzondere-bijstand",
        "BIJZONDERE-BIJSTAND",
        omschrijving="Bijzondere bijstand voor een nieuwe wasmachine",
        started_days_ago=150,
        status_days=[0, 3, 10, 31, 44, 50],
        toelichtingen={3: "Stuur ons uw bankafschriften van de laatste drie maanden."},
        resultaat="Toegekend",
    )
    b.person_rol(bijstand, "initiator", SUZANNE)
    b.behandelaar(bijstand)
    b.document(
        "suzanne-bijstand-aanvraag", bijstand, "aanvraagformulier", "Aanvraagformulier bijzondere bijstand",
        bestandsnaam="aanvraag-bijzondere-bijstand.pdf", days_after_start=0,
        vertrouwelijkheid="beperkt_openbaar", auteur=SUZANNE.naam,
    )  # fmt: skip
    b.document(
        "suzanne-bijstand-ontvangst", bijstand, "ontvangstbevestiging", "Ontvangstbevestiging aanvraag bijzondere bijstand",
        bestandsnaam="ontvangstbevestiging-bijzondere-bijstand.pdf", days_after_start=0,
        vertrouwelijkheid="beperkt_openbaar", status="gearchiveerd", at_status=1,
    )  # fmt: skip
    b.document(
        "suzanne-bijstand-medisch", bijstand, "bijlage", "Medische verklaring",
        bestandsnaam="medische-verklaring.pdf", days_after_start=12,
        vertrouwelijkheid="vertrouwelijk", auteur=SUZANNE.naam,
    )  # fmt: skip
    b.document(
        "suzanne-bijstand-besluit", bijstand, "besluit", "Besluit bijzondere bijstand",
        bestandsnaam="besluit-bijzondere-bijstand.pdf", days_after_start=44,
        vertrouwelijkheid="beperkt_openbaar", at_status=5,
        beschrijving="U krijgt een vergoeding voor een nieuwe wasmachine.",
    )  # fmt: skip

    intern = b.zaak(
        "suzanne-interne-heroverweging",
        "HEROVERWEGING-INTERN",
        omschrijving="Heroverweging besluit parkeerboete",
        started_days_ago=60,
        status_days=[0, 9],
        vertrouwelijkheid="beperkt_openbaar",
    )
    b.person_rol(intern, "belanghebbende", SUZANNE)
    b.behandelaar(intern)

    zonder_status = b.zaak(
        "suzanne-zonder-status",
        "PARKEERVERGUNNING",
        omschrijving="Parkeervergunning bezoekers",
        started_days_ago=1,
        status_days=[],
    )
    b.person_rol(zonder_status, "initiator", SUZANNE)

    geheim = b.zaak(
        "suzanne-geheim",
        "BIJZONDERE-BIJSTAND",
        omschrijving="Bijzondere bijstand (afgeschermd dossier)",
        started_days_ago=30,
        status_days=[0, 4],
        vertrouwelijkheid="geheim",
    )
    b.person_rol(geheim, "initiator", SUZANNE)


def add_mary(b: SeedBuilder) -> None:
    """999990755: one open zaak."""
    zaak = b.zaak(
        "mary-parkeervergunning",
        "PARKEERVERGUNNING",
        omschrijving="Parkeervergunning bewoners Statenkwartier",
        started_days_ago=9,
        status_days=[0, 3],
        betaald=True,
    )
    b.person_rol(zaak, "initiator", MARY)
    b.document(
        "mary-parkeer-ontvangst", zaak, "ontvangstbevestiging", "Ontvangstbevestiging aanvraag parkeervergunning",
        bestandsnaam="ontvangstbevestiging-parkeervergunning.pdf", days_after_start=0,
        vertrouwelijkheid="beperkt_openbaar", at_status=1,
    )  # fmt: skip


SIERRA_TYPES = (
    ("PARKEERVERGUNNING", "Parkeervergunning", "Verleend"),
    ("OMGEVINGSVERGUNNING", "Omgevingsvergunning", "Verleend"),
    ("BIJZONDERE-BIJSTAND", "Bijzondere bijstand", "Afgewezen"),
    ("EVENEMENTENVERGUNNING", "Evenementenvergunning", "Geweigerd"),
)
SIERRA_SUBJECTS = (
    "Kerkstraat 4",
    "Havenkade 17",
    "Molenweg 2",
    "Buurtfeest Oranjeplein",
    "Schoolstraat 9",
    "Dorpsplein 1",
)


def add_sierra(b: SeedBuilder, large_document_mb: int) -> None:
    """999991954: 25 visible zaken over two years; one evenementenvergunning with 8 statuses
    and 10 visible documents (plus one hidden), the benchmark's worst case."""
    for number in range(24):
        zaaktype, label, resultaat = SIERRA_TYPES[number % len(SIERRA_TYPES)]
        steps = len(b.seed.catalogi.statustypen_of(zaaktype))
        started = 16 + number * 29
        closed = started > 200
        reached = steps if closed else 1 + number % (steps - 1)
        status_days = [0] + [min(started - 1, 3 + step * 9) for step in range(1, reached)]
        key = f"sierra-{number + 1:02d}"
        zaak = b.zaak(
            key,
            zaaktype,
            omschrijving=f"{label} {SIERRA_SUBJECTS[number % len(SIERRA_SUBJECTS)]}",
            started_days_ago=started,
            status_days=status_days,
            resultaat=resultaat if closed else None,
            opschorting="Wachten op uw aanvullende gegevens." if number == 1 else None,
            verlenging=("Meer tijd nodig voor advies.", "P28D") if number == 5 else None,
        )
        b.person_rol(zaak, "initiator", SIERRA)
        b.document(
            f"{key}-ontvangst", zaak, "ontvangstbevestiging", f"Ontvangstbevestiging {label.lower()}",
            bestandsnaam=f"ontvangstbevestiging-{zaaktype.lower()}.pdf", days_after_start=0,
            vertrouwelijkheid="beperkt_openbaar", at_status=1,
        )  # fmt: skip
        if number == 1 and large_document_mb > 0:
            b.document(
                "sierra-groot-document", zaak, "bijlage", "Bouwtekeningen (groot bestand)",
                bestandsnaam="bouwtekeningen-groot.pdf", days_after_start=1,
                vertrouwelijkheid="openbaar", auteur=SIERRA.naam,
                size=large_document_mb * 1024 * 1024,
            )  # fmt: skip
    add_sierra_evenement(b)


def add_sierra_evenement(b: SeedBuilder) -> None:
    zaak = b.zaak(
        "sierra-evenement",
        "EVENEMENTENVERGUNNING",
        omschrijving="Zomerfestival Demodam op het Marktplein",
        toelichting="Tweedaags muziekfestival, 2.500 bezoekers per dag.",
        started_days_ago=120,
        status_days=[0, 5, 8, 22, 30, 40, 47, 90],
        toelichtingen={
            2: "Uw aanvraag is compleet.",
            5: "Het Marktplein is op beide festivaldagen afgesloten van 08:00 tot 01:00 uur.",
            7: "De vergunning is per post en digitaal verzonden.",
        },
        resultaat="Verleend",
    )
    b.person_rol(zaak, "initiator", SIERRA)
    b.person_rol(zaak, "mede_initiator", ATHENA)
    b.behandelaar(zaak)
    documents = [
        ("aanvraag", "aanvraagformulier", "Aanvraagformulier evenementenvergunning", 0, 1),
        ("situatie", "bijlage", "Situatietekening festivalterrein", 0, None),
        ("veiligheid", "bijlage", "Veiligheidsplan Zomerfestival", 0, None),
        (
            "ontvangst",
            "ontvangstbevestiging",
            "Ontvangstbevestiging aanvraag evenementenvergunning",
            0,
            1,
        ),
        ("aanvulling", "verzoek-aanvulling", "Verzoek om aanvulling: verkeersplan", 5, 2),
        ("verkeersplan", "bijlage", "Verkeersplan Zomerfestival", 12, None),
        ("verkeersbesluit", "besluit", "Verkeersbesluit afsluiting Marktplein", 30, 5),
        ("concept", "besluit", "Conceptvergunning ter inzage", 40, 6),
        ("vergunning", "besluit", "Evenementenvergunning Zomerfestival Demodam", 47, 7),
        ("evaluatie", "bijlage", "Evaluatieformulier organisator", 89, 8),
    ]
    for name, iot, titel, day, at_status in documents:
        inkomend = iot in ("aanvraagformulier", "bijlage")
        b.document(
            f"sierra-evenement-{name}", zaak, iot, titel,
            bestandsnaam=f"evenement-{name}.pdf", days_after_start=day,
            vertrouwelijkheid="openbaar" if inkomend else "beperkt_openbaar",
            at_status=at_status, auteur=SIERRA.naam if inkomend else "Gemeente Demodam",
        )  # fmt: skip
    b.document(
        "sierra-evenement-brandweer", zaak, "intern-advies", "Advies brandweer (intern)",
        bestandsnaam="advies-brandweer.pdf", days_after_start=20,
        vertrouwelijkheid="beperkt_openbaar", at_status=3,
    )  # fmt: skip


def add_stichting(b: SeedBuilder) -> None:
    """A company (RSIN 002564440, KVK 69599084) with one open zaak, for eHerkenning."""
    zaak = b.zaak(
        "stichting-evenement",
        "EVENEMENTENVERGUNNING",
        omschrijving="Zomerfestival Demodam, editie volgend jaar",
        started_days_ago=14,
        status_days=[0, 5],
    )
    b.company_rol(zaak, "initiator", STICHTING)
    b.document(
        "stichting-evenement-ontvangst", zaak, "ontvangstbevestiging", "Ontvangstbevestiging aanvraag evenementenvergunning",
        bestandsnaam="ontvangstbevestiging-evenementenvergunning.pdf", days_after_start=0,
        vertrouwelijkheid="beperkt_openbaar", at_status=1,
    )  # fmt: skip
