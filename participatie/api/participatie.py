"""Read API of a plan's participation: the stakeholder groups, the log of contacts, the
behavioural measures and the participation plan per phase.

Same access as the plan: whoever may see the plan reads. Only group data is given: the contact
person of a partij (name, role, e-mail or phone) and the ambassadors' names are never in the API.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from participatie.models import Contactmoment, Gedragsmaatregel, Participatieplan, Partij
from participatie.selectors import netwerk as selectors
from wup.api.schema import problems
from wup.api.views import ID_PARAM, ApiView, plan_voor
from wup.constants import Fase

TAG = "Participatie"


class PartijSerializer(serializers.ModelSerializer):
    aantal_contactmomenten = serializers.IntegerField(source="aantal_contacten")

    class Meta:
        model = Partij
        fields = [
            "id",
            "soort",
            "naam",
            "omvang",
            "belang",
            "toezeggingen",
            "is_bewonersinitiatief",
            "aantal_contactmomenten",
            "gewijzigd_op",
        ]


class ContactmomentSerializer(serializers.ModelSerializer):
    partij = serializers.IntegerField(
        source="partij_id", allow_null=True, help_text="Id van de partij, of leeg."
    )

    class Meta:
        model = Contactmoment
        fields = ["id", "soort", "datum", "onderwerp", "uitkomst", "partij", "aangemaakt_op"]


class GedragsmaatregelSerializer(serializers.ModelSerializer):
    doelgroep_partij = serializers.IntegerField(
        source="doelgroep_partij_id", allow_null=True, help_text="Id van de partij, of leeg."
    )

    class Meta:
        model = Gedragsmaatregel
        fields = ["id", "naam", "status", "doelgroep", "doelgroep_partij", "toelichting"]


class ParticipatieplanSerializer(serializers.ModelSerializer):
    fase = serializers.ChoiceField(choices=Fase.choices)

    class Meta:
        model = Participatieplan
        fields = [
            "id",
            "fase",
            "participatieniveau",
            "doelen",
            "doelgroepen",
            "methoden",
            "planning",
            "gewijzigd_op",
        ]


class _LeesView(ApiView):
    http_method_names = ["get", "head"]
    # A plain list, not a page: the document must not describe a paginated envelope.
    pagination_class = None


@extend_schema(tags=[TAG], parameters=[ID_PARAM])
class PartijenView(_LeesView):
    serializer_class = PartijSerializer

    @extend_schema(
        operation_id="partijenLijst",
        summary="Partijen van het plan",
        description="De groepen in de wijk, op naam. Zonder contactpersoon en ambassadeurs: "
        "persoonsgegevens staan niet in de API.",
        responses={200: PartijSerializer(many=True), **problems(403, 404)},
    )
    def get(self, request: Request, id: int) -> Response:
        plan = plan_voor(request, id)
        return Response(PartijSerializer(selectors.partijen_van(plan), many=True).data)


@extend_schema(tags=[TAG], parameters=[ID_PARAM])
class ContactmomentenView(_LeesView):
    serializer_class = ContactmomentSerializer

    @extend_schema(
        operation_id="contactmomentenLijst",
        summary="Contactmomenten van het plan",
        description="Alle contactmomenten, nieuwste eerst.",
        responses={200: ContactmomentSerializer(many=True), **problems(403, 404)},
    )
    def get(self, request: Request, id: int) -> Response:
        plan = plan_voor(request, id)
        return Response(
            ContactmomentSerializer(selectors.contactmomenten_van(plan), many=True).data
        )


@extend_schema(tags=[TAG], parameters=[ID_PARAM])
class GedragsmaatregelenView(_LeesView):
    serializer_class = GedragsmaatregelSerializer

    @extend_schema(
        operation_id="gedragsmaatregelenLijst",
        summary="Gedragsmaatregelen van het plan",
        description="De maatregelen die bewoners op weg helpen, op naam.",
        responses={200: GedragsmaatregelSerializer(many=True), **problems(403, 404)},
    )
    def get(self, request: Request, id: int) -> Response:
        plan = plan_voor(request, id)
        return Response(
            GedragsmaatregelSerializer(selectors.gedragsmaatregelen_van(plan), many=True).data
        )


@extend_schema(tags=[TAG], parameters=[ID_PARAM])
class ParticipatieplannenView(_LeesView):
    serializer_class = ParticipatieplanSerializer

    @extend_schema(
        operation_id="participatieplannenLijst",
        summary="Participatieplannen van het plan",
        description="Het participatieplan per fase waarvoor het is beschreven.",
        responses={200: ParticipatieplanSerializer(many=True), **problems(403, 404)},
    )
    def get(self, request: Request, id: int) -> Response:
        plan = plan_voor(request, id)
        plannen = selectors.participatieplannen_van(plan)
        volgorde = [f.value for f in Fase]
        rijen = sorted(plannen.values(), key=lambda p: volgorde.index(p.fase))
        return Response(ParticipatieplanSerializer(rijen, many=True).data)
