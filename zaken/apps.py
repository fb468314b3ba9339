"""MijnZaken app."""

from django.apps import AppConfig


class ZakenConfig(AppConfig):
    name = "zaken"
    verbose_name = "MijnZaken"
    default_auto_field = "django.db.models.BigAutoField"
