"""The processing log in the admin: read-only, masked BSN, date filter, CSV export (logged)."""

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mijnomgeving.accounts.bsn import elfproef
from mijnomgeving.accounts.identity import IdentifierKind, identifier_hash
from mijnomgeving.accounts.staff import staff_member

from . import crypto
from .export import csv_lines
from .log import record_export
from .models import ProcessingLogEntry

EXPORT_PERMISSION = "audit.export_processinglogentry"


@admin.register(ProcessingLogEntry)
class ProcessingLogEntryAdmin(admin.ModelAdmin):
    list_display = (
        "created_at",
        "staff_username",
        "masked_number",
        "purpose",
        "seen",
        "subject_label",
    )
    list_filter = ("created_at", "purpose", "kind", "subject_service")
    date_hierarchy = "created_at"
    search_fields = ("staff_username", "subject_label", "listed_labels")
    search_help_text = _("Zoek op gebruikersnaam, onderwerp (zaaknummer) of een volledig BSN.")
    fields = (
        "created_at",
        "staff_user_id",
        "staff_username",
        "staff_full_name",
        "identifier_kind",
        "masked_number",
        "purpose",
        "purpose_text",
        "lookup_id",
        "seen",
        "list_name",
        "page_number",
        "listed_labels",
        "subject_service",
        "subject_kind",
        "subject_label",
        "subject_uuid",
        "document_uuid",
    )
    readonly_fields = fields
    actions = ("export_csv",)

    @admin.display(description=_("BSN of KVK-nummer"))
    def masked_number(self, entry: ProcessingLogEntry) -> str:
        return crypto.mask(entry.identifier_tail, entry.identifier_kind)

    @admin.display(description=_("wat is bekeken"), ordering="kind")
    def seen(self, entry: ProcessingLogEntry) -> str:
        return entry.seen_display()

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[ProcessingLogEntry], search_term: str
    ) -> tuple[QuerySet[ProcessingLogEntry], bool]:
        """A full BSN is looked up by its keyed hash; the BSN itself is never queried."""
        term = search_term.strip()
        if elfproef(term):
            hashed = identifier_hash(term)
            return queryset.filter(
                identifier_kind=IdentifierKind.BSN, identifier_hash=hashed
            ), False
        return super().get_search_results(request, queryset, search_term)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_export_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm(EXPORT_PERMISSION)

    @admin.action(
        description=_("Exporteer de gekozen verwerkingen als CSV"), permissions=["export"]
    )
    def export_csv(
        self, request: HttpRequest, queryset: QuerySet[ProcessingLogEntry]
    ) -> StreamingHttpResponse:
        # Showing full BSNs is a processing step itself: logged before anything is sent, and
        # left out of this file ("select all" would otherwise pick up the new entries).
        export_id = record_export(staff=staff_member(request.user), entries=queryset)
        entries = queryset.exclude(lookup_id=export_id).order_by("created_at", "id").iterator()
        response = StreamingHttpResponse(csv_lines(entries), content_type="text/csv; charset=utf-8")
        filename = f"verwerkingen-{timezone.localdate():%Y%m%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "private, no-store"
        return response
