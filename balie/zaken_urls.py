"""MijnZaken's URL names under the desk: included with app namespace "zaken" and instance
namespace "balie-zaken", so {% url 'zaken:…' %} in the shared templates points here on a
desk page (Django picks the instance of the page being served)."""

from django.urls import path

from balie import zaken_views

app_name = "zaken"
urlpatterns = [
    path("", zaken_views.zaak_list, name="list"),
    path("afgerond/", zaken_views.zaak_list, {"status": "closed"}, name="list-closed"),
    path("<str:uuid>/", zaken_views.zaak_detail, name="detail"),
    path(
        "<str:uuid>/documenten/<str:document_uuid>/download/",
        zaken_views.document_download,
        name="document-download",
    ),
]
