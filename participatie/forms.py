"""Forms of the participation pages. They check and convert input; the services decide and
write."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from participatie.models import Contactmoment, Gedragsmaatregel, Participatieplan, Partij
from wup.forms import UtrechtFormMixin

DATUM = {"invalid": _("Vul een geldige datum in, bijvoorbeeld 14-03-2027.")}


def _veld(model, naam):
    return model._meta.get_field(naam)


class PartijForm(UtrechtFormMixin, forms.Form):
    soort = forms.ChoiceField(
        label=_("Soort partij"),
        choices=[("", _("Kies een soort")), *Partij.Soort.choices],
        error_messages={
            "required": _("Kies een soort partij uit de lijst."),
            "invalid_choice": _("Kies een soort partij uit de lijst."),
        },
    )
    naam = forms.CharField(
        label=_("Naam"),
        max_length=200,
        help_text=_("Bijvoorbeeld: bewoners van de Lindelaan, of Woonstichting Ermelo."),
        error_messages={"required": _("Geef de partij een naam.")},
    )
    omvang = forms.IntegerField(
        label=_("Omvang"),
        required=False,
        min_value=0,
        help_text=_veld(Partij, "omvang").help_text,
        error_messages={
            "invalid": _("Vul een heel getal in van 0 of meer, of laat het leeg."),
            "min_value": _("Vul een heel getal in van 0 of meer, of laat het leeg."),
        },
    )
    contactpersoon_naam = forms.CharField(
        label=_("Naam contactpersoon"),
        required=False,
        max_length=200,
        help_text=_veld(Partij, "contactpersoon_naam").help_text,
    )
    contactpersoon_rol = forms.CharField(
        label=_("Rol contactpersoon"),
        required=False,
        max_length=200,
        help_text=_veld(Partij, "contactpersoon_rol").help_text,
    )
    contactpersoon_bereikbaar = forms.CharField(
        label=_("E-mail of telefoon contactpersoon"),
        required=False,
        max_length=200,
        help_text=_veld(Partij, "contactpersoon_bereikbaar").help_text,
    )
    belang = forms.CharField(
        label=_("Belang en zorgen"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_veld(Partij, "belang").help_text,
    )
    toezeggingen = forms.CharField(
        label=_("Toezeggingen"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_veld(Partij, "toezeggingen").help_text,
    )
    is_bewonersinitiatief = forms.BooleanField(
        label=_("Dit is een bewonersinitiatief"),
        required=False,
        help_text=_veld(Partij, "is_bewonersinitiatief").help_text,
    )
    ambassadeurs = forms.CharField(
        label=_("Ambassadeurs"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_veld(Partij, "ambassadeurs").help_text,
    )


class PartijKeuzeMixin:
    """A choice of one of the plan's partijen (optional)."""

    def _partijen(self, veld: str, partijen) -> None:
        self.fields[veld].choices = [
            ("", _("Geen bepaalde partij")),
            *((str(p.pk), p.naam) for p in partijen),
        ]


class ContactmomentForm(PartijKeuzeMixin, UtrechtFormMixin, forms.Form):
    soort = forms.ChoiceField(
        label=_("Soort contact"),
        choices=[("", _("Kies een soort")), *Contactmoment.Soort.choices],
        error_messages={
            "required": _("Kies een soort contact uit de lijst."),
            "invalid_choice": _("Kies een soort contact uit de lijst."),
        },
    )
    datum = forms.DateField(
        label=_("Datum"),
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": _("Vul de datum van het contact in."), **DATUM},
    )
    onderwerp = forms.CharField(
        label=_("Onderwerp"),
        max_length=300,
        error_messages={"required": _("Waar ging het contact over? Vul een onderwerp in.")},
    )
    partij = forms.ChoiceField(
        label=_("Met welke partij?"),
        required=False,
        error_messages={"invalid_choice": _("Kies een partij van dit plan.")},
    )
    uitkomst = forms.CharField(
        label=_("Uitkomst"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Wat is er besproken of afgesproken? Noteer geen persoonlijke gegevens."),
    )

    def __init__(self, *args, partijen, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._partijen("partij", partijen)


class GedragsmaatregelForm(PartijKeuzeMixin, UtrechtFormMixin, forms.Form):
    naam = forms.CharField(
        label=_("Naam"),
        max_length=200,
        help_text=_veld(Gedragsmaatregel, "naam").help_text,
        error_messages={"required": _("Geef de maatregel een naam.")},
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Kies een status")), *Gedragsmaatregel.Status.choices],
        error_messages={
            "required": _("Kies een status uit de lijst."),
            "invalid_choice": _("Kies een status uit de lijst."),
        },
    )
    doelgroep = forms.CharField(
        label=_("Doelgroep"),
        required=False,
        max_length=300,
        help_text=_veld(Gedragsmaatregel, "doelgroep").help_text,
    )
    doelgroep_partij = forms.ChoiceField(
        label=_("Partij als doelgroep"),
        required=False,
        help_text=_("Mag leeg. Kies een partij als de maatregel voor één partij is."),
        error_messages={"invalid_choice": _("Kies een partij van dit plan.")},
    )
    toelichting = forms.CharField(
        label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, partijen, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._partijen("doelgroep_partij", partijen)


class ParticipatieplanForm(UtrechtFormMixin, forms.Form):
    participatieniveau = forms.ChoiceField(
        label=_("Participatieniveau"),
        choices=Participatieplan.Niveau.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "Hoeveel inspraak krijgen de deelnemers? Van informeren (weinig) tot meebeslissen "
            "(veel): de participatieladder."
        ),
        error_messages={
            "required": _("Kies een trede van de participatieladder."),
            "invalid_choice": _("Kies een trede van de participatieladder."),
        },
    )
    doelen = forms.CharField(
        label=_("Doelen"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Wat wilt u in deze fase met participatie bereiken?"),
    )
    doelgroepen = forms.CharField(
        label=_("Doelgroepen"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Wie wilt u bereiken?"),
    )
    methoden = forms.CharField(
        label=_("Methoden"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Hoe? Bijvoorbeeld: bijeenkomsten, keukentafelgesprekken, een enquête."),
    )
    planning = forms.CharField(
        label=_("Planning"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Wanneer gebeurt wat?"),
    )
