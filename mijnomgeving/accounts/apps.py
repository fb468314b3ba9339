"""Accounts app."""

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "mijnomgeving.accounts"
    label = "accounts"
    verbose_name = "Accounts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the system checks)
