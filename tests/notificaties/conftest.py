"""A mocked world for the Notificatieservice: one zaak in Open Zaak, residents in Open Klant."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone
from zgw_consumers.models import Service

from notificaties.models import OutgoingMessage, ReceivedNotification
from notificaties.payload import parse_notificatie
from notificaties.tasks import sweep
from tests.factories import klantinteracties as ki
from tests.factories import notificaties as nf
from tests.factories import zgw
from tests.fixtures.notificaties import KLANT_TOKEN as KLANT_TOKEN
from tests.fixtures.services import ZgwServices

NOTIFYNL_KEY = "test-11111111-1111-4111-8111-111111111111-22222222-2222-4222-8222-222222222222"
MARY = "999990755"


@dataclass
class Resident:
    bsn: str
    email: str | None = "inwoner@example.nl"
    phone: str | None = "0612345678"
    verified: bool = True
    in_open_klant: bool = True
    active: bool = True  # the partij's indicatieActief


@dataclass
class World:
    """One zaak with its rollen, statussen, documents; residents with addresses in Open Klant.

    Change the attributes, then call `mount()` (the fixture mounts the defaults once).
    """

    mock: Any
    zaak: dict[str, Any] = field(default_factory=dict)
    zaaktype: dict[str, Any] = field(default_factory=dict)
    rollen: list[dict[str, Any]] = field(default_factory=list)
    statussen: list[dict[str, Any]] = field(default_factory=list)
    statustype: dict[str, Any] = field(default_factory=dict)
    eio: dict[str, Any] = field(default_factory=dict)
    zio: dict[str, Any] = field(default_factory=dict)
    ziot: dict[str, Any] = field(default_factory=dict)
    residents: dict[str, Resident] = field(default_factory=dict)

    @classmethod
    def default(cls, mock: Any) -> "World":
        zaak = zgw.zaak()
        eio = zgw.enkelvoudiginformatieobject()
        world = cls(
            mock=mock,
            zaak=zaak,
            zaaktype=zgw.zaaktype(),
            rollen=[zgw.rol(zaak=zaak["url"], bsn=zgw.TEST_BSN)],
            statussen=[  # newest first, as Open Zaak serves them
                zgw.status(zaak=zaak["url"], volgnummer=2, url=zaak["status"]),
                zgw.status(
                    zaak=zaak["url"],
                    volgnummer=1,
                    datumStatusGezet="2024-03-01T08:00:00Z",
                    indicatieLaatstGezetteStatus=False,
                ),
            ],
            statustype=zgw.statustype(volgnummer=2),
            eio=eio,
            zio=zgw.zaakinformatieobject(zaak=zaak["url"], informatieobject=eio["url"]),
            ziot=zgw.zaaktype_informatieobjecttype(),
        )
        world.residents[zgw.TEST_BSN] = Resident(zgw.TEST_BSN)
        return world

    @property
    def status_url(self) -> str:
        return self.zaak["status"]

    def status_notificatie(self) -> dict[str, Any]:
        return nf.notificatie(zaak=self.zaak["url"], resource_url=self.status_url)

    def document_notificatie(self) -> dict[str, Any]:
        return nf.notificatie(
            zaak=self.zaak["url"], resource="zaakinformatieobject", resource_url=self.zio["url"]
        )

    def mount(self) -> None:
        m = self.mock
        headers = zgw.ZAKEN_RESPONSE_HEADERS
        m.get(self.zaak["url"], json=self.zaak, headers=headers)
        m.get(zgw.zaken_url("rollen"), json=zgw.page(self.rollen))
        m.get(zgw.zaken_url("statussen"), json=zgw.page(self.statussen))
        for status in self.statussen:
            m.get(status["url"], json=status)
        m.get(self.zaaktype["url"], json=self.zaaktype)
        m.get(self.statustype["url"], json=self.statustype)
        m.get(self.zio["url"], json=self.zio)
        m.get(self.eio["url"], json=self.eio)
        m.get(zgw.informatieobjecttype()["url"], json=zgw.informatieobjecttype())
        m.get(zgw.catalogi_url("zaaktype-informatieobjecttypen"), json=zgw.page([self.ziot]))
        m.get(ki.url("partijen"), json=self._partijen)
        m.get(ki.url("digitaleadressen"), json=self._adressen)

    def _built(self, bsn: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        resident = self.residents[bsn]
        partij_uuid = f"00000000-0000-4000-8000-{bsn.zfill(12)}"
        adressen = []
        if resident.email:
            adressen.append(
                ki.digitaal_adres(
                    partij_uuid=partij_uuid,
                    adres=resident.email,
                    verified=resident.verified,
                    standaard=True,
                )
            )
        if resident.phone:
            adressen.append(
                ki.digitaal_adres(
                    partij_uuid=partij_uuid,
                    adres=resident.phone,
                    soort="telefoonnummer",
                    verified=resident.verified,
                    standaard=True,
                )
            )
        partij = ki.partij(
            bsn=bsn, uuid=partij_uuid, adressen=adressen, indicatieActief=resident.active
        )
        return partij, adressen

    def _partijen(self, request: Any, context: Any) -> dict[str, Any]:
        bsn = parse_qs(urlsplit(request.url).query)["partijIdentificator__objectId"][0]
        resident = self.residents.get(bsn)
        if resident is None or not resident.in_open_klant:
            return ki.page([])
        return ki.page([self._built(bsn)[0]])

    def _adressen(self, request: Any, context: Any) -> dict[str, Any]:
        uuid = parse_qs(urlsplit(request.url).query)["verstrektDoorPartij__uuid"][0]
        bsn = str(int(uuid.rsplit("-", 1)[-1]))
        return ki.page(self._built(bsn)[1])


@pytest.fixture
def world(
    requests_mock: Any,
    zgw_services: ZgwServices,
    klantinteracties_service: Service,
    settings: Any,
) -> World:
    settings.SITE_URL = "https://portal.test"
    settings.NOTIFICATION_RATE_LIMIT_SECONDS = 0
    world = World.default(requests_mock)
    world.mount()
    return world


@pytest.fixture
def post_notificatie(client: Any, webhook_auth: str) -> Callable[..., Any]:
    from django.urls import reverse

    def post(payload: dict[str, Any], auth: str | None = webhook_auth) -> Any:
        headers = {"HTTP_AUTHORIZATION": auth} if auth else {}
        return client.post(
            reverse("notificaties:webhook"), payload, content_type="application/json", **headers
        )

    return post


def store(payload: dict[str, Any]) -> ReceivedNotification:
    """Store a notificatie as the webhook does, without queueing it."""
    notificatie = parse_notificatie(payload)
    return ReceivedNotification.objects.create(
        payload=payload,
        dedupe_key=notificatie.dedupe_key(),
        kanaal=notificatie.kanaal,
        resource=notificatie.resource,
        actie=notificatie.actie,
        resource_url=notificatie.resource_url,
        hoofd_object=notificatie.hoofd_object,
    )


def deliver(payload: dict[str, Any]) -> ReceivedNotification:
    """Store a notificatie as the webhook does, then let the worker (sweep) handle it."""
    received = store(payload)
    sweep()
    received.refresh_from_db()
    return received


def later(seconds: int) -> Any:
    """Make every waiting row due, as if `seconds` had passed."""
    past = timezone.now() - timedelta(seconds=seconds)
    ReceivedNotification.objects.update(next_attempt_at=past, claimed_at=past)
    OutgoingMessage.objects.update(next_attempt_at=past, sending_started_at=past)


@pytest.fixture
def notifynl(settings: Any, requests_mock: Any) -> Any:
    settings.NOTIFYNL_API_KEY = NOTIFYNL_KEY
    settings.NOTIFYNL_BASE_URL = "http://notifynl.test"
    settings.NOTIFYNL_EMAIL_TEMPLATE_ID = "33333333-3333-4333-8333-333333333333"
    settings.NOTIFYNL_SMS_TEMPLATE_ID = "44444444-4444-4444-8444-444444444444"
    settings.NOTIFICATION_EMAIL_CHANNEL = "notifynl"
    sent: list[dict[str, Any]] = []

    def accept(request: Any, context: Any) -> dict[str, Any]:
        sent.append(request.json())
        context.status_code = 201
        return {
            "id": "55555555-5555-4555-8555-555555555555",
            "reference": request.json()["reference"],
        }

    requests_mock.post("http://notifynl.test/v2/notifications/email", json=accept)
    requests_mock.post("http://notifynl.test/v2/notifications/sms", json=accept)

    def by_reference(request: Any, context: Any) -> dict[str, Any]:
        reference = request.qs.get("reference", [""])[0]
        found = [s for s in sent if s["reference"].lower() == reference.lower()]
        return {"notifications": found, "links": {}}

    requests_mock.get("http://notifynl.test/v2/notifications", json=by_reference)
    return sent


def zaaktype_config() -> Any:
    """The admin's row for the world's zaaktype (created once)."""
    from zaken.models import ZaakTypeConfig

    zaaktype = zgw.zaaktype()
    return ZaakTypeConfig.objects.get_or_create(
        catalogus_url=zaaktype["catalogus"], identificatie=zaaktype["identificatie"]
    )[0]


def step_config(world: World, **fields: Any) -> Any:
    """The admin's row for the world's statustype, with these fields (defaults otherwise)."""
    from zaken.models import StatusTypeConfig

    return StatusTypeConfig.objects.create(
        zaaktype_config=zaaktype_config(), omschrijving=world.statustype["omschrijving"], **fields
    )
