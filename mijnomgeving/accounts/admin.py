"""Admin for the DigiD login's OIDC configuration; the client secret can be set, never read back."""

from typing import Any

from django import forms
from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from solo.admin import SingletonModelAdmin

from .models import OIDCConfig


class OIDCConfigForm(forms.ModelForm):
    """An empty secret field keeps the stored secret; only "Geheim wissen" removes it."""

    client_secret = forms.CharField(
        label=_("client-geheim"),
        required=False,
        strip=False,
        max_length=OIDCConfig._meta.get_field("client_secret").max_length,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
    )
    clear_client_secret = forms.BooleanField(label=_("geheim wissen"), required=False)

    class Meta:
        model = OIDCConfig
        fields = ("client_secret",)  # the admin adds its fieldsets' fields

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.initial["client_secret"] = ""  # the stored secret never goes to the browser
        self.fields["client_secret"].help_text = (
            _("Er is een geheim opgeslagen. Laat dit veld leeg om het te houden.")
            if self.instance.client_secret
            else _("Er is geen geheim opgeslagen: de instelling OIDC_RP_CLIENT_SECRET geldt.")
        )
        self.fields["clear_client_secret"].help_text = _(
            "Verwijdert het opgeslagen geheim; daarna geldt OIDC_RP_CLIENT_SECRET van de server."
        )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("clear_client_secret"):
            cleaned["client_secret"] = ""
        elif not cleaned.get("client_secret"):
            cleaned["client_secret"] = self.instance.client_secret
        return cleaned


@admin.register(OIDCConfig)
class OIDCConfigAdmin(SingletonModelAdmin):
    form = OIDCConfigForm
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = (
        (None, {"fields": ("enabled",)}),
        (_("Client"), {"fields": ("client_id", "client_secret", "clear_client_secret")}),
        (
            _("Provider"),
            {
                "fields": (
                    "issuer",
                    "authorization_endpoint",
                    "token_endpoint",
                    "user_endpoint",
                    "jwks_endpoint",
                    "logout_endpoint",
                )
            },
        ),
        (_("BSN en DigiD-niveau"), {"fields": ("bsn_claim", "loa_claim", "min_loa")}),
        (_("Techniek"), {"fields": ("sign_algo", "scopes", "verify_kid", "timeout")}),
    )
