"""The session's memo of the zaken the person was seen to own (mijnomgeving/accounts/session.py)."""

from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.test import RequestFactory

from mijnomgeving.accounts.session import OWNED_ZAKEN_KEY, SessionSet


def request_with_session():
    request = RequestFactory().get("/")
    request.session = SessionStore()
    return request


def test_it_keeps_what_was_added_in_the_session_and_writes_only_when_it_grows() -> None:
    request = request_with_session()
    memo = SessionSet(request, OWNED_ZAKEN_KEY, limit=3)

    memo |= {"https://zaken.test/zaken/1", "https://zaken.test/zaken/2"}
    assert request.session.modified
    request.session.modified = False
    memo.add("https://zaken.test/zaken/1")

    assert not request.session.modified
    again = SessionSet(request, OWNED_ZAKEN_KEY, limit=3)
    assert set(again) == {"https://zaken.test/zaken/1", "https://zaken.test/zaken/2"}


def test_it_holds_at_most_its_limit_dropping_the_oldest() -> None:
    request = request_with_session()
    memo = SessionSet(request, OWNED_ZAKEN_KEY, limit=2)

    for number in (1, 2, 3):
        memo.add(f"https://zaken.test/zaken/{number}")

    assert list(memo) == ["https://zaken.test/zaken/2", "https://zaken.test/zaken/3"]
    assert "https://zaken.test/zaken/1" not in memo


def test_a_session_value_of_another_shape_counts_as_empty() -> None:
    request = request_with_session()
    request.session[OWNED_ZAKEN_KEY] = "geen lijst"

    assert len(SessionSet(request, OWNED_ZAKEN_KEY, limit=2)) == 0
