"""Where a message leaves the portal: Django's mail backend, or NotifyNL (e-mail and SMS).

Each sender returns a reference the provider knows the message by. NotifyNL is given our
own `reference` (from the dedupe key), so after a crash mid-send the portal can ask NotifyNL
whether the message went out (`sent_by_reference`).
"""

from django.conf import settings
from django.core.mail import EmailMessage

from mijnomgeving.clients.errors import ClientConfigurationError
from mijnomgeving.clients.notifynl import NotifyNLClient, build_notifynl_client

from .models import OutgoingMessage

Channel = OutgoingMessage.Channel


class ChannelError(Exception):
    """The channel cannot send (misconfigured); retrying will not help without an admin."""


def reference_for(message: OutgoingMessage) -> str:
    return f"mijnomgeving-{message.dedupe_key[:40]}"


def uses_notifynl(message: OutgoingMessage) -> bool:
    return message.channel == Channel.SMS or settings.NOTIFICATION_EMAIL_CHANNEL == "notifynl"


def _notifynl() -> NotifyNLClient:
    try:
        return build_notifynl_client()
    except ClientConfigurationError as error:
        raise ChannelError(str(error)) from None


def _send_notifynl(message: OutgoingMessage) -> str:
    client = _notifynl()
    sms = message.channel == Channel.SMS
    setting = "NOTIFYNL_SMS_TEMPLATE_ID" if sms else "NOTIFYNL_EMAIL_TEMPLATE_ID"
    template_id = getattr(settings, setting)
    if not template_id:
        raise ChannelError(f"{setting} is not set.")
    send = client.send_sms if sms else client.send_email
    address = {"phone_number" if sms else "email_address": message.recipient}
    return send(
        **address,
        template_id=template_id,
        personalisation={"onderwerp": message.subject, "bericht": message.body},
        reference=reference_for(message),
    )


def _send_email(message: OutgoingMessage) -> str:
    message_id = f"<{message.dedupe_key[:40]}@mijnomgeving>"
    EmailMessage(
        subject=message.subject,
        body=message.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[message.recipient],
        headers={"Message-ID": message_id, "X-MijnOmgeving-Bericht": str(message.pk)},
    ).send(fail_silently=False)
    return message_id


def message_deliver(message: OutgoingMessage) -> str:
    """Hand the message to its channel; any exception means it was not accepted."""
    if uses_notifynl(message):
        return _send_notifynl(message)
    return _send_email(message)


def sent_by_reference(message: OutgoingMessage) -> bool | None:
    """Whether NotifyNL knows a message with our reference; None when we cannot tell."""
    if not uses_notifynl(message):
        return None
    return _notifynl().knows_reference(reference_for(message))
