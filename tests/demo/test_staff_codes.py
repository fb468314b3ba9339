"""/_demo/medewerkers/: the demo staff's password and the code of this moment, which verifies."""

import re
import time
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import RequestFactory
from django_otp.plugins.otp_totp.models import TOTPDevice

from demo.backoffice import pages
from demo.staff import BALIE, BEHEERDER, DEMO_PASSWORD, DemoStaffMember, totp_code, totp_step

# RFC 6238, appendix B: the SHA1 key "12345678901234567890"; the last six of the 8-digit codes.
RFC = DemoStaffMember("rfc", "", "", "", b"12345678901234567890".hex())


def page_html() -> str:
    response = pages.medewerkers(RequestFactory().get("/_demo/medewerkers/"))
    assert response.status_code == 200
    return response.content.decode()


def shown_code(html: str, member: DemoStaffMember) -> str:
    match = re.search(rf'data-code-for="{member.username}">(\d{{6}})<', html)
    assert match, f"geen code voor {member.username}"
    return match.group(1)


@pytest.mark.parametrize(
    ("moment", "code"),
    [(59, "287082"), (1111111109, "081804"), (1234567890, "005924"), (2000000000, "279037")],
)
def test_the_code_is_rfc_6238_with_six_digits(moment: int, code: str) -> None:
    assert totp_code(RFC, at=moment) == code


def test_the_page_shows_each_employee_with_the_password_and_the_current_code() -> None:
    before = {m.username: totp_code(m) for m in (BEHEERDER, BALIE)}
    html = page_html()
    after = {m.username: totp_code(m) for m in (BEHEERDER, BALIE)}

    for member in (BEHEERDER, BALIE):
        assert f'<th scope="row">{member.username}</th>' in html
        assert shown_code(html, member) in {before[member.username], after[member.username]}
        assert member.totp_secret in html
    assert html.count(f"<code>{DEMO_PASSWORD}</code>") == 2
    assert html.count("<h1>") == 1 and '<html lang="nl">' in html


def test_the_page_is_never_cached_so_a_reload_gives_a_new_code() -> None:
    response = pages.medewerkers(RequestFactory().get("/_demo/medewerkers/"))

    assert response["Cache-Control"] == "no-store"


def test_the_page_says_how_long_the_code_lasts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(time, "time", lambda: 30 * 56_666_667 + 17.5)  # 17.5 s into a step

    assert "De codes gelden nog 13 seconden." in page_html()


def test_the_login_link_follows_demo_portal_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEMO_PORTAL_URL", "http://127.0.0.1:18000/")

    assert 'href="http://127.0.0.1:18000/beheer/login/"' in page_html()


def test_the_page_only_answers_get() -> None:
    response = pages.medewerkers(RequestFactory().post("/_demo/medewerkers/"))

    assert response.status_code == 405


def test_the_index_and_the_menu_link_the_page() -> None:
    html = pages.index(RequestFactory().get("/_demo/")).content.decode()

    assert html.count('href="/_demo/medewerkers/"') == 2  # the menu and the list


@pytest.mark.django_db
def test_the_code_on_the_page_verifies_on_the_device_create_demo_staff_made() -> None:
    call_command("create_demo_staff", stdout=StringIO())
    html = page_html()

    for member in (BEHEERDER, BALIE):
        device = TOTPDevice.objects.get(user__username=member.username, name="default")
        assert device.verify_token(shown_code(html, member))
        assert device.last_t == totp_step() or device.last_t == totp_step() - 1


@pytest.mark.django_db
def test_the_page_codes_verify_at_any_moment_with_django_otps_own_clock(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    call_command("create_demo_staff", stdout=StringIO())
    device = TOTPDevice.objects.get(user__username=BALIE.username)
    start = 30 * 56_666_667  # the first second of a step
    for moment in (start, start + 29.9, start + 30, 1_800_000_000.5):
        monkeypatch.setattr(time, "time", lambda moment=moment: moment)
        device.last_t = -1  # each moment on its own: a code is accepted only once
        assert device.verify_token(shown_code(page_html(), BALIE)), moment
        assert device.drift == 0  # the code of that very step, not a neighbour's
