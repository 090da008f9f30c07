"""Forms of the parameter and Startanalyse pages. They check and convert input; the services
decide and write."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from techniek.models import Parametertabel
from techniek.services.parameters import MAX_BRON, MAX_EENHEID
from techniek.services.startanalyse import EDITIES, GEMEENTECODE
from wup.forms import UtrechtFormMixin


class ParameterZoekForm(UtrechtFormMixin, forms.Form):
    """Filter of a version's figures (GET): a search text and a group."""

    zoek = forms.CharField(
        label=_("Zoeken"),
        required=False,
        max_length=100,
        help_text=_("Zoek in naam, omschrijving, eenheid en bron, bijvoorbeeld: warmtepomp."),
    )
    groep = forms.ChoiceField(label=_("Groep"), required=False)

    def __init__(self, *args, groepen: list[dict], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["groep"].choices = [
            ("", _("Alle groepen")),
            *((g["groep"], f"{g['titel']} ({g['aantal']})") for g in groepen),
        ]


class ParameterWijzigenForm(UtrechtFormMixin, forms.Form):
    waarde = forms.CharField(
        label=_("Waarde"),
        required=False,
        max_length=40,
        help_text=_("Een getal, met een komma of een punt. Laat leeg als er geen waarde is."),
    )
    eenheid = forms.CharField(
        label=_("Eenheid"),
        required=False,
        max_length=MAX_EENHEID,
        help_text=_("Zoals PBL die schrijft, bijvoorbeeld Eur_asl (euro per aansluiting)."),
    )
    bron = forms.CharField(
        label=_("Bron"),
        max_length=MAX_BRON,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Waar komt de waarde vandaan? Noem rapport, tabel of pagina, of de offerte. Iedereen "
            "die resultaten ziet, kan de bron lezen. Een nieuwe waarde vraagt om een nieuwe bron."
        ),
        error_messages={"required": _("Geef de bron van deze waarde.")},
    )
    omschrijving = forms.CharField(
        label=_("Omschrijving"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ConceptForm(UtrechtFormMixin, forms.Form):
    omschrijving = forms.CharField(
        label=_("Waarom een nieuwe versie?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class TabelCelForm(UtrechtFormMixin, forms.Form):
    rij = forms.TypedChoiceField(label=_("Rij"), coerce=int)
    kolom = forms.ChoiceField(label=_("Kolom"))
    waarde = forms.CharField(
        label=_("Nieuwe waarde"),
        required=False,
        max_length=40,
        help_text=_("Een getal, met een komma of een punt. Laat leeg als er geen waarde is."),
    )
    bron = forms.CharField(
        label=_("Bron"),
        max_length=MAX_BRON,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Waar komt de nieuwe waarde vandaan?"),
        error_messages={"required": _("Geef de bron van de nieuwe waarde.")},
    )

    def __init__(self, *args, tabel: Parametertabel, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        namen = tabel.kolomnamen
        idx = [namen.index(k) for k in tabel.sleutelkolommen]
        self.fields["rij"].choices = [
            (i, " · ".join(str(rij[j]) for j in idx)) for i, rij in enumerate(tabel.rijen)
        ]
        eenheden = {k["naam"]: k["eenheid"] for k in tabel.kolommen}
        self.fields["kolom"].choices = [
            (naam, f"{naam} ({eenheden[naam]})" if eenheden[naam] else naam)
            for naam in namen
            if naam not in tabel.sleutelkolommen
            and not any(isinstance(r[namen.index(naam)], str) for r in tabel.rijen)
        ]


class VergelijkForm(UtrechtFormMixin, forms.Form):
    van = forms.TypedChoiceField(label=_("Van versie"), coerce=int)
    naar = forms.TypedChoiceField(label=_("Naar versie"), coerce=int)

    def __init__(self, *args, versies, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        keuzes = [
            (v.pk, f"{v.versie}: {v.naam} ({v.get_status_display().lower()})") for v in versies
        ]
        self.fields["van"].choices = keuzes
        self.fields["naar"].choices = keuzes


def _editie_keuzes() -> list[tuple[str, str]]:
    return [
        ("", _("Afleiden uit de kolomnamen (2019, of ‘2020+’)")),
        *((str(j), str(j)) for j in EDITIES),
    ]


class StartanalyseImportForm(UtrechtFormMixin, forms.Form):
    bestand = forms.FileField(
        label=_("Bestand"),
        error_messages={
            "required": _("Kies een bestand."),
            "empty": _("Het bestand is leeg."),
        },
        widget=forms.FileInput(attrs={"accept": ".csv,.txt"}),
    )
    gemeente = forms.CharField(
        label=_("Gemeente (CBS-code)"),
        required=False,
        max_length=6,
        help_text=_(
            "Bijvoorbeeld GM0402. Alleen de buurten van deze gemeente worden ingelezen; een "
            "bestand zonder haar buurten wordt geweigerd. Laat leeg om alles in te lezen."
        ),
        error_messages={
            "max_length": _("Een gemeentecode is GM gevolgd door 4 cijfers, bijvoorbeeld GM0402.")
        },
    )
    editie = forms.ChoiceField(
        label=_("Editie van de Startanalyse"),
        required=False,
        choices=_editie_keuzes,
        help_text=_(
            "Het jaar van de Startanalyse. De kolomnamen van 2019 verschillen van die van 2020 en "
            "later; past de editie niet bij het bestand, dan wordt het geweigerd."
        ),
        error_messages={"invalid_choice": _("Kies een editie uit de lijst, of laat het leeg.")},
    )

    def clean_gemeente(self) -> str:
        code = self.cleaned_data["gemeente"].strip().upper()
        if code and not GEMEENTECODE.match(code):
            raise forms.ValidationError(
                _("Een gemeentecode is GM gevolgd door 4 cijfers, bijvoorbeeld GM0402.")
            )
        return code
