"""A mocked world for the Notificatieservice: one zaak in Open Zaak, residents in Open Klant."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from zgw_consumers.constants import APITypes, AuthTypes
from zgw_consumers.models import Service

from notificaties.auth import auth_header_for
from notificaties.models import Subscription
from tests.factories import klantinteracties as ki
from tests.factories import notificaties as nf
from tests.factories import zgw
from tests.fixtures.services import ZGW_CLIENT_ID, ZGW_SECRET, ZgwServices

KLANT_TOKEN = "open-klant-test-token"
MARY = "999990755"


@pytest.fixture
def klantinteracties_service(db: None) -> Service:
    service, _ = Service.objects.update_or_create(
        slug=settings.KLANTINTERACTIES_SERVICE_SLUG,
        defaults={
            "label": "Open Klant",
            "api_type": APITypes.orc,
            "api_root": ki.ROOT,
            "auth_type": AuthTypes.api_key,
            "header_key": "Authorization",
            "header_value": f"Token {KLANT_TOKEN}",
        },
    )
    return service


@pytest.fixture
def notificaties_service(db: None) -> Service:
    service, _ = Service.objects.update_or_create(
        slug=settings.NOTIFICATIES_SERVICE_SLUG,
        defaults={
            "label": "Open Notificaties",
            "api_type": APITypes.nrc,
            "api_root": nf.NRC_ROOT,
            "auth_type": AuthTypes.zgw,
            "client_id": ZGW_CLIENT_ID,
            "secret": ZGW_SECRET,
        },
    )
    return service


@pytest.fixture
def subscription(db: None) -> Subscription:
    return Subscription.objects.create()


@pytest.fixture
def webhook_auth(subscription: Subscription) -> str:
    return auth_header_for(subscription)


@dataclass
class Resident:
    bsn: str
    email: str | None = "inwoner@example.nl"
    phone: str | None = "0612345678"
    verified: bool = True
    in_open_klant: bool = True


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
            statussen=[
                zgw.status(zaak=zaak["url"], volgnummer=2, url=zaak["status"]),
                zgw.status(zaak=zaak["url"], volgnummer=1),
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
        return ki.partij(bsn=bsn, uuid=partij_uuid, adressen=adressen), adressen

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
