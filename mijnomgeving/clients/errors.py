"""Typed failures of the client layer: an outage must never look like an empty result."""

from django.core.exceptions import ImproperlyConfigured


class ClientConfigurationError(ImproperlyConfigured):
    """A back office is not configured (no Service with the slug, or an unsupported auth type)."""


class UpstreamError(Exception):
    """A call to a back office failed; carries no query string, so no BSN.

    `url` is the address without its query, `duration` the seconds the call took (0.0 when
    the call was refused before it was sent), `status_code` the HTTP status if one came back.
    """

    def __init__(
        self,
        reason: str,
        *,
        service: str,
        url: str,
        duration: float = 0.0,
        status_code: int | None = None,
    ) -> None:
        self.reason = reason
        self.service = service
        self.url = url
        self.duration = duration
        self.status_code = status_code
        super().__init__(str(self))

    def __str__(self) -> str:
        status = f" (HTTP {self.status_code})" if self.status_code is not None else ""
        return f"{self.service}: {self.reason}{status} for {self.url} after {self.duration * 1000:.0f} ms"

    def __reduce__(self) -> tuple[object, ...]:  # picklable (task queues, caches) with kwargs
        return (
            _rebuild,
            (type(self), self.reason, self.service, self.url, self.duration, self.status_code),
        )


def _rebuild(
    cls: type[UpstreamError],
    reason: str,
    service: str,
    url: str,
    duration: float,
    status_code: int | None,
) -> UpstreamError:
    return cls(reason, service=service, url=url, duration=duration, status_code=status_code)


class UpstreamUnavailable(UpstreamError):
    """Timeout, refused or dropped connection, HTTP 5xx or 429: try again later."""


class UpstreamNotFound(UpstreamError):
    """HTTP 404 (or 410): the resource does not exist, or not for this client."""


class UpstreamInvalidResponse(UpstreamError):
    """The answer cannot be used: not JSON, the wrong shape, a required field missing."""


class UpstreamRejected(UpstreamInvalidResponse):
    """HTTP 4xx other than 404/410/429: the back office refused the request.

    400 means the portal sent something the API does not accept; 401/403 mean the
    portal's credentials or authorisations (zaaktype, vertrouwelijkheid; zrc-006) do not
    cover it. For the resident both are "cannot be shown now"; `status_code` tells them
    apart for services that want to treat a 403 on a detail page as "not found".
    """


class ForeignUrlError(UpstreamInvalidResponse):
    """A URL (a `next` link, a resource reference) lies outside the service's api_root.

    Raised before anything is sent: credentials only ever go to the configured back office.
    """
