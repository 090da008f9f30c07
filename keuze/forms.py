"""Forms of the pages of step 4. They carry the input to the services, which check it and say
in Dutch what is wrong; a form only checks what it must to call the service at all."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from keuze import bronnen
from keuze.models import Criterium
from wup.forms import UtrechtFormMixin

DATUM = {"invalid": _("Vul een geldige datum in, bijvoorbeeld 14-03-2027.")}


class CriteriumForm(UtrechtFormMixin, forms.Form):
    naam = forms.CharField(
        label=_("Naam"),
        max_length=120,
        help_text=_("Bijvoorbeeld: Kosten voor bewoners, of Overlast tijdens de aanleg."),
        error_messages={"required": _("Geef het criterium een naam.")},
    )
    bron = forms.ChoiceField(
        label=_("Waar komen de scores vandaan?"),
        choices=(),
        help_text=_(
            "Bij een deskundig oordeel vult u per alternatief een score met toelichting in. "
            "Een automatische bron leest de cijfers uit stap 2 of stap 3. Kiest u een "
            "automatische bron, neem dan de eenheid en de richting van die bron over: die "
            "staan in de lijst onder dit veld."
        ),
        error_messages={
            "required": _("Kies waar de scores vandaan komen."),
            "invalid_choice": _("Kies waar de scores vandaan komen."),
        },
    )
    eenheid = forms.CharField(
        label=_("Eenheid"),
        max_length=60,
        help_text=_(
            "Bijvoorbeeld ‘euro per jaar’. Een deskundig oordeel op een schaal schrijft u als "
            "‘score 1–5’: dan kunnen alleen scores van 1 tot en met 5 worden ingevuld."
        ),
        error_messages={
            "required": _("Vul de eenheid in, bijvoorbeeld ‘euro per jaar’ of ‘score 1–5’.")
        },
    )
    richting = forms.ChoiceField(
        label=_("Richting"),
        choices=Criterium.Richting.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies of een hogere of een lagere waarde beter is."),
            "invalid_choice": _("Kies of een hogere of een lagere waarde beter is."),
        },
    )
    gewicht = forms.CharField(
        label=_("Gewicht"),
        max_length=20,
        help_text=_(
            "Een getal van 0 tot en met 1000, bijvoorbeeld 20. De gewichten hoeven samen geen "
            "100 te zijn: de analyse rekent ze om naar procenten."
        ),
        error_messages={"required": _("Vul een gewicht in, bijvoorbeeld 20.")},
    )
    toelichting = forms.CharField(
        label=_("Onderbouwing van het gewicht"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Waarom telt dit criterium mee en waarom krijgt het dit gewicht? Dit lezen de "
            "stuurgroep, de raad en de bewoners."
        ),
        error_messages={
            "required": _(
                "Schrijf op waarom dit criterium meetelt en waarom het dit gewicht krijgt."
            )
        },
    )
    zekerheid = forms.ChoiceField(
        label=_("Hoe zeker zijn de scores?"),
        choices=Criterium.Zekerheid.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "De analyse laat ook zien wat de rangorde is zonder het criterium met de minst "
            "zekere scores."
        ),
        error_messages={
            "required": _("Kies hoe zeker de scores van dit criterium zijn."),
            "invalid_choice": _("Kies hoe zeker de scores van dit criterium zijn."),
        },
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["bron"].choices = bronnen.bronkeuzes()


class GewichtenForm(UtrechtFormMixin, forms.Form):
    """One weight per criterion of the plan, named ``gewicht_<id>`` as the service names its
    errors."""

    def __init__(self, *args, criteria, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for c in criteria:
            self.fields[f"gewicht_{c.pk}"] = forms.CharField(
                label=c.naam,
                max_length=20,
                initial=f"{c.gewicht:g}".replace(".", ","),
                error_messages={"required": _("Vul een gewicht in, bijvoorbeeld 20.")},
            )

    def rijen(self) -> list[dict]:
        return [{"criterium": c, "veld": self[f"gewicht_{c.pk}"]} for c in self.criteria]

    def gewichten(self) -> dict[int, str]:
        return {c.pk: self.cleaned_data[f"gewicht_{c.pk}"] for c in self.criteria}


class ScoresForm(UtrechtFormMixin, forms.Form):
    """Per alternative a score and its explanation (``score_<id>``, ``toelichting_<id>``). An
    empty score removes it."""

    def __init__(self, *args, alternatieven, scores: dict, eenheid: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.alternatieven = alternatieven
        for a in alternatieven:
            bestaand = scores.get(a.pk)
            self.fields[f"score_{a.pk}"] = forms.CharField(
                label=_("Score van %(naam)s") % {"naam": a.naam},
                required=False,
                max_length=30,
                help_text=_("In %(eenheid)s. Laat leeg als u nog geen score geeft.")
                % {"eenheid": eenheid},
                initial=f"{bestaand.waarde:g}".replace(".", ",") if bestaand else "",
            )
            self.fields[f"toelichting_{a.pk}"] = forms.CharField(
                label=_("Waarom krijgt %(naam)s deze score?") % {"naam": a.naam},
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                initial=bestaand.toelichting if bestaand else "",
            )

    def rijen(self) -> list[dict]:
        return [
            {
                "alternatief": a,
                "score": self[f"score_{a.pk}"],
                "toelichting": self[f"toelichting_{a.pk}"],
            }
            for a in self.alternatieven
        ]

    def scores(self) -> dict[int, tuple[str, str]]:
        d = self.cleaned_data
        return {a.pk: (d[f"score_{a.pk}"], d[f"toelichting_{a.pk}"]) for a in self.alternatieven}


class KeuzeForm(UtrechtFormMixin, forms.Form):
    alternatief = forms.TypedChoiceField(
        label=_("Gekozen alternatief"),
        coerce=int,
        choices=(),
        widget=forms.RadioSelect,
        help_text=_(
            "U kunt kiezen uit de alternatieven die op alle criteria zijn beoordeeld, met hun "
            "plaats en totaalscore in de analyse."
        ),
        error_messages={
            "required": _("Kies het alternatief dat de warmteoplossing wordt."),
            "invalid_choice": _("Kies een alternatief dat op alle criteria is beoordeeld."),
        },
    )
    verouderd_bevestigd = forms.BooleanField(
        label=_("Ik kies toch op deze uitkomsten, ook al is de berekening verouderd"),
        required=False,
        help_text=_(
            "Alleen nodig als de berekening van het gekozen alternatief verouderd is. Beter: "
            "reken het eerst opnieuw door."
        ),
    )
    motivatie = forms.CharField(
        label=_("Motivatie"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Waarom is dit de beste warmteoplossing voor de wijk? Schrijf het zo dat bewoners "
            "en de raad het kunnen volgen."
        ),
        error_messages={
            "required": _("Schrijf op waarom dit alternatief de beste warmteoplossing is.")
        },
    )
    participatie_afweging = forms.CharField(
        label=_("Hoe de participatie is meegewogen"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Wat vonden bewoners en partijen, en wat is daarmee gedaan?"),
        error_messages={
            "required": _(
                "Schrijf op hoe de uitkomsten van de participatie zijn meegewogen: wat "
                "bewoners vonden en wat daarmee is gedaan."
            )
        },
    )
    reden_zonder_participatie = forms.CharField(
        label=_("Waarom zonder steunscores van de bewoners"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    afwijkende_standpunten = forms.CharField(
        label=_("Afwijkende standpunten"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Wie dacht er anders over, en waarom? Noem groepen, geen namen van bewoners."),
    )
    voorwaarden = forms.CharField(
        label=_("Voorwaarden"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Onder welke voorwaarden geldt de keuze? Bijvoorbeeld een maximale prijs."),
    )
    orgaan = forms.ChoiceField(
        label=_("Wie heeft de keuze gemaakt?"),
        choices=(),
        error_messages={
            "required": _("Kies wie de keuze heeft gemaakt."),
            "invalid_choice": _("Kies wie de keuze heeft gemaakt."),
        },
    )
    besluitdatum = forms.DateField(
        label=_("Datum van het besluit"),
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": _("Vul de datum van het besluit in."), **DATUM},
    )
    kenmerk = forms.CharField(
        label=_("Kenmerk"),
        required=False,
        max_length=100,
        help_text=_("Het nummer of kenmerk van het besluit, als dat er is."),
    )
    #: The current choice the user saw; the service refuses when another was recorded since.
    vorige_keuze = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    def __init__(self, *args, alternatieven, zonder_steun: bool, **kwargs) -> None:
        from wup.models import Besluit

        super().__init__(*args, **kwargs)
        self.fields["alternatief"].choices = alternatieven
        self.fields["orgaan"].choices = [("", _("Kies wie besloot")), *Besluit.Orgaan.choices]
        reden = self.fields["reden_zonder_participatie"]
        reden.help_text = (
            _(
                "Verplicht: de analyse heeft geen steunscores uit een raadpleging van "
                "bewoners. Schrijf op waarom de keuze toch zonder die cijfers gemaakt wordt."
            )
            if zonder_steun
            else _(
                "Alleen verplicht als de analyse geen steunscores uit een raadpleging van "
                "bewoners heeft. Die heeft ze nu wel; u mag dit leeg laten."
            )
        )
        if zonder_steun:
            reden.widget.attrs["aria-required"] = "true"
