"""django-axes behind the municipality's proxies: lockouts are per visitor, not per proxy."""

from typing import Any

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from mijnomgeving.accounts.client_ip import client_ip_address
from mijnomgeving.accounts.models import User
from tests.fixtures.staff import PASSWORD

PROXY = "10.0.0.1"
STEP = "admin_login_view-current_step"


def ip_of(rf: RequestFactory, forwarded_for: str | None) -> str | None:
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for is not None else {}
    return client_ip_address(rf.get("/", REMOTE_ADDR=PROXY, headers=headers))


@pytest.mark.parametrize(
    ("proxies", "forwarded_for", "expected"),
    [
        (0, "203.0.113.5", PROXY),  # no proxy trusted: the header is anyone's text
        (1, "203.0.113.5", "203.0.113.5"),
        (1, "198.51.100.99, 203.0.113.5", "203.0.113.5"),  # the left one is the visitor's
        (2, "198.51.100.99, 203.0.113.5, 10.0.0.7", "203.0.113.5"),
        (2, "203.0.113.5", PROXY),  # fewer entries than proxies: not through all of them
        (1, None, PROXY),
        (1, "unknown", PROXY),
        (1, "2001:db8::5", "2001:db8::5"),
    ],
)
def test_the_visitors_address_is_where_the_trusted_proxies_put_it(
    rf: RequestFactory, settings: Any, proxies: int, forwarded_for: str | None, expected: str
) -> None:
    settings.TRUSTED_PROXY_COUNT = proxies

    assert ip_of(rf, forwarded_for) == expected


def visitor(address: str) -> Client:
    """A browser at `address`, reaching the portal through the proxy at PROXY."""
    return Client(REMOTE_ADDR=PROXY, headers={"X-Forwarded-For": address})


def password_step(client: Client, username: str, password: str) -> Any:
    return client.post(
        reverse("maykin_2fa:login"),
        {STEP: "auth", "auth-username": username, "auth-password": password},
    )


@pytest.fixture
def behind_one_proxy(settings: Any) -> None:
    settings.TRUSTED_PROXY_COUNT = 1
    settings.AXES_FAILURE_LIMIT = 3


@pytest.mark.django_db
def test_behind_the_proxy_a_lockout_is_only_for_the_visitor_who_guessed(
    behind_one_proxy: None, desk_user: User
) -> None:
    guesser, colleague = visitor("203.0.113.5"), visitor("198.51.100.7")
    for _attempt in range(3):
        password_step(guesser, desk_user.username, "fout-wachtwoord")

    assert password_step(guesser, desk_user.username, PASSWORD).status_code == 429
    response = password_step(colleague, desk_user.username, PASSWORD)
    assert response.status_code == 302
    assert colleague.get(reverse("balie:start")).status_code == 200


@pytest.mark.django_db
def test_without_a_trusted_proxy_everyone_behind_it_shares_the_lockout(
    behind_one_proxy: None, settings: Any, desk_user: User
) -> None:
    settings.TRUSTED_PROXY_COUNT = 0
    guesser, colleague = visitor("203.0.113.5"), visitor("198.51.100.7")
    for _attempt in range(3):
        password_step(guesser, desk_user.username, "fout-wachtwoord")

    assert password_step(colleague, desk_user.username, PASSWORD).status_code == 429


@pytest.mark.django_db
def test_a_forged_header_does_not_escape_a_lockout(behind_one_proxy: None, desk_user: User) -> None:
    for attempt in range(3):  # each time another address in front of what the proxy adds
        forged = Client(
            REMOTE_ADDR=PROXY, headers={"X-Forwarded-For": f"192.0.2.{attempt}, 203.0.113.5"}
        )
        password_step(forged, desk_user.username, "fout-wachtwoord")

    assert password_step(visitor("203.0.113.5"), desk_user.username, PASSWORD).status_code == 429
