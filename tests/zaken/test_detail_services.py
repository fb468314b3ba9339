"""zaak_get_for: ownership, visibility, the timeline, the result, facts and documents."""

import re
from datetime import date
from uuid import UUID, uuid4

import jwt
import pytest

from mijnomgeving.accounts.identity import Identity, pseudonym
from mijnomgeving.clients.actor import Actor
from mijnomgeving.clients.base import UpstreamError
from mijnomgeving.clients.calls import record_upstream_calls
from tests.factories.zgw import TEST_BSN
from tests.zaken.zgw_world import ZgwWorld
from zaken.services import ZaakNotFound, zaak_get_for


@pytest.fixture(params=[True, False], ids=["expand", "no-expand"])
def expand(request: pytest.FixtureRequest, settings) -> bool:
    settings.ZAKEN_USE_EXPAND = request.param
    return request.param


def get(identity: Identity, zaak: dict):
    return zaak_get_for(identity=identity, uuid=UUID(zaak["uuid"]))


# --- Ownership: a rol on that zaak (docs/standards.md §3.2 rule 4) -------------------------------------


def test_the_initiator_and_a_belanghebbende_see_the_zaak(world: ZgwWorld, identity, expand) -> None:
    initiator = world.add_zaak()
    belanghebbende = world.add_zaak(bsn="999995182")
    world.add_rol(belanghebbende, bsn=TEST_BSN, omschrijving_generiek="belanghebbende")

    assert str(get(identity, initiator).uuid) == initiator["uuid"]
    assert str(get(identity, belanghebbende).uuid) == belanghebbende["uuid"]


def test_the_zaak_of_another_resident_is_not_found(world: ZgwWorld, identity, expand) -> None:
    other = world.add_zaak(bsn="999990755")

    with pytest.raises(ZaakNotFound):
        get(identity, other)


def test_a_zaak_that_does_not_exist_is_not_found(world: ZgwWorld, identity, expand) -> None:
    with pytest.raises(ZaakNotFound):
        zaak_get_for(identity=identity, uuid=uuid4())


def test_a_zaak_the_portal_may_not_read_is_not_found(world: ZgwWorld, identity, expand) -> None:
    zaak = world.add_zaak()
    world.fail(zaak["uuid"], "403")

    with pytest.raises(ZaakNotFound):
        get(identity, zaak)


@pytest.mark.parametrize(
    "rol",
    [
        # The number as an RSIN of a company, not as the BSN of a person.
        {"bsn": None, "kvk": None, "betrokkeneType": "niet_natuurlijk_persoon",
         "betrokkeneIdentificatie": {"innNnpId": TEST_BSN, "annIdentificatie": "",
                                     "statutaireNaam": "BV", "innRechtsvorm": "", "bezoekadres": ""}},
        # A person known by another number only.
        {"bsn": None, "betrokkeneIdentificatie": {"anpIdentificatie": TEST_BSN, "geslachtsnaam": "X"}},
        # Another person.
        {"bsn": "999990755"},
    ],
    ids=["rsin-equals-bsn", "anp-identificatie", "other-bsn"],
)  # fmt: skip
def test_only_a_natuurlijk_persoon_rol_with_this_bsn_counts(
    world: ZgwWorld, identity, expand, rol: dict
) -> None:
    zaak = world.add_zaak(bsn=None)
    world.add_rol(zaak, **rol)

    with pytest.raises(ZaakNotFound):
        get(identity, zaak)


def test_a_business_sees_its_zaak_by_kvk(world: ZgwWorld, expand) -> None:
    zaak = world.add_zaak(bsn=None)
    world.add_rol(zaak, bsn=None, kvk="68750110")

    assert str(get(Identity(kvk="68750110"), zaak).uuid) == zaak["uuid"]
    with pytest.raises(ZaakNotFound):
        get(Identity(kvk="12345678"), zaak)


# --- Visibility rules hide a zaak even from its own initiator ---------------------------------


@pytest.mark.parametrize(
    "hidden",
    [
        {"vertrouwelijkheidaanduiding": "vertrouwelijk"},
        {"status": None},
        {"intern": True},
    ],
    ids=["above-the-maximum", "without-status", "intern-zaaktype"],
)
def test_a_hidden_zaak_is_not_found(world: ZgwWorld, identity, expand, hidden: dict) -> None:
    hidden = dict(hidden)
    if hidden.pop("intern", False):
        hidden["zaaktype"] = world.add_zaaktype(indicatieInternOfExtern="intern")
    zaak = world.add_zaak(**hidden)

    with pytest.raises(ZaakNotFound):
        get(identity, zaak)


# --- The timeline (docs/standards.md §3.4) --------------------------------------------------------------


def test_the_timeline_shows_reached_steps_oldest_first_then_what_comes(
    world: ZgwWorld, identity, expand
) -> None:
    zaaktype = world.add_zaaktype(steps=5)
    zaak = world.add_zaak(
        zaaktype=zaaktype,
        statussen=[1, 2, 3],
        status_dates=["2024-03-01T09:00:00Z", "2024-03-04T12:00:00Z", "2024-03-10T08:30:00Z"],
    )  # fmt: skip  (the API serves them newest first)

    detail = get(identity, zaak)

    steps = [
        (s.label, s.is_reached, s.is_current, s.is_end, s.datum and s.datum.date())
        for s in detail.timeline
    ]
    assert steps == [
        ("Tekst van stap 1", True, False, False, date(2024, 3, 1)),
        ("Tekst van stap 2", True, False, False, date(2024, 3, 4)),
        ("Tekst van stap 3", True, True, False, date(2024, 3, 10)),
        ("Tekst van stap 4", False, False, False, None),
        ("Tekst van stap 5", False, False, True, None),
    ]
    assert detail.timeline[1].toelichting == "Toelichting bij stap 2"
    assert detail.status_label == "Tekst van stap 3"
    assert not detail.timeline_unavailable


def test_a_closed_zaak_has_its_result_and_no_steps_to_come(
    world: ZgwWorld, identity, expand
) -> None:
    zaak = world.add_zaak(statussen=[1, 2, 3])

    detail = get(identity, zaak)

    assert detail.is_closed and detail.has_resultaat
    assert (detail.resultaat_label, detail.resultaat_toelichting) == (
        "Verleend",
        "U krijgt de vergunning.",
    )
    assert [s.is_reached for s in detail.timeline] == [True, True, True]
    assert detail.timeline[-1].is_end and detail.timeline[-1].is_current
    assert detail.einddatum == date(2024, 3, 3)
    facts = dict(detail.facts)  # the planned and legal dates stay: was it done in time?
    assert facts["Afgerond op"] == "3 maart 2024"
    assert facts["Geplande einddatum"] == "26 april 2024"
    assert facts["Uiterste einddatum"] == "1 mei 2024"
    assert "Antwoord verwacht" not in facts


def test_a_status_with_a_statustype_outside_the_zaaktype_still_shows(
    world: ZgwWorld, identity, expand
) -> None:
    other = world.add_zaaktype(steps=4)
    zaak = world.add_zaak(statussen=[1, 2])
    stray = world.resources[world.statustypen_of(other)[1]["url"]]
    first = next(s for s in world.resources.values() if s.get("zaak") == zaak["url"]
                 and s["url"] != zaak["status"] and "/statussen/" in s["url"])  # fmt: skip
    first["statustype"] = stray["url"]

    detail = get(identity, zaak)

    assert [s.label for s in detail.timeline][:2] == [
        "Tekst van stap 2",  # found by its own URL
        "We beoordelen uw aanvraag.",
    ]


def test_statuses_set_at_the_same_moment_keep_the_order_they_were_set_in(
    world: ZgwWorld, identity, expand
) -> None:
    zaak = world.add_zaak(statussen=[1, 2], status_dates=["2024-03-01T00:00:00Z"] * 2)

    labels = [s.label for s in get(identity, zaak).timeline if s.is_reached]

    assert labels == ["We hebben uw aanvraag ontvangen.", "We beoordelen uw aanvraag."]


# --- Key facts ----------------------------------------------------------------------------------


def test_key_facts_suspension_and_extension(world: ZgwWorld, identity, expand) -> None:
    zaak = world.add_zaak(
        opschorting={"indicatie": True, "eerdereOpschorting": False, "reden": "Wacht op advies"},
        verlenging={"reden": "Drukte", "duur": "P42D"},
    )

    detail = get(identity, zaak)

    assert detail.is_opgeschort and detail.opschorting_reden == "Wacht op advies"
    assert (detail.verlenging_reden, detail.verlenging_duur) == ("Drukte", "42 dagen")
    facts = dict(detail.facts)
    assert facts["Zaaknummer"] == zaak["identificatie"]
    assert facts["Gestart op"] == "1 maart 2024"
    assert facts["Geplande einddatum"] == "26 april 2024"
    assert facts["Uiterste einddatum"] == "1 mei 2024"


def test_expand_on_and_off_give_the_same_case_page(world: ZgwWorld, identity, settings) -> None:
    zaak = world.add_zaak(statussen=[1, 2, 3])
    world.add_document(zaak, titel="Besluit")
    world.add_document(zaak, titel="Concept", status="in_bewerking")

    pages = []
    for setting in (True, False):
        settings.ZAKEN_USE_EXPAND = setting
        pages.append(get(identity, zaak))

    assert pages[0] == pages[1]


def test_no_call_is_repeated_and_expand_saves_calls(world: ZgwWorld, identity, settings) -> None:
    zaak = world.add_zaak(statussen=[1, 2, 3])
    for number in range(12):
        world.add_document(zaak, titel=f"Document {number}")

    counts = {}
    for setting in (True, False):
        settings.ZAKEN_USE_EXPAND = setting
        with record_upstream_calls() as calls:
            get(identity, zaak)
        assert len(calls.urls()) == len(set(calls.urls())), calls.urls()
        # the documents come in one list (expand) or one search (_zoek), never one by one
        assert not any(
            re.search(r"/enkelvoudiginformatieobjecten/[0-9a-f-]{36}", url) for url in calls.urls()
        )
        counts[setting] = calls.count

    assert counts[True] < counts[False]


# --- Gaps and outages ---------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["timeout", "refused", "500", "invalid-json", "spec-violation"])
def test_a_zaak_that_cannot_be_fetched_is_an_outage(world: ZgwWorld, identity, kind) -> None:
    zaak = world.add_zaak()
    world.fail(f"zaken/{zaak['uuid']}", kind)

    with pytest.raises(UpstreamError):
        get(identity, zaak)


def test_failing_statuses_leave_a_gap_in_the_timeline_only(
    world: ZgwWorld, identity, expand
) -> None:
    zaak = world.add_zaak()
    world.add_document(zaak)
    world.fail(r"/statussen\?", "timeout")

    detail = get(identity, zaak)

    assert detail.timeline_unavailable and not detail.has_timeline
    assert detail.has_documents and not detail.documents_unavailable


@pytest.mark.parametrize("broken", [r"/zaakinformatieobjecten", r"zaaktype-informatieobjecttypen"])
def test_failing_document_links_leave_a_gap_in_the_documents_only(
    world: ZgwWorld, identity, settings, broken: str
) -> None:
    settings.ZAKEN_USE_EXPAND = False
    zaak = world.add_zaak()
    world.add_document(zaak)
    world.fail(broken, "500")

    detail = get(identity, zaak)

    assert detail.documents_unavailable and not detail.has_documents
    assert detail.has_timeline


def test_without_the_document_list_each_document_is_fetched_by_itself(
    world: ZgwWorld, identity, expand
) -> None:
    zaak = world.add_zaak()
    world.add_document(zaak, titel="Eén")
    world.add_document(zaak, titel="Twee")
    world.fail(r"/enkelvoudiginformatieobjecten\?", "403")  # a back office without the filter

    detail = get(identity, zaak)

    assert sorted(d.titel for d in detail.documents) == ["Eén", "Twee"]
    assert not detail.documents_unavailable


def test_one_document_that_fails_is_marked_and_the_rest_shown(
    world: ZgwWorld, identity, expand
) -> None:
    zaak = world.add_zaak()
    world.add_document(zaak, titel="Goed")
    broken = world.add_document(zaak, titel="Kapot")
    world.fail(r"/enkelvoudiginformatieobjecten(\?|/_zoek)", "500")  # the list and the search
    world.fail(f"enkelvoudiginformatieobjecten/{broken['url'].rsplit('/', 1)[1]}$", "timeout")

    detail = get(identity, zaak)

    assert [d.titel for d in detail.documents] == ["Goed"]
    assert detail.documents_unavailable


def test_a_document_the_back_office_refuses_the_portal_is_hidden_not_a_gap(
    world: ZgwWorld, identity, expand
) -> None:
    # Open Zaak withholds a document above the maximum of the portal's Autorisatie: its list
    # search leaves it out and its detail answers 403. Not for residents, not an outage.
    zaak = world.add_zaak()
    world.add_document(zaak, titel="Gewoon")
    withheld = world.add_document(zaak, titel="Te vertrouwelijk")
    uuid = withheld["url"].rsplit("/", 1)[1]
    world.fail(r"/enkelvoudiginformatieobjecten(\?|/_zoek)", "500")
    world.fail(f"enkelvoudiginformatieobjecten/{uuid}$", "403")

    detail = get(identity, zaak)

    assert [d.titel for d in detail.documents] == ["Gewoon"]
    assert not detail.documents_unavailable


def test_a_document_listed_but_not_linked_to_the_zaak_is_not_shown(
    world: ZgwWorld, identity, expand
) -> None:
    zaak = world.add_zaak()
    other = world.add_zaak()
    world.add_document(zaak, titel="Van deze zaak")
    world.add_document(other, titel="Van een andere zaak")
    world.ignore_filters = True  # the document list then holds every document

    assert [d.titel for d in get(identity, zaak).documents] == ["Van deze zaak"]


# --- Document rules (docs/standards.md §3.6, Decisions 2 and 3) -----------------------------------------


@pytest.mark.parametrize(
    ("overrides", "shown"),
    [
        ({"status": "definitief"}, True),
        ({"status": "gearchiveerd"}, True),
        ({"status": "in_bewerking"}, False),
        ({"status": "ter_vaststelling"}, False),
        ({"vertrouwelijkheidaanduiding": "beperkt_openbaar"}, True),  # at the maximum
        ({"vertrouwelijkheidaanduiding": "intern"}, False),  # one above
        ({"vertrouwelijkheidaanduiding": "vertrouwelijk"}, False),
        ({"tonenAanInitiator": True}, True),
        ({"tonenAanInitiator": False}, False),
        ({}, True),  # tonenAanInitiator and inhoudIsVervallen absent (Open Zaak 1.30)
        ({"inhoudIsVervallen": False}, True),
        ({"inhoudIsVervallen": True}, False),
    ],
)
def test_document_rules(world: ZgwWorld, identity, overrides: dict, shown: bool) -> None:
    zaak = world.add_zaak()
    world.add_document(zaak, titel="Het document", **overrides)

    titles = [d.titel for d in get(identity, zaak).documents]

    assert titles == (["Het document"] if shown else [])


@pytest.mark.parametrize(
    ("richting", "shown"), [("inkomend", True), ("uitgaand", True), ("intern", False)]
)
def test_the_richting_of_the_document_type_decides(
    world: ZgwWorld, identity, richting: str, shown: bool
) -> None:
    zaak = world.add_zaak()
    iot = world.add_informatieobjecttype(world.zaaktype, richting=richting, omschrijving="Advies")
    world.add_document(zaak, titel="Advies", informatieobjecttype=iot)

    assert [d.titel for d in get(identity, zaak).documents] == (["Advies"] if shown else [])


def test_a_document_type_outside_the_zaaktype_is_not_shown(world: ZgwWorld, identity) -> None:
    zaak = world.add_zaak()
    stray = world.add(
        {**world.resources[next(u for u in world.resources if "/informatieobjecttypen/" in u)]}
        | {"url": "http://zaken.test/catalogi/api/v1/informatieobjecttypen/" + str(uuid4())}
    )
    world.add_document(zaak, informatieobjecttype=stray)

    assert get(identity, zaak).documents == ()


def test_the_document_maximum_comes_from_the_setting(world: ZgwWorld, identity, settings) -> None:
    settings.DOCUMENT_MAX_VERTROUWELIJKHEID = "vertrouwelijk"
    zaak = world.add_zaak()
    world.add_document(zaak, vertrouwelijkheidaanduiding="vertrouwelijk")

    assert len(get(identity, zaak).documents) == 1


def test_a_blank_document_vertrouwelijkheid_takes_the_document_types(
    world: ZgwWorld, identity
) -> None:
    zaak = world.add_zaak()
    public = world.add_informatieobjecttype(world.zaaktype, vertrouwelijkheidaanduiding="openbaar")
    secret = world.add_informatieobjecttype(world.zaaktype, vertrouwelijkheidaanduiding="geheim")
    world.add_document(
        zaak, titel="Openbaar type", informatieobjecttype=public, vertrouwelijkheidaanduiding=""
    )
    world.add_document(
        zaak, titel="Geheim type", informatieobjecttype=secret, vertrouwelijkheidaanduiding=""
    )

    assert [d.titel for d in get(identity, zaak).documents] == ["Openbaar type"]


def test_a_document_row_says_type_date_size_and_format(world: ZgwWorld, identity) -> None:
    zaak = world.add_zaak()
    world.add_document(
        zaak, titel="Besluit", creatiedatum="2024-03-10", bestandsomvang=1_250_000,
        content=b"x", formaat="application/pdf",
    )  # fmt: skip
    world.add_document(zaak, titel="Aanvraag", creatiedatum="2024-03-01", bestandsomvang=12_345)

    rows = get(identity, zaak).documents

    assert [row.titel for row in rows] == ["Besluit", "Aanvraag"]  # newest first
    row = rows[0]
    assert (row.type_label, row.datum, row.size_text, row.format_label) == (
        "Besluit",
        date(2024, 3, 10),
        "1,2 MB",
        "PDF",
    )
    assert row.download_label == "Download Besluit (PDF, 1,2 MB)"
    assert rows[1].size_text == "12 kB"


def test_the_world_serves_spec_valid_answers(world: ZgwWorld, identity, settings) -> None:
    """The composed answers (pages, _expand, the document list) match the Open Zaak spec."""
    world.validate = True
    zaak = world.add_zaak(statussen=[1, 2, 3])
    world.add_document(zaak)
    for setting in (True, False):
        settings.ZAKEN_USE_EXPAND = setting
        get(identity, zaak)


def test_without_planned_dates_the_expected_date_is_derived(world: ZgwWorld, identity) -> None:
    zaak = world.add_zaak(einddatumGepland=None, uiterlijkeEinddatumAfdoening=None)

    facts = dict(get(identity, zaak).facts)

    assert facts["Antwoord verwacht"] == "26 april 2024"  # 1 maart + P56D
    assert "Geplande einddatum" not in facts and "Uiterste einddatum" not in facts


def test_calls_carry_the_residents_pseudonym_or_the_given_actor(
    world: ZgwWorld, identity, requests_mock
) -> None:
    zaak = world.add_zaak()

    seen = 0

    def user_ids() -> set[str]:
        nonlocal seen
        history, seen = requests_mock.request_history[seen:], len(requests_mock.request_history)
        tokens = [r.headers["Authorization"].split(" ", 1)[1] for r in history]
        return {jwt.decode(t, options={"verify_signature": False})["user_id"] for t in tokens}

    get(identity, zaak)
    assert user_ids() == {pseudonym(identity)}

    desk = Actor(user_id="j.balie", user_representation="Joke de Balie")
    zaak_get_for(identity=identity, uuid=UUID(zaak["uuid"]), actor=desk)
    assert user_ids() == {"j.balie"}
