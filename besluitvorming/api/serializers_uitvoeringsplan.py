"""Representations of the API of step 6's part 'uitvoeringsplan': the composition with its
items, and the Wgiw safeguards with their evidence.

Input serializers only check the shape of what is sent; the services check the values and say
in Dutch what to fill in.
"""

from __future__ import annotations

from rest_framework import serializers

from besluitvorming.models.uitvoeringsplan import Waarborg
from wup.api.serializers import StrictSerializer
from wup.models import Besluit


class RuwDatum(serializers.DateField):
    """A date (JJJJ-MM-DD) passed on as sent: the service names the field when it is not one."""

    def to_internal_value(self, data):
        return data


class RuwGetal(serializers.IntegerField):
    """A whole number passed on as sent: the service names the field when it is not one."""

    def to_internal_value(self, data):
        return data


def _tekst(help_text: str = "", *, verplicht: bool = True) -> serializers.CharField:
    if verplicht:
        return serializers.CharField(allow_blank=True, help_text=help_text)
    return serializers.CharField(allow_blank=True, required=False, default="", help_text=help_text)


class RandvoorwaardeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    url = serializers.URLField()
    tekst = serializers.CharField()
    volgorde = serializers.IntegerField()


class RandvoorwaardeInvoerSerializer(StrictSerializer):
    tekst = _tekst("De randvoorwaarde.")


class ProcesstapSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    url = serializers.URLField()
    naam = serializers.CharField()
    omschrijving = serializers.CharField(allow_blank=True)
    verantwoordelijke = serializers.CharField(help_text="De verantwoordelijke partij.")
    volgorde = serializers.IntegerField()


class ProcesstapInvoerSerializer(StrictSerializer):
    naam = _tekst("De naam van de stap.")
    omschrijving = _tekst(verplicht=False)
    verantwoordelijke = _tekst("De verantwoordelijke partij, bijvoorbeeld een partij uit stap 5.")


class BenodigdBesluitSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    url = serializers.URLField()
    orgaan = serializers.ChoiceField(choices=Besluit.Orgaan.choices)
    orgaan_label = serializers.CharField()
    onderwerp = serializers.CharField()
    beoogde_datum = serializers.DateField(allow_null=True)
    volgorde = serializers.IntegerField()


class BenodigdBesluitInvoerSerializer(StrictSerializer):
    orgaan = serializers.CharField(
        help_text="`college`, `stuurgroep`, `gemeenteraad`, `projectgroep` of `anders`."
    )
    onderwerp = _tekst("Waarover besloten moet worden.")
    beoogde_datum = RuwDatum(required=False, default=None, help_text="Datum (JJJJ-MM-DD) of leeg.")


class ThemaSerializer(serializers.Serializer):
    leefbaarheid = serializers.CharField(allow_blank=True)
    armoede = serializers.CharField(allow_blank=True)
    klimaatadaptatie = serializers.CharField(allow_blank=True)
    andere_werken = serializers.CharField(allow_blank=True)


class UitvoeringsplanSerializer(serializers.Serializer):
    einddatum_gaslevering = serializers.DateField(allow_null=True)
    aankondigingstermijn_jaren = serializers.IntegerField(allow_null=True)
    waarschuwingen = serializers.ListField(
        child=serializers.CharField(), help_text="Waarschuwingen die het opslaan niet tegenhouden."
    )
    brede_agenda = ThemaSerializer()
    compleet = serializers.BooleanField(help_text="Voldoet aan de voorwaarde voor de raad.")
    reden = serializers.CharField(help_text="Wat nog ontbreekt, of wat er is.")
    randvoorwaarden = RandvoorwaardeSerializer(many=True)
    processtappen = ProcesstapSerializer(many=True)
    benodigde_besluiten = BenodigdBesluitSerializer(many=True)


class UitvoeringsplanInvoerSerializer(StrictSerializer):
    einddatum_gaslevering = RuwDatum(allow_null=True, help_text="Datum (JJJJ-MM-DD) of null.")
    aankondigingstermijn_jaren = RuwGetal(allow_null=True, help_text="Heel aantal jaren of null.")
    leefbaarheid = _tekst(verplicht=False)
    armoede = _tekst(verplicht=False)
    klimaatadaptatie = _tekst(verplicht=False)
    andere_werken = _tekst(verplicht=False)


class BewijsSerializer(serializers.Serializer):
    tekst = serializers.CharField()
    bron = serializers.CharField(allow_blank=True)
    url = serializers.URLField(allow_null=True, help_text="De pagina waar het bewijs vandaan komt.")


class WaarborgSerializer(serializers.Serializer):
    punt = serializers.ChoiceField(choices=Waarborg.Punt.choices)
    label = serializers.CharField()
    url = serializers.URLField()
    beantwoord = serializers.BooleanField()
    antwoord = serializers.CharField(allow_blank=True)
    status = serializers.CharField(allow_blank=True)
    status_label = serializers.CharField(allow_blank=True)
    bewijs_bij_antwoord = serializers.CharField(
        allow_blank=True, help_text="Het bewijs zoals het was toen het antwoord werd opgeslagen."
    )
    bewijs = BewijsSerializer(help_text="Het bewijs uit de stappen zoals het nu is.")


class WaarborgInvoerSerializer(StrictSerializer):
    antwoord = _tekst("Hoe het plan aan deze waarborg voldoet.")
    status = serializers.CharField(
        help_text="`voldaan`, `voldaan_met_voorwaarden` of `niet_voldaan`."
    )


class WensSerializer(serializers.Serializer):
    inbreng_id = serializers.IntegerField(help_text="Het id van de vraag van bewoners (stap 3).")
    url = serializers.URLField()
    vraag = serializers.CharField()
    antwoord = serializers.CharField(allow_blank=True)
    opgenomen = serializers.BooleanField(help_text="Opgenomen in het uitvoeringsplan.")
    notitie = serializers.CharField(allow_blank=True)


class WensInvoerSerializer(StrictSerializer):
    opgenomen = serializers.BooleanField()
    notitie = _tekst(
        "Kort: hoe het plan de wens meeneemt (verplicht als hij is opgenomen).", verplicht=False
    )
