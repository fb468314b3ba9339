"""Users (residents known by a keyed hash of their BSN/KVK) and the login's OIDC configuration."""

from django.contrib.auth.models import AbstractUser
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from solo.models import SingletonModel

from .loa import LEVELS


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


def _server_setting(name: str) -> Promise:
    return format_lazy(_("Leeg: de instelling {name} van de server."), name=name)


class OIDCConfig(SingletonModel):
    """The DigiD login's OIDC settings, managed in the admin or loaded from YAML.

    Only used when ``enabled``; then every field that has a value wins over the environment
    variable of the same meaning (see ``oidc_settings.py``), and empty fields fall back to it.
    """

    class SignAlgorithm(models.TextChoices):
        RS256 = "RS256", "RS256"
        RS384 = "RS384", "RS384"
        RS512 = "RS512", "RS512"
        ES256 = "ES256", "ES256"
        ES384 = "ES384", "ES384"
        ES512 = "ES512", "ES512"
        HS256 = "HS256", "HS256"

    enabled = models.BooleanField(
        _("deze instellingen gebruiken"),
        default=False,
        help_text=_(
            "Uit: het inloggen gebruikt alleen de instellingen van de server (de OIDC_* "
            "omgevingsvariabelen). Aan: wat hier is ingevuld, gaat voor."
        ),
    )
    client_id = models.CharField(
        _("client-ID"), max_length=255, blank=True, help_text=_server_setting("OIDC_RP_CLIENT_ID")
    )
    client_secret = models.CharField(
        _("client-geheim"),
        max_length=255,
        blank=True,
        help_text=_server_setting("OIDC_RP_CLIENT_SECRET"),
    )
    issuer = models.URLField(
        _("issuer"),
        max_length=1000,
        blank=True,
        help_text=_(
            "Het ID-token moet precies deze issuer (iss) hebben. "
            "Leeg: de instelling OIDC_OP_ISSUER van de server."
        ),
    )
    authorization_endpoint = models.URLField(
        _("authorization endpoint"),
        max_length=1000,
        blank=True,
        help_text=_server_setting("OIDC_OP_AUTHORIZATION_ENDPOINT"),
    )
    token_endpoint = models.URLField(
        _("token endpoint"),
        max_length=1000,
        blank=True,
        help_text=_server_setting("OIDC_OP_TOKEN_ENDPOINT"),
    )
    user_endpoint = models.URLField(
        _("userinfo endpoint"),
        max_length=1000,
        blank=True,
        help_text=_server_setting("OIDC_OP_USER_ENDPOINT"),
    )
    jwks_endpoint = models.URLField(
        _("JWKS endpoint"),
        max_length=1000,
        blank=True,
        help_text=_server_setting("OIDC_OP_JWKS_ENDPOINT"),
    )
    logout_endpoint = models.URLField(
        _("end session endpoint"),
        max_length=1000,
        blank=True,
        help_text=_(
            "Om bij het uitloggen ook de sessie bij DigiD te beëindigen. "
            "Leeg: de instelling OIDC_OP_LOGOUT_ENDPOINT van de server."
        ),
    )
    sign_algo = models.CharField(
        _("ondertekening ID-token"),
        max_length=10,
        blank=True,
        choices=SignAlgorithm.choices,
        help_text=_server_setting("OIDC_RP_SIGN_ALGO"),
    )
    scopes = models.CharField(
        _("scopes"),
        max_length=255,
        blank=True,
        help_text=_(
            "Gescheiden door spaties, bijvoorbeeld: openid. "
            "Leeg: de instelling OIDC_RP_SCOPES van de server."
        ),
    )
    bsn_claim = models.CharField(
        _("claim met het BSN"),
        max_length=100,
        blank=True,
        help_text=_server_setting("OIDC_BSN_CLAIM"),
    )
    loa_claim = models.CharField(
        _("claim met het DigiD-niveau"),
        max_length=100,
        blank=True,
        help_text=_server_setting("OIDC_LOA_CLAIM"),
    )
    min_loa = models.CharField(
        _("minimaal DigiD-niveau"),
        max_length=20,
        blank=True,
        choices=[(level, level.capitalize()) for level in LEVELS],
        help_text=_server_setting("OIDC_MIN_LOA"),
    )
    verify_kid = models.BooleanField(
        _("sleutel kiezen op kid"),
        null=True,
        blank=True,
        help_text=_(
            "Zoek de sleutel van het ID-token op met de kid in het token. Alleen uit voor "
            "providers die geen kid meesturen. Leeg: de instelling OIDC_VERIFY_KID van de server."
        ),
    )
    timeout = models.FloatField(
        _("wachttijd in seconden"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0.5), MaxValueValidator(120)],
        help_text=_(
            "Hoe lang we wachten op een antwoord van de provider. "
            "Leeg: de instelling OIDC_TIMEOUT van de server."
        ),
    )

    class Meta:
        verbose_name = _("DigiD-inlogconfiguratie (OIDC)")

    def __str__(self) -> str:
        return str(self._meta.verbose_name)
