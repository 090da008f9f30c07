"""Forms of the beheerder's privacy pages. They check and convert input; the services in
``participatie.services.privacy`` decide and write."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from wup.forms import UtrechtFormMixin


class ZoekForm(UtrechtFormMixin, forms.Form):
    email = forms.EmailField(
        label=_("E-mailadres van de persoon"),
        max_length=254,
        help_text=_("Het adres waarmee de persoon zich aanmeldde, een vraag stelde of meedeed."),
        error_messages={
            "required": _("Vul het e-mailadres in."),
            "invalid": _("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl."),
        },
    )


class WissenForm(ZoekForm):
    bevestigd = forms.BooleanField(
        label=_("Ik heb het verzoek van deze persoon gecontroleerd en wil de gegevens wissen"),
        help_text=_("Wissen kan niet ongedaan worden gemaakt."),
        error_messages={
            "required": _("Vink aan dat u de gegevens van deze persoon wilt wissen."),
        },
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # The address comes from the search above; here it travels along unseen.
        self.fields["email"].widget = forms.HiddenInput()
