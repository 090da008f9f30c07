"""API of step 6's part 'uitvoeringsplan': the composition of a plan's implementation plan with
its preconditions, process steps and decisions needed, and the Wgiw safeguards with their
evidence from the earlier steps.

Same access as the plan: whoever may see the plan reads; only its projectleider writes, never in
a frozen plan (409). Writes go through :mod:`besluitvorming.services_uitvoeringsplan`, which
check every value and name the field; errors are problem+json.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse

from besluitvorming import gates_uitvoeringsplan as gates
from besluitvorming import selectors_uitvoeringsplan as selectors
from besluitvorming import services_uitvoeringsplan as services
from besluitvorming.api import serializers_uitvoeringsplan as s
from besluitvorming.models.uitvoeringsplan import Waarborg
from wup import selectors as wup_selectors
from wup.api.schema import problems
from wup.api.views import ID_PARAM, ApiView, plan_voor
from wup.models import Wijkplan

TAG = "Uitvoeringsplan en besluitvorming: uitvoeringsplan"
LOCATION = OpenApiParameter(
    "Location",
    OpenApiTypes.URI,
    OpenApiParameter.HEADER,
    response=[201],
    description="Adres van wat is aangemaakt.",
)
SCHRIJF = {
    "s403": "Alleen de projectleider van het plan kan het uitvoeringsplan opstellen.",
    "s409": "Het plan is vastgesteld of gestopt en kan niet meer worden gewijzigd.",
}
PUNT_PARAM = OpenApiParameter(
    "punt",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    enum=Waarborg.Punt.values,
    description="De waarborg.",
)


def _schrijver(request: Request, plan: Wijkplan) -> None:
    """Refuse a write before its input is read, as the services would after."""
    if not wup_selectors.is_projectleider(plan, request.user):
        raise PermissionDenied(
            _("Alleen de projectleider van dit plan kan het uitvoeringsplan opstellen.")
        )


# --- Items, the same way for every kind -----------------------------------------------------------


@dataclass(frozen=True)
class Soort:
    naam: str  # for operation ids, e.g. "Randvoorwaarde"
    meervoud: str
    pad: str  # in the URL and the list's URL name
    enkel: str  # the item's URL name
    param: str
    niet_gevonden: str
    uitvoer: type[serializers.Serializer]
    invoer: type[serializers.Serializer]
    lijst: Callable
    vind: Callable
    velden: Callable[[object], dict]
    toevoegen: Callable
    wijzigen: Callable
    verwijderen: Callable

    def data(self, request, plan, obj) -> dict:
        return {
            "id": obj.pk,
            "url": reverse(
                f"besluitvorming-api-{self.enkel}",
                kwargs={"id": plan.pk, self.param: obj.pk},
                request=request,
            ),
            "volgorde": obj.volgorde,
            **self.velden(obj),
        }


SOORTEN = (
    Soort(
        "Randvoorwaarde",
        "Randvoorwaarden",
        "randvoorwaarden",
        "randvoorwaarde",
        "randvoorwaarde_id",
        "Deze randvoorwaarde bestaat niet in dit plan.",
        s.RandvoorwaardeSerializer,
        s.RandvoorwaardeInvoerSerializer,
        selectors.randvoorwaarden_van,
        selectors.randvoorwaarde_by_pk,
        lambda o: {"tekst": o.tekst},
        services.randvoorwaarde_toevoegen,
        lambda o, u, v: services.randvoorwaarde_wijzigen(randvoorwaarde=o, user=u, **v),
        lambda o, u: services.randvoorwaarde_verwijderen(randvoorwaarde=o, user=u),
    ),
    Soort(
        "Processtap",
        "Processtappen",
        "processtappen",
        "processtap",
        "processtap_id",
        "Deze processtap bestaat niet in dit plan.",
        s.ProcesstapSerializer,
        s.ProcesstapInvoerSerializer,
        selectors.processtappen_van,
        selectors.processtap_by_pk,
        lambda o: {
            "naam": o.naam,
            "omschrijving": o.omschrijving,
            "verantwoordelijke": o.verantwoordelijke,
        },
        services.processtap_toevoegen,
        lambda o, u, v: services.processtap_wijzigen(processtap=o, user=u, **v),
        lambda o, u: services.processtap_verwijderen(processtap=o, user=u),
    ),
    Soort(
        "BenodigdBesluit",
        "BenodigdeBesluiten",
        "besluiten",
        "besluit",
        "benodigd_besluit_id",
        "Dit besluit bestaat niet in dit plan.",
        s.BenodigdBesluitSerializer,
        s.BenodigdBesluitInvoerSerializer,
        selectors.benodigde_besluiten_van,
        selectors.benodigd_besluit_by_pk,
        lambda o: {
            "orgaan": o.orgaan,
            "orgaan_label": o.get_orgaan_display(),
            "onderwerp": o.onderwerp,
            "beoogde_datum": o.beoogde_datum,
        },
        services.benodigd_besluit_toevoegen,
        lambda o, u, v: services.benodigd_besluit_wijzigen(benodigd_besluit=o, user=u, **v),
        lambda o, u: services.benodigd_besluit_verwijderen(benodigd_besluit=o, user=u),
    ),
)
RANDVOORWAARDEN, PROCESSTAPPEN, BESLUITEN = SOORTEN


def lijst_view(soort: Soort):
    @extend_schema(tags=[TAG], parameters=[ID_PARAM])
    class LijstView(ApiView):
        serializer_class = soort.uitvoer
        pagination_class = None
        http_method_names = ["get", "post", "head"]

        @extend_schema(
            operation_id=f"uitvoeringsplan{soort.meervoud}Lijst",
            summary=f"{soort.meervoud} van het uitvoeringsplan",
            responses={200: soort.uitvoer(many=True), **problems(403, 404)},
        )
        def get(self, request: Request, id: int) -> Response:
            plan = plan_voor(request, id)
            data = [soort.data(request, plan, o) for o in soort.lijst(plan)]
            return Response(soort.uitvoer(data, many=True).data)

        @extend_schema(
            operation_id=f"uitvoeringsplan{soort.naam}Toevoegen",
            summary=f"{soort.naam} toevoegen",
            request=soort.invoer,
            parameters=[LOCATION],
            responses={201: soort.uitvoer, **problems(400, 403, 404, 409, 413, **SCHRIJF)},
        )
        def post(self, request: Request, id: int) -> Response:
            plan = plan_voor(request, id)
            _schrijver(request, plan)
            invoer = soort.invoer(data=request.data)
            invoer.is_valid(raise_exception=True)
            obj = soort.toevoegen(wijkplan=plan, user=request.user, **invoer.validated_data)
            data = soort.uitvoer(soort.data(request, plan, obj)).data
            return Response(data, status=status.HTTP_201_CREATED, headers={"Location": data["url"]})

    LijstView.__name__ = f"{soort.meervoud}View"
    return LijstView


def item_view(soort: Soort):
    param = OpenApiParameter(
        soort.param, OpenApiTypes.INT, OpenApiParameter.PATH, description=f"Het id ({soort.naam})."
    )

    @extend_schema(tags=[TAG], parameters=[ID_PARAM, param])
    class ItemView(ApiView):
        serializer_class = soort.uitvoer
        http_method_names = ["get", "put", "delete", "head"]

        def _vind(self, plan, kwargs):
            obj = soort.vind(plan, kwargs[soort.param])
            if obj is None:
                raise NotFound(soort.niet_gevonden)
            return obj

        @extend_schema(
            operation_id=f"uitvoeringsplan{soort.naam}Ophalen",
            summary=f"Eén {soort.naam.lower()}",
            responses={200: soort.uitvoer, **problems(403, 404)},
        )
        def get(self, request: Request, id: int, **kwargs) -> Response:
            plan = plan_voor(request, id)
            return Response(soort.uitvoer(soort.data(request, plan, self._vind(plan, kwargs))).data)

        @extend_schema(
            operation_id=f"uitvoeringsplan{soort.naam}Wijzigen",
            summary=f"{soort.naam} wijzigen",
            request=soort.invoer,
            responses={200: soort.uitvoer, **problems(400, 403, 404, 409, 413, **SCHRIJF)},
        )
        def put(self, request: Request, id: int, **kwargs) -> Response:
            plan = plan_voor(request, id)
            obj = self._vind(plan, kwargs)
            _schrijver(request, plan)
            invoer = soort.invoer(data=request.data)
            invoer.is_valid(raise_exception=True)
            obj = soort.wijzigen(obj, request.user, dict(invoer.validated_data))
            return Response(soort.uitvoer(soort.data(request, plan, obj)).data)

        @extend_schema(
            operation_id=f"uitvoeringsplan{soort.naam}Verwijderen",
            summary=f"{soort.naam} verwijderen",
            responses={204: None, **problems(403, 404, 409, **SCHRIJF)},
        )
        def delete(self, request: Request, id: int, **kwargs) -> Response:
            plan = plan_voor(request, id)
            obj = self._vind(plan, kwargs)
            _schrijver(request, plan)
            soort.verwijderen(obj, request.user)
            return Response(status=status.HTTP_204_NO_CONTENT)

    ItemView.__name__ = f"{soort.naam}View"
    return ItemView


# --- The composition --------------------------------------------------------------------------


def uitvoeringsplan_data(request, plan: Wijkplan, waarschuwingen=None) -> dict:
    samenstelling = selectors.samenstelling_van(plan)
    uitkomst = gates.samenstelling_compleet([plan])[plan.pk]
    if waarschuwingen is None:
        w = selectors.termijn_waarschuwing(samenstelling.aankondigingstermijn_jaren)
        waarschuwingen = [w] if w else []
    return {
        "einddatum_gaslevering": samenstelling.einddatum_gaslevering,
        "aankondigingstermijn_jaren": samenstelling.aankondigingstermijn_jaren,
        "waarschuwingen": list(waarschuwingen),
        "brede_agenda": {v: getattr(samenstelling, v) for v in selectors.THEMA_VELDEN},
        "compleet": uitkomst.met,
        "reden": uitkomst.reason,
        **{
            k: [soort.data(request, plan, o) for o in soort.lijst(plan)]
            for k, soort in (
                ("randvoorwaarden", RANDVOORWAARDEN),
                ("processtappen", PROCESSTAPPEN),
                ("benodigde_besluiten", BESLUITEN),
            )
        },
    }


@extend_schema(tags=[TAG], parameters=[ID_PARAM])
class UitvoeringsplanView(ApiView):
    serializer_class = s.UitvoeringsplanSerializer
    http_method_names = ["get", "put", "head"]

    @extend_schema(
        operation_id="uitvoeringsplanOphalen",
        summary="Het uitvoeringsplan van het plan",
        description="De tijdlijn (einddatum gaslevering en aankondigingstermijn), de brede "
        "agenda per thema, de randvoorwaarden, processtappen en benodigde besluiten, en of het "
        "uitvoeringsplan compleet is voor de raad.",
        responses={200: s.UitvoeringsplanSerializer, **problems(403, 404)},
    )
    def get(self, request: Request, id: int) -> Response:
        plan = plan_voor(request, id)
        return Response(s.UitvoeringsplanSerializer(uitvoeringsplan_data(request, plan)).data)

    @extend_schema(
        operation_id="uitvoeringsplanOpslaan",
        summary="Tijdlijn en brede agenda opslaan",
        description="De einddatum mag niet voor het einde van de realisatieplanning van stap 5 "
        "liggen. Een aankondigingstermijn korter dan 8 jaar wordt opgeslagen met een "
        "waarschuwing.",
        request=s.UitvoeringsplanInvoerSerializer,
        responses={
            200: s.UitvoeringsplanSerializer,
            **problems(400, 403, 404, 409, 413, **SCHRIJF),
        },
    )
    def put(self, request: Request, id: int) -> Response:
        plan = plan_voor(request, id)
        _schrijver(request, plan)
        invoer = s.UitvoeringsplanInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        uitkomst = services.samenstelling_opslaan(
            wijkplan=plan, user=request.user, **invoer.validated_data
        )
        data = uitvoeringsplan_data(request, plan, uitkomst.waarschuwingen)
        return Response(s.UitvoeringsplanSerializer(data).data)


# --- The Wgiw safeguards ------------------------------------------------------------------------


def punt_data(request, plan: Wijkplan, p: selectors.Punt) -> dict:
    w = p.waarborg
    return {
        "punt": p.punt,
        "label": p.label,
        "url": reverse(
            "besluitvorming-api-wgiw-waarborg",
            kwargs={"id": plan.pk, "punt": p.punt},
            request=request,
        ),
        "beantwoord": w is not None,
        "antwoord": w.antwoord if w else "",
        "status": w.status if w else "",
        "status_label": w.get_status_display() if w else "",
        "bewijs_bij_antwoord": w.bewijs if w else "",
        "bewijs": {
            "tekst": p.bewijs.tekst,
            "bron": p.bewijs.bron,
            "url": reverse(p.bewijs.url_name, args=[plan.pk], request=request)
            if p.bewijs.url_name
            else None,
        },
    }


def _punt(punt: str) -> str:
    if punt not in Waarborg.Punt.values:
        raise NotFound(_("Deze waarborg bestaat niet."))
    return punt


@extend_schema(tags=[TAG], parameters=[ID_PARAM])
class WaarborgenView(ApiView):
    serializer_class = s.WaarborgSerializer
    pagination_class = None
    http_method_names = ["get", "head"]

    @extend_schema(
        operation_id="wgiwWaarborgenLijst",
        summary="De Wgiw-waarborgen met hun bewijs",
        description="Per waarborg het antwoord met de status, het bewijs zoals het bij het "
        "antwoord is bewaard, en het bewijs uit de stappen zoals het nu is.",
        responses={200: s.WaarborgSerializer(many=True), **problems(403, 404)},
    )
    def get(self, request: Request, id: int) -> Response:
        plan = plan_voor(request, id)
        data = [punt_data(request, plan, p) for p in selectors.checklist(plan)]
        return Response(s.WaarborgSerializer(data, many=True).data)


@extend_schema(tags=[TAG], parameters=[ID_PARAM, PUNT_PARAM])
class WaarborgView(ApiView):
    serializer_class = s.WaarborgSerializer
    http_method_names = ["get", "put", "head"]

    def _data(self, request, plan, punt):
        p = next(p for p in selectors.checklist(plan) if p.punt == punt)
        return s.WaarborgSerializer(punt_data(request, plan, p)).data

    @extend_schema(
        operation_id="wgiwWaarborgOphalen",
        summary="Eén Wgiw-waarborg",
        responses={200: s.WaarborgSerializer, **problems(403, 404)},
    )
    def get(self, request: Request, id: int, punt: str) -> Response:
        plan = plan_voor(request, id)
        return Response(self._data(request, plan, _punt(punt)))

    @extend_schema(
        operation_id="wgiwWaarborgBeantwoorden",
        summary="Een Wgiw-waarborg beantwoorden",
        description="Het bewijs uit de stappen zoals het nu is, wordt bij het antwoord bewaard.",
        request=s.WaarborgInvoerSerializer,
        responses={200: s.WaarborgSerializer, **problems(400, 403, 404, 409, 413, **SCHRIJF)},
    )
    def put(self, request: Request, id: int, punt: str) -> Response:
        plan = plan_voor(request, id)
        _punt(punt)
        _schrijver(request, plan)
        invoer = s.WaarborgInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        services.waarborg_opslaan(
            wijkplan=plan, user=request.user, punt=punt, **invoer.validated_data
        )
        return Response(self._data(request, plan, punt))


# --- Wishes and requirements of stakeholders ----------------------------------------------------


def wens_data(request, plan: Wijkplan, w: selectors.Wens) -> dict:
    return {
        "inbreng_id": w.inbreng_id,
        "url": reverse(
            "besluitvorming-api-wens",
            kwargs={"id": plan.pk, "inbreng_id": w.inbreng_id},
            request=request,
        ),
        "vraag": w.vraag,
        "antwoord": w.antwoord,
        "opgenomen": w.opgenomen,
        "notitie": w.notitie,
    }


@extend_schema(tags=[TAG], parameters=[ID_PARAM])
class WensenView(ApiView):
    serializer_class = s.WensSerializer
    pagination_class = None
    http_method_names = ["get", "head"]

    @extend_schema(
        operation_id="uitvoeringsplanWensenLijst",
        summary="Wensen en eisen van belanghebbenden",
        description="De gepubliceerde vragen van bewoners (stap 3) met hun antwoord, en of het "
        "uitvoeringsplan ze meeneemt.",
        responses={200: s.WensSerializer(many=True), **problems(403, 404)},
    )
    def get(self, request: Request, id: int) -> Response:
        plan = plan_voor(request, id)
        data = [wens_data(request, plan, w) for w in selectors.wensen_van(plan)]
        return Response(s.WensSerializer(data, many=True).data)


@extend_schema(
    tags=[TAG],
    parameters=[
        ID_PARAM,
        OpenApiParameter(
            "inbreng_id", OpenApiTypes.INT, OpenApiParameter.PATH, description="Id van de vraag."
        ),
    ],
)
class WensView(ApiView):
    serializer_class = s.WensSerializer
    http_method_names = ["put"]

    @extend_schema(
        operation_id="uitvoeringsplanWensVastleggen",
        summary="Vastleggen of een wens in het plan is opgenomen",
        request=s.WensInvoerSerializer,
        responses={200: s.WensSerializer, **problems(400, 403, 404, 409, 413, **SCHRIJF)},
    )
    def put(self, request: Request, id: int, inbreng_id: int) -> Response:
        plan = plan_voor(request, id)
        _schrijver(request, plan)
        # a question of another plan is not found, whatever the body says
        if not any(w.inbreng_id == inbreng_id for w in selectors.wensen_van(plan)):
            raise NotFound(_("Kies een gepubliceerde vraag van bewoners uit dit plan."))
        invoer = s.WensInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        try:
            services.wens_vastleggen(
                wijkplan=plan, user=request.user, inbreng_id=inbreng_id, **invoer.validated_data
            )
        except DjangoValidationError as exc:
            if "inbreng_id" in getattr(exc, "message_dict", {}):
                raise NotFound(exc.message_dict["inbreng_id"][0]) from None
            raise
        w = next(w for w in selectors.wensen_van(plan) if w.inbreng_id == inbreng_id)
        return Response(s.WensSerializer(wens_data(request, plan, w)).data)
