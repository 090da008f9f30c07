"""Read API of events, consultations and their results.

Inside the product (whoever may see the plan): the events with sign-up counts, the
consultations with their questions and response counts, the aggregated result of a
consultation and the support per alternative. Public (no login), for plans whose participation
page is online: the events and the result of a closed consultation.

Never personal data: no names or e-mail addresses of sign-ups, no addresses or codes, and no
open answers (they may contain personal data); of an open question only the number of answers.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

from participatie.models import Bijeenkomst, Raadpleging, Respons, Vraag
from participatie.selectors import publiek as publiek_selectors
from participatie.selectors import raadplegingen as raadpleging_selectors
from participatie.selectors import resultaten as selectors
from wup.api.schema import problems
from wup.api.views import ID_PARAM, ApiView, plan_voor
from wup.models import Wijkplan

TAG = "Participatie"
TAG_PUBLIEK = "Participatie (openbaar)"
MAX_ID = 2**63 - 1

RAADPLEGING_PARAM = OpenApiParameter(
    "raadpleging_id",
    OpenApiTypes.INT,
    OpenApiParameter.PATH,
    description="Het id van de raadpleging.",
)
SLUG_PARAM = OpenApiParameter(
    "slug", OpenApiTypes.STR, OpenApiParameter.PATH, description="Het webadres van het wijkplan."
)


# --- Serializers -------------------------------------------------------------------------------


class BijeenkomstSerializer(serializers.ModelSerializer):
    geannuleerd = serializers.SerializerMethodField()
    aantal_aanmeldingen = serializers.IntegerField(help_text="Actieve aanmeldingen.")
    aantal_personen = serializers.IntegerField(source="bezet", help_text="Aangemelde personen.")
    plaatsen_over = serializers.IntegerField(
        allow_null=True, help_text="Vrije plaatsen; leeg als er geen maximum is."
    )

    class Meta:
        model = Bijeenkomst
        fields = [
            "id",
            "titel",
            "omschrijving",
            "locatie",
            "begint_op",
            "eindigt_op",
            "capaciteit",
            "aanmelden",
            "geannuleerd",
            "aantal_aanmeldingen",
            "aantal_personen",
            "plaatsen_over",
        ]

    def get_geannuleerd(self, obj) -> bool:
        return obj.geannuleerd_op is not None


class OptieSerializer(serializers.Serializer):
    sleutel = serializers.CharField()
    label = serializers.CharField()
    alternatief = serializers.IntegerField(
        required=False, allow_null=True, help_text="Id van het alternatief van stap 2, of leeg."
    )


SOORT_VRAAG = serializers.CharField(
    help_text="Soort vraag: " + ", ".join(f"`{c}` ({label})" for c, label in Vraag.Soort.choices)
)


class VraagSerializer(serializers.ModelSerializer):
    # text, not an enum: "soort" already names the enums of partij and contactmoment
    soort = SOORT_VRAAG
    opties = OptieSerializer(many=True)

    class Meta:
        model = Vraag
        fields = [
            "id",
            "volgorde",
            "soort",
            "tekst",
            "toelichting",
            "verplicht",
            "meerdere",
            "opties",
        ]


class RaadplegingSerializer(serializers.ModelSerializer):
    stand = serializers.ChoiceField(choices=Raadpleging.Stand.choices, source="huidige_stand")
    aantal_responsen = serializers.IntegerField()
    vragen = VraagSerializer(many=True, source="vragen_lijst")

    class Meta:
        model = Raadpleging
        fields = [
            "id",
            "titel",
            "inleiding",
            "deelname",
            "stand",
            "opent_op",
            "sluit_op",
            "aantal_responsen",
            "vragen",
        ]


class BuurtResponsSerializer(serializers.Serializer):
    buurt = serializers.IntegerField(allow_null=True, help_text="Id van de buurt, of leeg.")
    naam = serializers.CharField()
    responsen = serializers.IntegerField()
    noemer = serializers.IntegerField(
        allow_null=True, help_text="Uitgegeven codes in de buurt; leeg bij deelname per e-mail."
    )
    percentage = serializers.FloatField(allow_null=True)


class GroepResponsSerializer(serializers.Serializer):
    groep = serializers.ChoiceField(choices=Respons.Groep.choices)
    responsen = serializers.IntegerField()
    aandeel = serializers.FloatField(allow_null=True, help_text="Procent van alle reacties.")


class VerdelingSerializer(serializers.Serializer):
    sleutel = serializers.CharField(required=False, help_text="Antwoordmogelijkheid.")
    score = serializers.IntegerField(required=False, help_text="Stelling: 1 tot 5.")
    label = serializers.CharField()
    aantal = serializers.IntegerField(required=False)
    aandeel = serializers.FloatField(required=False, allow_null=True)
    gemiddelde_positie = serializers.FloatField(required=False, allow_null=True)
    eerste_keus = serializers.IntegerField(required=False)
    borda = serializers.FloatField(required=False, allow_null=True)


class KruisRijSerializer(serializers.Serializer):
    groep = serializers.CharField()
    aantallen = serializers.ListField(child=serializers.IntegerField())


class KruistabelSerializer(serializers.Serializer):
    kolommen = serializers.ListField(child=serializers.CharField())
    rijen = KruisRijSerializer(many=True)


class VraagUitslagSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="vraag_id")
    soort = SOORT_VRAAG
    tekst = serializers.CharField()
    aantal = serializers.IntegerField(help_text="Huishoudens die de vraag beantwoordden.")
    verdeling = VerdelingSerializer(many=True, source="rijen")
    gemiddelde = serializers.FloatField(allow_null=True)
    weet_niet = serializers.IntegerField(allow_null=True)
    kruistabel = serializers.SerializerMethodField()

    def get_kruistabel(self, obj) -> KruistabelSerializer(allow_null=True):  # type: ignore[valid-type]
        if not obj.kruistabel:
            return None
        return {
            "kolommen": obj.kruistabel["kolommen"],
            "rijen": [{"groep": g, "aantallen": n} for g, n in obj.kruistabel["rijen"]],
        }


class SteunSerializer(serializers.Serializer):
    alternatief = serializers.IntegerField(source="alternatief_id")
    score = serializers.FloatField(
        allow_null=True, help_text="0–100; leeg bij te weinig reacties voor een steunscore."
    )
    aantal_responsen = serializers.IntegerField()
    grondslag = serializers.ChoiceField(
        choices=[("voorkeur", "Voorkeur"), ("rangorde", "Rangorde (Borda)")]
    )
    raadpleging = serializers.IntegerField(source="raadpleging_id")
    raadpleging_titel = serializers.CharField()
    gesloten_op = serializers.DateTimeField()


class UitslagSerializer(serializers.Serializer):
    raadpleging = serializers.IntegerField(source="raadpleging.pk")
    titel = serializers.CharField(source="raadpleging.titel")
    gesloten = serializers.BooleanField()
    aantal_responsen = serializers.IntegerField()
    noemer = serializers.IntegerField(
        allow_null=True, help_text="Uitgegeven codes; leeg bij deelname per e-mail."
    )
    percentage = serializers.FloatField(allow_null=True)
    per_buurt = BuurtResponsSerializer(many=True)
    per_groep = GroepResponsSerializer(many=True)
    vragen = VraagUitslagSerializer(many=True)


# --- Helpers -----------------------------------------------------------------------------------


def _raadpleging(plan: Wijkplan, raadpleging_id: int) -> Raadpleging:
    gevonden = (
        raadpleging_selectors.raadpleging_by_pk(plan, raadpleging_id)
        if 0 < raadpleging_id <= MAX_ID
        else None
    )
    if gevonden is None:
        raise NotFound(_("Deze raadpleging hoort niet bij dit plan."))
    return gevonden


def _openbaar_plan(slug: str) -> Wijkplan:
    plan = publiek_selectors.plan_by_slug(slug)
    if plan is None or not publiek_selectors.is_gepubliceerd(plan):
        raise NotFound(_("Deze pagina bestaat niet."))
    return plan


def _uitslag_data(raadpleging: Raadpleging) -> dict:
    uitslag = selectors.uitslag(raadpleging)
    for vraag in uitslag.vragen:
        vraag.open_antwoorden = None  # never in the API
    return UitslagSerializer(uitslag).data


class _LeesView(ApiView):
    http_method_names = ["get", "head"]
    # A plain list, not a page: the document must not describe a paginated envelope.
    pagination_class = None


# --- Inside the product ------------------------------------------------------------------------


@extend_schema(tags=[TAG], parameters=[ID_PARAM])
class BijeenkomstenView(_LeesView):
    serializer_class = BijeenkomstSerializer

    @extend_schema(
        operation_id="bijeenkomstenLijst",
        summary="Bijeenkomsten van het plan",
        description="Alle bijeenkomsten met het aantal aanmeldingen en de vrije plaatsen. Zonder "
        "namen of e-mailadressen.",
        responses={200: BijeenkomstSerializer(many=True), **problems(403, 404)},
    )
    def get(self, request: Request, id: int) -> Response:
        plan = plan_voor(request, id)
        return Response(
            BijeenkomstSerializer(publiek_selectors.bijeenkomsten_van(plan), many=True).data
        )


@extend_schema(tags=[TAG], parameters=[ID_PARAM])
class RaadplegingenView(_LeesView):
    serializer_class = RaadplegingSerializer

    @extend_schema(
        operation_id="raadplegingenLijst",
        summary="Raadplegingen van het plan",
        description="Alle raadplegingen met hun vragen en het aantal reacties.",
        responses={200: RaadplegingSerializer(many=True), **problems(403, 404)},
    )
    def get(self, request: Request, id: int) -> Response:
        plan = plan_voor(request, id)
        raadplegingen = raadpleging_selectors.raadplegingen_van(plan)
        vragen = selectors.vragen_per_raadpleging(raadplegingen)
        for r in raadplegingen:
            r.vragen_lijst = vragen[r.pk]
            r.huidige_stand = r.stand()
        return Response(RaadplegingSerializer(raadplegingen, many=True).data)


@extend_schema(tags=[TAG], parameters=[ID_PARAM, RAADPLEGING_PARAM])
class ResultatenView(_LeesView):
    serializer_class = UitslagSerializer

    @extend_schema(
        operation_id="raadplegingResultaten",
        summary="Uitslag van een raadpleging",
        description="De cijfers van een raadpleging: reacties per buurt en woonsituatie, per vraag "
        "de verdeling. Van open vragen alleen het aantal antwoorden.",
        responses={200: UitslagSerializer, **problems(403, 404)},
    )
    def get(self, request: Request, id: int, raadpleging_id: int) -> Response:
        plan = plan_voor(request, id)
        return Response(_uitslag_data(_raadpleging(plan, raadpleging_id)))


@extend_schema(tags=[TAG], parameters=[ID_PARAM])
class SteunscoresView(_LeesView):
    serializer_class = SteunSerializer

    @extend_schema(
        operation_id="steunscoresLijst",
        summary="Steun per alternatief",
        description="Uit de laatst gesloten raadpleging met een vraag over de alternatieven: bij "
        "een voorkeursvraag het deel van alle reacties met dit alternatief als voorkeur, bij een "
        "rangorde de bordascore (0–100). Leeg bij minder dan "
        f"{selectors.r.MIN_RESPONSEN} reacties.",
        responses={200: SteunSerializer(many=True), **problems(403, 404)},
    )
    def get(self, request: Request, id: int) -> Response:
        plan = plan_voor(request, id)
        return Response(SteunSerializer(selectors.steunscores(plan).values(), many=True).data)


# --- Public ------------------------------------------------------------------------------------


@extend_schema(tags=[TAG_PUBLIEK], parameters=[SLUG_PARAM])
class PubliekeBijeenkomstenView(_LeesView):
    permission_classes = [AllowAny]
    serializer_class = BijeenkomstSerializer

    @extend_schema(
        operation_id="publiekBijeenkomstenLijst",
        summary="Bijeenkomsten (openbaar)",
        description="De bijeenkomsten van een plan waarvan de participatiepagina online staat. "
        "Zonder inloggen; zonder persoonsgegevens.",
        responses={200: BijeenkomstSerializer(many=True), **problems(404)},
        auth=[],
    )
    def get(self, request: Request, slug: str) -> Response:
        plan = _openbaar_plan(slug)
        return Response(
            BijeenkomstSerializer(publiek_selectors.bijeenkomsten_van(plan), many=True).data
        )


@extend_schema(tags=[TAG_PUBLIEK], parameters=[SLUG_PARAM, RAADPLEGING_PARAM])
class PubliekeResultatenView(_LeesView):
    permission_classes = [AllowAny]
    serializer_class = UitslagSerializer

    @extend_schema(
        operation_id="publiekRaadplegingResultaten",
        summary="Uitslag van een gesloten raadpleging (openbaar)",
        description="Alleen voor een gesloten raadpleging van een plan waarvan de "
        "participatiepagina online staat. Zonder open antwoorden.",
        responses={200: UitslagSerializer, **problems(404)},
        auth=[],
    )
    def get(self, request: Request, slug: str, raadpleging_id: int) -> Response:
        raadpleging = _raadpleging(_openbaar_plan(slug), raadpleging_id)
        if not selectors.is_gesloten(raadpleging):
            raise NotFound(_("De uitslag staat online zodra de raadpleging gesloten is."))
        return Response(_uitslag_data(raadpleging))
