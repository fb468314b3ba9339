"""Login, logout and session URLs."""

from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("inloggen/", views.login, name="login"),
    path("inloggen/mislukt/", views.login_failed, name="login-failed"),
    path("uitloggen/", views.logout, name="logout"),
    path("uitgelogd/", views.logged_out, name="logged-out"),
    path("sessie/verlopen/", views.session_expired, name="session-expired"),
    path("sessie/verlengen/", views.session_extend, name="session-extend"),
    path("sessie/status/", views.session_status, name="session-status"),
]
