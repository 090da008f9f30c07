"""Representations of the housing-costs API: the current calculation per household type, its
history, and the input of a new calculation.

Input serializers only check the shape; the service checks the values and says in Dutch what to
fill in (a number may come as a number or as text with a decimal comma, as in the form).
"""

from __future__ import annotations

from rest_framework import serializers

from uitwerking.financien import EIGENDOMSVORMEN
from wup.api.serializers import StrictSerializer


class GetalVeld(serializers.FloatField):
    """A number passed on as sent; the service names the field when it is none."""

    def to_internal_value(self, data):
        return data


def _getal(help_text: str, **kwargs) -> GetalVeld:
    return GetalVeld(help_text=help_text, required=False, allow_null=True, **kwargs)


class WoonlastenAandeelSerializer(StrictSerializer):
    eigendom = serializers.ChoiceField(choices=EIGENDOMSVORMEN)
    procent = GetalVeld(help_text="0 tot en met 100; de drie samen 100.")


class WoonlastenAantalSerializer(StrictSerializer):
    woningtype = serializers.CharField()
    eigendom = serializers.ChoiceField(choices=EIGENDOMSVORMEN)
    aantal = GetalVeld(help_text="Het aantal huishoudens; 0 haalt het type weg.")


class WoonlastenVerbruikSerializer(StrictSerializer):
    woningtype = serializers.CharField()
    gas_m3 = _getal("Gasverbruik per jaar nu (m³); leeg: het CBS-gemiddelde.")
    elektriciteit_kwh = _getal("Elektriciteitsverbruik per jaar nu (kWh); leeg: het CBS.")


class WoonlastenTypeSleutelSerializer(StrictSerializer):
    woningtype = serializers.CharField()
    eigendom = serializers.ChoiceField(choices=EIGENDOMSVORMEN)


class WoonlastenInvoerSerializer(StrictSerializer):
    huurverhoging_corporatie = _getal(
        "Huurverhoging per maand voor huurders van een corporatie (standaard 0: corporaties "
        "beloven vaak woonlastenneutraliteit)."
    )
    huurverhoging_particulier = _getal("Huurverhoging per maand bij een particuliere verhuurder.")
    warmtetarief = _getal(
        "Warmtetarief van het warmtebedrijf in euro per GJ; leeg: het variabele ACM-maximum."
    )
    marge = _getal("Hoeveel de maandlasten mogen stijgen en toch neutraal heten (standaard 0).")
    jaar = serializers.IntegerField(
        required=False, allow_null=True, help_text="Prijsjaar; standaard het huidige jaar."
    )
    aandelen = WoonlastenAandeelSerializer(
        many=True,
        required=False,
        help_text="De aandelen per eigendomsvorm; leeg: uit de CBS-cijfers van stap 1.",
    )
    aantallen = WoonlastenAantalSerializer(
        many=True, required=False, help_text="Correcties van het aantal huishoudens per type."
    )
    verbruik = WoonlastenVerbruikSerializer(many=True, required=False)
    laag_inkomen = WoonlastenTypeSleutelSerializer(
        many=True,
        required=False,
        help_text="Typen eigenaar-bewoners die lenen tegen de lage rente van het Warmtefonds.",
    )


class WoonlastenRegelSerializer(serializers.Serializer):
    post = serializers.CharField()
    voor = serializers.FloatField(help_text="Euro per maand nu.")
    na = serializers.FloatField(help_text="Euro per maand na de overstap.")
    verschil = serializers.FloatField()


class WoonlastenHuishoudtypeSerializer(serializers.Serializer):
    nummer = serializers.IntegerField(help_text="Volgnummer; ook in het adres van de pagina.")
    sleutel = serializers.CharField(help_text="`woningtype|eigendom`.")
    naam = serializers.CharField()
    woningtype = serializers.CharField()
    eigendom = serializers.ChoiceField(choices=EIGENDOMSVORMEN)
    aantal = serializers.IntegerField(help_text="Aantal huishoudens van dit type.")
    eenmalig_bruto = serializers.FloatField()
    subsidies = serializers.FloatField()
    eenmalig_netto = serializers.FloatField()
    financiering_per_maand = serializers.FloatField(
        help_text="Lening (eigenaar-bewoner) of huurverhoging (huurder) per maand."
    )
    totaal_voor = serializers.FloatField()
    totaal_na = serializers.FloatField()
    verschil = serializers.FloatField()
    woonlastenneutraal = serializers.BooleanField()
    risico = serializers.BooleanField(
        help_text="Niet woonlastenneutraal in een gebied met een signaal van energiearmoede."
    )
    uitleg = serializers.CharField()
    regels = WoonlastenRegelSerializer(many=True)
    notities = serializers.ListField(child=serializers.CharField())
    verbruik = serializers.DictField(help_text="Gas, elektriciteit en warmte per jaar voor en na.")


class WoonlastenParameterSerializer(serializers.Serializer):
    naam = serializers.CharField()
    waarde = serializers.FloatField(allow_null=True)
    eenheid = serializers.CharField(allow_blank=True)
    bron = serializers.CharField(allow_blank=True)


class WoonlastenSamenvattingSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    berekend_op = serializers.DateTimeField()
    alternatief = serializers.CharField()
    parameterset_id = serializers.IntegerField(allow_null=True)
    parameterset_versie = serializers.IntegerField(allow_null=True)
    aantal_typen = serializers.IntegerField()
    aantal_neutraal = serializers.IntegerField()
    aantal_niet_neutraal = serializers.IntegerField()
    aantal_risico = serializers.IntegerField()


class WoonlastenSerializer(WoonlastenSamenvattingSerializer):
    verouderd = serializers.BooleanField()
    redenen = serializers.ListField(child=serializers.CharField(), help_text="Waarom verouderd.")
    energiearmoede = serializers.BooleanField(
        allow_null=True, help_text="Signaal energiearmoede uit stap 1 (leeg: onbekend)."
    )
    energiearmoede_tekst = serializers.CharField(allow_blank=True)
    invoer = serializers.DictField()
    huishoudtypen = WoonlastenHuishoudtypeSerializer(many=True)
    parameters = WoonlastenParameterSerializer(many=True)
    aannames = serializers.ListField(child=serializers.CharField())
