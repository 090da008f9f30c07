"""Forms of the alternatives pages. They check and convert input; the services decide and write."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from techniek.engine import STANDAARD_ALTERNATIEVEN
from wup.forms import UtrechtFormMixin

SCHETS_HULP = _(
    "Beschrijf in gewone woorden hoe het warmtesysteem werkt: waar de warmte vandaan komt, hoe "
    "die bij de woningen komt, wat er in en aan de woningen verandert, en hoe vraag en aanbod "
    "op koude dagen op elkaar aansluiten (piek, opslag). Deze tekst komt in het plandocument "
    "en wordt met bewoners besproken."
)


class AlternatiefNieuwForm(UtrechtFormMixin, forms.Form):
    sjabloon = forms.ChoiceField(
        label=_("Soort alternatief"),
        widget=forms.RadioSelect,
        choices=[(a.code, f"{a.code}: {a.naam}") for a in STANDAARD_ALTERNATIEVEN],
        help_text=_("De strategieën van de Startanalyse van PBL (S1 tot en met S4)."),
        error_messages={"required": _("Kies een soort alternatief.")},
    )
    naam = forms.CharField(
        label=_("Naam"),
        required=False,
        max_length=200,
        help_text=_(
            "Laat leeg voor de standaardnaam. Een variant met eigen parameters heeft een eigen "
            "naam nodig."
        ),
    )
    schets = forms.CharField(
        label=_("Technische schets"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=SCHETS_HULP,
    )
    parameters = forms.CharField(
        label=_("Eigen parameters (voor een variant)"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Eén parameter per regel, als naam = waarde, bijvoorbeeld: L_transport_standaard = "
            "2500. Leeg laten voor het standaardalternatief. De namen staan in de tabel onder "
            "dit formulier."
        ),
    )

    def clean_parameters(self) -> dict[str, str]:
        """``naam = waarde`` lines to a mapping; the service checks names and numbers."""
        tekst = self.cleaned_data.get("parameters") or ""
        uitkomst: dict[str, str] = {}
        fouten = []
        for nummer, regel in enumerate(tekst.splitlines(), start=1):
            regel = regel.strip()
            if not regel:
                continue
            naam, teken, waarde = regel.partition("=")
            if not teken or not naam.strip() or not waarde.strip():
                fouten.append(
                    _("Regel %(n)d: schrijf naam = waarde (‘%(regel)s’ kan niet).")
                    % {"n": nummer, "regel": regel[:60]}
                )
                continue
            uitkomst[naam.strip()] = waarde.strip().replace(",", ".")
        if fouten:
            raise forms.ValidationError(fouten)
        return uitkomst


class AlternatiefWijzigenForm(UtrechtFormMixin, forms.Form):
    naam = forms.CharField(
        label=_("Naam"),
        max_length=200,
        error_messages={"required": _("Geef het alternatief een naam.")},
    )
    schets = forms.CharField(
        label=_("Technische schets"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=SCHETS_HULP,
    )
