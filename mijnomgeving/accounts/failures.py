"""Why a login failed: a short code for the URL and the log, a Dutch explanation for the page."""

from enum import StrEnum

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class LoginFailure(StrEnum):
    CANCELLED = "geannuleerd"
    PROVIDER_ERROR = "digid-fout"
    BSN_MISSING = "geen-bsn"
    BSN_INVALID = "ongeldig-bsn"
    LOA_TOO_LOW = "niveau-te-laag"
    SECURITY_CHECK = "controle-mislukt"
    EXPIRED = "verlopen"
    UNREACHABLE = "onbereikbaar"
    INACTIVE = "geblokkeerd"
    NOT_CONFIGURED = "niet-ingesteld"
    UNKNOWN = "onbekend"

    @classmethod
    def from_code(cls, code: str | None) -> "LoginFailure":
        try:
            return cls(code or "")
        except ValueError:
            return cls.UNKNOWN

    @property
    def message(self) -> Promise:
        return _MESSAGES[self]

    @property
    def can_retry(self) -> bool:
        return self not in {
            LoginFailure.BSN_MISSING,
            LoginFailure.BSN_INVALID,
            LoginFailure.INACTIVE,
        }


class LoginRejected(Exception):
    """Raised by the backend when the provider's answer is valid but not acceptable."""

    def __init__(self, failure: LoginFailure) -> None:
        super().__init__(failure.value)
        self.failure = failure


_MESSAGES: dict[LoginFailure, Promise] = {
    LoginFailure.CANCELLED: _(
        "U heeft het inloggen met DigiD afgebroken. Er is niets veranderd. "
        "U kunt opnieuw inloggen wanneer u wilt."
    ),
    LoginFailure.PROVIDER_ERROR: _(
        "DigiD kon het inloggen niet afronden. Probeer het over een paar minuten opnieuw."
    ),
    LoginFailure.BSN_MISSING: _(
        "We hebben van DigiD geen burgerservicenummer (BSN) gekregen. Zonder BSN kunt u "
        "MijnOmgeving niet gebruiken. Neem contact op met de gemeente als dit blijft gebeuren."
    ),
    LoginFailure.BSN_INVALID: _(
        "Het burgerservicenummer (BSN) dat we van DigiD kregen, is niet geldig. Daarom kunt u "
        "niet inloggen. Neem contact op met de gemeente."
    ),
    LoginFailure.LOA_TOO_LOW: _(
        "U bent ingelogd op een DigiD-niveau dat niet hoog genoeg is voor MijnOmgeving. "
        "Log opnieuw in met een hoger niveau, bijvoorbeeld met de DigiD app."
    ),
    LoginFailure.SECURITY_CHECK: _(
        "We konden niet controleren of het inloggen veilig ging. Dit gebeurt soms als u de "
        "terugknop gebruikt of in meer vensters tegelijk inlogt. Probeer het opnieuw."
    ),
    LoginFailure.EXPIRED: _("Het inloggen duurde te lang of is al afgerond. Probeer het opnieuw."),
    LoginFailure.UNREACHABLE: _(
        "We konden DigiD niet bereiken. Probeer het over een paar minuten opnieuw."
    ),
    LoginFailure.INACTIVE: _(
        "Uw account in MijnOmgeving is uitgeschakeld. Neem contact op met de gemeente."
    ),
    LoginFailure.NOT_CONFIGURED: _(
        "Inloggen met DigiD is op dit moment niet mogelijk. Probeer het later opnieuw."
    ),
    LoginFailure.UNKNOWN: _("Het inloggen is niet gelukt. Probeer het opnieuw."),
}
