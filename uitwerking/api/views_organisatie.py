"""API of step 5's part 'organisatie': a plan's parties, activities, the RACI matrix with the
agreement on it, the governance choice, the risk register and the realisation planning.

Same access as the plan: whoever may see the plan reads; only its projectleider writes, never in
a frozen plan (409). Writes go through :mod:`uitwerking.services.organisatie`, which check every
value and name the field. Agreements and governance choices are never changed: a new one
supersedes the one before.
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

from uitwerking.api import serializers_organisatie as s
from uitwerking.selectors import organisatie as selectors
from uitwerking.services import organisatie as services
from wup import selectors as wup_selectors
from wup.api.parsers import JSONParser, MergePatchJSONParser
from wup.api.schema import problems
from wup.api.views import ID_PARAM, ApiView, plan_voor
from wup.models import Wijkplan

TAG = "Uitwerking: organisatie"
LOCATION = OpenApiParameter(
    "Location",
    OpenApiTypes.URI,
    OpenApiParameter.HEADER,
    response=[201],
    description="Adres van wat is aangemaakt.",
)
_SCHRIJF_403 = "Alleen de projectleider van het plan kan de organisatie uitwerken."
_SCHRIJF_409 = "Het plan is vastgesteld of gestopt en kan niet meer worden gewijzigd."
SCHRIJF = {"s403": _SCHRIJF_403, "s409": _SCHRIJF_409}


def _schrijver(request: Request, plan: Wijkplan) -> None:
    """Refuse a write before its input is read, as the services would after."""
    if not wup_selectors.is_projectleider(plan, request.user):
        raise PermissionDenied(
            _("Alleen de projectleider van dit plan kan de organisatie uitwerken.")
        )


# --- Data ---------------------------------------------------------------------------------------


def partij_data(request, plan, p) -> dict:
    return {
        "id": p.pk,
        "url": reverse(
            "uitwerking-api-partij",
            kwargs={"id": plan.pk, "organisatiepartij_id": p.pk},
            request=request,
        ),
        "naam": p.naam,
        "soort": p.soort,
        "soort_label": p.get_soort_display(),
        "volgorde": p.volgorde,
    }


def activiteit_data(request, plan, a) -> dict:
    return {
        "id": a.pk,
        "url": reverse(
            "uitwerking-api-activiteit",
            kwargs={"id": plan.pk, "activiteit_id": a.pk},
            request=request,
        ),
        "naam": a.naam,
        "omschrijving": a.omschrijving,
        "volgorde": a.volgorde,
    }


def risico_data(request, plan, r) -> dict:
    return {
        "id": r.pk,
        "url": reverse(
            "uitwerking-api-risico", kwargs={"id": plan.pk, "risico_id": r.pk}, request=request
        ),
        "titel": r.titel,
        "omschrijving": r.omschrijving,
        "categorie": r.categorie,
        "kans": r.kans,
        "impact": r.impact,
        "score": r.score,
        "hoog": r.hoog,
        "eigenaar": r.eigenaar_id,
        "eigenaar_naam": r.eigenaar.naam if r.eigenaar else "",
        "beheersmaatregel": r.beheersmaatregel,
        "status": r.status,
    }


def fase_data(request, plan, f) -> dict:
    return {
        "id": f.pk,
        "url": reverse(
            "uitwerking-api-fase",
            kwargs={"id": plan.pk, "realisatiefase_id": f.pk},
            request=request,
        ),
        "naam": f.naam,
        "begindatum": f.begindatum,
        "einddatum": f.einddatum,
        "mijlpaal": f.mijlpaal,
        "verantwoordelijke": f.verantwoordelijke_id,
        "verantwoordelijke_naam": f.verantwoordelijke.naam if f.verantwoordelijke else "",
    }


def akkoord_data(a, actueel: bool) -> dict:
    return {
        "id": a.pk,
        "datum": a.datum,
        "orgaan": a.orgaan,
        "kenmerk": a.kenmerk,
        "actueel": actueel,
        "besluit": a.besluit_id,
        "vastgelegd_op": a.vastgelegd_op,
        "momentopname": a.momentopname,
    }


def raci_data(plan: Wijkplan) -> dict:
    raci = selectors.raci_van(plan)
    akkoorden = selectors.akkoorden_van(plan)
    stand = selectors.akkoord_stand(raci, akkoorden[0] if akkoorden else None)
    return {
        "partijen": [{"id": p.pk, "naam": p.naam} for p in raci.partijen],
        "activiteiten": [
            {"id": a.pk, "naam": a.naam, "fout": raci.fouten.get(a.pk, "")}
            for a in raci.activiteiten
        ],
        "rollen": [
            {"activiteit": a, "partij": p, "rol": r} for (a, p), r in sorted(raci.cellen.items())
        ],
        "geldig": raci.geldig,
        "akkoord": akkoord_data(stand.akkoord, stand.actueel) if stand.akkoord else None,
    }


def governance_data(plan: Wijkplan) -> list[dict]:
    keuzes = selectors.governance_van(plan)
    return [
        {
            "id": k.pk,
            "huidig": i == 0,
            "model": k.model,
            "model_label": k.get_model_display(),
            "uitleg": str(selectors.GOVERNANCE_UITLEG.get(k.model, "")),
            "motivatie": k.motivatie,
            "datum": k.datum,
            "orgaan": k.orgaan,
            "kenmerk": k.kenmerk,
            "besluit": k.besluit_id,
            "vastgelegd_op": k.vastgelegd_op,
        }
        for i, k in enumerate(keuzes)
    ]


# --- Lists and items, the same way for every kind -----------------------------------------------


@dataclass(frozen=True)
class Soort:
    """One kind of row of this part: how to list, find, shape, add, change and remove it."""

    naam: str  # for operation ids, e.g. "Partij"
    meervoud: str  # e.g. "Partijen"
    param: str  # path parameter of an item
    niet_gevonden: str
    uitvoer: type[serializers.Serializer]
    invoer: type[serializers.Serializer]
    lijst: Callable[[Wijkplan], list]
    vind: Callable[[Wijkplan, int], object]
    data: Callable
    toevoegen: Callable
    wijzigen: Callable
    verwijderen: Callable
    #: The model fields a PATCH keeps when they are not sent (``eigenaar`` keeps its id).
    huidig: Callable[[object], dict]
    omschrijving: str = ""


def _lijst_view(soort: Soort):
    @extend_schema(tags=[TAG], parameters=[ID_PARAM])
    class LijstView(ApiView):
        serializer_class = soort.uitvoer
        pagination_class = None
        http_method_names = ["get", "post", "head"]

        @extend_schema(
            operation_id=f"uitwerking{soort.meervoud}Lijst",
            summary=f"{soort.meervoud} van het plan",
            description=soort.omschrijving,
            responses={200: soort.uitvoer(many=True), **problems(403, 404)},
        )
        def get(self, request: Request, id: int) -> Response:
            plan = plan_voor(request, id)
            data = [soort.data(request, plan, o) for o in soort.lijst(plan)]
            return Response(soort.uitvoer(data, many=True).data)

        @extend_schema(
            operation_id=f"uitwerking{soort.naam}Toevoegen",
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
            obj = soort.vind(plan, obj.pk)
            data = soort.uitvoer(soort.data(request, plan, obj)).data
            return Response(data, status=status.HTTP_201_CREATED, headers={"Location": data["url"]})

    LijstView.__name__ = f"{soort.meervoud}View"
    return LijstView


def _item_view(soort: Soort):
    param = OpenApiParameter(
        soort.param, OpenApiTypes.INT, OpenApiParameter.PATH, description=f"Het id ({soort.naam})."
    )

    @extend_schema(tags=[TAG], parameters=[ID_PARAM, param])
    class ItemView(ApiView):
        serializer_class = soort.uitvoer
        parser_classes = [JSONParser, MergePatchJSONParser]
        http_method_names = ["get", "patch", "delete", "head"]

        def _vind(self, plan, kwargs):
            obj = soort.vind(plan, kwargs[soort.param])
            if obj is None:
                raise NotFound(soort.niet_gevonden)
            return obj

        @extend_schema(
            operation_id=f"uitwerking{soort.naam}Ophalen",
            summary=f"Eén {soort.naam.lower()}",
            responses={200: soort.uitvoer, **problems(403, 404)},
        )
        def get(self, request: Request, id: int, **kwargs) -> Response:
            plan = plan_voor(request, id)
            return Response(soort.uitvoer(soort.data(request, plan, self._vind(plan, kwargs))).data)

        @extend_schema(
            operation_id=f"uitwerking{soort.naam}Wijzigen",
            summary=f"{soort.naam} wijzigen",
            description="Alleen de velden die u meestuurt veranderen.",
            request={
                "application/json": soort.invoer,
                "application/merge-patch+json": soort.invoer,
            },
            responses={200: soort.uitvoer, **problems(400, 403, 404, 409, 413, **SCHRIJF)},
        )
        def patch(self, request: Request, id: int, **kwargs) -> Response:
            plan = plan_voor(request, id)
            obj = self._vind(plan, kwargs)
            _schrijver(request, plan)
            invoer = soort.invoer(data=request.data, partial=True)
            invoer.is_valid(raise_exception=True)
            velden = soort.huidig(obj) | dict(invoer.validated_data)
            soort.wijzigen(obj, request.user, velden)
            obj = soort.vind(plan, obj.pk)
            return Response(soort.uitvoer(soort.data(request, plan, obj)).data)

        @extend_schema(
            operation_id=f"uitwerking{soort.naam}Verwijderen",
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


PARTIJEN = Soort(
    naam="Partij",
    meervoud="Partijen",
    param="organisatiepartij_id",
    niet_gevonden=_("Deze partij bestaat niet in dit plan."),
    uitvoer=s.OrganisatiePartijSerializer,
    invoer=s.OrganisatiePartijInvoerSerializer,
    lijst=selectors.partijen_van,
    vind=selectors.partij_by_pk,
    data=partij_data,
    toevoegen=services.partij_toevoegen,
    wijzigen=lambda o, u, v: services.partij_wijzigen(partij=o, user=u, **v),
    verwijderen=lambda o, u: services.partij_verwijderen(partij=o, user=u),
    huidig=lambda o: {"naam": o.naam, "soort": o.soort},
    omschrijving="De partijen die meewerken aan de uitvoering. Een partij verwijderen haalt "
    "ook haar rollen weg; risico's en fasen van de partij houden dan geen eigenaar.",
)
ACTIVITEITEN = Soort(
    naam="Activiteit",
    meervoud="Activiteiten",
    param="activiteit_id",
    niet_gevonden=_("Deze activiteit bestaat niet in dit plan."),
    uitvoer=s.OrganisatieActiviteitSerializer,
    invoer=s.OrganisatieActiviteitInvoerSerializer,
    lijst=selectors.activiteiten_van,
    vind=selectors.activiteit_by_pk,
    data=activiteit_data,
    toevoegen=services.activiteit_toevoegen,
    wijzigen=lambda o, u, v: services.activiteit_wijzigen(activiteit=o, user=u, **v),
    verwijderen=lambda o, u: services.activiteit_verwijderen(activiteit=o, user=u),
    huidig=lambda o: {"naam": o.naam, "omschrijving": o.omschrijving},
    omschrijving="Wat er bij de uitvoering moet gebeuren; elke activiteit krijgt in de "
    "RACI-matrix precies één A en minstens één R.",
)
RISICOS = Soort(
    naam="Risico",
    meervoud="Risicos",
    param="risico_id",
    niet_gevonden=_("Dit risico bestaat niet in dit plan."),
    uitvoer=s.OrganisatieRisicoSerializer,
    invoer=s.OrganisatieRisicoInvoerSerializer,
    lijst=selectors.risicos_van,
    vind=selectors.risico_by_pk,
    data=risico_data,
    toevoegen=services.risico_toevoegen,
    wijzigen=lambda o, u, v: services.risico_wijzigen(risico=o, user=u, **v),
    verwijderen=lambda o, u: services.risico_verwijderen(risico=o, user=u),
    huidig=lambda o: {
        "titel": o.titel,
        "omschrijving": o.omschrijving,
        "categorie": o.categorie,
        "kans": o.kans,
        "impact": o.impact,
        "eigenaar": o.eigenaar_id,
        "beheersmaatregel": o.beheersmaatregel,
        "status": o.status,
    },
    omschrijving="Het risicoregister, de hoogste score (kans maal impact) eerst. Een score "
    "van 15 of meer is hoog; een hoog risico dat open staat, heeft een beheersmaatregel nodig.",
)
FASEN = Soort(
    naam="Fase",
    meervoud="Fasen",
    param="realisatiefase_id",
    niet_gevonden=_("Deze fase bestaat niet in dit plan."),
    uitvoer=s.OrganisatieFaseSerializer,
    invoer=s.OrganisatieFaseInvoerSerializer,
    lijst=selectors.fasen_van,
    vind=selectors.fase_by_pk,
    data=fase_data,
    toevoegen=services.fase_toevoegen,
    wijzigen=lambda o, u, v: services.fase_wijzigen(fase=o, user=u, **v),
    verwijderen=lambda o, u: services.fase_verwijderen(fase=o, user=u),
    huidig=lambda o: {
        "naam": o.naam,
        "begindatum": o.begindatum,
        "einddatum": o.einddatum,
        "mijlpaal": o.mijlpaal,
        "verantwoordelijke": o.verantwoordelijke_id,
    },
    omschrijving="De fasen van de realisatie op begindatum, elk met een einddatum die niet "
    "voor de begindatum ligt.",
)

PartijenView = _lijst_view(PARTIJEN)
PartijView = _item_view(PARTIJEN)
ActiviteitenView = _lijst_view(ACTIVITEITEN)
ActiviteitView = _item_view(ACTIVITEITEN)
RisicosView = _lijst_view(RISICOS)
RisicoView = _item_view(RISICOS)
PlanningView = _lijst_view(FASEN)
FaseView = _item_view(FASEN)


def _standaard_view(soort: Soort, doe: Callable, beschrijving: str):
    @extend_schema(tags=[TAG], parameters=[ID_PARAM])
    class StandaardView(ApiView):
        serializer_class = soort.uitvoer
        pagination_class = None
        http_method_names = ["post"]

        @extend_schema(
            operation_id=f"uitwerkingStandaard{soort.meervoud}Toevoegen",
            summary=f"Standaard{soort.meervoud.lower()} toevoegen",
            description=beschrijving,
            request=None,
            responses={200: soort.uitvoer(many=True), **problems(403, 404, 409, **SCHRIJF)},
        )
        def post(self, request: Request, id: int) -> Response:
            plan = plan_voor(request, id)
            _schrijver(request, plan)
            doe(wijkplan=plan, user=request.user)
            data = [soort.data(request, plan, o) for o in soort.lijst(plan)]
            return Response(soort.uitvoer(data, many=True).data)

    StandaardView.__name__ = f"Standaard{soort.meervoud}View"
    return StandaardView


StandaardPartijenView = _standaard_view(
    PARTIJEN,
    services.standaardpartijen_toevoegen,
    "Voegt de standaardpartijen toe die het plan nog niet heeft (gemeente, warmtebedrijf, "
    "netbeheerder, woningcorporatie, bewoners en VvE's). Het antwoord is de hele lijst.",
)
StandaardActiviteitenView = _standaard_view(
    ACTIVITEITEN,
    services.standaardactiviteiten_toevoegen,
    "Voegt de standaardactiviteiten van een warmtenet of all-electric uitvoering toe die het "
    "plan nog niet heeft. Het antwoord is de hele lijst.",
)


# --- The RACI matrix and the agreement ------------------------------------------------------------


@extend_schema(tags=[TAG], parameters=[ID_PARAM])
class RaciView(ApiView):
    serializer_class = s.OrganisatieRaciSerializer
    http_method_names = ["get", "put", "head"]

    @extend_schema(
        operation_id="uitwerkingRaciOphalen",
        summary="De RACI-matrix",
        description="Per activiteit en partij de rol (R voert uit, A is eindverantwoordelijk, "
        "C wordt geraadpleegd, I wordt geïnformeerd), wat er per activiteit nog mist, en het "
        "nieuwste akkoord met of het nog actueel is.",
        responses={200: s.OrganisatieRaciSerializer, **problems(403, 404)},
    )
    def get(self, request: Request, id: int) -> Response:
        return Response(s.OrganisatieRaciSerializer(raci_data(plan_voor(request, id))).data)

    @extend_schema(
        operation_id="uitwerkingRaciOpslaan",
        summary="De hele RACI-matrix opslaan",
        description="Vervangt alle rollen. Elke activiteit heeft precies één A en minstens één "
        "R; zo niet, dan staat de fout in `invalidParams` onder `activiteiten.<id>` en "
        "verandert er niets. Verandert de matrix na een akkoord, dan is dat akkoord niet meer "
        "actueel.",
        request=s.OrganisatieRaciInvoerSerializer,
        responses={
            200: s.OrganisatieRaciSerializer,
            **problems(400, 403, 404, 409, 413, **SCHRIJF),
        },
    )
    def put(self, request: Request, id: int) -> Response:
        plan = plan_voor(request, id)
        _schrijver(request, plan)
        invoer = s.OrganisatieRaciInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        rollen, namen, dubbel = {}, {}, {}
        for i, rij in enumerate(invoer.validated_data["rollen"]):
            sleutel = (rij["activiteit"], rij["partij"])
            if sleutel in rollen:
                dubbel[f"rollen.{i}"] = [_("Deze activiteit en partij staan er al eerder in.")]
            rollen[sleutel] = rij["rol"]
            namen[f"rol_{sleutel[0]}_{sleutel[1]}"] = f"rollen.{i}.rol"
        if dubbel:
            raise serializers.ValidationError(dubbel)
        try:
            services.raci_opslaan(wijkplan=plan, user=request.user, rollen=rollen)
        except DjangoValidationError as exc:
            if hasattr(exc, "error_dict"):
                raise DjangoValidationError(
                    {
                        namen.get(veld, veld.replace("activiteit_", "activiteiten.")): fouten
                        for veld, fouten in exc.error_dict.items()
                    }
                ) from exc
            raise
        return Response(s.OrganisatieRaciSerializer(raci_data(plan)).data)


@extend_schema(tags=[TAG], parameters=[ID_PARAM])
class RollenAkkoordView(ApiView):
    serializer_class = s.OrganisatieAkkoordSerializer
    pagination_class = None
    http_method_names = ["get", "post", "head"]

    @extend_schema(
        operation_id="uitwerkingRollenAkkoordenLijst",
        summary="Akkoorden over de rollen",
        description="Alle akkoorden, de nieuwste eerst. Alleen de nieuwste kan actueel zijn, "
        "en alleen zolang de rollen niet zijn veranderd.",
        responses={200: s.OrganisatieAkkoordSerializer(many=True), **problems(403, 404)},
    )
    def get(self, request: Request, id: int) -> Response:
        plan = plan_voor(request, id)
        return Response(s.OrganisatieAkkoordSerializer(self._lijst(plan), many=True).data)

    @staticmethod
    def _lijst(plan) -> list[dict]:
        raci = selectors.raci_van(plan)
        akkoorden = selectors.akkoorden_van(plan)
        return [
            akkoord_data(a, i == 0 and a.vingerafdruk == raci.vingerafdruk)
            for i, a in enumerate(akkoorden)
        ]

    @extend_schema(
        operation_id="uitwerkingRollenAkkoordVastleggen",
        summary="Akkoord over de rollen vastleggen",
        description="Legt vast dat de partijen het eens zijn over de rollen zoals ze nu zijn, "
        "met de matrix erbij, en zet het in de besluitenlijst van het plan. Kan alleen als elke "
        "activiteit precies één A en minstens één R heeft, en als er over deze rollen nog geen "
        "akkoord is (anders 400).",
        request=s.OrganisatieAkkoordInvoerSerializer,
        responses={
            201: s.OrganisatieAkkoordSerializer,
            **problems(400, 403, 404, 409, 413, **SCHRIJF),
        },
    )
    def post(self, request: Request, id: int) -> Response:
        plan = plan_voor(request, id)
        _schrijver(request, plan)
        invoer = s.OrganisatieAkkoordInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        services.rollen_akkoord_vastleggen(
            wijkplan=plan, user=request.user, **invoer.validated_data
        )
        return Response(
            s.OrganisatieAkkoordSerializer(self._lijst(plan)[0]).data,
            status=status.HTTP_201_CREATED,
        )


@extend_schema(tags=[TAG], parameters=[ID_PARAM])
class GovernanceView(ApiView):
    serializer_class = s.OrganisatieGovernanceSerializer
    pagination_class = None
    http_method_names = ["get", "post", "head"]

    @extend_schema(
        operation_id="uitwerkingGovernanceLijst",
        summary="Keuzes voor eigendom en governance",
        description="Alle keuzes, de nieuwste eerst: de eerste telt (`huidig`).",
        responses={200: s.OrganisatieGovernanceSerializer(many=True), **problems(403, 404)},
    )
    def get(self, request: Request, id: int) -> Response:
        plan = plan_voor(request, id)
        return Response(s.OrganisatieGovernanceSerializer(governance_data(plan), many=True).data)

    @extend_schema(
        operation_id="uitwerkingGovernanceVastleggen",
        summary="Keuze voor eigendom en governance vastleggen",
        description="Legt het model vast met de motivatie, en zet het besluit in de "
        "besluitenlijst van het plan. Een nieuwe keuze vervangt de vorige; die blijft bewaard.",
        request=s.OrganisatieGovernanceInvoerSerializer,
        responses={
            201: s.OrganisatieGovernanceSerializer,
            **problems(400, 403, 404, 409, 413, **SCHRIJF),
        },
    )
    def post(self, request: Request, id: int) -> Response:
        plan = plan_voor(request, id)
        _schrijver(request, plan)
        invoer = s.OrganisatieGovernanceInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        services.governance_vastleggen(wijkplan=plan, user=request.user, **invoer.validated_data)
        return Response(
            s.OrganisatieGovernanceSerializer(governance_data(plan)[0]).data,
            status=status.HTTP_201_CREATED,
        )
