"""`manage.py register_subscription`: create or update the portal's abonnement (idempotent)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from mijnomgeving.clients.base import UpstreamError
from notificaties.subscription import SubscriptionError, subscription_register


class Command(BaseCommand):
    help = "Register the webhook at the Notificaties API (POST/PUT /abonnement), idempotently."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            registration = subscription_register()
        except SubscriptionError as error:
            raise CommandError(str(error)) from None
        except UpstreamError as error:
            raise CommandError(f"Notificaties API niet bereikbaar: {error}") from None
        subscription = registration.subscription
        self.stdout.write(
            f"Abonnement {registration.action}: {subscription.abonnement_url} "
            f"(callback {subscription.callback_url})"
        )
