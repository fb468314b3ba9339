"""The NotifyNL client (the GOV.UK Notify API v2 as NotifyNL serves it): e-mail and SMS from a
template, and the look-up by our own reference. Configured by settings (NOTIFYNL_*), not by a
Service row; calls go through the same transport as every back office: timeouts, a pooled
session, typed errors, nothing logged with the recipient."""

from collections.abc import Mapping

from django.conf import settings

from .actor import PORTAL
from .auth import NotifyJwtAuth
from .base import ApiClient
from .config import ServiceConfig
from .errors import ClientConfigurationError


class NotifyNLClient(ApiClient):
    def send_email(
        self,
        *,
        email_address: str,
        template_id: str,
        personalisation: Mapping[str, str],
        reference: str,
    ) -> str:
        """Hand an e-mail to NotifyNL; returns the id NotifyNL knows it by."""
        return self._notify(
            "email", {"email_address": email_address}, template_id, personalisation, reference
        )

    def send_sms(
        self,
        *,
        phone_number: str,
        template_id: str,
        personalisation: Mapping[str, str],
        reference: str,
    ) -> str:
        """Hand a text message to NotifyNL; returns the id NotifyNL knows it by."""
        return self._notify(
            "sms", {"phone_number": phone_number}, template_id, personalisation, reference
        )

    def _notify(
        self,
        kind: str,
        recipient: dict[str, str],
        template_id: str,
        personalisation: Mapping[str, str],
        reference: str,
    ) -> str:
        body = {
            **recipient,
            "template_id": template_id,
            "personalisation": dict(personalisation),
            "reference": reference,
        }
        data = self._json("POST", self.url(f"notifications/{kind}"), body=body)
        if not isinstance(data, Mapping) or not isinstance(data.get("id"), str):
            raise self._shape_error(self.api_root, "answer without a notification id")
        return str(data["id"])

    def knows_reference(self, reference: str) -> bool:
        """Whether NotifyNL has a notification with this reference of ours."""
        data = self.get_object("notifications", params={"reference": reference})
        found = data.get("notifications")
        if not isinstance(found, list):
            raise self._shape_error(self.url("notifications"), "no list of notifications")
        return bool(found)


def build_notifynl_client() -> NotifyNLClient:
    """The client for settings.NOTIFYNL_BASE_URL with NOTIFYNL_API_KEY, or a configuration
    error that says what is missing."""
    api_key = settings.NOTIFYNL_API_KEY
    if not api_key or len(api_key) < 74:
        raise ClientConfigurationError(
            "NotifyNL is not configured: NOTIFYNL_API_KEY must be a full API key "
            "(name-<service id>-<secret>)."
        )
    config = ServiceConfig(
        slug="notifynl",
        label="NotifyNL",
        api_root=settings.NOTIFYNL_BASE_URL.rstrip("/") + "/v2/",
        auth_type="notifynl",
        auth_override=NotifyJwtAuth(api_key=api_key),
    )
    return NotifyNLClient(config, PORTAL)
