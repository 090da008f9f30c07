"""Forms of the web UI. They only check and convert input; the services decide and write."""

from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from wup.constants import Fase
from wup.models import Besluit, Buurt, Gemeente, Wijkplan
from wup.workflow import TERUGSTUUR_FASEN, Overgang

#: NL Design System (Utrecht) classes per widget, so templates can render ``{{ field }}``.
#: The first match wins: subclasses first (CheckboxSelectMultiple is a RadioSelect, and both
#: are Selects).
_WIDGET_CLASSES: dict[type[forms.Widget], str] = {
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
    forms.CheckboxSelectMultiple: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.RadioSelect: "utrecht-radio-button utrecht-radio-button--html-input",
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.widgets.Input: "utrecht-textbox utrecht-textbox--html-input",
}


class UtrechtFormMixin:
    """Gives every widget its NL Design System class.

    Django adds ``aria-invalid`` and an ``aria-describedby`` pointing at ``<id>_helptext`` and
    ``<id>_error``; the field template renders elements with those ids. Required fields get
    ``aria-required`` instead of ``required``: the components style ``:invalid`` as an error,
    which would mark every empty required field red before the user typed anything, and the
    server gives the (Dutch) error messages anyway.
    """

    use_required_attribute = False

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if widget.is_hidden:
                continue
            # A group of radios or checkboxes says "(verplicht)" in its legend instead.
            if field.required and not isinstance(
                widget, forms.RadioSelect | forms.CheckboxSelectMultiple
            ):
                widget.attrs["aria-required"] = "true"
            for widget_class, css in _WIDGET_CLASSES.items():
                if isinstance(widget, widget_class):
                    widget.attrs["class"] = f"{css} {widget.attrs.get('class', '')}".strip()
                    break

    def veldfouten(self) -> list[dict]:
        """Each field error with the id to link to, for the error summary above the form."""
        fouten = []
        for field in self.visible_fields():
            anker = f"{field.auto_id}_error" if field.use_fieldset else field.id_for_label
            fouten += [
                {"label": field.label, "fout": fout, "anker": anker} for fout in field.errors
            ]
        return fouten


class InlogForm(UtrechtFormMixin, AuthenticationForm):
    pass


def _veld(naam: str):
    return Wijkplan._meta.get_field(naam)


class WijkplanForm(UtrechtFormMixin, forms.Form):
    """The details of a plan, shared by the create and the edit form."""

    naam = forms.CharField(
        label=_("Naam van het plan"),
        max_length=_veld("naam").max_length,
        help_text=_("Bijvoorbeeld: Warmteplan Oostwijk-Noord."),
        error_messages={"required": _("Geef het plan een naam.")},
    )
    buurten = forms.ModelMultipleChoiceField(
        label=_("Buurten"),
        queryset=Buurt.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kies de buurten waar het plan over gaat. Dit kunnen er meer zijn."),
        error_messages={
            "required": _("Kies minstens één buurt waar het plan over gaat."),
            "invalid_choice": _("Deze buurt hoort niet bij de gemeente. Kies uit de lijst."),
            "invalid_pk_value": _("Deze buurt hoort niet bij de gemeente. Kies uit de lijst."),
        },
    )
    omschrijving = forms.CharField(
        label=_("Omschrijving"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_veld("omschrijving").help_text,
    )
    bestuurlijk_opdrachtgever = forms.CharField(
        label=_("Bestuurlijk opdrachtgever"),
        required=False,
        max_length=_veld("bestuurlijk_opdrachtgever").max_length,
        help_text=_veld("bestuurlijk_opdrachtgever").help_text,
    )
    ambtelijk_opdrachtgever = forms.CharField(
        label=_("Ambtelijk opdrachtgever"),
        required=False,
        max_length=_veld("ambtelijk_opdrachtgever").max_length,
        help_text=_("De directeur of manager die het plan ambtelijk opdraagt."),
    )
    beoogde_raadsdatum = forms.DateField(
        label=_("Beoogde datum raadsbehandeling"),
        required=False,
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Wanneer bespreekt de gemeenteraad het plan naar verwachting?"),
        error_messages={"invalid": _("Vul een geldige datum in, bijvoorbeeld 30-06-2027.")},
    )

    def __init__(self, *args, gemeente: Gemeente, buurten, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.gemeente = gemeente
        self.fields["buurten"].queryset = buurten

    def buurt_groepen(self) -> list[dict]:
        """The buurten grouped per wijk, each with its checked state, for one fieldset per wijk."""
        bound = self["buurten"]
        gekozen = {str(v.pk if isinstance(v, Buurt) else v) for v in (bound.value() or [])}
        groepen: dict[int, dict] = {}
        for buurt in self.fields["buurten"].queryset.order_by("wijk__code", "code"):
            groep = groepen.setdefault(buurt.wijk_id, {"wijk": buurt.wijk, "buurten": []})
            groep["buurten"].append(
                {
                    "buurt": buurt,
                    "id": f"{bound.auto_id}_{buurt.pk}",
                    "checked": str(buurt.pk) in gekozen,
                }
            )
        return list(groepen.values())


class WijkplanNieuwForm(WijkplanForm):
    pass


class WijkplanBewerkenForm(WijkplanForm):
    #: The version the user started from; the service refuses the edit if it is no longer current.
    versie = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class GemeenteKeuzeForm(UtrechtFormMixin, forms.Form):
    gemeente = forms.ModelChoiceField(
        label=_("Gemeente"),
        queryset=Gemeente.objects.none(),
        to_field_name="code",
        empty_label=None,
        widget=forms.RadioSelect,
        help_text=_("In welke gemeente ligt het gebied van het plan?"),
        error_messages={
            "required": _("Kies de gemeente waarin het plan ligt."),
            "invalid_choice": _("U kunt in deze gemeente geen plan maken. Kies uit de lijst."),
        },
    )

    def __init__(self, *args, gemeenten, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = gemeenten


class OvergangForm(UtrechtFormMixin, forms.Form):
    """Confirmation of a phase transition, with the motivation that goes into the history."""

    motivatie = forms.CharField(
        label=_("Motivatie"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        error_messages={"required": _("Geef een motivatie: die komt in de historie van het plan.")},
    )
    naar = forms.ChoiceField(
        label=_("Naar welke fase gaat het plan terug?"),
        choices=[(f, Fase(f).label) for f in TERUGSTUUR_FASEN],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies de fase waarnaar het plan teruggaat."),
            "invalid_choice": _("Kies een van de fasen uit de lijst."),
        },
    )
    #: The phase the user saw; if the plan moved since, the service refuses the transition.
    verwachte_fase = forms.ChoiceField(choices=Fase.choices, widget=forms.HiddenInput)

    def __init__(self, *args, overgang: Overgang, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.overgang = overgang
        motivatie = self.fields["motivatie"]
        motivatie.required = overgang.motivatie_verplicht
        motivatie.help_text = (
            _(
                "Uw motivatie komt in de historie van het plan. Iedereen die het plan kan zien, "
                "kan haar lezen."
            )
            if overgang.motivatie_verplicht
            else _("U mag dit leeg laten. Wat u invult, komt in de historie van het plan.")
        )
        if not overgang.kies_doel:
            del self.fields["naar"]


class BesluitForm(UtrechtFormMixin, forms.Form):
    """A decision for the plan's decisions log; the service checks the rest (e.g. the date)."""

    datum = forms.DateField(
        label=_("Datum van het besluit"),
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("De dag waarop het besluit is genomen. Die ligt niet in de toekomst."),
        error_messages={
            "required": _("Vul de datum van het besluit in."),
            "invalid": _("Vul een geldige datum in, bijvoorbeeld 17-03-2026."),
        },
    )
    orgaan = forms.ChoiceField(
        label=_("Wie heeft het besluit genomen?"),
        choices=Besluit.Orgaan.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies wie het besluit heeft genomen."),
            "invalid_choice": _("Kies wie het besluit heeft genomen."),
        },
    )
    besluit = forms.CharField(
        label=_("Wat is er besloten?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Schrijf het besluit zo op dat iemand die er niet bij was, het begrijpt."),
        error_messages={"required": _("Schrijf op wat er is besloten.")},
    )
    kenmerk = forms.CharField(
        label=_("Kenmerk"),
        required=False,
        max_length=Besluit._meta.get_field("kenmerk").max_length,
        help_text=_(
            "Niet verplicht. Bijvoorbeeld het zaaknummer of het nummer van het raadsbesluit."
        ),
    )
