"""MijnZaken URLs: the overview (open and closed), a case, and a document download."""

from django.urls import path

from zaken import views

app_name = "zaken"
urlpatterns = [
    path("", views.zaak_list, name="list"),
    path("afgerond/", views.zaak_list, {"status": "closed"}, name="list-closed"),
    # str, not uuid: a malformed UUID must get the same styled 404 as an unknown one.
    path("<str:uuid>/", views.zaak_detail, name="detail"),
    path(
        "<str:uuid>/documenten/<str:document_uuid>/download/",
        views.document_download,
        name="document-download",
    ),
]
