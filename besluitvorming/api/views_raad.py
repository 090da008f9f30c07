"""API of step 6's part 'raad': the submission to the council (the projectleider), the
griffier's inbox and the council's decision (the griffier). Errors are problem+json; the
services check the rights once more."""

from __future__ import annotations

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse

from besluitvorming import selectors_raad as selectors
from besluitvorming import services_raad as services
from besluitvorming.api.serializers_raad import (
    AanbiedenSerializer,
    AanbiedingSerializer,
    AanbiedingStatusSerializer,
    InboxRegelSerializer,
    RaadsbesluitSerializer,
    RaadsbesluitStatusSerializer,
    RaadsbesluitVastleggenSerializer,
)
from wup.api.schema import gates_problem, problems
from wup.api.views import ID_PARAM, ApiView, plan_voor
from wup.constants import Fase
from wup.workflow import gates

#: Fulfilled by the POST itself, so not listed as something to do.
AANBIEDING_GATE = "besluitvorming.aanbieding"

TAG = "Raad"
_409 = gates_problem(
    "Het plan is in een andere fase, is bevroren, of er is niet aan alle voorwaarden voldaan "
    "(`unmetConditions`)."
)


def _versie(request: Request, v) -> dict | None:
    if v is None:
        return None
    return {
        "id": v.pk,
        "nummer": v.nummer,
        "aangevraagd_op": v.aangevraagd_op,
        "sha256": v.sha256,
        "definitief": v.definitief,
        "download_url": reverse(
            "besluitvorming-api-versie-download",
            kwargs={"id": v.wijkplan_id, "versie_id": v.pk},
            request=request,
        ),
    }


def _aanbieding(request: Request, a) -> dict | None:
    if a is None:
        return None
    return {
        "id": a.pk,
        "aangeboden_op": a.aangeboden_op,
        "aangeboden_door": a.aangeboden_door,
        "versie": _versie(request, a.documentversie),
    }


def _besluit(request: Request, b) -> dict:
    return {
        "id": b.pk,
        "uitkomst": b.uitkomst,
        "besluitdatum": b.besluitdatum,
        "besluitnummer": b.besluitnummer,
        "amendementen": b.amendementen,
        "redenen": b.redenen,
        "naar_fase": b.naar_fase,
        "vastgestelde_versie": _versie(request, b.vastgestelde_versie),
        "griffier": b.griffier,
        "vastgelegd_op": b.vastgelegd_op,
    }


@extend_schema(tags=[TAG], parameters=[ID_PARAM])
class AanbiedingView(ApiView):
    serializer_class = AanbiedingStatusSerializer
    http_method_names = ["get", "post", "head"]

    @extend_schema(
        operation_id="raadAanbiedingOphalen",
        summary="Aanbieding aan de raad",
        description="Wat naar de raad gaat (de nieuwste PDF van deze fase), de voorwaarden en "
        "de aanbiedingen tot nu toe.",
        responses={200: AanbiedingStatusSerializer, **problems(403, 404)},
    )
    def get(self, request: Request, id: int) -> Response:
        plan = plan_voor(request, id)
        in_fase = plan.fase == Fase.UITVOERINGSPLAN
        data = {
            "fase": plan.fase,
            "kan_aanbieden": in_fase and selectors.mag_aanbieden(plan, request.user),
            "versie": _versie(request, selectors.aan_te_bieden_versie(plan) if in_fase else None),
            "voorwaarden": [
                r.as_dict()
                for r in (gates.evaluate(plan, "aanbieden_aan_raad") if in_fase else [])
                if r.condition.key != AANBIEDING_GATE
            ],
            "aanbiedingen": [_aanbieding(request, a) for a in selectors.aanbiedingen_van(plan)],
        }
        return Response(AanbiedingStatusSerializer(data).data)

    @extend_schema(
        operation_id="raadAanbieden",
        summary="Het plan aanbieden aan de raad",
        description="Alleen de projectleider. Legt de aanbieding vast met de nieuwste PDF van "
        "deze fase en zet het plan in de fase `ter_besluitvorming`.",
        request=AanbiedenSerializer,
        responses={
            201: AanbiedingSerializer,
            **problems(400, 403, 404),
            (409, "application/problem+json"): _409,
        },
    )
    def post(self, request: Request, id: int) -> Response:
        plan = plan_voor(request, id)
        if not selectors.mag_aanbieden(plan, request.user):
            raise PermissionDenied(_("Alleen de projectleider van dit plan kan het aanbieden."))
        invoer = AanbiedenSerializer(data=request.data if request.data else {})
        invoer.is_valid(raise_exception=True)
        rij = services.aanbieden(
            plan=plan,
            user=request.user,
            motivatie=invoer.validated_data.get("motivatie", ""),
            verwachte_fase=invoer.validated_data.get("verwachte_fase"),
        )
        return Response(
            AanbiedingSerializer(_aanbieding(request, rij)).data, status=status.HTTP_201_CREATED
        )


@extend_schema(tags=[TAG])
class InboxView(ApiView):
    serializer_class = InboxRegelSerializer
    http_method_names = ["get", "head"]

    @extend_schema(
        operation_id="raadInbox",
        summary="Plannen bij de raad (griffie)",
        description="Alleen de griffier: de plannen van zijn gemeente die ter besluitvorming "
        "bij de raad liggen, met hun aanbieding.",
        responses={200: InboxRegelSerializer(many=True), **problems(403)},
    )
    def get(self, request: Request) -> Response:
        if not selectors.is_griffier(request.user):
            raise PermissionDenied(_("Alleen de griffier heeft een inbox met raadsvoorstellen."))
        data = [
            {
                "id": p.pk,
                "naam": p.naam,
                "url": reverse(
                    "besluitvorming-api-raad-besluit", kwargs={"id": p.pk}, request=request
                ),
                "aangeboden_op": p.aanbieding.aangeboden_op
                if p.aanbieding
                else p.aangeboden_aan_raad_op,
                "aanbieding": _aanbieding(request, p.aanbieding),
            }
            for p in selectors.inbox(request.user)
        ]
        return Response(InboxRegelSerializer(data, many=True).data)


@extend_schema(tags=[TAG], parameters=[ID_PARAM])
class BesluitView(ApiView):
    serializer_class = RaadsbesluitStatusSerializer
    http_method_names = ["get", "post", "head"]

    @extend_schema(
        operation_id="raadBesluitOphalen",
        summary="Raadsbesluit over het plan",
        description="De aanbieding, de besluiten van de raad en (na vaststelling) de "
        "definitieve PDF.",
        responses={200: RaadsbesluitStatusSerializer, **problems(403, 404)},
    )
    def get(self, request: Request, id: int) -> Response:
        plan = plan_voor(request, id)
        data = {
            "fase": plan.fase,
            "kan_vastleggen": selectors.mag_besluit_vastleggen(plan, request.user),
            "aanbieding": _aanbieding(request, selectors.huidige_aanbieding(plan)),
            "definitieve_versie": _versie(request, selectors.definitieve_versie(plan)),
            "besluiten": [_besluit(request, b) for b in selectors.raadsbesluiten_van(plan)],
        }
        return Response(RaadsbesluitStatusSerializer(data).data)

    @extend_schema(
        operation_id="raadBesluitVastleggen",
        summary="Het raadsbesluit vastleggen",
        description="Alleen de griffier, zolang het plan bij de raad ligt. `vastgesteld`: het "
        "plan wordt bevroren en er komt een definitieve PDF. `teruggestuurd`: met `redenen` en "
        "`naar`, de fase waarnaar het plan teruggaat.",
        request=RaadsbesluitVastleggenSerializer,
        responses={
            201: RaadsbesluitSerializer,
            **problems(400, 403, 404),
            (409, "application/problem+json"): _409,
        },
    )
    def post(self, request: Request, id: int) -> Response:
        plan = plan_voor(request, id)
        if not selectors.mag_besluit_vastleggen(plan, request.user):
            raise PermissionDenied(str(services.ALLEEN_GRIFFIER))
        invoer = RaadsbesluitVastleggenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        rb = services.raadsbesluit_vastleggen(
            plan=plan,
            user=request.user,
            uitkomst=d["uitkomst"],
            besluitdatum=d["besluitdatum"],
            besluitnummer=d.get("besluitnummer", ""),
            amendementen=d.get("amendementen", ""),
            redenen=d.get("redenen", ""),
            naar=d.get("naar"),
            versie_id=d.get("versie_id"),
            verwachte_fase=d.get("verwachte_fase"),
        )
        return Response(
            RaadsbesluitSerializer(_besluit(request, rb)).data, status=status.HTTP_201_CREATED
        )
