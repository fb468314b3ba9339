"""The user record keeps the minimum: residents are known by a keyed hash of their BSN/KVK."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    class LoginType(models.TextChoices):
        DIGID = "digid", _("DigiD")
        EHERKENNING = "eherkenning", _("eHerkenning")
        STAFF = "staff", _("Medewerker")

    login_type = models.CharField(
        _("inlogmethode"), max_length=20, choices=LoginType.choices, default=LoginType.STAFF
    )
    # HMAC-SHA256 of the BSN or KVK number with PSEUDONYM_SECRET: a lookup key only. The
    # number itself lives in the session while the resident is logged in, never here.
    identifier_hash = models.CharField(
        _("gehashte BSN/KVK"), max_length=64, unique=True, null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
