"""`manage.py register_subscription`: create or update the portal's abonnement (idempotent)."""

import ipaddress
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from zgw_consumers.models import Service

from mijnomgeving.clients.base import UpstreamError
from notificaties.subscription import SubscriptionError, subscription_register

# settings/base.py's default for SITE_URL: what a server has when nobody set it.
DEFAULT_SITE_URL = "http://127.0.0.1:8000"


def is_local_address(url: str) -> bool:
    """Whether url points at the machine it is used on: localhost, a loopback or 0.0.0.0."""
    host = urlsplit(url).hostname or ""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


class Command(BaseCommand):
    help = "Register the webhook at the Notificaties API (POST/PUT /abonnement), idempotently."

    def handle(self, *args: Any, **options: Any) -> None:
        self._check_callback_address()
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

    def _check_callback_address(self) -> None:
        """Outside development, a callback on this machine itself (SITE_URL's default, or any
        loopback address) reaches only a Notificaties API that runs here too (`make demo`):
        refused before the abonnement points the real one at an address it cannot reach."""
        site_url = settings.SITE_URL
        if settings.DEBUG or not is_local_address(site_url):
            return
        nrc_root = (
            Service.objects.filter(slug=settings.NOTIFICATIES_SERVICE_SLUG)
            .values_list("api_root", flat=True)
            .first()
        )
        if nrc_root is None:
            return  # nothing to register with: subscription_register says what to configure
        if is_local_address(nrc_root):
            return
        which = " (de standaardwaarde)" if site_url == DEFAULT_SITE_URL else ""
        raise CommandError(
            f"SITE_URL is {site_url}{which}: een adres op deze computer zelf. De Notificaties "
            f"API ({nrc_root}) kan de portal daar niet bereiken, dus er "
            "zouden nooit meldingen binnenkomen. Zet SITE_URL op het adres waarop de portal "
            "bereikbaar is, bijvoorbeeld https://mijn.gemeente.nl, en registreer opnieuw. "
            f"/ SITE_URL is {site_url}{' (the default)' if which else ''}, an address on this "
            "machine that the Notificaties API cannot call back: set SITE_URL to the portal's "
            "public address."
        )
