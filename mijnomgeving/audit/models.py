"""One row per look-up, page or export of a resident's data: kept, never edited."""

import uuid
from typing import Any, NoReturn

from django.db import models
from django.utils.translation import gettext_lazy as _

from mijnomgeving.accounts.identity import IdentifierKind
from mijnomgeving.subjects import Service, SubjectKind


class Purpose(models.TextChoices):
    """Why someone looks at a resident's data: the desk form's choices, and the export's."""

    DESK_QUESTION = "balie", _("Vraag van de inwoner aan de balie")
    PHONE_QUESTION = "telefoon", _("Telefonische vraag")
    COMPLAINT = "klacht", _("Klacht")
    OTHER = "anders", _("Anders")
    ACCOUNTABILITY = "verantwoording", _("Verantwoording aan de privacy officer")


# What a desk employee may choose; accountability is the export's own purpose, never theirs.
DESK_PURPOSES = (
    Purpose.DESK_QUESTION,
    Purpose.PHONE_QUESTION,
    Purpose.COMPLAINT,
    Purpose.OTHER,
)


class PageKind(models.TextChoices):
    """What kind of page: what it was about is the entry's subject (a zaak, later a taak...)."""

    LOOKUP = "opzoeken", _("Inwoner opgezocht")
    OVERVIEW = "overzicht", _("Overzicht")
    DETAIL = "detail", _("Detailpagina")
    DOCUMENT = "document", _("Document gedownload")
    # The back office was asked about the resident, but nothing was shown: not found, not
    # hers, hidden, or the back office was down.
    ATTEMPT = "poging", _("Poging, niets getoond")
    EXPORT = "export", _("Geëxporteerd als CSV")


# What "wat is bekeken" says of a page about one kind of subject, as the log always said it;
# a page without words of its own here shows its PageKind label.
SEEN_LABELS = {
    (PageKind.OVERVIEW.value, SubjectKind.ZAAK.value): _("Zakenoverzicht"),
    (PageKind.DETAIL.value, SubjectKind.ZAAK.value): _("Zaak"),
}


class OverviewList(models.TextChoices):
    """Which list an overview showed; a service adds its own lists."""

    ZAKEN_OPEN = "lopend", _("Lopende zaken")
    ZAKEN_CLOSED = "afgerond", _("Afgeronde zaken")


class ImmutableEntryError(Exception):
    """The processing log only grows: an entry is never changed or deleted."""


class ProcessingLogQuerySet(models.QuerySet["ProcessingLogEntry"]):
    """Adding is all there is: bulk changes and deletes fail like an instance's would."""

    def update(self, **kwargs: Any) -> NoReturn:
        raise ImmutableEntryError("Processing log entries cannot be changed.")

    def bulk_update(self, objs: Any, fields: Any, batch_size: int | None = None) -> NoReturn:
        raise ImmutableEntryError("Processing log entries cannot be changed.")

    def update_or_create(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise ImmutableEntryError("Processing log entries cannot be changed.")

    def delete(self) -> NoReturn:
        raise ImmutableEntryError("Processing log entries cannot be deleted.")

    delete.alters_data = True  # type: ignore[attr-defined]
    delete.queryset_only = True  # type: ignore[attr-defined]

    def _raw_delete(self, using: Any) -> NoReturn:
        raise ImmutableEntryError("Processing log entries cannot be deleted.")


class ProcessingLogEntry(models.Model):
    created_at = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)
    # The staff member as they were at that moment; no foreign key, so the entry outlives
    # the account.
    staff_user_id = models.BigIntegerField(_("medewerker (id)"))
    staff_username = models.CharField(_("gebruikersnaam medewerker"), max_length=150)
    staff_full_name = models.CharField(_("naam medewerker"), max_length=300, blank=True)
    # Whose data: which number (a BSN, a KVK number), the number encrypted (crypto.py), its
    # keyed hash to search on, the last two digits to show in lists.
    identifier_kind = models.CharField(
        _("soort nummer"), max_length=10, choices=IdentifierKind.choices, editable=False
    )
    identifier_encrypted = models.TextField(_("nummer (versleuteld)"), editable=False)
    identifier_hash = models.CharField(
        _("nummer (hash)"), max_length=64, db_index=True, editable=False
    )
    identifier_tail = models.CharField(_("laatste cijfers nummer"), max_length=2, editable=False)
    purpose = models.CharField(_("doel"), max_length=20, choices=Purpose.choices)
    purpose_text = models.CharField(_("toelichting doel"), max_length=500, blank=True)
    lookup_id = models.UUIDField(_("inzage"), default=uuid.uuid4, db_index=True)
    kind = models.CharField(_("wat is bekeken"), max_length=20, choices=PageKind.choices)
    # What the page was about (mijnomgeving/subjects.py): one object of one service, by the
    # UUID it was asked with and the label people know it by (a zaak: its zaaknummer); for an
    # overview, the kind of objects listed. Empty for a look-up or an export.
    subject_service = models.CharField(
        _("dienst"), max_length=20, choices=Service.choices, blank=True
    )
    subject_kind = models.CharField(
        _("soort onderwerp"), max_length=20, choices=SubjectKind.choices, blank=True
    )
    subject_uuid = models.UUIDField(_("onderwerp (uuid)"), null=True, blank=True)
    subject_label = models.CharField(_("onderwerp"), max_length=200, blank=True)
    # An overview: which list, which page, and the labels of the objects it listed.
    list_name = models.CharField(
        _("lijst"), max_length=20, choices=OverviewList.choices, blank=True
    )
    page_number = models.PositiveIntegerField(_("pagina"), null=True, blank=True)
    listed_labels = models.JSONField(_("onderwerpen in de lijst"), default=list, blank=True)
    document_uuid = models.UUIDField(_("document (uuid)"), null=True, blank=True)

    objects = ProcessingLogQuerySet.as_manager()

    class Meta:
        verbose_name = _("verwerking")
        verbose_name_plural = _("verwerkingen")
        ordering = ("-created_at", "-id")
        # Only viewing exists as a permission: nobody, not even a superuser, may add,
        # change or delete entries through the admin.
        default_permissions = ("view",)
        permissions = [("export_processinglogentry", _("Verwerkingen exporteren (CSV)"))]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.staff_username} {self.seen_display()}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None or not self._state.adding:
            raise ImmutableEntryError("A processing log entry cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise ImmutableEntryError("A processing log entry cannot be deleted.")

    def seen_display(self) -> str:
        """What was seen, in words: "Zaak", "Zakenoverzicht", "Document gedownload"."""
        label = SEEN_LABELS.get((self.kind, self.subject_kind))
        return str(label if label is not None else self.get_kind_display())
