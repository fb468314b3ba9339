"""Admin: the inbox and outbox with their states and a retry action, texts, the abonnement."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from mijnomgeving.clients.base import ClientConfigurationError, UpstreamError

from .inbox import enqueue_notification
from .models import (
    MessageTemplate,
    NotificationPreference,
    OutgoingMessage,
    ReceivedNotification,
    Subscription,
)
from .outbox import message_retry
from .processing import notification_retry
from .subscription import SubscriptionError, subscription_register
from .tasks import enqueue_message


@admin.register(ReceivedNotification)
class ReceivedNotificationAdmin(admin.ModelAdmin):
    list_display = (
        "id",
        "received_at",
        "kanaal",
        "resource",
        "actie",
        "status",
        "attempts",
        "outcome",
    )
    list_filter = ("status", "kanaal", "resource")
    search_fields = ("resource_url", "hoofd_object")
    readonly_fields = [field.name for field in ReceivedNotification._meta.fields]
    actions = ["retry"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.action(description=_("Opnieuw verwerken (mislukt of genegeerd)"))
    def retry(self, request: HttpRequest, queryset: QuerySet[ReceivedNotification]) -> None:
        count = 0
        for notification in queryset:
            if notification_retry(notification):
                enqueue_notification(notification.pk)
                count += 1
        self.message_user(
            request, _("%(count)d notificatie(s) opnieuw ingepland.") % {"count": count}
        )


@admin.register(OutgoingMessage)
class OutgoingMessageAdmin(admin.ModelAdmin):
    list_display = (
        "id",
        "created_at",
        "kind",
        "channel",
        "channel_fallback",
        "status",
        "skip_reason",
        "attempts",
        "sent_at",
    )
    list_filter = ("status", "kind", "channel", "channel_fallback", "skip_reason")
    exclude = ("recipient",)
    readonly_fields = [f.name for f in OutgoingMessage._meta.fields if f.name != "recipient"]
    actions = ["retry"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.action(description=_("Opnieuw versturen (mislukt)"))
    def retry(self, request: HttpRequest, queryset: QuerySet[OutgoingMessage]) -> None:
        count = 0
        for message in queryset:
            if message_retry(message):
                enqueue_message(message.pk)
                count += 1
        self.message_user(request, _("%(count)d bericht(en) opnieuw ingepland.") % {"count": count})


@admin.register(MessageTemplate)
class MessageTemplateAdmin(admin.ModelAdmin):
    list_display = ("kind", "subject")


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    list_display = ("identifier_hash", "case_updates", "channel", "updated_at")
    readonly_fields = ("identifier_hash", "case_updates", "channel", "updated_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


REGISTRATION_ACTIONS = {
    "created": _("Abonnement aangemaakt bij de Notificaties API: %(url)s"),
    "updated": _("Abonnement bijgewerkt bij de Notificaties API: %(url)s"),
    "unchanged": _("Abonnement was al goed ingesteld bij de Notificaties API: %(url)s"),
}


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ("client_id", "abonnement_url", "callback_url", "registered_at", "last_error")
    exclude = ("secret",)
    readonly_fields = (
        "client_id",
        "abonnement_url",
        "callback_url",
        "kanalen",
        "registered_at",
        "last_error",
    )
    actions = ["register"]
    # The "Abonnement registreren" button: it works with no row yet (a fresh install).
    change_list_template = "notificaties/admin/subscription_change_list.html"

    def get_urls(self) -> list[URLPattern]:
        extra = [
            path(
                "registreren/",
                self.admin_site.admin_view(self.register_view),
                name="notificaties_subscription_register",
            )
        ]
        return extra + super().get_urls()

    def register_view(self, request: HttpRequest) -> HttpResponseRedirect | HttpResponseNotAllowed:
        """The changelist's "Abonnement registreren" button (POST only)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_add_permission(request):  # it may create the Subscription row
            raise PermissionDenied
        self._register(request)
        return HttpResponseRedirect(reverse("admin:notificaties_subscription_changelist"))

    @admin.action(description=_("Abonnement registreren bij de Notificaties API"))
    def register(self, request: HttpRequest, queryset: QuerySet[Subscription]) -> None:
        self._register(request)

    def _register(self, request: HttpRequest) -> None:
        try:
            registration = subscription_register()
        except SubscriptionError as error:  # the NRC's refusal, explained
            self.message_user(
                request,
                gettext("Registreren is niet gelukt. %(reason)s") % {"reason": error},
                level=messages.ERROR,
            )
            return
        except UpstreamError as error:
            self.message_user(
                request,
                gettext(
                    "Registreren is niet gelukt: de Notificaties API is niet bereikbaar. "
                    "Probeer het later opnieuw. (%(error)s)"
                )
                % {"error": error},
                level=messages.ERROR,
            )
            return
        except ClientConfigurationError as error:
            self.message_user(
                request,
                gettext(
                    "Registreren is niet gelukt: de Notificaties API is niet ingesteld. "
                    "Voeg de service toe bij API-services. (%(error)s)"
                )
                % {"error": error},
                level=messages.ERROR,
            )
            return
        self.message_user(
            request,
            REGISTRATION_ACTIONS[registration.action]
            % {"url": registration.subscription.abonnement_url},
            level=messages.SUCCESS,
        )
