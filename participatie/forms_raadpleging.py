"""Forms of the consultation pages of the projectleider. They check and convert input; the
services decide and write. The residents' form is built from the questions in its template and
checked by the service (one place for what a valid answer is)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from participatie.models import Raadpleging, Vraag
from wup.forms import UtrechtFormMixin

MOMENT = {
    "required": _("Vul een datum en tijd in."),
    "invalid": _("Vul een geldige datum en tijd in, bijvoorbeeld 14-03-2027 09:00."),
}


def _moment(label: str) -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d-%m-%Y %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        error_messages=MOMENT,
    )


class RaadplegingForm(UtrechtFormMixin, forms.Form):
    titel = forms.CharField(
        label=_("Titel"),
        max_length=200,
        help_text=_("Bijvoorbeeld: Welk warmtealternatief past bij uw buurt?"),
        error_messages={"required": _("Geef de raadpleging een titel.")},
    )
    inleiding = forms.CharField(
        label=_("Inleiding"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=Raadpleging._meta.get_field("inleiding").help_text,
    )
    deelname = forms.ChoiceField(
        label=_("Hoe doen bewoners mee?"),
        choices=Raadpleging.Deelname.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies hoe bewoners meedoen."),
            "invalid_choice": _("Kies hoe bewoners meedoen."),
        },
    )
    opent_op = _moment(_("Opent op"))
    sluit_op = _moment(_("Sluit op"))


class VraagForm(UtrechtFormMixin, forms.Form):
    soort = forms.ChoiceField(
        label=_("Soort vraag"),
        choices=Vraag.Soort.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies een soort vraag."),
            "invalid_choice": _("Kies een soort vraag."),
        },
    )
    tekst = forms.CharField(
        label=_("Vraag of stelling"),
        max_length=500,
        error_messages={"required": _("Schrijf de vraag op.")},
    )
    toelichting = forms.CharField(
        label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    verplicht = forms.BooleanField(
        label=_("Bewoners moeten deze vraag beantwoorden"), required=False
    )
    meerdere = forms.BooleanField(
        label=_("Meer antwoorden mogelijk"),
        required=False,
        help_text=_("Alleen bij meerkeuze."),
    )
    opties = forms.CharField(
        label=_("Antwoordmogelijkheden"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Alleen bij meerkeuze: 2 tot 20 antwoorden, één per regel. Bij voorkeur en volgorde "
            "zijn de antwoorden de alternatieven uit stap 2."
        ),
    )


class CodesBestandForm(UtrechtFormMixin, forms.Form):
    bestand = forms.FileField(
        label=_("Adressenbestand (CSV)"),
        help_text=_(
            "Eerste regel: postcode;huisnummer;toevoeging;buurtcode. Daarna één adres per regel. "
            "Komma's mogen ook."
        ),
        error_messages={"required": _("Kies een CSV-bestand met adressen.")},
    )


class CodesPerBuurtForm(UtrechtFormMixin, forms.Form):
    """A number of codes without address per buurt of the plan."""

    def __init__(self, *args, buurten, **kwargs) -> None:
        # Per instance, before the mixin styles the fields.
        self.base_fields = {
            f"buurt_{buurt.pk}": forms.IntegerField(
                label=buurt.naam,
                required=False,
                min_value=0,
                max_value=20000,
                error_messages={
                    "invalid": _("Vul een heel getal in van 0 of meer, of laat het leeg."),
                    "min_value": _("Vul een heel getal in van 0 of meer, of laat het leeg."),
                    "max_value": _("Maak hoogstens 20000 codes tegelijk."),
                },
            )
            for buurt in buurten
        }
        super().__init__(*args, **kwargs)

    def aantallen(self) -> dict[int, int]:
        return {
            int(naam.removeprefix("buurt_")): waarde
            for naam, waarde in self.cleaned_data.items()
            if waarde
        }
