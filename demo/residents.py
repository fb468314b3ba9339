"""The test residents `make demo`'s OIDC provider logs in (RvIG test BSNs, docs/standards.md §10)."""

from dataclasses import dataclass

_DIGID = "urn:oasis:names:tc:SAML:2.0:ac:classes:"


@dataclass(frozen=True, slots=True)
class Resident:
    """A test resident at the demo's OIDC provider (RvIG test BSNs, see docs/standards.md)."""

    bsn: str
    name: str
    acr: str
    story: str

    def claims(self) -> dict[str, str]:
        return {"sub": self.bsn, "bsn": self.bsn, "name": self.name, "acr": self.acr}


RESIDENTS = (
    Resident("999993653", "Suzanne Moulin", f"{_DIGID}MobileTwoFactorContract", "3 zaken met documenten (1 afgerond, 1 als belanghebbende)"),
    Resident("999990755", "Mary Eloise Kierkegaard", f"{_DIGID}Smartcard", "1 lopende zaak"),
    Resident("999991954", "Sierra Kooyman", f"{_DIGID}MobileTwoFactorContract", "25 zaken over twee jaar; een vergunning met 8 statussen"),
    Resident("999993847", "Merel Kooyman", f"{_DIGID}PasswordProtectedTransport", "geen zaken; DigiD-niveau basis"),
)  # fmt: skip
