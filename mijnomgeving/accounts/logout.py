"""RP-initiated logout: ending the provider's session too, when it advertises an endpoint."""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.http import HttpRequest
from django.urls import reverse

from .oidc_settings import oidc_settings_get
from .session import ID_TOKEN_KEY


@dataclass(frozen=True, slots=True)
class ProviderLogout:
    """The form the browser posts to the provider's end_session_endpoint.

    A POST and not a redirect: the ID token in ``id_token_hint`` can hold the BSN, and no BSN
    may end up in a URL (browser history, proxy logs). OpenID Connect RP-Initiated Logout 1.0
    requires providers to accept both.
    """

    endpoint: str
    params: dict[str, str]

    @property
    def origin(self) -> str:
        parts = urlsplit(self.endpoint)
        return f"{parts.scheme}://{parts.netloc}"


def provider_logout(request: HttpRequest) -> ProviderLogout | None:
    """The provider logout for this session, or None (no endpoint, or not an OIDC login).

    Call before ``django.contrib.auth.logout``: that flushes the ID token from the session.
    """
    id_token = request.session.get(ID_TOKEN_KEY)
    if not isinstance(id_token, str) or not id_token:
        return None
    oidc = oidc_settings_get()
    endpoint = oidc.logout_endpoint
    if not endpoint:
        return None
    return ProviderLogout(
        endpoint=endpoint,
        params={
            "id_token_hint": id_token,
            "post_logout_redirect_uri": request.build_absolute_uri(reverse("accounts:logged-out")),
            "client_id": oidc.client_id,
        },
    )
