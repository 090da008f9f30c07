"""Forms of the pages of step 6's part 'uitvoeringsplan'. They carry the input to the services,
which check it and say in Dutch what is wrong; a form only checks what it must to call the
service at all."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from besluitvorming.models.uitvoeringsplan import Waarborg
from wup.forms import UtrechtFormMixin
from wup.models import Besluit

DATUM = {"invalid": _("Vul een geldige datum in, bijvoorbeeld 14-03-2027.")}
DATUM_FORMATEN = ["%Y-%m-%d", "%d-%m-%Y"]


def _datumveld(label, help_text="", required=False):
    return forms.DateField(
        label=label,
        required=required,
        input_formats=DATUM_FORMATEN,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=help_text,
        error_messages={"required": _("Vul een datum in."), **DATUM},
    )


def _tekstvak(label, help_text="", rows=3, required=False, leeg=""):
    return forms.CharField(
        label=label,
        required=required,
        widget=forms.Textarea(attrs={"rows": rows}),
        help_text=help_text,
        error_messages={"required": leeg} if leeg else None,
    )


class SamenstellingForm(UtrechtFormMixin, forms.Form):
    einddatum_gaslevering = _datumveld(
        _("Einddatum gaslevering"),
        _("De beoogde datum waarna de wijk geen aardgas meer krijgt."),
    )
    aankondigingstermijn_jaren = forms.IntegerField(
        label=_("Aankondigingstermijn in jaren"),
        required=False,
        min_value=0,
        max_value=50,
        help_text=_(
            "Hoeveel jaar van tevoren horen de bewoners dat het aardgas stopt? De norm onder de "
            "Wgiw is 8 jaar."
        ),
        error_messages={
            "invalid": _("Vul een heel aantal jaren in, van 0 tot en met 50."),
            "min_value": _("Vul een heel aantal jaren in, van 0 tot en met 50."),
            "max_value": _("Vul een heel aantal jaren in, van 0 tot en met 50."),
        },
    )
    leefbaarheid = _tekstvak(_("Leefbaarheid"))
    armoede = _tekstvak(_("Armoede en energiearmoede"))
    klimaatadaptatie = _tekstvak(_("Klimaatadaptatie"))
    andere_werken = _tekstvak(_("Andere werken in de wijk"))

    def __init__(self, *args, hints: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        for veld, hint in (hints or {}).items():
            basis = _(
                "Wat doet het plan voor dit thema? Speelt het niet, schrijf dan ‘Niet van "
                "toepassing’ met de reden."
            )
            self.fields[veld].help_text = (
                f"{basis} {_('Uit de wijktoets')}: {hint}" if hint else basis
            )


class RandvoorwaardeForm(UtrechtFormMixin, forms.Form):
    tekst = _tekstvak(
        _("Randvoorwaarde"),
        _("Bijvoorbeeld: de netbeheerder heeft voldoende capaciteit op het elektriciteitsnet."),
        required=True,
        leeg=_("Beschrijf de randvoorwaarde."),
    )


class ProcesstapForm(UtrechtFormMixin, forms.Form):
    naam = forms.CharField(
        label=_("Naam"),
        max_length=200,
        error_messages={"required": _("Geef de stap een naam.")},
    )
    omschrijving = _tekstvak(_("Omschrijving"))
    verantwoordelijke = forms.CharField(
        label=_("Verantwoordelijke partij"),
        max_length=200,
        help_text=_("Typ een partij, of kies een van de partijen uit stap 5."),
        widget=forms.TextInput(attrs={"list": "partijen-stap-5", "autocomplete": "off"}),
        error_messages={"required": _("Vul in welke partij verantwoordelijk is voor deze stap.")},
    )


class BenodigdBesluitForm(UtrechtFormMixin, forms.Form):
    orgaan = forms.ChoiceField(
        label=_("Wie besluit"),
        choices=[("", _("Kies wie besluit")), *Besluit.Orgaan.choices],
        error_messages={
            "required": _("Kies wie het besluit neemt."),
            "invalid_choice": _("Kies wie het besluit neemt."),
        },
    )
    onderwerp = forms.CharField(
        label=_("Onderwerp"),
        max_length=300,
        error_messages={"required": _("Beschrijf waarover besloten moet worden.")},
    )
    beoogde_datum = _datumveld(_("Beoogde datum"))


class WensForm(UtrechtFormMixin, forms.Form):
    opgenomen = forms.BooleanField(label=_("Opgenomen in het plan"), required=False)
    notitie = forms.CharField(
        label=_("Notitie"),
        max_length=500,
        required=False,
        help_text=_("Kort: hoe neemt het plan deze wens mee, of waarom niet?"),
    )


class WaarborgForm(UtrechtFormMixin, forms.Form):
    antwoord = _tekstvak(
        _("Antwoord"),
        _("Hoe voldoet het plan aan deze waarborg? Verwijs naar de onderbouwing."),
        rows=4,
        required=True,
        leeg=_("Beschrijf hoe het plan aan deze waarborg voldoet."),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=Waarborg.Status.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies of aan de waarborg is voldaan."),
            "invalid_choice": _("Kies of aan de waarborg is voldaan."),
        },
    )
