"""Reading a zgw_consumers Service into the plain configuration a client is built from."""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from zgw_consumers.constants import AuthTypes
from zgw_consumers.models import Service

from .auth import ApiKeyAuth, Auth, NoAuth, ZgwJwtAuth
from .errors import ClientConfigurationError


@dataclass(frozen=True, slots=True)
class ServiceConfig:
    """What a client needs from a zgw_consumers Service, detached from the ORM."""

    slug: str
    label: str
    api_root: str
    auth_type: str
    client_id: str = ""
    secret: str = field(default="", repr=False)
    header_key: str = ""
    header_value: str = field(default="", repr=False)
    verify: str | bool = True
    cert: str | tuple[str, str] | None = None
    oauth2_token_url: str = ""
    oauth2_scope: str = ""
    #: Seconds for connect and read when not the UPSTREAM_* settings (the OIDC provider's).
    timeout: float | None = None
    #: Credentials that no Service row describes (NotifyNL); else auth_type decides.
    auth_override: Auth | None = field(default=None, repr=False)

    @property
    def auth(self) -> Auth:
        """The credentials every call of this service sends."""
        if self.auth_override is not None:
            return self.auth_override
        if self.auth_type == AuthTypes.zgw:
            return ZgwJwtAuth(client_id=self.client_id, secret=self.secret)
        if self.auth_type == AuthTypes.api_key and self.header_key:
            return ApiKeyAuth(header=self.header_key, value=self.header_value)
        if self.auth_type == AuthTypes.oauth2_client_credentials:
            from .oauth2 import OAuth2ClientCredentialsAuth  # it sends its own token request

            return OAuth2ClientCredentialsAuth(
                token_url=self.oauth2_token_url,
                client_id=self.client_id,
                secret=self.secret,
                scope=self.oauth2_scope,
            )
        return NoAuth()

    @classmethod
    def from_service(cls, service: Service) -> "ServiceConfig":
        verify: str | bool = True
        cert: str | tuple[str, str] | None = None
        try:
            if server_cert := service.server_certificate:
                verify = server_cert.public_certificate.path
            if client_cert := service.client_certificate:
                public = client_cert.public_certificate.path
                cert = (public, key.path) if (key := client_cert.private_key) else public
        except (NotImplementedError, ValueError) as error:  # storage without files on disk
            raise ClientConfigurationError(
                f"Service {service.slug!r}: certificates must be files on disk ({error})."
            ) from None
        api_root = service.api_root if service.api_root.endswith("/") else service.api_root + "/"
        return cls(
            slug=service.slug,
            label=service.label or service.slug,
            api_root=api_root,
            auth_type=service.auth_type,
            client_id=service.client_id,
            secret=service.secret,
            header_key=service.header_key,
            header_value=service.header_value,
            oauth2_token_url=service.oauth2_token_url or "",
            oauth2_scope=service.oauth2_scope or "",
            verify=verify,
            cert=cert,
        )


def endpoint_config(
    url: str, *, slug: str, label: str, timeout: float | None = None, auth: Auth | None = None
) -> ServiceConfig:
    """A service for one endpoint no Service row describes (an OIDC provider's key set, an
    OAuth2 token URL): its root is the URL's folder, so the transport calls nothing else."""
    parts = urlsplit(url)
    return ServiceConfig(
        slug=slug,
        label=label,
        api_root=f"{parts.scheme}://{parts.netloc}{parts.path.rsplit('/', 1)[0]}/",
        auth_type="",
        timeout=timeout,
        auth_override=auth or NoAuth(),
    )


def load_service(slug: str) -> ServiceConfig:
    """The Service with this slug, or a ClientConfigurationError that says what to configure."""
    return load_services(slug)[slug]


def load_services(*slugs: str) -> dict[str, ServiceConfig]:
    """The Services with these slugs, in one query; ClientConfigurationError for the first
    one missing or unusable (a page that needs three APIs asks the database once)."""
    found = {
        service.slug: service
        for service in Service.objects.select_related(
            "server_certificate", "client_certificate"
        ).filter(slug__in=slugs)
    }
    configs = {}
    for slug in slugs:
        service = found.get(slug)
        if service is None:
            raise ClientConfigurationError(
                f"No API service with slug {slug!r}: add it in the admin (Services) or set the "
                "*_SERVICE_SLUG setting to an existing one."
            )
        supported = {
            AuthTypes.zgw,
            AuthTypes.api_key,
            AuthTypes.no_auth,
            AuthTypes.oauth2_client_credentials,
        }
        if service.auth_type not in supported:
            raise ClientConfigurationError(
                f"Service {slug!r}: authorization type {service.auth_type!r} is not supported; "
                "use ZGW client_id + secret, API key, OAuth2 client credentials or none."
            )
        if (
            service.auth_type == AuthTypes.oauth2_client_credentials
            and not service.oauth2_token_url
        ):
            raise ClientConfigurationError(
                f"Service {slug!r}: OAuth2 client credentials need the token URL."
            )
        configs[slug] = ServiceConfig.from_service(service)
    return configs
