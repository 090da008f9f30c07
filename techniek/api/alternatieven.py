"""API of the alternatives of a plan: the building stock, the alternatives with their technical
sketch, and their calculations.

Same access as the plan: whoever may see the plan reads; only its projectleider writes, never in
a frozen plan. A calculation runs in the background: ``POST .../berekenen`` answers ``202`` with
the address of the calculation, whose ``status`` and ``voortgang`` tell how far it is.
"""

from __future__ import annotations

import pandas as pd
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse

from techniek.engine import STANDAARD_ALTERNATIEVEN
from techniek.models import Alternatief, Berekening, Gebouwvoorraad
from techniek.selectors import alternatieven as selectors
from techniek.services import alternatieven as services
from wup import selectors as wup_selectors
from wup.api.parsers import JSONParser, MergePatchJSONParser
from wup.api.schema import problems
from wup.api.serializers import StrictSerializer
from wup.api.views import ID_PARAM, MAX_ID, ApiView, plan_voor

TAG = "Alternatieven"

ALT_PARAM = OpenApiParameter(
    "alt_id", OpenApiTypes.INT, OpenApiParameter.PATH, description="Het id van het alternatief."
)
LOCATION = OpenApiParameter(
    "Location",
    OpenApiTypes.URI,
    OpenApiParameter.HEADER,
    response=[201, 202],
    description="Adres van wat is aangemaakt of gestart.",
)


def _schrijver(request: Request, plan) -> None:
    if not wup_selectors.is_projectleider(plan, request.user):
        raise PermissionDenied(_("Alleen de projectleider van dit plan kan dit wijzigen."))


def _alternatief(plan, alt_id: int) -> Alternatief:
    alt = selectors.alternatief_by_pk(plan, alt_id) if 0 < alt_id <= MAX_ID else None
    if alt is None:
        raise NotFound(_("Dit alternatief bestaat niet in dit plan."))
    return alt


# --- Serializers ----------------------------------------------------------------------------------


class ProbleemSerializer(serializers.Serializer):
    plaats = serializers.CharField()
    melding = serializers.CharField()


class BerekeningSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    url = serializers.URLField(help_text="Adres van deze berekening (status en resultaten).")
    status = serializers.ChoiceField(choices=Berekening.Status.choices)
    voortgang = serializers.IntegerField(help_text="Procent.")
    parameterset = serializers.IntegerField(
        allow_null=True, help_text="Id van de gebruikte parameterset."
    )
    verouderd = serializers.BooleanField(
        help_text=(
            "Er is sindsdien een nieuwere parameterset vastgesteld of de gebouwvoorraad is "
            "gewijzigd: opnieuw doorrekenen."
        )
    )
    invoer_hash = serializers.CharField()
    melding = serializers.CharField(allow_blank=True)
    problemen = ProbleemSerializer(many=True)
    aannames = serializers.ListField(child=serializers.CharField())
    samenvatting = serializers.DictField(
        help_text="Indicatoren (nationale kosten per prijsscenario zoals de Startanalyse: "
        "H16_Nat_meerkost in euro/jaar, H17 in euro/ton CO2, H18 in euro/jaar per "
        "woningequivalent; per scenario een lijst van {indicator, waarde}), energie per "
        "drager (GJ/jaar), CO2 (ton/jaar), kostenposten, "
        "piek (MW), aandeel basisbron, uren basisbron onvoldoende."
    )
    reeksen = serializers.DictField(
        help_text="Belastingduurkromme (ca. 100 punten, MW) en een winterweek per uur (MW)."
    )
    aangemaakt_op = serializers.DateTimeField()
    klaar_op = serializers.DateTimeField(allow_null=True)


class AlternatiefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    url = serializers.URLField()
    sjabloon = serializers.CharField(
        help_text="Code van het standaardalternatief, bv. S1a_B_LuchtWP."
    )
    naam = serializers.CharField()
    is_variant = serializers.BooleanField()
    parameters = serializers.DictField(
        child=serializers.FloatField(), help_text="Eigen parameterwaarden van een variant."
    )
    schets = serializers.CharField(allow_blank=True, help_text="De technische schets in woorden.")
    doorgerekend = serializers.BooleanField(
        help_text="Doorgerekend met de huidige parameterset en gebouwvoorraad."
    )
    verouderd = serializers.BooleanField()
    berekening = BerekeningSerializer(allow_null=True, help_text="De laatste berekening.")
    aangemaakt_op = serializers.DateTimeField()
    gewijzigd_op = serializers.DateTimeField()


class AlternatiefAanmakenSerializer(StrictSerializer):
    sjabloon = serializers.CharField(
        required=False,
        help_text="Code van een standaardalternatief. Laat leeg met `standaard: true` om alle "
        "standaardalternatieven toe te voegen.",
    )
    standaard = serializers.BooleanField(
        required=False, default=False, help_text="Voeg alle ontbrekende standaardalternatieven toe."
    )
    naam = serializers.CharField(required=False, allow_blank=True, max_length=200)
    parameters = serializers.DictField(
        child=serializers.FloatField(), required=False, help_text="Eigen parameterwaarden."
    )
    schets = serializers.CharField(required=False, allow_blank=True)


class AlternatiefWijzigenSerializer(StrictSerializer):
    naam = serializers.CharField(required=False, max_length=200)
    schets = serializers.CharField(required=False, allow_blank=True)


class SegmentSerializer(serializers.Serializer):
    type = serializers.CharField(required=False, help_text="PBL-woningtype (woningen).")
    functie = serializers.CharField(required=False, help_text="PBL-functie (utiliteit).")
    bouwperiode = serializers.CharField()
    label = serializers.CharField(allow_blank=True, required=False)
    aantal = serializers.FloatField()
    oppervlakte = serializers.FloatField(help_text="Gemiddelde oppervlakte in m².")


class GebouwvoorraadSerializer(serializers.Serializer):
    vastgelegd = serializers.BooleanField(help_text="Er is een gebouwvoorraad vastgelegd.")
    bron = serializers.ChoiceField(choices=Gebouwvoorraad.Bron.choices, allow_null=True)
    woningen = SegmentSerializer(many=True)
    utiliteit = SegmentSerializer(many=True)
    aantal_woningen = serializers.FloatField()
    toelichting = serializers.ListField(child=serializers.CharField())
    bestandsnaam = serializers.CharField(allow_blank=True)
    gewijzigd_op = serializers.DateTimeField(allow_null=True)


class GebouwvoorraadInvoerSerializer(StrictSerializer):
    bron = serializers.ChoiceField(
        choices=[Gebouwvoorraad.Bron.CBS, Gebouwvoorraad.Bron.HANDMATIG],
        help_text="`cbs`: schatting uit de CBS-cijfers van de buurten; `handmatig`: de tabellen "
        "hieronder.",
    )
    gemiddelde_oppervlakte = serializers.FloatField(
        required=False, help_text="Bij `cbs`: gemiddelde gebruiksoppervlakte per woning (m²)."
    )
    woningen = serializers.ListField(child=serializers.DictField(), required=False)
    utiliteit = serializers.ListField(child=serializers.DictField(), required=False)


class GebouwvoorraadUploadSerializer(serializers.Serializer):
    bestand = serializers.FileField(
        help_text="CSV of Excel (.xlsx, bladen `woningen` en `utiliteit`) met kolommen type, "
        "bouwperiode, label, aantal, oppervlakte."
    )


# --- Data -----------------------------------------------------------------------------------------


def _samenvatting(samenvatting: dict) -> dict:
    """Indicator names of the Startanalyse (``H16_Nat_meerkost``) as values, not keys, so the
    camelCase of the API leaves them as PBL spells them."""
    uit = dict(samenvatting)
    if "nationale_kosten" in uit:
        uit["nationale_kosten"] = {
            scenario: [{"indicator": k, "waarde": v} for k, v in waarden.items()]
            for scenario, waarden in uit["nationale_kosten"].items()
        }
    return uit


def berekening_data(request, plan, b: Berekening | None, verouderd: bool) -> dict | None:
    if b is None:
        return None
    return {
        "id": b.pk,
        "url": reverse(
            "techniek-api-alternatief-berekening",
            kwargs={"id": plan.pk, "alt_id": b.alternatief_id},
            request=request,
        ),
        "status": b.status,
        "voortgang": b.voortgang,
        "parameterset": b.parameterset_id,
        "verouderd": verouderd,
        "invoer_hash": b.invoer_hash,
        "melding": b.melding,
        "problemen": b.problemen,
        "aannames": b.aannames,
        "samenvatting": _samenvatting(b.samenvatting),
        "reeksen": b.reeksen,
        "aangemaakt_op": b.aangemaakt_op,
        "klaar_op": b.klaar_op,
    }


def alternatief_data(request, plan, stand: selectors.AlternatiefStand) -> dict:
    a = stand.alternatief
    return {
        "id": a.pk,
        "url": reverse(
            "techniek-api-alternatief", kwargs={"id": plan.pk, "alt_id": a.pk}, request=request
        ),
        "sjabloon": a.sjabloon,
        "naam": a.naam,
        "is_variant": a.is_variant,
        "parameters": a.parameters,
        "schets": a.schets,
        "doorgerekend": stand.doorgerekend,
        "verouderd": stand.verouderd,
        "berekening": berekening_data(request, plan, stand.berekening, stand.verouderd),
        "aangemaakt_op": a.aangemaakt_op,
        "gewijzigd_op": a.gewijzigd_op,
    }


def _stand(plan, alt: Alternatief) -> selectors.AlternatiefStand:
    return next(s for s in selectors.alternatieven_van(plan) if s.alternatief.pk == alt.pk)


# --- Views ----------------------------------------------------------------------------------------


@extend_schema(tags=[TAG], parameters=[ID_PARAM])
class AlternatievenView(ApiView):
    serializer_class = AlternatiefSerializer
    # A plain list, not a page: the document must not describe a paginated envelope.
    pagination_class = None

    @extend_schema(
        operation_id="alternatievenLijst",
        summary="Alternatieven van het plan",
        description="Elk alternatief met zijn laatste berekening en of die verouderd is. De "
        f"standaardalternatieven: {', '.join(a.code for a in STANDAARD_ALTERNATIEVEN)}.",
        responses={200: AlternatiefSerializer(many=True), **problems(403, 404)},
    )
    def get(self, request: Request, id: int) -> Response:
        plan = plan_voor(request, id)
        return Response(
            [alternatief_data(request, plan, s) for s in selectors.alternatieven_van(plan)]
        )

    @extend_schema(
        operation_id="alternatiefToevoegen",
        summary="Alternatief toevoegen",
        description="Een standaardalternatief (`sjabloon`), een variant ervan met eigen "
        "`parameters`, of met `standaard: true` alle ontbrekende standaardalternatieven.",
        request=AlternatiefAanmakenSerializer,
        parameters=[LOCATION],
        responses={
            201: AlternatiefSerializer(many=True),
            **problems(400, 403, 404, 409),
        },
    )
    def post(self, request: Request, id: int) -> Response:
        plan = plan_voor(request, id)
        _schrijver(request, plan)
        invoer = AlternatiefAanmakenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        if d.get("standaard"):
            nieuw = services.standaard_alternatieven_toevoegen(wijkplan=plan, user=request.user)
        elif d.get("sjabloon"):
            nieuw = [
                services.alternatief_toevoegen(
                    wijkplan=plan,
                    user=request.user,
                    sjabloon=d["sjabloon"],
                    naam=d.get("naam", ""),
                    parameters=d.get("parameters"),
                    schets=d.get("schets", ""),
                )
            ]
        else:
            raise serializers.ValidationError(
                {
                    "sjabloon": _(
                        "Kies een standaardalternatief, of vraag alle standaardalternatieven."
                    )
                }
            )
        ids = {a.pk for a in nieuw}
        data = [
            alternatief_data(request, plan, s)
            for s in selectors.alternatieven_van(plan)
            if s.alternatief.pk in ids
        ]
        headers = {"Location": data[0]["url"]} if len(data) == 1 else {}
        return Response(data, status=status.HTTP_201_CREATED, headers=headers)


@extend_schema(tags=[TAG], parameters=[ID_PARAM, ALT_PARAM])
class AlternatiefView(ApiView):
    serializer_class = AlternatiefSerializer
    parser_classes = [MergePatchJSONParser, JSONParser]
    http_method_names = ["get", "patch", "head"]

    @extend_schema(
        operation_id="alternatiefOphalen",
        summary="Eén alternatief",
        responses={200: AlternatiefSerializer, **problems(403, 404)},
    )
    def get(self, request: Request, id: int, alt_id: int) -> Response:
        plan = plan_voor(request, id)
        alt = _alternatief(plan, alt_id)
        return Response(alternatief_data(request, plan, _stand(plan, alt)))

    @extend_schema(
        operation_id="alternatiefWijzigen",
        summary="Naam of technische schets wijzigen",
        request=AlternatiefWijzigenSerializer,
        responses={200: AlternatiefSerializer, **problems(400, 403, 404, 409)},
    )
    def patch(self, request: Request, id: int, alt_id: int) -> Response:
        plan = plan_voor(request, id)
        alt = _alternatief(plan, alt_id)
        _schrijver(request, plan)
        invoer = AlternatiefWijzigenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        alt = services.alternatief_wijzigen(
            alternatief=alt, user=request.user, **invoer.validated_data
        )
        return Response(alternatief_data(request, plan, _stand(plan, alt)))


@extend_schema(tags=[TAG], parameters=[ID_PARAM, ALT_PARAM])
class BerekenenView(ApiView):
    serializer_class = BerekeningSerializer
    http_method_names = ["post"]

    @extend_schema(
        operation_id="alternatiefBerekenen",
        summary="Alternatief doorrekenen",
        description="Rekent het alternatief op de achtergrond door met de huidige parameterset. "
        "Het antwoord is 202 met in `Location` het adres van de berekening. Is hetzelfde al "
        "doorgerekend (zelfde voorraad, alternatief en parameterset), dan is dat de berekening.",
        request=None,
        parameters=[LOCATION],
        responses={202: BerekeningSerializer, **problems(400, 403, 404, 409)},
    )
    def post(self, request: Request, id: int, alt_id: int) -> Response:
        plan = plan_voor(request, id)
        alt = _alternatief(plan, alt_id)
        _schrijver(request, plan)
        services.berekening_starten(alternatief=alt, user=request.user)
        stand = _stand(plan, alt)
        data = berekening_data(request, plan, stand.berekening, stand.verouderd)
        return Response(data, status=status.HTTP_202_ACCEPTED, headers={"Location": data["url"]})


@extend_schema(tags=[TAG], parameters=[ID_PARAM, ALT_PARAM])
class BerekeningView(ApiView):
    serializer_class = BerekeningSerializer
    http_method_names = ["get", "head"]

    @extend_schema(
        operation_id="alternatiefBerekeningOphalen",
        summary="Laatste berekening van een alternatief",
        description="Status, voortgang en resultaten; bij status `fout` zegt `melding` waarom en "
        "`problemen` waar.",
        responses={200: BerekeningSerializer, **problems(403, 404)},
    )
    def get(self, request: Request, id: int, alt_id: int) -> Response:
        plan = plan_voor(request, id)
        alt = _alternatief(plan, alt_id)
        stand = _stand(plan, alt)
        if stand.berekening is None:
            raise NotFound(_("Dit alternatief is nog niet doorgerekend."))
        return Response(berekening_data(request, plan, stand.berekening, stand.verouderd))


def voorraad_data(v: Gebouwvoorraad | None) -> dict:
    if v is None:
        return {
            "vastgelegd": False,
            "bron": None,
            "woningen": [],
            "utiliteit": [],
            "aantal_woningen": 0.0,
            "toelichting": [],
            "bestandsnaam": "",
            "gewijzigd_op": None,
        }
    return {
        "vastgelegd": True,
        "bron": v.bron,
        "woningen": v.woningen,
        "utiliteit": v.utiliteit,
        "aantal_woningen": float(sum(r.get("aantal", 0) for r in v.woningen)),
        "toelichting": v.toelichting,
        "bestandsnaam": v.bestandsnaam,
        "gewijzigd_op": v.gewijzigd_op,
    }


@extend_schema(tags=[TAG], parameters=[ID_PARAM])
class GebouwvoorraadView(ApiView):
    serializer_class = GebouwvoorraadSerializer
    parser_classes = [JSONParser, MultiPartParser]
    http_method_names = ["get", "put", "head"]

    @extend_schema(
        operation_id="gebouwvoorraadOphalen",
        summary="Gebouwvoorraad van het plan",
        description="Woningen per type x bouwperiode x label en utiliteit per functie, met de "
        "aannames. Zolang er geen voorraad is, is `vastgelegd` onwaar en zijn de lijsten leeg.",
        responses={200: GebouwvoorraadSerializer, **problems(403, 404)},
    )
    def get(self, request: Request, id: int) -> Response:
        plan = plan_voor(request, id)
        return Response(voorraad_data(selectors.gebouwvoorraad(plan)))

    @extend_schema(
        operation_id="gebouwvoorraadVastleggen",
        summary="Gebouwvoorraad vastleggen",
        description="JSON: een schatting uit CBS-cijfers (`bron: cbs` met de gemiddelde "
        "oppervlakte) of eigen tabellen (`bron: handmatig`). Multipart: een CSV- of "
        "Excel-bestand in `bestand`.",
        request={
            "application/json": GebouwvoorraadInvoerSerializer,
            "multipart/form-data": GebouwvoorraadUploadSerializer,
        },
        responses={200: GebouwvoorraadSerializer, **problems(400, 403, 404, 409)},
    )
    def put(self, request: Request, id: int) -> Response:
        plan = plan_voor(request, id)
        _schrijver(request, plan)
        if request.content_type.startswith("multipart/"):
            upload = GebouwvoorraadUploadSerializer(data=request.data)
            upload.is_valid(raise_exception=True)
            bestand = upload.validated_data["bestand"]
            v = services.gebouwvoorraad_uit_bestand(
                wijkplan=plan, user=request.user, bestand=bestand, bestandsnaam=bestand.name
            )
            return Response(voorraad_data(v))
        invoer = GebouwvoorraadInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        if d["bron"] == Gebouwvoorraad.Bron.CBS:
            v = services.gebouwvoorraad_uit_cbs(
                wijkplan=plan,
                user=request.user,
                gemiddelde_oppervlakte=d.get("gemiddelde_oppervlakte"),
            )
        else:
            if not d.get("woningen"):
                raise serializers.ValidationError(
                    {
                        "woningen": _(
                            "Geef de woningen als rijen met type, bouwperiode, label, aantal en "
                            "oppervlakte."
                        )
                    }
                )
            v = services.gebouwvoorraad_uit_tabel(
                wijkplan=plan,
                user=request.user,
                woningen=pd.DataFrame(d["woningen"]),
                utiliteit=pd.DataFrame(d["utiliteit"]) if d.get("utiliteit") else None,
            )
        return Response(voorraad_data(v))
