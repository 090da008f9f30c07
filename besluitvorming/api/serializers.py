"""Representations of step 6's API: the versions of a plan's council PDF."""

from __future__ import annotations

from rest_framework import serializers

from besluitvorming.models import Documentversie
from wup.api.serializers import GebruikerSerializer, StrictSerializer
from wup.constants import Fase


class DocumentversieSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    url = serializers.URLField(help_text="Adres van deze versie (de status).")
    nummer = serializers.IntegerField(help_text="Versienummer binnen het plan: 1, 2, ….")
    status = serializers.ChoiceField(choices=Documentversie.Status.choices)
    status_label = serializers.CharField(source="get_status_display")
    melding = serializers.CharField(help_text="Waarom het maken mislukte; anders leeg.")
    fase = serializers.ChoiceField(choices=Fase.choices, help_text="Fase van het plan toen.")
    definitief = serializers.BooleanField(
        help_text="Niet definitief: elke pagina draagt het watermerk CONCEPT."
    )
    aangevraagd_door = GebruikerSerializer()
    aangevraagd_op = serializers.DateTimeField()
    gereed_op = serializers.DateTimeField(allow_null=True)
    grootte = serializers.IntegerField(allow_null=True, help_text="Grootte van de PDF in bytes.")
    sha256 = serializers.CharField(help_text="SHA-256 van de PDF (hexadecimaal); anders leeg.")
    download_url = serializers.URLField(
        allow_null=True, help_text="Adres van de PDF zelf, zodra de versie klaar is."
    )


class AanvraagSerializer(StrictSerializer):
    aanvraagsleutel = serializers.UUIDField(
        required=False,
        allow_null=True,
        default=None,
        help_text="Kies zelf een UUID per aanvraag: wie dezelfde aanvraag opnieuw verstuurt "
        "(bijvoorbeeld na een time-out) krijgt dezelfde versie terug in plaats van een nieuwe.",
    )
