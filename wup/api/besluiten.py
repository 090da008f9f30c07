"""The plan's decisions log in the API: read by whoever may see the plan; the projectleider adds
a decision, or a correction that supersedes one (``vervangt``). A recorded decision never
changes: PUT, PATCH and DELETE answer 405 saying so.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.exceptions import MethodNotAllowed, NotFound, PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse

from wup import selectors, services
from wup.api.schema import problems
from wup.api.serializers import GebruikerSerializer, StrictSerializer
from wup.api.views import ID_PARAM, LOCATION_HEADER, MAX_ID, ApiView, plan_voor
from wup.exceptions import PlanFrozen
from wup.models import Besluit, Wijkplan

TAG = "Besluitenlijst"
ONVERANDERLIJK = (
    "Een vastgelegd besluit kan niet worden gewijzigd of verwijderd. Klopt het niet? Leg dan "
    "een nieuw besluit vast met `vervangt`: dat vervangt het oude, en het oude blijft bewaard."
)
BESLUIT_PARAM = OpenApiParameter(
    "besluit_id", OpenApiTypes.INT, OpenApiParameter.PATH, description="Het id van het besluit."
)
_SCHRIJF_403 = "Alleen de projectleider van het plan kan besluiten vastleggen."
_SCHRIJF_409 = "Het plan is vastgesteld of gestopt; er kunnen geen besluiten meer bij."


class BesluitSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text="Adres van dit besluit in de API.")
    orgaan = serializers.ChoiceField(choices=Besluit.Orgaan.choices, read_only=True)
    orgaan_label = serializers.CharField(source="get_orgaan_display", read_only=True)
    bron = serializers.CharField(
        read_only=True,
        help_text="De stap die het besluit vastlegde, bv. `keuze`; leeg als het met de hand is "
        "vastgelegd.",
    )
    bron_label = serializers.SerializerMethodField()
    vervangt = serializers.IntegerField(
        source="vervangt_id",
        read_only=True,
        allow_null=True,
        help_text="Het id van het besluit dat dit besluit corrigeert, of leeg.",
    )
    vervangen_door = serializers.SerializerMethodField(
        help_text="Het id van het besluit dat dit besluit vervangt, of leeg als het nog geldt."
    )
    geldt = serializers.SerializerMethodField(help_text="Het besluit is niet vervangen.")
    vastgelegd_door = GebruikerSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Besluit
        fields = (
            "id",
            "url",
            "datum",
            "orgaan",
            "orgaan_label",
            "besluit",
            "kenmerk",
            "bron",
            "bron_label",
            "vervangt",
            "vervangen_door",
            "geldt",
            "vastgelegd_door",
            "vastgelegd_op",
        )
        read_only_fields = fields

    def get_url(self, besluit: Besluit) -> str:
        return reverse(
            "api:wijkplan-besluit-detail",
            kwargs={"id": besluit.wijkplan_id, "besluit_id": besluit.pk},
            request=self.context["request"],
        )

    def get_bron_label(self, besluit: Besluit) -> str:
        bronnen = self.context.setdefault("bronnen", selectors.besluit_bronnen())
        return selectors.besluit_bron_label(besluit.bron, bronnen)

    def get_vervangen_door(self, besluit: Besluit) -> int | None:
        opvolger = besluit.opvolger
        return opvolger.pk if opvolger else None

    def get_geldt(self, besluit: Besluit) -> bool:
        return not besluit.is_vervangen


class BesluitVastleggenSerializer(StrictSerializer):
    datum = serializers.DateField(
        help_text="De dag waarop het besluit is genomen (niet in de toekomst), bv. 2026-03-17.",
        error_messages={
            "required": gettext_lazy("Vul de datum van het besluit in."),
            "null": gettext_lazy("Vul de datum van het besluit in."),
            "invalid": gettext_lazy("Vul een geldige datum in, bijvoorbeeld 2026-03-17."),
            "datetime": gettext_lazy("Vul alleen een datum in, zonder tijd."),
        },
    )
    orgaan = serializers.ChoiceField(
        choices=Besluit.Orgaan.choices,
        help_text="Wie het besluit nam.",
        error_messages={
            "required": gettext_lazy("Kies wie het besluit heeft genomen."),
            "null": gettext_lazy("Kies wie het besluit heeft genomen."),
            "invalid_choice": gettext_lazy("Kies wie het besluit heeft genomen."),
        },
    )
    besluit = serializers.CharField(
        max_length=services.MAX_BESLUIT,
        allow_blank=True,
        trim_whitespace=False,
        help_text="Wat er is besloten.",
        error_messages={
            "required": gettext_lazy("Schrijf op wat er is besloten."),
            "null": gettext_lazy("Schrijf op wat er is besloten."),
        },
    )
    kenmerk = serializers.CharField(
        max_length=services.MAX_KENMERK,
        allow_blank=True,
        required=False,
        help_text="Bv. het zaaknummer of het nummer van het raadsbesluit.",
    )
    vervangt = serializers.IntegerField(
        min_value=1,
        max_value=MAX_ID,
        required=False,
        allow_null=True,
        help_text="Bij een correctie: het id van het besluit dat dit besluit vervangt. Dat "
        "besluit moet bij dit plan horen en mag nog niet vervangen zijn.",
    )


class _Onveranderlijk:
    """PUT, PATCH and DELETE are heard, to say why they cannot be."""

    http_method_names = ["get", "post", "put", "patch", "delete", "head"]

    def http_method_not_allowed(self, request, *args, **kwargs):
        if request.method in ("PUT", "PATCH", "DELETE"):
            raise MethodNotAllowed(
                request.method,
                detail=_(
                    "Een vastgelegd besluit kan niet worden gewijzigd of verwijderd. Leg een "
                    "nieuw besluit vast met ‘vervangt’; dat vervangt dit besluit."
                ),
                code="besluit-onveranderlijk",
            )
        return super().http_method_not_allowed(request, *args, **kwargs)


def _schrijfbaar(request: Request, plan: Wijkplan) -> None:
    """Refuse a write before its input is read, as the service would after."""
    if not selectors.is_projectleider(plan, request.user):
        raise PermissionDenied(_("Alleen de projectleider van dit plan kan besluiten vastleggen."))
    if plan.bevroren:
        raise PlanFrozen(
            _("Dit plan is %(fase)s en kan niet meer worden gewijzigd.")
            % {"fase": plan.get_fase_display().lower()}
        )


@extend_schema(tags=[TAG], parameters=[ID_PARAM])
class BesluitenView(_Onveranderlijk, ApiView, generics.ListAPIView):
    serializer_class = BesluitSerializer

    def get_queryset(self) -> QuerySet[Besluit]:
        if getattr(self, "swagger_fake_view", False):  # schema generation: no real request
            return Besluit.objects.none()
        return selectors.besluiten_van(plan_voor(self.request, self.kwargs["id"]))

    @extend_schema(
        operation_id="wijkplanBesluitenLijst",
        summary="Besluitenlijst van een wijkplan",
        description="Alle besluiten over het plan, ook de vervangen besluiten (`geldt` is dan "
        "onwaar en `vervangenDoor` noemt de correctie), het nieuwste besluit eerst. "
        + ONVERANDERLIJK,
        responses={200: BesluitSerializer(many=True), **problems(400, 403, 404)},
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        operation_id="wijkplanBesluitVastleggen",
        summary="Besluit vastleggen",
        description="Zet een besluit in de besluitenlijst, bijvoorbeeld van de stuurgroep. Een "
        "correctie noemt in `vervangt` het besluit dat zij vervangt. De datum ligt niet in de "
        "toekomst.",
        request=BesluitVastleggenSerializer,
        parameters=[LOCATION_HEADER],
        responses={
            201: BesluitSerializer,
            **problems(
                400,
                403,
                404,
                409,
                413,
                s400="Ongeldige invoer, of `vervangt` noemt een besluit van een ander plan of "
                "een besluit dat al vervangen is.",
                s403=_SCHRIJF_403,
                s409=_SCHRIJF_409,
            ),
        },
    )
    def post(self, request: Request, id: int) -> Response:
        plan = plan_voor(request, id)
        _schrijfbaar(request, plan)
        invoer = BesluitVastleggenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        rij = services.besluit_vastleggen(wijkplan=plan, user=request.user, **invoer.validated_data)
        data = self.get_serializer(selectors.besluit_van(plan, rij.pk)).data
        return Response(data, status=status.HTTP_201_CREATED, headers={"Location": data["url"]})


@extend_schema(tags=[TAG], parameters=[ID_PARAM, BESLUIT_PARAM])
class BesluitView(_Onveranderlijk, ApiView):
    serializer_class = BesluitSerializer
    http_method_names = ["get", "put", "patch", "delete", "head"]

    @extend_schema(
        operation_id="wijkplanBesluitOphalen",
        summary="Eén besluit",
        description=ONVERANDERLIJK + " (PUT, PATCH en DELETE geven 405.)",
        responses={200: BesluitSerializer, **problems(403, 404)},
    )
    def get(self, request: Request, id: int, besluit_id: int) -> Response:
        plan = plan_voor(request, id)
        rij = selectors.besluit_van(plan, besluit_id)
        if rij is None:
            raise NotFound(_("Dit besluit staat niet in de besluitenlijst van dit plan."))
        return Response(self.get_serializer(rij).data)
