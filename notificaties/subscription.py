"""Registering the portal's abonnement at the Notificaties API (docs/standards.md §4.3), idempotently."""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from mijnomgeving.clients.notificaties import AbonnementRefused, build_notificaties_client
from mijnomgeving.clients.notificaties_resources import Kanaalfilter

from .auth import auth_fingerprint, auth_header_for
from .models import Subscription

logger = logging.getLogger("mijnomgeving.notificaties")


class SubscriptionError(Exception):
    """The Notificaties API refused the abonnement; the message says why, in Dutch."""


@dataclass(frozen=True, slots=True)
class Registration:
    subscription: Subscription
    action: str  # "created", "updated" or "unchanged"


def callback_url() -> str:
    return f"{settings.SITE_URL}{reverse('notificaties:webhook')}"


def wanted_kanalen() -> tuple[Kanaalfilter, ...]:
    """settings.NOTIFICATIES_KANALEN (default: zaken), each with the filters the portal needs."""
    names = dict.fromkeys(settings.NOTIFICATIES_KANALEN)
    return tuple(Kanaalfilter(naam=naam, filters=_filters(naam)) for naam in names)


def _filters(naam: str) -> dict[str, str]:
    if naam == "zaken" and settings.NOTIFICATIES_ZAKEN_BRONORGANISATIE:
        return {"bronorganisatie": settings.NOTIFICATIES_ZAKEN_BRONORGANISATIE}
    return {}


def subscription_register() -> Registration:
    """Create the abonnement, or bring the existing one for our callback URL up to date.

    The secret is generated once and kept in the Subscription row; the NRC gets
    `Bearer <JWT signed with it>` as `auth`, the same value every time. The NRC never shows
    `auth` back, so the row remembers a fingerprint of what it gave: running this again
    changes nothing (no PUT, no new callback checks) when the abonnement still has our
    callback URL and kanalen and was given this header by this row.
    """
    subscription = Subscription.objects.order_by("pk").first() or Subscription.objects.create()
    client = build_notificaties_client()
    url, auth, kanalen = callback_url(), auth_header_for(subscription), wanted_kanalen()
    ours = [a for a in client.abonnementen() if a.callback_url == url]
    existing = next((a for a in ours if a.url == subscription.abonnement_url), None) or next(
        iter(ours), None
    )
    try:
        if existing is None:
            abonnement = client.create_abonnement(callback_url=url, auth=auth, kanalen=kanalen)
            action = "created"
        elif _holds_our_auth(subscription, existing.url, auth) and _same(existing.kanalen, kanalen):
            abonnement, action = existing, "unchanged"
        else:
            abonnement = client.update_abonnement(
                existing.url, callback_url=url, auth=auth, kanalen=kanalen
            )
            action = "updated"
    except AbonnementRefused as error:
        message = refusal_message(error)
        subscription.last_error = message
        subscription.save(update_fields=["last_error"])
        raise SubscriptionError(message) from None
    subscription.callback_url = url
    subscription.abonnement_url = abonnement.url
    subscription.kanalen = [kanaal.as_api() for kanaal in kanalen]
    subscription.registered_auth_sha256 = auth_fingerprint(auth)
    subscription.registered_at = timezone.now()
    subscription.last_error = ""
    subscription.save()
    logger.info("abonnement %s: %s", action, abonnement.url)
    return Registration(subscription, action)


def _holds_our_auth(subscription: Subscription, abonnement_url: str, auth: str) -> bool:
    """Whether this row gave this header to this abonnement (a new row or secret: it did not)."""
    return bool(
        subscription.abonnement_url == abonnement_url
        and subscription.registered_auth_sha256 == auth_fingerprint(auth)
    )


def _same(left: tuple[Kanaalfilter, ...], right: tuple[Kanaalfilter, ...]) -> bool:
    def key(kanalen: tuple[Kanaalfilter, ...]) -> list[tuple[str, list[tuple[str, str]]]]:
        return sorted((k.naam, sorted(k.filters.items())) for k in kanalen)

    return key(left) == key(right)


def refusal_message(error: AbonnementRefused) -> str:
    problem = getattr(error, "problem", None)
    codes = {code for _, code, _ in problem.invalid_params} if problem else set()
    detail = problem.describe() if problem else str(error)
    if "invalid-callback-url" in codes:
        hint = (
            "De Notificaties API kon de webhook niet bereiken of kreeg geen 2xx-antwoord op "
            f"het testbericht. Controleer SITE_URL ({settings.SITE_URL}) en of de portal "
            "vanaf de Notificaties API bereikbaar is."
        )
    elif "no-auth-on-callback-url" in codes:
        hint = "De webhook antwoordde zonder Authorization niet met 401 of 403."
    else:
        hint = "De Notificaties API weigerde het abonnement."
    return f"{hint} ({detail})"
