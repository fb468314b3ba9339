"""The resident's choices on the Meldingen page, read and written by identity (hash only)."""

from dataclasses import dataclass

from mijnomgeving.accounts.identity import Identity, identifier_hash

from .models import NotificationPreference


@dataclass(frozen=True, slots=True)
class Preference:
    case_updates: bool = True
    channel: str = NotificationPreference.Channel.EMAIL

    def as_initial(self) -> dict[str, object]:
        return {"case_updates": self.case_updates, "channel": self.channel}


def preference_for_hash(hashed: str) -> Preference:
    row = NotificationPreference.objects.filter(identifier_hash=hashed).first()
    if row is None:
        return Preference()
    return Preference(case_updates=row.case_updates, channel=row.channel)


def preference_for(identity: Identity) -> Preference:
    return preference_for_hash(identifier_hash(identity.number))


def preference_save(identity: Identity, *, case_updates: bool, channel: str) -> None:
    NotificationPreference.objects.update_or_create(
        identifier_hash=identifier_hash(identity.number),
        defaults={"case_updates": case_updates, "channel": channel},
    )
