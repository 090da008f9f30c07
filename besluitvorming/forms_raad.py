"""Forms of step 6's part 'raad'. They only shape the input; the services check the rest and
their errors are put next to the fields."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from wup.constants import Fase
from wup.forms import UtrechtFormMixin
from wup.workflow import TERUGSTUUR_FASEN

_DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
_DATUM_FOUTEN = {
    "required": _("Vul de datum van het raadsbesluit in."),
    "invalid": _("Vul een geldige datum in, bijvoorbeeld 17-03-2026."),
}


class AanbiedenForm(UtrechtFormMixin, forms.Form):
    verwachte_fase = forms.CharField(widget=forms.HiddenInput, required=False)
    motivatie = forms.CharField(
        label=_("Toelichting voor de griffie"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("U mag dit leeg laten. Wat u invult, komt in de historie van het plan."),
    )


class _BesluitBasis(UtrechtFormMixin, forms.Form):
    verwachte_fase = forms.CharField(widget=forms.HiddenInput, required=False)
    besluitdatum = forms.DateField(
        label=_("Datum van het raadsbesluit"),
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        widget=_DATUM,
        error_messages=_DATUM_FOUTEN,
    )
    besluitnummer = forms.CharField(
        label=_("Besluitnummer"),
        required=False,
        max_length=100,
        help_text=_("Niet verplicht. Het nummer van het raadsbesluit, bijvoorbeeld 2026-041."),
    )


class VastgesteldForm(_BesluitBasis):
    prefix = "vastgesteld"

    amendementen = forms.CharField(
        label=_("Aangenomen amendementen"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Niet verplicht. Schrijf op welke amendementen de raad heeft aangenomen."),
    )
    versie = forms.TypedChoiceField(
        label=_("Welke versie van het plan is vastgesteld?"),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies de versie van het plan die is vastgesteld."),
            "invalid_choice": _("Kies een versie van dit plan waarvan de PDF klaar is."),
        },
    )

    def __init__(self, *args, versies=(), aangeboden=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        keuzes = []
        for v in versies:
            label = _("Versie %(n)d van %(datum)s") % {
                "n": v.nummer,
                "datum": v.aangevraagd_op.strftime("%d-%m-%Y"),
            }
            if aangeboden is not None and v.pk == aangeboden.pk:
                label = _("%(label)s (aangeboden aan de raad)") % {"label": label}
            keuzes.append((v.pk, label))
        self.fields["versie"].choices = keuzes
        if aangeboden is not None and not self.is_bound:
            self.initial["versie"] = aangeboden.pk


class TeruggestuurdForm(_BesluitBasis):
    prefix = "teruggestuurd"

    redenen = forms.CharField(
        label=_("Waarom stuurt de raad het plan terug?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Schrijf op waarom de raad het plan terugstuurt.")},
    )
    naar = forms.ChoiceField(
        label=_("Naar welke fase gaat het plan terug?"),
        choices=[(f, Fase(f).label) for f in TERUGSTUUR_FASEN],
        widget=forms.RadioSelect,
        help_text=_("De fase waar de bezwaren van de raad over gaan."),
        error_messages={
            "required": _("Kies de fase waar de bezwaren van de raad over gaan."),
            "invalid_choice": _("Kies de fase waar de bezwaren van de raad over gaan."),
        },
    )
