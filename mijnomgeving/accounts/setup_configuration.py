"""django-setup-configuration step for the DigiD login's OIDC settings (namespace `oidc_config`)."""

from urllib.parse import urljoin, urlsplit

from django.core.exceptions import ValidationError
from django.db import transaction
from django_setup_configuration.configuration import BaseConfigurationStep
from django_setup_configuration.exceptions import ConfigurationRunFailed
from django_setup_configuration.models import ConfigurationModel
from pydantic import Field, field_validator

from .loa import loa_level
from .models import OIDCConfig

ENDPOINTS = (
    "authorization_endpoint",
    "token_endpoint",
    "user_endpoint",
    "jwks_endpoint",
    "logout_endpoint",
)


class OIDCConfigurationModel(ConfigurationModel):
    """The whole configuration: a field the file leaves out is stored empty, and an empty
    field means the server's OIDC_* environment variable. Secrets belong in
    ``value_from: {env: NAME}``, never in the file."""

    enabled: bool = Field(True, description="Use these settings instead of the environment.")
    client_id: str = ""
    client_secret: str = ""
    issuer: str = Field("", examples=["https://digid-broker.gemeente.example"])
    authorization_endpoint: str = Field(
        "", description="Absolute, or relative to the issuer.", examples=["oauth2/authorize"]
    )
    token_endpoint: str = ""
    user_endpoint: str = ""
    jwks_endpoint: str = ""
    logout_endpoint: str = ""
    sign_algo: str = Field("", examples=["RS256"])
    scopes: str = Field("", examples=["openid"])
    bsn_claim: str = Field("", examples=["bsn"])
    loa_claim: str = Field("", examples=["acr"])
    min_loa: str = Field(
        "", description="basis, midden, substantieel or hoog, or its SAML class URN."
    )
    verify_kid: bool | None = None
    timeout: float | None = None

    @field_validator("min_loa")
    @classmethod
    def _known_level(cls, value: str) -> str:
        if value and not loa_level(value):
            raise ValueError(f"{value!r} is not a DigiD level (basis, midden, substantieel, hoog)")
        return loa_level(value)


class OIDCConfigurationStep(BaseConfigurationStep[OIDCConfigurationModel]):
    """The DigiD login's OIDC client and provider: the singleton OIDCConfig becomes what the
    file says, so loading it twice changes nothing. Endpoints without a scheme are resolved
    on the issuer, so a provider's address is one value (``value_from`` an env variable)."""

    verbose_name = "DigiD-inloggen (OIDC)"
    config_model = OIDCConfigurationModel
    namespace = "oidc_config"
    enable_setting = "oidc_config_enable"

    def execute(self, model: OIDCConfigurationModel) -> None:
        values = model.model_dump()
        for name in ENDPOINTS:
            values[name] = _absolute(values[name], issuer=model.issuer, field=name)
        with transaction.atomic():
            config = OIDCConfig.get_solo()
            for name, value in values.items():
                setattr(config, name, value)
            try:
                config.full_clean()
            except ValidationError as exc:
                problems = "; ".join(
                    f"{field}: {' '.join(messages)}" for field, messages in exc.message_dict.items()
                )
                raise ConfigurationRunFailed(f"oidc_config is not valid: {problems}") from exc
            config.save()


def _absolute(url: str, *, issuer: str, field: str) -> str:
    if not url or urlsplit(url).scheme:
        return url
    if not issuer:
        raise ConfigurationRunFailed(
            f"oidc_config.{field} {url!r} is relative, but there is no issuer to resolve it on."
        )
    return urljoin(f"{issuer.rstrip('/')}/", url)
