"""Admin for what residents see in MijnZaken: global rules, zaaktypen with their steps, documenttypen."""

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.http import HttpRequest, HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from solo.admin import SingletonModelAdmin

from .configuration import ImportFailed, import_from_catalogi
from .models import InformatieObjectTypeConfig, MijnZakenConfig, StatusTypeConfig, ZaakTypeConfig


@admin.register(MijnZakenConfig)
class MijnZakenConfigAdmin(SingletonModelAdmin):
    fieldsets = (
        (
            _("Zaken"),
            {"fields": ("zaak_max_vertrouwelijkheid", "show_zaken_without_status")},
        ),
        (
            _("Documenten"),
            {"fields": ("document_max_vertrouwelijkheid", "document_richtingen")},
        ),
    )


class StatusTypeConfigForm(forms.ModelForm):
    """A saved step's omschrijving is fixed: it is the key that ties the row to the catalogus
    (Decision 5), so editing it would silently detach the configuration from the step."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["omschrijving"].disabled = True


class StatusTypeConfigInline(admin.TabularInline):
    model = StatusTypeConfig
    form = StatusTypeConfigForm
    extra = 0
    ordering = ("volgnummer", "omschrijving")
    fields = (
        "volgnummer",
        "omschrijving",
        "statustekst",
        "label",
        "explanation",
        "shown_in_timeline",
        "notify",
        "action_required",
    )
    readonly_fields = ("statustekst",)


@admin.register(ZaakTypeConfig)
class ZaakTypeConfigAdmin(admin.ModelAdmin):
    list_display = (
        "omschrijving",
        "name",
        "identificatie",
        "shown",
        "documents_shown",
        "max_vertrouwelijkheid",
    )
    list_display_links = ("omschrijving", "name")
    list_filter = ("shown", "documents_shown", "max_vertrouwelijkheid", "catalogus_url")
    search_fields = ("identificatie", "omschrijving", "name", "statustypen__label")
    inlines = (StatusTypeConfigInline,)
    change_list_template = "admin/zaken/zaaktypeconfig/change_list.html"
    fieldsets = (
        (
            _("Zaaktype in de catalogus"),
            {
                "fields": ("catalogus_url", "identificatie", "omschrijving"),
                "description": _(
                    "Catalogus en identificatie blijven gelijk bij een nieuwe versie van het "
                    "zaaktype; deze instellingen gelden dus ook voor nieuwe versies. Na het "
                    "opslaan liggen ze vast, net als de omschrijving van een opgeslagen stap: "
                    "daarmee worden de instellingen herkend. Klopt er een niet? Verwijder de "
                    "regel en voeg hem opnieuw toe."
                ),
            },
        ),
        (_("Wat de inwoner ziet"), {"fields": ("shown", "name", "explanation")}),
        (_("Zichtbaarheid"), {"fields": ("max_vertrouwelijkheid", "documents_shown")}),
    )

    def get_readonly_fields(self, request: HttpRequest, obj: Model | None = None) -> list[str]:
        """The keys (Decision 5) are fixed once saved: an edit would detach the row."""
        fixed = ["catalogus_url", "identificatie"] if obj is not None else []
        return [*super().get_readonly_fields(request, obj), *fixed]

    def get_urls(self) -> list[URLPattern]:
        extra = [
            path(
                "importeren/",
                self.admin_site.admin_view(self.import_view),
                name="zaken_zaaktypeconfig_import",
            )
        ]
        return extra + super().get_urls()

    def import_view(self, request: HttpRequest) -> HttpResponseRedirect | HttpResponseNotAllowed:
        """The changelist's "Importeren uit de Catalogi API" button (POST only)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_add_permission(request):
            raise PermissionDenied
        try:
            report = import_from_catalogi()
        except ImportFailed as error:
            self.message_user(request, str(error), messages.ERROR)
        else:
            self.message_user(
                request,
                gettext("Importeren is klaar. %(lines)s.") % {"lines": "; ".join(report.lines())},
                messages.SUCCESS,
            )
            for section in report.added_sections():
                self.message_user(request, section.line(), messages.INFO)
            if not report.created:
                self.message_user(request, report.nothing_added, messages.INFO)
        return HttpResponseRedirect(reverse("admin:zaken_zaaktypeconfig_changelist"))


@admin.register(InformatieObjectTypeConfig)
class InformatieObjectTypeConfigAdmin(admin.ModelAdmin):
    list_display = ("omschrijving", "shown", "max_vertrouwelijkheid", "richtingen", "notify")
    list_filter = ("shown", "notify", "max_vertrouwelijkheid", "richtingen", "catalogus_url")
    search_fields = ("omschrijving",)
    list_editable = ("shown", "notify")
    fieldsets = (
        (
            _("Documenttype in de catalogus"),
            {
                "fields": ("catalogus_url", "omschrijving"),
                "description": _(
                    "Na het opslaan liggen catalogus en omschrijving vast: daarmee wordt het "
                    "documenttype herkend. Klopt er een niet? Verwijder de regel en voeg hem "
                    "opnieuw toe."
                ),
            },
        ),
        (
            _("Wat de inwoner ziet"),
            {"fields": ("shown", "max_vertrouwelijkheid", "richtingen", "notify")},
        ),
    )

    def get_readonly_fields(self, request: HttpRequest, obj: Model | None = None) -> list[str]:
        """The keys (Decision 5) are fixed once saved: an edit would detach the row."""
        fixed = ["catalogus_url", "omschrijving"] if obj is not None else []
        return [*super().get_readonly_fields(request, obj), *fixed]
