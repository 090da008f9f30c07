"""Forms of the public participation page and its management. They check and convert input;
the services in ``participatie.services.publiek`` decide and write."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from participatie.models import Inbreng, Publicatie
from participatie.services.publiek import BEWAARTERMIJN, MAX_INBRENG, MAX_PERSONEN
from wup.forms import UtrechtFormMixin

DATUMTIJD = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d-%m-%Y %H:%M"]


def _datumtijd(label, required=True, help_text=""):
    return forms.DateTimeField(
        label=label,
        required=required,
        input_formats=DATUMTIJD,
        help_text=help_text,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        error_messages={
            "required": _("Vul de datum en het tijdstip in."),
            "invalid": _("Vul een geldige datum en tijd in, bijvoorbeeld 14-03-2027 19:30."),
        },
    )


class AanmeldForm(UtrechtFormMixin, forms.Form):
    naam = forms.CharField(
        label=_("Uw naam"), max_length=200, error_messages={"required": _("Vul uw naam in.")}
    )
    email = forms.EmailField(
        label=_("Uw e-mailadres"),
        max_length=254,
        help_text=_("Hierheen sturen we de bevestiging, met een link om u af te melden."),
        error_messages={
            "required": _("Vul uw e-mailadres in."),
            "invalid": _("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl."),
        },
    )
    aantal_personen = forms.IntegerField(
        label=_("Met hoeveel personen komt u?"),
        min_value=1,
        max_value=MAX_PERSONEN,
        initial=1,
        help_text=_("Uzelf meegeteld, 1 tot en met %(n)d.") % {"n": MAX_PERSONEN},
        error_messages={
            k: _("Vul een aantal in van 1 tot en met %(n)d.") % {"n": MAX_PERSONEN}
            for k in ("required", "invalid", "min_value", "max_value")
        },
    )


class InbrengForm(UtrechtFormMixin, forms.Form):
    soort = forms.ChoiceField(
        label=_("Wat wilt u sturen?"),
        choices=Inbreng.Soort.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies: een vraag of een reactie."),
            "invalid_choice": _("Kies: een vraag of een reactie."),
        },
    )
    tekst = forms.CharField(
        label=_("Uw vraag of reactie"),
        max_length=MAX_INBRENG,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Hoogstens %(n)d tekens. Zet er geen persoonlijke gegevens van anderen in.")
        % {"n": MAX_INBRENG},
        error_messages={
            "required": _("Schrijf uw vraag of reactie."),
            "max_length": _("Gebruik hoogstens %(n)d tekens.") % {"n": MAX_INBRENG},
        },
    )
    naam = forms.CharField(
        label=_("Uw naam (mag leeg)"),
        required=False,
        max_length=100,
        help_text=Inbreng._meta.get_field("naam").help_text,
    )
    email = forms.EmailField(
        label=_("Uw e-mailadres (mag leeg)"),
        required=False,
        max_length=254,
        help_text=Inbreng._meta.get_field("email").help_text,
        error_messages={
            "invalid": _("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.")
        },
    )


class PublicatieForm(UtrechtFormMixin, forms.Form):
    gepubliceerd = forms.BooleanField(
        label=_("De pagina staat online"),
        required=False,
        help_text=Publicatie._meta.get_field("gepubliceerd").help_text,
    )
    waarom = forms.CharField(
        label=_("Wat gebeurt er en waarom"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=Publicatie._meta.get_field("waarom").help_text,
    )
    contact = forms.CharField(
        label=_("Contact met het projectteam"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=Publicatie._meta.get_field("contact").help_text,
    )
    bewaartermijn_maanden = forms.IntegerField(
        label=_("Bewaartermijn persoonsgegevens (maanden)"),
        min_value=BEWAARTERMIJN[0],
        max_value=BEWAARTERMIJN[1],
        help_text=Publicatie._meta.get_field("bewaartermijn_maanden").help_text,
        error_messages={
            k: _("Vul een aantal maanden in van %(van)d tot en met %(tot)d.")
            % {"van": BEWAARTERMIJN[0], "tot": BEWAARTERMIJN[1]}
            for k in ("required", "invalid", "min_value", "max_value")
        },
    )


class NieuwsForm(UtrechtFormMixin, forms.Form):
    titel = forms.CharField(
        label=_("Titel"),
        max_length=200,
        error_messages={"required": _("Geef het bericht een titel.")},
    )
    tekst = forms.CharField(
        label=_("Tekst"),
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Schrijf de tekst van het bericht.")},
    )
    publiceren = forms.BooleanField(
        label=_("Nu publiceren"),
        required=False,
        help_text=_("Uit: het bericht blijft een concept en staat niet op de website."),
    )


class FaqForm(UtrechtFormMixin, forms.Form):
    vraag = forms.CharField(
        label=_("Vraag"), max_length=300, error_messages={"required": _("Schrijf de vraag.")}
    )
    antwoord = forms.CharField(
        label=_("Antwoord"),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Schrijf het antwoord.")},
    )
    volgorde = forms.IntegerField(
        label=_("Volgorde"),
        required=False,
        min_value=0,
        max_value=1000,
        initial=0,
        help_text=_("Lager staat hoger op de pagina."),
        error_messages={
            k: _("Vul een heel getal in van 0 tot en met 1000.")
            for k in ("invalid", "min_value", "max_value")
        },
    )


class BijeenkomstForm(UtrechtFormMixin, forms.Form):
    titel = forms.CharField(
        label=_("Titel"),
        max_length=200,
        help_text=_("Bijvoorbeeld: Bewonersavond over het warmtenet."),
        error_messages={"required": _("Geef de bijeenkomst een titel.")},
    )
    omschrijving = forms.CharField(
        label=_("Omschrijving"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    locatie = forms.CharField(
        label=_("Locatie"),
        max_length=300,
        help_text=_("Naam en adres, bijvoorbeeld: Buurthuis De Linde, Lindelaan 2."),
        error_messages={"required": _("Waar is de bijeenkomst? Vul de plaats in.")},
    )
    begint_op = _datumtijd(_("Begint op"))
    eindigt_op = _datumtijd(_("Eindigt op"), required=False, help_text=_("Mag leeg."))
    capaciteit = forms.IntegerField(
        label=_("Aantal plaatsen"),
        required=False,
        min_value=1,
        help_text=_("Leeg: geen maximum."),
        error_messages={
            k: _("Vul een aantal plaatsen in van 1 of meer, of laat het leeg.")
            for k in ("invalid", "min_value")
        },
    )
    aanmelden = forms.BooleanField(
        label=_("Aanmelden via de website"), required=False, initial=True
    )
    geannuleerd = forms.BooleanField(
        label=_("Deze bijeenkomst gaat niet door"),
        required=False,
        help_text=_("Bewoners zien dan dat de bijeenkomst is afgelast; aanmelden kan niet meer."),
    )


class ModeratieForm(UtrechtFormMixin, forms.Form):
    actie = forms.ChoiceField(
        label=_("Wat doet u hiermee?"),
        choices=(
            ("publiceren", _("Publiceren op de website")),
            ("afwijzen", _("Niet publiceren")),
        ),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies: publiceren of niet publiceren."),
            "invalid_choice": _("Kies: publiceren of niet publiceren."),
        },
    )
    antwoord = forms.CharField(
        label=_("Antwoord"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Staat onder de vraag op de website. U kunt het antwoord ook later toevoegen of "
            "aanpassen. Heeft de afzender een e-mailadres gegeven, dan krijgt die een bericht."
        ),
    )
    reden_afwijzing = forms.CharField(
        label=_("Reden om niet te publiceren"),
        required=False,
        max_length=300,
        help_text=_("Bijvoorbeeld: bevat persoonlijke gegevens, of gaat niet over dit plan."),
    )
