"""API of step 5's part 'woonlasten': the current housing costs per household type, a new
calculation, and the history.

Same access as the plan: whoever may see the plan reads; only its projectleider computes,
never in a frozen plan (409). The service checks every value and names the field.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response

from uitwerking.api.serializers_woonlasten import (
    WoonlastenInvoerSerializer,
    WoonlastenSamenvattingSerializer,
    WoonlastenSerializer,
)
from uitwerking.selectors import woonlasten as selectors
from uitwerking.services import woonlasten as services
from wup import selectors as wup_selectors
from wup.api.schema import problems
from wup.api.views import ID_PARAM, ApiView, plan_voor
from wup.models import Wijkplan

TAG = "Woonlasten voor bewoners"
_SCHRIJF_403 = "Alleen de projectleider van het plan kan de woonlasten berekenen."
_SCHRIJF_409 = "Het plan is vastgesteld of gestopt en kan niet meer worden gewijzigd."


def _samenvatting(stand: selectors.Stand) -> dict:
    b = stand.berekening
    return {
        "id": b.pk,
        "berekend_op": b.berekend_op,
        "alternatief": b.alternatief_naam,
        "parameterset_id": b.parameterset_id,
        "parameterset_versie": b.parameterset_versie,
        "aantal_typen": len(stand.uitkomsten),
        "aantal_neutraal": stand.neutraal,
        "aantal_niet_neutraal": stand.niet_neutraal,
        "aantal_risico": stand.risico,
    }


def woonlasten_data(stand: selectors.Stand) -> dict:
    b = stand.berekening
    typen = []
    for nummer, u in enumerate(stand.uitkomsten, start=1):
        r = u.resultaat.as_dict()
        typen.append(
            {
                "nummer": nummer,
                "sleutel": u.sleutel,
                "aantal": u.aantal,
                "risico": u.risico,
                "verbruik": u.verbruik,
                **{k: r[k] for k in r if k != "marge_per_maand"},
            }
        )
    return {
        **_samenvatting(stand),
        "verouderd": stand.verouderd,
        "redenen": list(stand.redenen),
        "energiearmoede": b.energiearmoede,
        "energiearmoede_tekst": b.energiearmoede_tekst,
        "invoer": b.invoer,
        "huishoudtypen": typen,
        "parameters": b.gebruikte_parameters,
        "aannames": b.aannames,
    }


def _velden(data: dict) -> dict:
    """The service's keyword arguments from the API's input."""
    velden = {
        k: data[k]
        for k in (
            "huurverhoging_corporatie",
            "huurverhoging_particulier",
            "warmtetarief",
            "marge",
            "jaar",
        )
        if data.get(k) is not None
    }
    if data.get("aandelen"):
        velden["aandelen"] = {a["eigendom"]: a["procent"] for a in data["aandelen"]}
    velden["aantallen"] = {
        selectors.sleutel_van(a["woningtype"], a["eigendom"]): a["aantal"]
        for a in data.get("aantallen") or []
    }
    velden["verbruik"] = {
        v["woningtype"]: {
            "gas_m3": v.get("gas_m3"),
            "elektriciteit_kwh": v.get("elektriciteit_kwh"),
        }
        for v in data.get("verbruik") or []
    }
    velden["laag_inkomen"] = [
        selectors.sleutel_van(t["woningtype"], t["eigendom"])
        for t in data.get("laag_inkomen") or []
    ]
    return velden


def _schrijver(request: Request, plan: Wijkplan) -> None:
    if not wup_selectors.is_projectleider(plan, request.user):
        raise PermissionDenied(
            _("Alleen de projectleider van dit plan kan de woonlasten berekenen.")
        )


@extend_schema(tags=[TAG], parameters=[ID_PARAM])
class WoonlastenView(ApiView):
    serializer_class = WoonlastenSerializer
    http_method_names = ["get", "post", "head"]

    @extend_schema(
        operation_id="woonlastenOphalen",
        summary="De woonlasten per type huishouden",
        description="De nieuwste berekening: per type huishouden (woningtype × eigendom) de "
        "eenmalige kosten, de subsidie, de lening of huurverhoging per maand, de maandlasten "
        "nu en na de overstap en het oordeel woonlastenneutraal, met de regels per post. "
        "`verouderd` met `redenen` zegt of de parameters, de keuze of de gebouwvoorraad "
        "sindsdien veranderden. Zonder berekening volgt 404.",
        responses={200: WoonlastenSerializer, **problems(403, 404)},
    )
    def get(self, request: Request, id: int) -> Response:
        plan = plan_voor(request, id)
        stand = selectors.stand_van(plan)
        if stand is None:
            raise NotFound(_("Er zijn voor dit plan nog geen woonlasten berekend."))
        return Response(WoonlastenSerializer(woonlasten_data(stand)).data)

    @extend_schema(
        operation_id="woonlastenBerekenen",
        summary="Woonlasten berekenen",
        description="Rekent met de invoer de woonlasten van elk type huishouden uit voor het "
        "gekozen alternatief, en bewaart dat als nieuwe berekening (de vorige blijft in de "
        "historie). Alles is optioneel: zonder invoer gelden de aandelen en het verbruik van "
        "het CBS, geen huurverhoging en het ACM-maximum als warmtetarief. Een fout staat in "
        "`invalidParams`; dan wordt niets bewaard.",
        request=WoonlastenInvoerSerializer,
        responses={
            201: WoonlastenSerializer,
            **problems(400, 403, 404, 409, 413, s403=_SCHRIJF_403, s409=_SCHRIJF_409),
        },
    )
    def post(self, request: Request, id: int) -> Response:
        plan = plan_voor(request, id)
        _schrijver(request, plan)
        invoer = WoonlastenInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        services.woonlasten_berekenen(
            wijkplan=plan, user=request.user, **_velden(invoer.validated_data)
        )
        return Response(
            WoonlastenSerializer(woonlasten_data(selectors.stand_van(plan))).data,
            status=status.HTTP_201_CREATED,
        )


@extend_schema(tags=[TAG], parameters=[ID_PARAM])
class WoonlastenHistorieView(ApiView):
    serializer_class = WoonlastenSamenvattingSerializer
    # A plain list, not a page: the document must not describe a paginated envelope.
    pagination_class = None
    http_method_names = ["get", "head"]

    @extend_schema(
        operation_id="woonlastenHistorie",
        summary="Eerdere berekeningen van de woonlasten",
        description="Alle berekeningen, de nieuwste eerst (die telt), met per berekening het "
        "aantal typen dat woonlastenneutraal is, niet neutraal is en risico loopt.",
        responses={200: WoonlastenSamenvattingSerializer(many=True), **problems(403, 404)},
    )
    def get(self, request: Request, id: int) -> Response:
        plan = plan_voor(request, id)
        data = [_samenvatting(selectors.Stand(b)) for b in selectors.berekeningen_van(plan)]
        return Response(WoonlastenSamenvattingSerializer(data, many=True).data)
