"""Who reaches the desk and the admin: residents never, desk employees not the configuration."""

from dataclasses import dataclass

import pytest
from django.contrib import admin
from django.db.models import Model
from django.test import Client
from django.urls import get_resolver, reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from simple_certmanager.constants import CertificateTypes
from simple_certmanager.models import Certificate
from zgw_consumers.models import NLXConfig

from mijnomgeving.accounts.models import User
from mijnomgeving.accounts.session import LAST_ACTIVITY_KEY
from mijnomgeving.audit.models import ProcessingLogEntry, Purpose
from mijnomgeving.clients.calls import record_upstream_calls
from tests.fixtures.oidc import log_in_resident

pytestmark = pytest.mark.django_db

ZAAK = "6d3a0f8e-2f0b-4f7e-9a53-4f8f1e2b9c11"
DOCUMENT = "0f1e2d3c-4b5a-4697-8877-665544332211"
DESK_URLS = [
    ("balie:start", {}),
    ("balie-zaken:list", {}),
    ("balie-zaken:list-closed", {}),
    ("balie-zaken:detail", {"uuid": ZAAK}),
    ("balie-zaken:document-download", {"uuid": ZAAK, "document_uuid": DOCUMENT}),
]
ADMIN_URLS = [
    ("admin:index", {}),
    ("admin:audit_processinglogentry_changelist", {}),
    ("admin:auth_group_changelist", {}),
]


@dataclass(frozen=True)
class NamedUrl:
    name: str  # "admin:auth_group_change"
    params: tuple[str, ...]
    model: type[Model] | None  # the admin model the URL belongs to, if any

    def reverse(self) -> str:
        """The URL with example arguments: a real row's key where the model has one."""
        row = self.model._default_manager.order_by("pk").first() if self.model else None
        key = str(row.pk) if row else "1"
        examples = {"app_label": "zaken", "content_type_id": "1", "object_id": key, "pk": key}
        return reverse(self.name, kwargs={param: examples[param] for param in self.params})


def namespace_urls(namespace: str) -> list[NamedUrl]:
    """Every URL of a namespace, walked from the resolver: each name with each of its forms
    (the admin has e.g. a change URL with and without an object id)."""
    _prefix, resolver = get_resolver().namespace_dict[namespace]
    models = {f"{m._meta.app_label}_{m._meta.model_name}_": m for m in admin.site._registry}
    found: set[NamedUrl] = set()
    for name, entries in resolver.reverse_dict.lists():
        if not isinstance(name, str):
            continue
        model = next((m for prefix, m in models.items() if name.startswith(prefix)), None)
        for possibilities, _pattern, _defaults, _converters in entries:
            for _format, params in possibilities:
                found.add(NamedUrl(f"{namespace}:{name}", tuple(params), model))
    return sorted(found, key=lambda url: (url.name, url.params))


ADMIN_NAMESPACE_URLS = namespace_urls("admin")
TWO_FACTOR_URLS = namespace_urls("maykin_2fa")
# The one page behind both names: the staff login (maykin-2fa's view replaces the admin's).
STAFF_LOGIN_NAMES = {"admin:login", "maykin_2fa:login"}
# All a desk employee may open in the admin: its start page (with the way to the desk), their
# own password, the admin's translations, logging out. The rest is configuration.
DESK_MAY_OPEN = {
    "admin:index",
    "admin:login",
    "admin:logout",
    "admin:password_change",
    "admin:password_change_done",
    "admin:jsi18n",
}
CONFIGURATION_APPS = {
    "zaken",
    "notificaties",
    "zgw_consumers",
    "accounts",
    "otp_totp",
    "otp_static",
    "auth",
    "audit",
}


@pytest.fixture
def admin_rows(desk_user: User) -> None:
    """Real rows for the admins that crash (500) on a missing one instead of answering 404:
    otp's device views, and the private-media admins of certificates and NLX."""
    TOTPDevice.objects.create(user=desk_user, name="telefoon", confirmed=True)
    StaticDevice.objects.create(user=desk_user, name="herstelcodes", confirmed=True)
    Certificate.objects.create(label="PKIoverheid", type=CertificateTypes.cert_only)
    NLXConfig.get_solo()


def test_the_walker_finds_the_admin_configuration_and_the_two_factor_pages() -> None:
    walked_apps = {url.model._meta.app_label for url in ADMIN_NAMESPACE_URLS if url.model}
    assert walked_apps >= CONFIGURATION_APPS
    assert {"maykin_2fa:setup", "maykin_2fa:qr", "maykin_2fa:backup_tokens"} <= {
        url.name for url in TWO_FACTOR_URLS
    }


@pytest.mark.parametrize("url", ADMIN_NAMESPACE_URLS + TWO_FACTOR_URLS, ids=str)
def test_a_resident_reaches_no_admin_or_two_factor_page(
    client: Client, url: NamedUrl, admin_rows: None
) -> None:
    log_in_resident(client, "999993653")
    path = url.reverse()

    with record_upstream_calls() as calls:
        response = client.get(path)

    body = response.content.decode(errors="replace")
    if url.name in STAFF_LOGIN_NAMES:
        # The login form is public; a resident sees its first step, the staff password.
        assert response.status_code == 200
        assert 'name="auth-username"' in body
        assert "token-otp_token" not in body
    elif response.status_code == 302:
        assert response.url.startswith(reverse("maykin_2fa:login")) or response.url == reverse(
            "admin:index"
        ), response.url
    else:
        assert response.status_code == 404, (path, response.status_code)
    assert "otp_token" not in body and "qrcode" not in body  # never the TOTP wizard
    assert calls.count == 0
    assert "999993653" not in body


@pytest.mark.parametrize(
    "url", [url for url in ADMIN_NAMESPACE_URLS if url.name not in DESK_MAY_OPEN], ids=str
)
def test_a_desk_employee_reaches_no_admin_configuration(
    desk_client: Client, url: NamedUrl, admin_rows: None
) -> None:
    path = url.reverse()

    response = desk_client.get(path)

    if response.status_code == 302:  # e.g. the history of a row that does not exist
        target = response.url
        assert target == reverse("admin:index") or desk_client.get(target).status_code in {
            403,
            404,
        }, target
    else:
        assert response.status_code in {403, 404, 405}, (path, response.status_code)
    if path.endswith("/add/"):
        assert desk_client.post(path, {}).status_code == 403


def test_the_two_factor_set_up_is_for_staff_only(client: Client, desk_client: Client) -> None:
    setup = reverse("maykin_2fa:setup")

    anonymous = Client().get(setup)
    log_in_resident(client, "999993653")
    resident = client.get(setup)
    staff = desk_client.get(setup)

    assert anonymous.status_code == 302
    assert anonymous.url.startswith(reverse("maykin_2fa:login"))
    assert resident.status_code == 404
    assert staff.status_code == 200


@pytest.mark.parametrize(("name", "kwargs"), DESK_URLS + ADMIN_URLS)
def test_a_resident_reaches_no_desk_or_admin_page(client: Client, name: str, kwargs: dict) -> None:
    log_in_resident(client, "999993653")

    with record_upstream_calls() as calls:
        response = client.get(reverse(name, kwargs=kwargs))

    assert response.status_code in {302, 403}
    if response.status_code == 302:
        assert response.url.startswith(reverse("maykin_2fa:login"))
    assert calls.count == 0
    assert "999993653" not in response.content.decode()


def test_a_resident_cannot_start_a_look_up(client: Client) -> None:
    log_in_resident(client, "999993653")

    response = client.post(
        reverse("balie:start"), {"bsn": "999990755", "purpose": Purpose.DESK_QUESTION}
    )

    assert response.status_code == 403
    assert not ProcessingLogEntry.objects.exists()


@pytest.mark.parametrize(("name", "kwargs"), DESK_URLS)
def test_anonymous_visitors_go_to_the_staff_login(client: Client, name: str, kwargs: dict) -> None:
    response = client.get(reverse(name, kwargs=kwargs))

    assert response.status_code == 302
    assert response.url.startswith(reverse("maykin_2fa:login"))


def test_an_administrator_without_the_desk_permission_gets_no_desk(
    admin_client_staff: Client,
) -> None:
    assert admin_client_staff.get(reverse("balie:start")).status_code == 403


def test_a_desk_employee_reaches_the_desk(desk_client: Client) -> None:
    response = desk_client.get(reverse("balie:start"))

    assert response.status_code == 200
    assert "Inwoner opzoeken" in response.text


def test_a_desk_employee_cannot_reach_the_configuration(
    desk_client: Client, admin_client_staff: Client
) -> None:
    config_models = [m for m in admin.site._registry if m._meta.app_label == "zaken"]
    if not config_models:
        pytest.skip("no zaken configuration models registered in the admin yet")
    for model in config_models:
        opts = model._meta
        changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        assert desk_client.get(changelist).status_code == 403, changelist
        assert admin_client_staff.get(changelist).status_code == 200, changelist
    assert desk_client.get(reverse("admin:audit_processinglogentry_changelist")).status_code == 403


def test_an_idle_desk_session_ends_and_forgets_the_look_up(desk_client: Client) -> None:
    desk_client.post(reverse("balie:start"), {"bsn": "999993653", "purpose": Purpose.COMPLAINT})
    session = desk_client.session
    session[LAST_ACTIVITY_KEY] = 0.0  # long ago
    session.save()

    with record_upstream_calls() as calls:
        response = desk_client.get(reverse("balie-zaken:list"))

    assert response.status_code == 302
    assert "balie.lookup" not in desk_client.session
    assert calls.count == 0
    assert desk_client.get(reverse("balie:start")).status_code == 302
