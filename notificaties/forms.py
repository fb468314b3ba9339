"""The Meldingen page's form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import NotificationPreference


class PreferenceForm(forms.Form):
    case_updates = forms.BooleanField(
        required=False,
        label=_("Stuur mij een bericht als er iets verandert in mijn zaak"),
        help_text=_(
            "Bijvoorbeeld als uw zaak een nieuwe stap heeft of als er een nieuw document is."
        ),
    )
    channel = forms.ChoiceField(
        choices=NotificationPreference.Channel.choices,
        widget=forms.RadioSelect,
        label=_("Hoe wilt u het bericht krijgen?"),
    )
