"""The portal's URLs: one include per service app."""

from django.contrib import admin
from django.urls import include, path

from mijnomgeving import views

urlpatterns = [
    path("", views.home, name="home"),
    path("mijn-omgeving/", views.dashboard, name="dashboard"),
    path("privacy/", views.privacy, name="privacy"),
    path("toegankelijkheid/", views.accessibility, name="accessibility"),
    path("contact/", views.contact, name="contact"),
    path("account/", include("mijnomgeving.accounts.urls")),
    path("oidc/", include("mozilla_django_oidc.urls")),
    path("mijn-zaken/", include("zaken.urls")),
    path("", include("notificaties.urls")),
    path("beheer/", admin.site.urls),
]

handler400 = "mijnomgeving.views.bad_request"
handler403 = "mijnomgeving.views.permission_denied"
handler404 = "mijnomgeving.views.page_not_found"
handler500 = "mijnomgeving.views.server_error"
