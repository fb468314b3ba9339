"""The demo staff accounts and their fixed TOTP keys: create_demo_staff and /_demo/medewerkers/."""

import time
from base64 import b32encode
from dataclasses import dataclass

from django_otp.oath import TOTP

DEMO_PASSWORD = "demo-medewerker"  # demo only: create_demo_staff refuses production

# django-otp's TOTPDevice defaults, which maykin-2fa's setup also uses: RFC 6238 with SHA1,
# a 30-second step counted from the Unix epoch, six digits. The page and the device must agree.
TOTP_STEP = 30
TOTP_T0 = 0
TOTP_DIGITS = 6


@dataclass(frozen=True, slots=True)
class DemoStaffMember:
    username: str
    first_name: str
    last_name: str
    role: str  # what the account is for, in Dutch, for the demo page
    totp_key: str  # hex, as TOTPDevice.key stores it

    @property
    def totp_secret(self) -> str:
        """The same key in base32, as an authenticator app asks for it."""
        return b32encode(bytes.fromhex(self.totp_key)).decode()


# The keys are public on purpose: anyone running the demo must be able to log in. They are the
# hex of readable 20-byte strings ("demo-beheerder-totp!", "demo-balie-totp-key!").
BEHEERDER = DemoStaffMember(
    username="beheerder",
    first_name="Bea",
    last_name="Beheer",
    role="Beheerder: stelt in wat inwoners zien",
    totp_key=b"demo-beheerder-totp!".hex(),
)
BALIE = DemoStaffMember(
    username="balie",
    first_name="Bas",
    last_name="Balie",
    role="Baliemedewerker: zoekt een inwoner op",
    totp_key=b"demo-balie-totp-key!".hex(),
)
DEMO_STAFF = (BEHEERDER, BALIE)


def totp_code(member: DemoStaffMember, at: float | None = None) -> str:
    """The six-digit code a TOTPDevice with the member's key accepts at ``at`` (default: now)."""
    totp = TOTP(bytes.fromhex(member.totp_key), TOTP_STEP, TOTP_T0, TOTP_DIGITS)
    totp.time = time.time() if at is None else at
    return f"{totp.token():0{TOTP_DIGITS}d}"


def totp_step(at: float | None = None) -> int:
    """The number of the time step at ``at`` (default: now); each step has its own code."""
    moment = time.time() if at is None else at
    return int(moment - TOTP_T0) // TOTP_STEP


def totp_seconds_left(at: float | None = None) -> int:
    """Seconds until the code of ``at`` (default: now) makes way for the next one (1 to 30)."""
    moment = time.time() if at is None else at
    return TOTP_STEP - int(moment - TOTP_T0) % TOTP_STEP
