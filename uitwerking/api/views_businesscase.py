"""API of step 5's business case: the current calculation with its inputs (or the prefilled
inputs when there is none), calculating with new inputs, and the history of calculations.

Same access as the pages: whoever may see the plan reads; only its projectleider calculates,
never in a frozen plan (409). Errors are problem+json, each field named in ``invalidParams``.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response

from uitwerking.api.serializers_businesscase import (
    BerekeningKortSerializer,
    BusinesscaseInvoerSerializer,
    BusinesscaseSerializer,
)
from uitwerking.selectors import businesscase as selectors
from uitwerking.services import businesscase as services
from uitwerking.views.businesscase import berekening_url, parameters_van
from wup import selectors as wup_selectors
from wup.api.schema import problems
from wup.api.views import ID_PARAM, ApiView, plan_voor
from wup.models import Wijkplan

TAG = "Businesscase warmtebedrijf"
_SCHRIJF_403 = "Alleen de projectleider van het plan kan de businesscase berekenen."
_SCHRIJF_409 = "Het plan is vastgesteld of gestopt en kan niet meer worden gewijzigd."


def _kort(request: Request, plan: Wijkplan, bc, huidig_id: int | None) -> dict:
    r = bc.resultaat or {}
    return {
        "id": bc.pk,
        "url": request.build_absolute_uri(berekening_url(plan, bc)),
        "berekend_op": bc.berekend_op,
        "alternatief": bc.alternatief_id,
        "alternatief_naam": bc.alternatief_naam,
        "keuze": bc.keuze_id,
        "parameterset": bc.parameterset_id,
        "npv": r.get("npv"),
        "irr": r.get("irr"),
        "onrendabele_top": r.get("onrendabele_top"),
        "huidig": bc.pk == huidig_id,
    }


def businesscase_data(request: Request, plan: Wijkplan) -> dict:
    start = selectors.startpunt(plan)
    stand = selectors.stand(plan)
    data = {
        "kan_rekenen": start.kan_rekenen,
        "melding": start.fout,
        "keuze": start.keuze.pk if start.keuze else None,
        "alternatief": start.alternatief.pk if start.alternatief else None,
        "alternatief_naam": start.alternatief.naam if start.alternatief else "",
        "berekening": None,
        "verouderd": False,
        "verouderd_redenen": [],
        "invoer": start.waarden,
        "herkomst": start.herkomst,
        "aangepast": [],
        "resultaat": None,
        "scenarios": [],
        "parameters": [],
        "parameterset_versie": None,
    }
    if stand is not None:
        bc = stand.businesscase
        resultaat = dict(bc.resultaat)
        parameters = parameters_van(bc)
        data.update(
            {
                "berekening": _kort(request, plan, bc, bc.pk),
                "verouderd": stand.verouderd,
                "verouderd_redenen": stand.redenen,
                "invoer": stand.waarden,
                "herkomst": stand.herkomst,
                "aangepast": stand.aangepast,
                "resultaat": resultaat,
                "scenarios": bc.scenarios,
                "parameters": [
                    {k: b.get(k) for k in ("naam", "waarde", "eenheid", "bron")}
                    for b in parameters["bronnen"]
                ],
                "parameterset_versie": parameters["versie"],
            }
        )
    return data


@extend_schema(tags=[TAG], parameters=[ID_PARAM])
class BusinesscaseView(ApiView):
    serializer_class = BusinesscaseSerializer
    http_method_names = ["get", "post", "put", "head"]

    @extend_schema(
        operation_id="businesscaseOphalen",
        summary="Businesscase van het gekozen alternatief",
        description="De huidige berekening met de invoer zoals gebruikt, waar elke waarde "
        "vandaan komt, de kerncijfers, de kasstromen per jaar, de scenario's en de gebruikte "
        "parameters. Zonder berekening: de invoer zoals die vooraf wordt ingevuld uit stap 2 en "
        "de parameters, of in `melding` waarom er nog niet gerekend kan worden.",
        responses={200: BusinesscaseSerializer, **problems(403, 404)},
    )
    def get(self, request: Request, id: int) -> Response:
        plan = plan_voor(request, id)
        return Response(BusinesscaseSerializer(businesscase_data(request, plan)).data)

    def _bereken(self, request: Request, id: int, status_code: int) -> Response:
        plan = plan_voor(request, id)
        if not wup_selectors.is_projectleider(plan, request.user):
            raise PermissionDenied(
                _("Alleen de projectleider van dit plan kan de businesscase berekenen.")
            )
        invoer = BusinesscaseInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        services.businesscase_berekenen(
            wijkplan=plan, user=request.user, invoer=dict(invoer.validated_data)
        )
        return Response(
            BusinesscaseSerializer(businesscase_data(request, plan)).data, status=status_code
        )

    _BEREKENEN = (
        "Berekent de businesscase van het gekozen alternatief en bewaart die als de huidige; "
        "eerdere berekeningen blijven bewaard. Stuur alleen wat u wilt aanpassen: de rest komt "
        "uit stap 2 en de financiële parameters. Delen zijn fracties (0.9 is 90 %). Bij "
        "ongeldige invoer wordt niets bewaard en noemt `invalidParams` elk veld."
    )

    @extend_schema(
        operation_id="businesscaseBerekenen",
        summary="Businesscase berekenen",
        description=_BEREKENEN,
        request=BusinesscaseInvoerSerializer,
        responses={
            201: BusinesscaseSerializer,
            **problems(
                400,
                403,
                404,
                409,
                413,
                s400="Ongeldige invoer, of er is nog geen keuze met een doorgerekend alternatief.",
                s403=_SCHRIJF_403,
                s409=_SCHRIJF_409,
            ),
        },
    )
    def post(self, request: Request, id: int) -> Response:
        return self._bereken(request, id, status.HTTP_201_CREATED)

    @extend_schema(
        operation_id="businesscaseInvoerBerekenen",
        summary="Invoer vastleggen en berekenen",
        description=_BEREKENEN + " Hetzelfde als POST, met antwoord 200.",
        request=BusinesscaseInvoerSerializer,
        responses={
            200: BusinesscaseSerializer,
            **problems(400, 403, 404, 409, 413, s403=_SCHRIJF_403, s409=_SCHRIJF_409),
        },
    )
    def put(self, request: Request, id: int) -> Response:
        return self._bereken(request, id, status.HTTP_200_OK)


@extend_schema(tags=[TAG], parameters=[ID_PARAM])
class BusinesscaseHistorieView(ApiView):
    serializer_class = BerekeningKortSerializer
    # A plain list, not a page: the document must not describe a paginated envelope.
    pagination_class = None
    http_method_names = ["get", "head"]

    @extend_schema(
        operation_id="businesscaseHistorie",
        summary="Alle berekeningen van de businesscase",
        description="De berekeningen, de nieuwste eerst; de eerste telt (`huidig`).",
        responses={200: BerekeningKortSerializer(many=True), **problems(403, 404)},
    )
    def get(self, request: Request, id: int) -> Response:
        plan = plan_voor(request, id)
        rijen = selectors.historie(plan)
        huidig = rijen[0].pk if rijen else None
        return Response(
            BerekeningKortSerializer(
                [_kort(request, plan, bc, huidig) for bc in rijen], many=True
            ).data
        )
