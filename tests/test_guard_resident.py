"""Site-wide guard (docs/architecture.md rules 8 and 17): no page is reachable with another person's identifiers.

Two residents, A and B, each with a zaak and a document in one in-memory back office. B, and a
desk employee looking B up, request every URL that takes an identifier of a person's data
(tests/guard.py PERSONAL, found in the URL resolver) with A's identifiers in place of B's, one
or more at a time: every such request is the same 404 as for an identifier that does not exist,
and carries nothing of A. A new URL with a UUID is covered the day it is added.
"""

from itertools import combinations
from uuid import uuid4

import pytest
from django.test import Client

from tests.guard import (
    GUARDED,
    PERSONAL,
    RESIDENT_B,
    SKIPPED_URLS,
    URL_ARGUMENTS,
    Fixed,
    Person,
    body_of,
    client_of,
    main_text,
    url_for,
)

ROLES = ("resident", "desk")


def mixes(name: str, own: dict[str, str], theirs: dict[str, str]) -> list[dict[str, str]]:
    """Every way to put one or more of A's identifiers in place of B's in this URL."""
    kinds = sorted({kind for kind in URL_ARGUMENTS[name].values() if not isinstance(kind, Fixed)})
    return [
        {**own, **{kind: theirs[kind] for kind in chosen}}
        for size in range(1, len(kinds) + 1)
        for chosen in combinations(kinds, size)
    ]


def assert_nothing_of(person: Person, body: str, where: str) -> None:
    shown = [trace for trace in [*person.traces(), person.bsn] if trace in body]
    assert not shown, f"{where} shows {shown}"


def test_every_personal_url_is_walked() -> None:
    assert {
        "zaken:detail",
        "zaken:document-download",
        "balie-zaken:detail",
        "balie-zaken:document-download",
    } <= set(PERSONAL)


@pytest.mark.parametrize("name", PERSONAL)
def test_another_persons_identifiers_are_a_404_that_reveals_nothing(
    name: str,
    resident_a: Person,
    resident_b: Person,
    desk_client: Client,
) -> None:
    reached_by = []
    for role in ROLES:
        client = client_of(role, RESIDENT_B, desk_client)
        own = client.get(url_for(name, resident_b.identifiers()))
        body_of(own)
        if own.status_code != 200:
            continue  # not this role's page (a 403 or a redirect), nothing of anyone's shown
        reached_by.append(role)
        unknown = {kind: str(uuid4()) for kind in Person.KINDS}
        reference = client.get(url_for(name, unknown))
        assert reference.status_code == 404
        expected = main_text(reference.content.decode())
        for identifiers in mixes(name, resident_b.identifiers(), resident_a.identifiers()):
            url = url_for(name, identifiers)
            response = client.get(url)
            body = body_of(response).decode(errors="replace")
            where = f"{role} of B on {url}"
            assert response.status_code == 404, f"{where}: {response.status_code}"
            assert main_text(body) == expected, where
            assert_nothing_of(resident_a, body, where)
    assert reached_by, (
        f"{name}: neither the resident nor the desk reaches it with B's own identifiers, so "
        "the walk proves nothing: give it a fixture value in tests/guard.py"
    )


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", [name for name in GUARDED if name not in SKIPPED_URLS])
def test_no_page_of_one_person_shows_anything_of_another(
    name: str, role: str, resident_a: Person, resident_b: Person, desk_client: Client
) -> None:
    client = client_of(role, RESIDENT_B, desk_client)

    response = client.get(url_for(name, resident_b.identifiers()))

    assert_nothing_of(resident_a, body_of(response).decode(errors="replace"), f"{role}: {name}")


def test_the_walk_sees_a_leak(resident_a: Person, resident_b: Person) -> None:
    with pytest.raises(AssertionError, match="shows"):
        assert_nothing_of(resident_a, f"<p>{resident_a.zaak['omschrijving']}</p>", "a page")
    assert mixes("zaken:document-download", {"zaak": "b1", "document": "b2"}, {
        "zaak": "a1", "document": "a2"
    }) == [
        {"zaak": "b1", "document": "a2"},
        {"zaak": "a1", "document": "b2"},
        {"zaak": "a1", "document": "a2"},
    ]  # fmt: skip
