"""Notificatieservice: webhook in, outbox, e-mail and SMS to residents out."""

from django.apps import AppConfig


class NotificatiesConfig(AppConfig):
    name = "notificaties"
    verbose_name = "Notificaties"
