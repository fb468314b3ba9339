"""Who is logged in, as a domain value: services take an Identity, never the request."""

import hashlib
import hmac
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from mijnomgeving.clients.actor import Actor


class IdentifierKind(models.TextChoices):
    """Which number a stored identifier (its hash, or its encrypted form) is: the shared tables
    keep it next to the number, so a KVK number is never read as a BSN."""

    BSN = "bsn", _("BSN")
    KVK = "kvk", _("KVK-nummer")


@dataclass(frozen=True, slots=True)
class Identity:
    """A resident (BSN, via DigiD) or a business (KVK number, via eHerkenning)."""

    bsn: str = ""
    kvk: str = ""

    def __post_init__(self) -> None:
        if bool(self.bsn) == bool(self.kvk):
            raise ValueError("An Identity holds exactly one of bsn and kvk.")

    @property
    def kind(self) -> str:
        return "inwoner" if self.bsn else "ondernemer"

    @property
    def number(self) -> str:
        return self.bsn or self.kvk

    @property
    def identifier_kind(self) -> IdentifierKind:
        return IdentifierKind.BSN if self.bsn else IdentifierKind.KVK

    def __repr__(self) -> str:  # never print the number itself (logs, tracebacks)
        return f"Identity({self.kind}, {identifier_hash(self.number)[:8]}…)"

    __str__ = __repr__


def identifier_hash(number: str) -> str:
    """Keyed hash of a BSN or KVK number: a stable lookup key that reveals nothing."""
    key = settings.PSEUDONYM_SECRET.encode()
    return hmac.new(key, number.encode(), hashlib.sha256).hexdigest()


def pseudonym(identity: Identity) -> str:
    """The user_id for the ZGW audit trail (docs/standards.md Decision 1): no BSN leaves in a JWT."""
    return f"{identity.kind}:{identifier_hash(identity.number)}"


def resident_actor(identity: Identity) -> Actor:
    """The actor for calls made on behalf of a logged-in resident or business."""
    return Actor(user_id=pseudonym(identity), user_representation=f"MijnOmgeving ({identity.kind})")
