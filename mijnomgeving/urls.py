"""The portal's URLs: one include per service app."""

from django.contrib import admin
from django.urls import include, path
from maykin_2fa import monkeypatch_admin
from maykin_2fa.urls import urlpatterns as maykin_2fa_urlpatterns

from mijnomgeving import views

# The admin demands the second factor (maykin-2fa): its login view replaces the admin's.
monkeypatch_admin()

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
    path("balie/", include("balie.urls")),
    path("balie/zaken/", include(("balie.zaken_urls", "zaken"), namespace="balie-zaken")),
    path("beheer/", include((maykin_2fa_urlpatterns, "maykin_2fa"))),
    path("beheer/", admin.site.urls),
]

handler400 = "mijnomgeving.views.bad_request"
handler403 = "mijnomgeving.views.permission_denied"
handler404 = "mijnomgeving.views.page_not_found"
handler500 = "mijnomgeving.views.server_error"
