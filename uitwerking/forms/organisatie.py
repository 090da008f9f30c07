"""Forms of the pages of step 5's part 'organisatie'. They carry the input to the services,
which check it and say in Dutch what is wrong; a form only checks what it must to call the
service at all."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from uitwerking.models.organisatie import GovernanceKeuze, Partij, Risico, Rol
from wup.forms import UtrechtFormMixin
from wup.models import Besluit

DATUM = {"invalid": _("Vul een geldige datum in, bijvoorbeeld 14-03-2027.")}
DATUM_FORMATEN = ["%Y-%m-%d", "%d-%m-%Y"]


def _datumveld(label, leeg, help_text=""):
    return forms.DateField(
        label=label,
        input_formats=DATUM_FORMATEN,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=help_text,
        error_messages={"required": leeg, **DATUM},
    )


def _keuze(label, choices, leeg, **kwargs):
    return forms.ChoiceField(
        label=label,
        choices=choices,
        error_messages={"required": leeg, "invalid_choice": leeg},
        **kwargs,
    )


def _partijkeuzes(partijen, leeg_label):
    return [("", leeg_label), *((str(p.pk), p.naam) for p in partijen)]


class PartijForm(UtrechtFormMixin, forms.Form):
    naam = forms.CharField(
        label=_("Naam"),
        max_length=120,
        help_text=_("Bijvoorbeeld: Gemeente Ermelo, of Warmtebedrijf Veluwe."),
        error_messages={"required": _("Geef de partij een naam.")},
    )
    soort = _keuze(
        _("Soort partij"),
        [("", _("Kies een soort")), *Partij.Soort.choices],
        _("Kies wat voor partij het is."),
    )


class ActiviteitForm(UtrechtFormMixin, forms.Form):
    naam = forms.CharField(
        label=_("Naam"),
        max_length=120,
        help_text=_("Bijvoorbeeld: Aanleg warmtenet."),
        error_messages={"required": _("Geef de activiteit een naam.")},
    )
    omschrijving = forms.CharField(
        label=_("Omschrijving"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Wat houdt deze activiteit in?"),
    )


class RaciForm(UtrechtFormMixin, forms.Form):
    """One select per party and activity, named ``rol_<activiteit>_<partij>``."""

    KEUZES = [
        ("", _("geen rol")),
        (Rol.Soort.R, _("R: voert uit")),
        (Rol.Soort.A, _("A: eindverantwoordelijk")),
        (Rol.Soort.C, _("C: geraadpleegd")),
        (Rol.Soort.I, _("I: geïnformeerd")),
    ]

    def __init__(self, *args, raci, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.raci = raci
        #: Per activity id what the service said is wrong with its roles.
        self.activiteit_fouten: dict[int, str] = {}
        for a in raci.activiteiten:
            for p in raci.partijen:
                self.fields[f"rol_{a.pk}_{p.pk}"] = forms.ChoiceField(
                    label=_("Rol van %(partij)s bij %(activiteit)s")
                    % {"partij": p.naam, "activiteit": a.naam},
                    choices=self.KEUZES,
                    required=False,
                    # Added after the mixin styled the declared fields: style it here.
                    widget=forms.Select(
                        attrs={"class": "utrecht-select utrecht-select--html-select"}
                    ),
                    initial=raci.rol(a.pk, p.pk),
                    error_messages={"invalid_choice": _("Kies R, A, C, I of laat leeg.")},
                )

    def rijen(self) -> list[dict]:
        return [
            {
                "activiteit": a,
                "velden": [self[f"rol_{a.pk}_{p.pk}"] for p in self.raci.partijen],
                "fout": self.activiteit_fouten.get(a.pk, ""),
            }
            for a in self.raci.activiteiten
        ]

    def rollen(self) -> dict[tuple[int, int], str]:
        return {
            (a.pk, p.pk): self.cleaned_data.get(f"rol_{a.pk}_{p.pk}", "")
            for a in self.raci.activiteiten
            for p in self.raci.partijen
        }


class AkkoordForm(UtrechtFormMixin, forms.Form):
    datum = _datumveld(
        _("Datum van het akkoord"), _("Vul de datum in waarop de rollen zijn afgesproken.")
    )
    orgaan = _keuze(
        _("Waar zijn de rollen afgesproken?"),
        [("", _("Kies waar")), *Besluit.Orgaan.choices],
        _("Kies waar de rollen zijn afgesproken."),
    )
    kenmerk = forms.CharField(
        label=_("Kenmerk"),
        required=False,
        max_length=100,
        help_text=_("Het nummer of kenmerk van het verslag of besluit, als dat er is."),
    )


class GovernanceForm(UtrechtFormMixin, forms.Form):
    model = forms.ChoiceField(
        label=_("Model van eigendom en governance"),
        choices=GovernanceKeuze.Model.choices,
        widget=forms.RadioSelect,
        help_text=_("De uitleg van elk model staat boven dit formulier."),
        error_messages={
            "required": _("Kies een model van eigendom en governance."),
            "invalid_choice": _("Kies een model van eigendom en governance."),
        },
    )
    motivatie = forms.CharField(
        label=_("Motivatie"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Waarom past dit model bij deze wijk? Denk aan zeggenschap, risico's, kosten en "
            "wat bewoners belangrijk vinden."
        ),
        error_messages={
            "required": _("Schrijf op waarom voor dit model van eigendom en governance is gekozen.")
        },
    )
    datum = _datumveld(_("Datum van het besluit"), _("Vul de datum van het besluit in."))
    orgaan = _keuze(
        _("Wie heeft het besloten?"),
        [("", _("Kies wie besloot")), *Besluit.Orgaan.choices],
        _("Kies wie het besluit heeft genomen."),
    )
    kenmerk = forms.CharField(
        label=_("Kenmerk"),
        required=False,
        max_length=100,
        help_text=_("Het nummer of kenmerk van het besluit, als dat er is."),
    )


SCHAAL = [("", _("Kies")), *((str(i), str(i)) for i in range(1, 6))]


class RisicoForm(UtrechtFormMixin, forms.Form):
    titel = forms.CharField(
        label=_("Titel"),
        max_length=150,
        help_text=_("Kort, bijvoorbeeld: Te weinig bewoners sluiten aan."),
        error_messages={"required": _("Geef het risico een korte titel.")},
    )
    omschrijving = forms.CharField(
        label=_("Omschrijving"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    categorie = _keuze(
        _("Categorie"),
        [("", _("Kies een categorie")), *Risico.Categorie.choices],
        _("Kies bij welke categorie het risico hoort."),
    )
    kans = _keuze(
        _("Kans"),
        SCHAAL,
        _("Kies een getal van 1 (heel klein) tot en met 5 (heel groot)."),
        help_text=_("Hoe groot is de kans dat het gebeurt? 1 is heel klein, 5 is heel groot."),
    )
    impact = _keuze(
        _("Impact"),
        SCHAAL,
        _("Kies een getal van 1 (heel klein) tot en met 5 (heel groot)."),
        help_text=_(
            "Hoe groot zijn de gevolgen als het gebeurt? 1 is heel klein, 5 is heel groot. "
            "Kans maal impact van 15 of meer is een hoog risico."
        ),
    )
    eigenaar = forms.ChoiceField(
        label=_("Eigenaar"),
        required=False,
        choices=(),
        help_text=_("De partij die het risico bewaakt en de maatregel uitvoert."),
        error_messages={"invalid_choice": _("Kies een eigenaar uit de partijen van dit plan.")},
    )
    beheersmaatregel = forms.CharField(
        label=_("Beheersmaatregel"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Wat wordt gedaan om de kans of de gevolgen kleiner te maken? Verplicht voor een "
            "hoog risico dat nog open staat."
        ),
    )
    status = _keuze(_("Status"), Risico.Status.choices, _("Kies de status van het risico."))

    def __init__(self, *args, partijen, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["eigenaar"].choices = _partijkeuzes(partijen, _("Nog geen eigenaar"))


class FaseForm(UtrechtFormMixin, forms.Form):
    naam = forms.CharField(
        label=_("Naam van de fase"),
        max_length=120,
        help_text=_("Bijvoorbeeld: Aanleg hoofdnet."),
        error_messages={"required": _("Geef de fase een naam.")},
    )
    begindatum = _datumveld(_("Begindatum"), _("Vul de begindatum in."))
    einddatum = _datumveld(
        _("Einddatum"),
        _("Vul de einddatum in."),
        help_text=_("Niet voor de begindatum."),
    )
    mijlpaal = forms.CharField(
        label=_("Mijlpaal"),
        required=False,
        max_length=300,
        help_text=_(
            "Wat is er klaar aan het eind van deze fase? Bijvoorbeeld: vergunning verleend."
        ),
    )
    verantwoordelijke = forms.ChoiceField(
        label=_("Verantwoordelijke partij"),
        required=False,
        choices=(),
        error_messages={
            "invalid_choice": _("Kies een verantwoordelijke uit de partijen van dit plan.")
        },
    )

    def __init__(self, *args, partijen, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["verantwoordelijke"].choices = _partijkeuzes(
            partijen, _("Nog geen verantwoordelijke")
        )
