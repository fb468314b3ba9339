"""Admin: the inbox and outbox with their states and a retry action, texts, the abonnement."""

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
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
        "status",
        "skip_reason",
        "attempts",
        "sent_at",
    )
    list_filter = ("status", "kind", "channel", "skip_reason")
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

    @admin.action(description=_("Abonnement registreren bij de Notificaties API"))
    def register(self, request: HttpRequest, queryset: QuerySet[Subscription]) -> None:
        try:
            registration = subscription_register()
        except (SubscriptionError, UpstreamError, ClientConfigurationError) as error:
            self.message_user(request, str(error), level=messages.ERROR)
            return
        self.message_user(
            request,
            _("Abonnement %(action)s: %(url)s")
            % {"action": registration.action, "url": registration.subscription.abonnement_url},
        )
