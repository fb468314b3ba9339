"""Notificaties URLs: the webhook the Notificaties API calls, and the resident's Meldingen page."""

from django.urls import path

from notificaties import views

app_name = "notificaties"
urlpatterns = [
    path("api/notificaties/webhook/", views.webhook, name="webhook"),
    path("mijn-omgeving/meldingen/", views.preferences, name="preferences"),
]
