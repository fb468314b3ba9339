"""What a processing-log entry or an outgoing message is about: one object of one service.

The shared tables (the processing log, the outbox) record a subject as service + kind +
reference + label rather than in zaak columns, so MijnTaken, MijnBerichten and MijnProfiel
rows fit beside MijnZaken's. A new service adds its values to `Service` and `SubjectKind`
(a migration that only changes choices) and builds its subjects like `zaak_subject`.
"""

from dataclasses import dataclass
from uuid import UUID

from django.db import models
from django.utils.translation import gettext_lazy as _


class Service(models.TextChoices):
    ZAKEN = "zaken", _("MijnZaken")


class SubjectKind(models.TextChoices):
    ZAAK = "zaak", _("Zaak")


@dataclass(frozen=True, slots=True)
class Subject:
    """One object of one service, or (no reference) the kind of objects an overview lists.

    `url` is the back office's URL of the object (what the outbox keys a resident's messages
    on); `uuid` is the identifier a page was asked with (what the processing log records: an
    attempt never got as far as the URL); `label` is how people know it (the zaaknummer in the
    log, the zaaktype's name in a message).
    """

    service: Service
    kind: SubjectKind
    url: str = ""
    uuid: UUID | None = None
    label: str = ""


def zaak_subject(*, url: str = "", uuid: UUID | None = None, label: str = "") -> Subject:
    return Subject(Service.ZAKEN, SubjectKind.ZAAK, url=url, uuid=uuid, label=label)
