"""Forms of the wijktoets pages. They check and convert input; the services decide and write.

Nothing is required in a draft: a projectleider fills the wijktoets in over several sittings.
What completion needs is checked when completing ("afronden").
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from wijktoets.constants import (
    MAX_INDICATOREN,
    MAX_PARTIJEN,
    MAX_TEKST,
    PARTICIPATIENIVEAU_UITLEG,
    Beoordeling,
    Doelgroep,
    Oordeel,
    Participatieniveau,
    PartijCategorie,
    Timing,
)
from wijktoets.models.wijktoets import indicator_catalogus
from wup.forms import UtrechtFormMixin


def _tekst(label, help_text="", rows: int = 5) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=MAX_TEKST,
        widget=forms.Textarea(attrs={"rows": rows}),
        help_text=help_text,
        error_messages={
            "max_length": _("Gebruik hoogstens %(limit_value)d tekens (nu %(show_value)d).")
        },
    )


def _keuze(label, choices, leeg, help_text="") -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        required=False,
        choices=[("", leeg), *choices],
        widget=forms.RadioSelect,
        help_text=help_text,
        error_messages={"invalid_choice": _("Kies een van de mogelijkheden uit de lijst.")},
    )


_VAKJE = "utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom"


class VersieForm(UtrechtFormMixin, forms.Form):
    #: The state the user started from; the service refuses the save if it is no longer current.
    versie = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**31 - 1)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # CheckboxSelectMultiple is a RadioSelect subclass; the shared mixin would style its
        # boxes as radio buttons.
        for field in self.fields.values():
            if isinstance(field.widget, forms.CheckboxSelectMultiple):
                field.widget.attrs["class"] = _VAKJE


class AlgemeenForm(VersieForm):
    samenvatting = _tekst(
        _("Samenvatting"), _("Het beeld van de wijk in een paar zinnen: wat valt op?")
    )
    economische_randvoorwaarden = _tekst(
        _("Economische randvoorwaarden voor bewoners"),
        _(
            "Met welke economische omstandigheden hebben bewoners te maken? Denk aan inkomen, "
            "woonlasten, geld of leencapaciteit om te investeren, en regelingen die helpen."
        ),
        rows=6,
    )
    bronnen = _tekst(
        _("Bronnen"),
        _("Waarop baseert u de wijktoets? Bijvoorbeeld CBS-cijfers, gesprekken, een wijkschouw."),
        rows=3,
    )


class BevindingForm(VersieForm):
    tekst = _tekst(_("Bevinding"), rows=6)
    beoordeling = _keuze(
        _("Wat betekent dit voor een wijkgerichte aanpak?"),
        Beoordeling.choices,
        _("Nog niet beoordeeld"),
    )
    indicatoren = forms.MultipleChoiceField(
        label=_("Indicatoren die de bevinding onderbouwen"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kies de kerncijfers van het CBS waar de bevinding op steunt."),
        error_messages={
            "invalid_choice": _("Deze indicator kent het platform niet. Kies uit de lijst.")
        },
    )

    def __init__(self, *args, thema: str, gekozen=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.thema = thema
        sleutels = [*indicator_catalogus(), *(s for s in gekozen if s not in indicator_catalogus())]
        self.fields["indicatoren"].choices = [(s, s) for s in sleutels]

    def clean_indicatoren(self) -> list[str]:
        gekozen = self.cleaned_data["indicatoren"]
        if len(gekozen) > MAX_INDICATOREN:
            raise forms.ValidationError(
                _("Kies hoogstens %(n)d indicatoren per thema."), params={"n": MAX_INDICATOREN}
            )
        return gekozen

    def gekozen_indicatoren(self) -> set[str]:
        return {str(v) for v in (self["indicatoren"].value() or [])}


class OordeelForm(VersieForm):
    oordeel = _keuze(
        _("Oordeel: is de wijk geschikt voor een wijkgerichte aanpak?"),
        Oordeel.choices,
        _("Nog geen oordeel"),
    )
    motivatie = _tekst(
        _("Motivatie"),
        _("Waarom komt u tot dit oordeel? Verplicht bij een oordeel; komt in het plandocument."),
        rows=6,
    )
    voorwaarden = _tekst(
        _("Voorwaarden"),
        _("Alleen bij ‘geschikt onder voorwaarden’: onder welke voorwaarden is de wijk geschikt?"),
        rows=4,
    )
    participatieniveau = _keuze(
        _("Participatieniveau"),
        [
            (v, f"{label}: {PARTICIPATIENIVEAU_UITLEG[v]}")
            for v, label in Participatieniveau.choices
        ],
        _("Nog niet gekozen"),
        _("Hoe intensief doen bewoners mee aan de volgende stappen? De participatieladder."),
    )
    doelgroepen = forms.MultipleChoiceField(
        label=_("Prioritaire doelgroepen"),
        required=False,
        choices=Doelgroep.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Welke bewoners hebben extra aandacht nodig in de aanpak?"),
        error_messages={"invalid_choice": _("Kies de doelgroepen uit de lijst.")},
    )
    doelgroepen_toelichting = _tekst(_("Toelichting op de doelgroepen"), rows=3)
    timing = _keuze(_("Timing van de aanpak"), Timing.choices, _("Nog niet gekozen"))
    timing_toelichting = _tekst(
        _("Toelichting op de timing"),
        _("Bijvoorbeeld: starten met de straten waar het riool in 2027 wordt vervangen."),
        rows=3,
    )


class PartijForm(UtrechtFormMixin, forms.Form):
    """One row of the stakeholder list; an empty row is ignored."""

    categorie = forms.ChoiceField(
        label=_("Soort partij"),
        required=False,
        choices=[("", _("Kies de soort partij")), *PartijCategorie.choices],
        error_messages={"invalid_choice": _("Kies een soort uit de lijst.")},
    )
    naam = forms.CharField(label=_("Naam"), required=False, max_length=200)
    opmerking = forms.CharField(
        label=_("Opmerking"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self):
        data = super().clean()
        if data.get("DELETE"):
            return data
        if data.get("naam") and not data.get("categorie"):
            self.add_error("categorie", _("Kies wat voor partij dit is."))
        if data.get("categorie") and not (data.get("naam") or "").strip():
            self.add_error("naam", _("Geef de naam van de partij."))
        if data.get("opmerking") and not data.get("naam") and not data.get("categorie"):
            self.add_error("naam", _("Geef de naam van de partij bij deze opmerking."))
        return data

    @property
    def leeg(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return not (data.get("naam") or data.get("categorie") or data.get("opmerking"))


class _PartijFormSet(forms.BaseFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Verwijderen")
            form.fields["DELETE"].widget.attrs["class"] = _VAKJE

    def veldfouten(self) -> list[dict]:
        """Every error of every row, with the id to link to, for the error summary."""
        fouten = []
        for i, form in enumerate(self.forms, start=1):
            for item in form.veldfouten():
                fouten.append(
                    {
                        **item,
                        "label": _("Partij %(n)d, %(veld)s")
                        % {"n": i, "veld": item["label"].lower()},
                    }
                )
        return fouten


PartijFormSet = forms.formset_factory(
    PartijForm,
    formset=_PartijFormSet,
    extra=3,
    can_delete=True,
    max_num=MAX_PARTIJEN,
    validate_max=True,
    absolute_max=MAX_PARTIJEN + 10,
)


class VervolgForm(UtrechtFormMixin, forms.Form):
    """Pause or stop the plan after a completed wijktoets that found it (nog) niet geschikt."""

    overgang = forms.ChoiceField(
        choices=[("pauzeren", _("Plan pauzeren")), ("stoppen", _("Plan stoppen"))],
        widget=forms.HiddenInput,
    )
    verwachte_fase = forms.CharField(widget=forms.HiddenInput, max_length=30)
