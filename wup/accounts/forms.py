"""Forms of the account pages: the code of the second step, the password change."""

from __future__ import annotations

import re

from django import forms
from django.contrib.auth.forms import PasswordChangeForm
from django.utils.translation import gettext_lazy as _
from django_otp.models import VerifyNotAllowed

from wup.accounts import tweestap
from wup.forms import UtrechtFormMixin

_APP_CODE = re.compile(r"^\d{6}$")


class CodeForm(UtrechtFormMixin, forms.Form):
    """A code from the authenticator app (6 digits) or one backup code (8 characters)."""

    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        help_text=_(
            "De zes cijfers die uw authenticator-app nu toont, of een van uw reservecodes."
        ),
        error_messages={"required": _("Vul de code in.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "spellcheck": "false"}
        ),
    )

    def __init__(self, *args, user, reservecodes: bool = True, apparaat=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.reservecodes = reservecodes
        self.apparaat = apparaat  # set: check against this (unconfirmed) device only
        self.gebruikt = None
        if not reservecodes:
            self.fields["code"].help_text = _("De zes cijfers die uw authenticator-app nu toont.")

    def clean_code(self) -> str:
        code = re.sub(r"[\s-]", "", self.cleaned_data["code"]).lower()
        if _APP_CODE.match(code):
            apparaat = self.apparaat or tweestap.app_voor(self.user)
        elif self.reservecodes:
            apparaat = tweestap.reserve_voor(self.user)
        else:
            raise forms.ValidationError(_("Een code uit de app bestaat uit zes cijfers."))
        if apparaat is None:
            raise forms.ValidationError(
                _("Deze code is onjuist. Controleer hem en probeer het opnieuw.")
            )
        mag, extra = apparaat.verify_is_allowed()
        if not mag:
            if extra and extra.get("reason") == VerifyNotAllowed.N_FAILED_ATTEMPTS:
                raise forms.ValidationError(
                    _(
                        "U heeft te vaak een onjuiste code ingevuld. Wacht even en probeer het "
                        "dan opnieuw met een nieuwe code."
                    )
                )
            raise forms.ValidationError(_("Controleren kan nu niet. Probeer het later opnieuw."))
        if self.apparaat is None and not apparaat.verify_token(code):
            raise forms.ValidationError(
                _("Deze code is onjuist of al gebruikt. Controleer hem en probeer het opnieuw.")
            )
        self.gebruikt = apparaat
        return code


class UitzettenForm(UtrechtFormMixin, forms.Form):
    password = forms.CharField(
        label=_("Uw wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("Ter bevestiging dat u het zelf bent."),
        error_messages={"required": _("Vul uw wachtwoord in.")},
    )

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Dit wachtwoord is onjuist."))
        return password


class WachtwoordWijzigenForm(UtrechtFormMixin, PasswordChangeForm):
    pass
