"""A plan's audit trail in the API: read-only, paged, newest first, for whoever may see the
plan's history (the same rows as the page "Wijzigingen"; no residents' personal data)."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers

from wup import selectors_wijzigingen as selectors
from wup.api.schema import problems
from wup.api.views import ID_PARAM, ApiView, plan_voor
from wup.models import Wijziging

TAG = "Wijzigingen"
ACTIES = {
    Wijziging.Action.CREATE: "aangemaakt",
    Wijziging.Action.UPDATE: "gewijzigd",
    Wijziging.Action.DELETE: "verwijderd",
    Wijziging.Action.ACCESS: "ingezien",
}


class VeldwijzigingSerializer(serializers.Serializer):
    veld = serializers.CharField(help_text="Het label van het veld.")
    voor = serializers.CharField(help_text="De waarde ervoor (leeg bij aanmaken).")
    na = serializers.CharField(help_text="De waarde erna (leeg bij verwijderen).")


class WijzigingSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="wijziging.pk")
    tijdstip = serializers.DateTimeField(source="wijziging.timestamp")
    onderdeel = serializers.CharField(
        source="wijziging.onderdeel", help_text="De stap (`techniek`, …), `wup` of `rollen`."
    )
    onderdeel_label = serializers.CharField(source="onderdeel")
    object_soort = serializers.CharField(source="soort")
    object = serializers.CharField()
    object_id = serializers.CharField(source="wijziging.object_pk")
    actie = serializers.ChoiceField(
        choices=sorted(set(ACTIES.values())), source="actie_code", help_text="Wat er gebeurde."
    )
    door = serializers.CharField(help_text="Wie het deed, of `systeem` (taak, beheercommando).")
    bron = serializers.CharField(source="wijziging.bron", help_text="`web`, `api`, `taak …`.")
    velden = VeldwijzigingSerializer(many=True, source="velden_api")


ONDERDEEL_PARAM = OpenApiParameter(
    "onderdeel",
    OpenApiTypes.STR,
    OpenApiParameter.QUERY,
    required=False,
    description="Alleen de wijzigingen van dit onderdeel, bv. `techniek` of `rollen`.",
)


@extend_schema(tags=[TAG], parameters=[ID_PARAM, ONDERDEEL_PARAM])
class WijzigingenView(ApiView, generics.ListAPIView):
    serializer_class = WijzigingSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation: no real request
            return Wijziging.objects.none()
        plan = plan_voor(self.request, self.kwargs["id"])
        onderdeel = self.request.query_params.get("onderdeel") or None
        return selectors.wijzigingen_van(plan, onderdeel=onderdeel)

    @extend_schema(
        operation_id="wijkplanWijzigingenLijst",
        summary="Wijzigingen in een wijkplan",
        description="Elke wijziging in de inhoud van het plan (alle stappen) en in wie er "
        "projectleider van is: wanneer, door wie, welk object en per veld de waarde ervoor en "
        "erna. Het nieuwste eerst. Het logboek wordt nooit gewijzigd; persoonsgegevens van "
        "bewoners staan er niet in.",
        responses={200: WijzigingSerializer(many=True), **problems(400, 403, 404)},
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def list(self, request, *args, **kwargs):
        pagina = self.paginate_queryset(self.get_queryset())
        regels = selectors.regels(pagina)
        for r in regels:
            r.actie_code = ACTIES.get(r.wijziging.action, "gewijzigd")
            r.velden_api = [{"veld": v.label, "voor": v.voor, "na": v.na} for v in r.velden]
        data = self.get_serializer(regels, many=True).data
        return self.get_paginated_response(data)
