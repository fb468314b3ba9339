"""No tables: only the permission that opens the desk view."""

from django.db import models
from django.utils.translation import gettext_lazy as _

USE_BALIE = "balie.use_balie"


class DeskAccess(models.Model):
    """Holds the ``balie.use_balie`` permission (Django keeps permissions on a model)."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("use_balie", _("Balie: de omgeving van een inwoner bekijken"))]

    def __str__(self) -> str:
        return "balie"
