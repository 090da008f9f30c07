"""Representations of step 6's part 'raad' in the API: submission, inbox, council decision."""

from __future__ import annotations

from rest_framework import serializers

from besluitvorming.models import Raadsbesluit
from wup.api.schema import VoorwaardeSerializer
from wup.api.serializers import GebruikerSerializer, StrictSerializer
from wup.constants import Fase
from wup.workflow import TERUGSTUUR_FASEN


class RaadVersieSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    nummer = serializers.IntegerField()
    aangevraagd_op = serializers.DateTimeField()
    sha256 = serializers.CharField()
    definitief = serializers.BooleanField()
    download_url = serializers.URLField()


class AanbiedingSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    aangeboden_op = serializers.DateTimeField()
    aangeboden_door = GebruikerSerializer()
    versie = RaadVersieSerializer()


class AanbiedingStatusSerializer(serializers.Serializer):
    fase = serializers.ChoiceField(choices=Fase.choices)
    kan_aanbieden = serializers.BooleanField(
        help_text="De gebruiker is projectleider en het plan is in de fase uitvoeringsplan."
    )
    versie = RaadVersieSerializer(
        allow_null=True, help_text="De PDF die naar de raad gaat: de nieuwste van deze fase."
    )
    voorwaarden = VoorwaardeSerializer(many=True)
    aanbiedingen = AanbiedingSerializer(many=True)


class AanbiedenSerializer(StrictSerializer):
    motivatie = serializers.CharField(required=False, allow_blank=True, max_length=5000)
    verwachte_fase = serializers.ChoiceField(choices=Fase.choices, required=False)


class InboxRegelSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    naam = serializers.CharField()
    url = serializers.URLField()
    aangeboden_op = serializers.DateTimeField()
    aanbieding = AanbiedingSerializer(allow_null=True)


class RaadsbesluitSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    uitkomst = serializers.ChoiceField(choices=Raadsbesluit.Uitkomst.choices)
    besluitdatum = serializers.DateField()
    besluitnummer = serializers.CharField()
    amendementen = serializers.CharField()
    redenen = serializers.CharField()
    naar_fase = serializers.CharField(help_text="Bij teruggestuurd: de fase; anders leeg.")
    vastgestelde_versie = RaadVersieSerializer(allow_null=True)
    griffier = GebruikerSerializer()
    vastgelegd_op = serializers.DateTimeField()


class RaadsbesluitStatusSerializer(serializers.Serializer):
    fase = serializers.ChoiceField(choices=Fase.choices)
    kan_vastleggen = serializers.BooleanField(
        help_text="De gebruiker is griffier van de gemeente en het plan ligt bij de raad."
    )
    aanbieding = AanbiedingSerializer(allow_null=True)
    definitieve_versie = RaadVersieSerializer(allow_null=True)
    besluiten = RaadsbesluitSerializer(many=True)


class RaadsbesluitVastleggenSerializer(StrictSerializer):
    uitkomst = serializers.ChoiceField(choices=Raadsbesluit.Uitkomst.choices)
    besluitdatum = serializers.DateField()
    besluitnummer = serializers.CharField(required=False, allow_blank=True, max_length=100)
    amendementen = serializers.CharField(required=False, allow_blank=True, max_length=5000)
    redenen = serializers.CharField(required=False, allow_blank=True, max_length=5000)
    naar = serializers.ChoiceField(
        choices=[(f, Fase(f).label) for f in TERUGSTUUR_FASEN],
        required=False,
        help_text="Bij teruggestuurd: de fase waar de bezwaren over gaan.",
    )
    versie_id = serializers.IntegerField(
        required=False,
        allow_null=True,
        help_text="Bij vastgesteld: de vastgestelde versie; leeg is de aangeboden versie.",
    )
    verwachte_fase = serializers.ChoiceField(choices=Fase.choices, required=False)
