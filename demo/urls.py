"""Routes of the demo back office: Open Zaak's three APIs on one port, plus `/_demo/` hooks."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from demo.backoffice import (
    catalogi,
    control,
    costs,
    documenten,
    klantinteracties,
    notificaties_api,
    pages,
    zaken,
    zaken_zoek,
)
from demo.backoffice.http import ApiError

ZAKEN = "zaken/api/v1/"
CATALOGI = "catalogi/api/v1/"
DOCUMENTEN = "documenten/api/v1/"
KLANTINTERACTIES = "klantinteracties/api/v1/"
NOTIFICATIES = "notificaties/api/v1/"

urlpatterns = [
    path(f"{ZAKEN}zaken", zaken.zaak_list),
    path(f"{ZAKEN}zaken/_zoek", zaken_zoek.zaak_search),
    path(f"{ZAKEN}zaken/<uuid:uuid>", zaken.zaak_detail),
    path(f"{ZAKEN}statussen", zaken.status_list),
    path(f"{ZAKEN}statussen/<uuid:uuid>", zaken.status_detail),
    path(f"{ZAKEN}rollen", zaken.rol_list),
    path(f"{ZAKEN}rollen/<uuid:uuid>", zaken.rol_detail),
    path(f"{ZAKEN}resultaten", zaken.resultaat_list),
    path(f"{ZAKEN}resultaten/<uuid:uuid>", zaken.resultaat_detail),
    path(f"{ZAKEN}zaakinformatieobjecten", zaken.zio_list),
    path(f"{ZAKEN}zaakinformatieobjecten/<uuid:uuid>", zaken.zio_detail),
    path(f"{CATALOGI}catalogussen", catalogi.catalogus_list),
    path(f"{CATALOGI}catalogussen/<uuid:uuid>", catalogi.catalogus_detail),
    path(f"{CATALOGI}zaaktypen", catalogi.zaaktype_list),
    path(f"{CATALOGI}zaaktypen/<uuid:uuid>", catalogi.zaaktype_detail),
    path(f"{CATALOGI}statustypen", catalogi.statustype_list),
    path(f"{CATALOGI}statustypen/<uuid:uuid>", catalogi.statustype_detail),
    path(f"{CATALOGI}resultaattypen", catalogi.resultaattype_list),
    path(f"{CATALOGI}resultaattypen/<uuid:uuid>", catalogi.resultaattype_detail),
    path(f"{CATALOGI}roltypen", catalogi.roltype_list),
    path(f"{CATALOGI}roltypen/<uuid:uuid>", catalogi.roltype_detail),
    path(f"{CATALOGI}informatieobjecttypen", catalogi.informatieobjecttype_list),
    path(f"{CATALOGI}informatieobjecttypen/<uuid:uuid>", catalogi.informatieobjecttype_detail),
    path(f"{CATALOGI}zaaktype-informatieobjecttypen", catalogi.ztiot_list),
    path(f"{CATALOGI}zaaktype-informatieobjecttypen/<uuid:uuid>", catalogi.ztiot_detail),
    path(f"{DOCUMENTEN}enkelvoudiginformatieobjecten", documenten.document_list),
    path(f"{DOCUMENTEN}enkelvoudiginformatieobjecten/_zoek", documenten.document_search),
    path(f"{DOCUMENTEN}enkelvoudiginformatieobjecten/<uuid:uuid>", documenten.document_detail),
    path(
        f"{DOCUMENTEN}enkelvoudiginformatieobjecten/<uuid:uuid>/download",
        documenten.document_download,
    ),
    path(f"{DOCUMENTEN}objectinformatieobjecten", documenten.oio_list),
    path(f"{DOCUMENTEN}objectinformatieobjecten/<uuid:uuid>", documenten.oio_detail),
    path("_demo/health", control.health),
    path("_demo/requests", control.requests_log),
    path("_demo/latency", control.latency),
    path("_demo/cost-model", costs.hook),  # the calibrated cost model in place of the latency
    path("_demo/reset", control.reset),
    # next-status also publishes a zaken/status notification (demo/backoffice/notificaties*.py).
    path("_demo/zaken/<uuid:uuid>/next-status", notificaties_api.next_status),
    path("_demo/notificaties", notificaties_api.delivery_log),
    path(f"{KLANTINTERACTIES}partijen", klantinteracties.partij_list),
    path(f"{KLANTINTERACTIES}partijen/<uuid:uuid>", klantinteracties.partij_detail),
    path(f"{KLANTINTERACTIES}digitaleadressen", klantinteracties.digitaal_adres_list),
    path(f"{KLANTINTERACTIES}digitaleadressen/<uuid:uuid>", klantinteracties.digitaal_adres_detail),
    path(f"{NOTIFICATIES}kanaal", notificaties_api.kanaal_list),
    path(f"{NOTIFICATIES}kanaal/<uuid:uuid>", notificaties_api.kanaal_detail),
    path(f"{NOTIFICATIES}abonnement", notificaties_api.abonnement_list),
    path(f"{NOTIFICATIES}abonnement/<uuid:uuid>", notificaties_api.abonnement_detail),
    path(f"{NOTIFICATIES}notificaties", notificaties_api.notificaties),
    path("_demo/", pages.index),
    path("_demo/zaken/", pages.zaken),
    path("_demo/mailbox/", pages.mailbox),
    path("_demo/medewerkers/", pages.medewerkers),
]


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return ApiError(404, "not_found", "Niet gevonden.").response(request)


def server_error(request: HttpRequest) -> HttpResponse:
    return ApiError(500, "error", "Er is een fout opgetreden in de demo back office.").response(
        request
    )


handler404 = not_found
handler500 = server_error
