"""The staff desk view (balie): look up a resident's MijnZaken with a purpose, logged."""

from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class BalieConfig(AppConfig):
    name = "balie"
    verbose_name = _("Balie")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the system checks)

        # The groups are created by a data migration; after every migrate they also take the
        # permissions of configuration models added later (zaken/), idempotently.
        post_migrate.connect(_sync_groups, dispatch_uid="balie.sync_groups")


def _sync_groups(sender: AppConfig, **kwargs: Any) -> None:
    # Sent per app, after auth created that app's permissions; balie comes after zaken and
    # audit in INSTALLED_APPS, so theirs exist by now.
    if sender.label != "balie":
        return
    from django.apps import apps

    from .groups import sync_groups

    sync_groups(kwargs.get("apps") or apps, using=kwargs.get("using") or "default")
