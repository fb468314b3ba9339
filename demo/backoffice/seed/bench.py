"""Two residents only `make bench` seeds (DEMO_BENCH_RESIDENTS): 3 zaken and 120 zaken.

With 999991954 (25 zaken) they are the benchmark's three sizes. Both are built alike, so a
page's time on 120 zaken can be held against its time on 3: the zaken spread over two years
and the four zaaktypen residents see, about three in four open; each has one case like
sierra-evenement (8 statuses, 10 visible documents) for the case page. Not in the normal
seed: every list request scans all zaken, and 123 more would slow every test down.
"""

from demo.backoffice.models import Zaak
from demo.backoffice.seed.builder import Person, SeedBuilder
from demo.backoffice.seed.residents import SIERRA_SUBJECTS, SIERRA_TYPES

FEW = Person("999990032", "Floor", "F.", "van", "Drie", "v", "1990")
MANY = Person("999990044", "Hendrik", "H.", "", "Honderdtwintig", "m", "1958")
BENCH_RESIDENTS = ((FEW, 3, 1), (MANY, 120, 30))  # (person, zaken, of which closed)
TWO_YEARS_DAYS = 720

CASE_DOCUMENTS = (
    ("aanvraag", "aanvraagformulier", "Aanvraagformulier evenementenvergunning", 0, 1),
    ("situatie", "bijlage", "Situatietekening", 0, None),
    ("veiligheid", "bijlage", "Veiligheidsplan", 0, None),
    ("ontvangst", "ontvangstbevestiging", "Ontvangstbevestiging aanvraag", 0, 1),
    ("aanvulling", "verzoek-aanvulling", "Verzoek om aanvulling: verkeersplan", 5, 2),
    ("verkeersplan", "bijlage", "Verkeersplan", 12, None),
    ("verkeersbesluit", "besluit", "Verkeersbesluit afsluiting", 30, 5),
    ("concept", "besluit", "Conceptvergunning ter inzage", 40, 6),
    ("vergunning", "besluit", "Evenementenvergunning", 47, 7),
    ("evaluatie", "bijlage", "Evaluatieformulier organisator", 89, 8),
)


def bench_key(person: Person) -> str:
    return f"bench-{person.bsn}"


def case_key(person: Person) -> str:
    """`uid(f"zaak:{case_key(person)}")` is the resident's case for the case page."""
    return f"{bench_key(person)}-evenement"


def add_bench_residents(b: SeedBuilder) -> None:
    for person, total, closed in BENCH_RESIDENTS:
        add_bench_resident(b, person, total=total, closed=closed)


def add_bench_resident(b: SeedBuilder, person: Person, *, total: int, closed: int) -> None:
    """`total` zaken for `person`, `closed` of them closed: the case (closed, 120 days old)
    and total - 1 others started every few days over two years, the closed ones spread
    evenly among them."""
    _add_case(b, person)
    others, others_closed = total - 1, closed - 1
    step = TWO_YEARS_DAYS // max(others, 1)
    for number in range(others):
        zaaktype, label, resultaat = SIERRA_TYPES[number % len(SIERRA_TYPES)]
        steps = len(b.seed.catalogi.statustypen_of(zaaktype))
        # Closed when the running share of closed zaken passes a whole one: evenly spread.
        is_closed = (number + 1) * others_closed // others > number * others_closed // others
        started = 4 + number * step
        reached = steps if is_closed else 1 + number % (steps - 1)
        status_days = [0] + [min(started - 1, 3 + step_ * 9) for step_ in range(1, reached)]
        key = f"{bench_key(person)}-{number + 1:03d}"
        zaak = b.zaak(
            key,
            zaaktype,
            omschrijving=f"{label} {SIERRA_SUBJECTS[number % len(SIERRA_SUBJECTS)]}",
            started_days_ago=started,
            status_days=status_days,
            resultaat=resultaat if is_closed else None,
        )
        b.person_rol(zaak, "initiator", person)
        b.document(
            f"{key}-ontvangst", zaak, "ontvangstbevestiging", f"Ontvangstbevestiging {label.lower()}",
            bestandsnaam=f"ontvangstbevestiging-{zaaktype.lower()}.pdf", days_after_start=0,
            vertrouwelijkheid="beperkt_openbaar", at_status=1,
        )  # fmt: skip


def _add_case(b: SeedBuilder, person: Person) -> Zaak:
    key = case_key(person)
    zaak = b.zaak(
        key,
        "EVENEMENTENVERGUNNING",
        omschrijving="Buurtfestival op het Marktplein",
        toelichting="Eendaags buurtfestival.",
        started_days_ago=120,
        status_days=[0, 5, 8, 22, 30, 40, 47, 90],
        toelichtingen={2: "Uw aanvraag is compleet.", 7: "De vergunning is verzonden."},
        resultaat="Verleend",
    )
    b.person_rol(zaak, "initiator", person)
    b.behandelaar(zaak)
    for name, iot, titel, day, at_status in CASE_DOCUMENTS:
        inkomend = iot in ("aanvraagformulier", "bijlage")
        b.document(
            f"{key}-{name}", zaak, iot, titel,
            bestandsnaam=f"evenement-{name}.pdf", days_after_start=day,
            vertrouwelijkheid="openbaar" if inkomend else "beperkt_openbaar",
            at_status=at_status, auteur=person.naam if inkomend else "Gemeente Demodam",
        )  # fmt: skip
    return zaak
