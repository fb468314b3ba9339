"""The desk's look-up form: a BSN that passes the 11-proef and a purpose, always."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from mijnomgeving.accounts.bsn import elfproef
from mijnomgeving.audit.models import DESK_PURPOSES, Purpose


class LookupForm(forms.Form):
    bsn = forms.CharField(
        label=_("BSN van de inwoner"),
        help_text=_("9 cijfers, zonder spaties of punten."),
        max_length=20,
        error_messages={"required": _("Vul het BSN van de inwoner in.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    purpose = forms.ChoiceField(
        label=_("Waarom bekijkt u de gegevens?"),
        choices=[(purpose.value, purpose.label) for purpose in DESK_PURPOSES],
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies waarom u de gegevens van de inwoner bekijkt.")},
    )
    purpose_text = forms.CharField(
        label=_("Toelichting"),
        help_text=_("Verplicht als u 'Anders' kiest."),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_bsn(self) -> str:
        bsn = "".join(self.cleaned_data["bsn"].split()).replace(".", "")
        if not elfproef(bsn):
            raise forms.ValidationError(
                _("Dit is geen geldig BSN. Een BSN heeft 9 cijfers en moet de elfproef doorstaan.")
            )
        return bsn

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["purpose_text"] = (data.get("purpose_text") or "").strip()
        if data.get("purpose") == Purpose.OTHER and not data["purpose_text"]:
            self.add_error("purpose_text", _("Schrijf op waarom u de gegevens bekijkt."))
        return data
