"""API of step 4: a plan's criteria with their weights, the score matrix, the multi-criteria
analysis and the recorded choices.

Same access as the plan: whoever may see the plan reads; only its projectleider writes, never in
a frozen plan (409). Writes go through :mod:`keuze.services`, which check every value and name
the field. A recorded choice is never changed: a new choice supersedes it.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import (
    MethodNotAllowed,
    NotFound,
    PermissionDenied,
    UnsupportedMediaType,
)
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse

from keuze import bronnen, selectors, services
from keuze.api.serializers import (
    GEWICHTEN_INVOER_SCHEMA,
    SCORES_INVOER_SCHEMA,
    AnalyseSerializer,
    BeoordelingSerializer,
    CriteriumInvoerSerializer,
    CriteriumSerializer,
    KeuzeDetailSerializer,
    KeuzeSerializer,
    KeuzeVastleggenSerializer,
    ScoreRijSerializer,
)
from keuze.models import Criterium, Keuze
from wup import selectors as wup_selectors
from wup.api.parsers import JSONParser, MergePatchJSONParser
from wup.api.schema import problems
from wup.api.views import ID_PARAM, MAX_ID, ApiView, plan_voor
from wup.models import Wijkplan

TAG = "Keuze warmteoplossing"

CRITERIUM_PARAM = OpenApiParameter(
    "criterium_id",
    OpenApiTypes.INT,
    OpenApiParameter.PATH,
    description="Het id van het criterium.",
)
KEUZE_PARAM = OpenApiParameter(
    "keuze_id", OpenApiTypes.INT, OpenApiParameter.PATH, description="Het id van de keuze."
)
LOCATION = OpenApiParameter(
    "Location",
    OpenApiTypes.URI,
    OpenApiParameter.HEADER,
    response=[201],
    description="Adres van wat is aangemaakt.",
)
ONVERANDERLIJK = (
    "Een vastgelegde keuze kan niet worden gewijzigd of verwijderd. Leg een nieuwe keuze vast; "
    "die vervangt de huidige en de oude blijft bewaard."
)
_SCHRIJF_403 = "Alleen de projectleider van het plan kan de keuze voorbereiden."
_SCHRIJF_409 = "Het plan is vastgesteld of gestopt en kan niet meer worden gewijzigd."


def _schrijver(request: Request, plan: Wijkplan) -> None:
    """Refuse a write before its input is read, as the services would after."""
    if not wup_selectors.is_projectleider(plan, request.user):
        raise PermissionDenied(_("Alleen de projectleider van dit plan kan de keuze voorbereiden."))


def _criterium(plan: Wijkplan, criterium_id: int) -> Criterium:
    c = selectors.criterium_by_pk(plan, criterium_id) if 0 < criterium_id <= MAX_ID else None
    if c is None:
        raise NotFound(_("Dit criterium bestaat niet in dit plan."))
    return c


def _ids(data, wat: str) -> dict[int, object]:
    """A JSON object keyed by ids: the ids as numbers; a key that is no id is a 400 naming it."""
    if not isinstance(data, dict):
        raise serializers.ValidationError(
            _("Stuur een object met per id van een %(wat)s de waarde.") % {"wat": wat}
        )
    uit, fouten = {}, {}
    for sleutel, waarde in data.items():
        if sleutel.isascii() and sleutel.isdigit() and 0 < int(sleutel) <= MAX_ID:
            uit[int(sleutel)] = waarde
        else:
            fouten[sleutel] = [_("Dit is geen id van een %(wat)s.") % {"wat": wat}]
    if fouten:
        raise serializers.ValidationError(fouten)
    return uit


def _hernoemd(exc: DjangoValidationError, namen: dict[str, str]) -> DjangoValidationError:
    """The service's field names (``gewicht_12``) as the API's input names them (``12``)."""
    if not hasattr(exc, "error_dict"):
        return exc
    return DjangoValidationError(
        {namen.get(veld, veld): fouten for veld, fouten in exc.error_dict.items()}
    )


# --- Data ---------------------------------------------------------------------------------------


def criteria_data(request: Request, plan: Wijkplan, criteria: list[Criterium]) -> list[dict]:
    totaal = sum(c.gewicht for c in criteria)
    titels = {sleutel: str(b.titel) for sleutel, b in bronnen.bronnen().items()}
    titels[bronnen.HANDMATIG] = _("Deskundig oordeel")
    return [
        {
            "id": c.pk,
            "url": reverse(
                "keuze-api-criterium",
                kwargs={"id": plan.pk, "criterium_id": c.pk},
                request=request,
            ),
            "naam": c.naam,
            "toelichting": c.toelichting,
            "gewicht": c.gewicht,
            "gewicht_aandeel": c.gewicht / totaal if totaal > 0 else None,
            "richting": c.richting,
            "eenheid": c.eenheid,
            "bron": c.bron,
            "bron_titel": titels.get(c.bron, c.bron),
            "handmatig": c.handmatig,
            "zekerheid": c.zekerheid,
            "volgorde": c.volgorde,
            "scores_url": reverse(
                "keuze-api-criterium-scores",
                kwargs={"id": plan.pk, "criterium_id": c.pk},
                request=request,
            )
            if c.handmatig
            else None,
            "aangemaakt_op": c.aangemaakt_op,
            "gewijzigd_op": c.gewijzigd_op,
        }
        for c in criteria
    ]


def _criteria_response(request: Request, plan: Wijkplan, status_code: int = 200) -> Response:
    data = criteria_data(request, plan, selectors.criteria_van(plan))
    return Response(CriteriumSerializer(data, many=True).data, status=status_code)


def _een_criterium(request: Request, plan: Wijkplan, pk: int, status_code: int = 200, **headers):
    data = next(
        d for d in criteria_data(request, plan, selectors.criteria_van(plan)) if d["id"] == pk
    )
    return Response(CriteriumSerializer(data).data, status=status_code, headers=headers)


def _rij(request: Request, beoordeling: selectors.Beoordeling, rij: dict) -> dict:
    c = rij["criterium"]
    return {
        "criterium": c.pk,
        "naam": c.naam,
        "bron": c.bron,
        "handmatig": c.handmatig,
        "eenheid": c.eenheid,
        "richting": c.richting,
        "aantal": rij["aantal"],
        "scores": [
            {
                "alternatief": a.pk,
                "waarde": cel.waarde,
                "toelichting": cel.toelichting,
                "bron_url": request.build_absolute_uri(cel.url) if cel.url else None,
                "herkomst": cel.herkomst,
                "verouderd": cel.verouderd,
                "ontbreekt": cel.ontbreekt,
            }
            for a, cel in zip(beoordeling.alternatieven, rij["cellen"], strict=True)
        ],
    }


def beoordeling_data(request: Request, plan: Wijkplan, beoordeling) -> dict:
    return {
        "alternatieven": [
            {
                "id": s.alternatief.pk,
                "naam": s.alternatief.naam,
                "url": reverse(
                    "techniek-api-alternatief",
                    kwargs={"id": plan.pk, "alt_id": s.alternatief.pk},
                    request=request,
                ),
                "doorgerekend": s.doorgerekend,
                "verouderd": s.verouderd,
            }
            for s in beoordeling.standen
        ],
        "criteria": [_rij(request, beoordeling, rij) for rij in beoordeling.rijen],
    }


def keuze_data(request: Request, plan: Wijkplan, k: Keuze, vervangen_door: int | None) -> dict:
    return {
        "id": k.pk,
        "url": reverse(
            "keuze-api-keuze", kwargs={"id": plan.pk, "keuze_id": k.pk}, request=request
        ),
        "huidig": vervangen_door is None,
        "alternatief": k.alternatief_id,
        "alternatief_naam": k.alternatief_naam,
        "motivatie": k.motivatie,
        "participatie_afweging": k.participatie_afweging,
        "reden_zonder_participatie": k.reden_zonder_participatie,
        "afwijkende_standpunten": k.afwijkende_standpunten,
        "voorwaarden": k.voorwaarden,
        "verouderd_bevestigd": k.verouderd_bevestigd,
        "orgaan": k.orgaan,
        "besluitdatum": k.besluitdatum,
        "kenmerk": k.kenmerk,
        "vervangt": k.vervangt_id,
        "vervangen_door": vervangen_door,
        "vastgelegd_door": k.vastgelegd_door,
        "vastgelegd_op": k.vastgelegd_op,
        "analyse": k.analyse,
    }


def _keuzes(request: Request, plan: Wijkplan) -> list[dict]:
    keuzes = selectors.keuzes_van(plan)
    opvolger = {k.vervangt_id: k.pk for k in keuzes if k.vervangt_id}
    return [keuze_data(request, plan, k, opvolger.get(k.pk)) for k in keuzes]


# --- Criteria -----------------------------------------------------------------------------------


@extend_schema(tags=[TAG], parameters=[ID_PARAM])
class CriteriaView(ApiView):
    serializer_class = CriteriumSerializer
    # A plain list, not a page: the document must not describe a paginated envelope.
    pagination_class = None
    http_method_names = ["get", "post", "head"]

    @extend_schema(
        operation_id="keuzeCriteriaLijst",
        summary="Criteria van het plan",
        description="Het beoordelingskader in volgorde: per criterium het gewicht zoals "
        "ingevuld en als deel van het totaal (de analyse normaliseert de gewichten naar 100 %).",
        responses={200: CriteriumSerializer(many=True), **problems(403, 404)},
    )
    def get(self, request: Request, id: int) -> Response:
        return _criteria_response(request, plan_voor(request, id))

    @extend_schema(
        operation_id="keuzeCriteriumToevoegen",
        summary="Criterium toevoegen",
        description="Voegt een criterium achteraan het kader toe. Een criterium met een "
        "automatische bron haalt zijn scores uit stap 2 of 3; een handmatig criterium krijgt "
        "per alternatief een score met toelichting.",
        request=CriteriumInvoerSerializer,
        parameters=[LOCATION],
        responses={
            201: CriteriumSerializer,
            **problems(400, 403, 404, 409, 413, s403=_SCHRIJF_403, s409=_SCHRIJF_409),
        },
    )
    def post(self, request: Request, id: int) -> Response:
        plan = plan_voor(request, id)
        _schrijver(request, plan)
        invoer = CriteriumInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        c = services.criterium_toevoegen(wijkplan=plan, user=request.user, **invoer.validated_data)
        antwoord = _een_criterium(request, plan, c.pk, status.HTTP_201_CREATED)
        antwoord["Location"] = antwoord.data["url"]
        return antwoord


@extend_schema(tags=[TAG], parameters=[ID_PARAM, CRITERIUM_PARAM])
class CriteriumView(ApiView):
    serializer_class = CriteriumSerializer
    parser_classes = [JSONParser, MergePatchJSONParser]
    http_method_names = ["get", "put", "patch", "delete", "head"]

    @extend_schema(
        operation_id="keuzeCriteriumOphalen",
        summary="Eén criterium",
        responses={200: CriteriumSerializer, **problems(403, 404)},
    )
    def get(self, request: Request, id: int, criterium_id: int) -> Response:
        plan = plan_voor(request, id)
        return _een_criterium(request, plan, _criterium(plan, criterium_id).pk)

    @extend_schema(
        operation_id="keuzeCriteriumVervangen",
        summary="Criterium vervangen",
        description="Alle velden opnieuw. Wordt de bron automatisch, dan vervallen de "
        "handmatige scores; eerder vastgelegde keuzes houden waar ze op rustten.",
        request=CriteriumInvoerSerializer,
        responses={
            200: CriteriumSerializer,
            **problems(400, 403, 404, 409, 413, s403=_SCHRIJF_403, s409=_SCHRIJF_409),
        },
    )
    def put(self, request: Request, id: int, criterium_id: int) -> Response:
        if request.content_type.startswith(MergePatchJSONParser.media_type):
            raise UnsupportedMediaType(request.content_type)
        return self._wijzig(request, id, criterium_id, partial=False)

    @extend_schema(
        operation_id="keuzeCriteriumWijzigen",
        summary="Criterium wijzigen",
        description="Alleen de velden die u meestuurt veranderen.",
        request={
            "application/json": CriteriumInvoerSerializer,
            "application/merge-patch+json": CriteriumInvoerSerializer,
        },
        responses={
            200: CriteriumSerializer,
            **problems(400, 403, 404, 409, 413, s403=_SCHRIJF_403, s409=_SCHRIJF_409),
        },
    )
    def patch(self, request: Request, id: int, criterium_id: int) -> Response:
        return self._wijzig(request, id, criterium_id, partial=True)

    def _wijzig(self, request: Request, id: int, criterium_id: int, *, partial: bool):
        plan = plan_voor(request, id)
        c = _criterium(plan, criterium_id)
        _schrijver(request, plan)
        invoer = CriteriumInvoerSerializer(data=request.data, partial=partial)
        invoer.is_valid(raise_exception=True)
        velden = invoer.validated_data
        if partial:  # what is not sent keeps its current value
            velden = {veld: getattr(c, veld) for veld in invoer.fields} | velden
        services.criterium_wijzigen(criterium=c, user=request.user, **velden)
        return _een_criterium(request, plan, c.pk)

    @extend_schema(
        operation_id="keuzeCriteriumVerwijderen",
        summary="Criterium verwijderen",
        description="Met zijn handmatige scores. Eerder vastgelegde keuzes houden hun analyse.",
        responses={
            204: None,
            **problems(403, 404, 409, s403=_SCHRIJF_403, s409=_SCHRIJF_409),
        },
    )
    def delete(self, request: Request, id: int, criterium_id: int) -> Response:
        plan = plan_voor(request, id)
        c = _criterium(plan, criterium_id)
        _schrijver(request, plan)
        services.criterium_verwijderen(criterium=c, user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema(tags=[TAG], parameters=[ID_PARAM])
class StandaardkaderView(ApiView):
    serializer_class = CriteriumSerializer
    # A plain list, not a page: the document must not describe a paginated envelope.
    pagination_class = None
    http_method_names = ["post"]

    @extend_schema(
        operation_id="keuzeStandaardkaderToevoegen",
        summary="Standaardkader toevoegen",
        description="Vult een leeg kader met de standaardcriteria (nationale kosten, kosten "
        "voor bewoners, CO2-reductie, steun van bewoners, technische haalbaarheid, "
        "beschikbaarheid van de bron, ruimtelijke impact), met een eerste gewicht en "
        "onderbouwing. Heeft het plan al criteria, dan volgt 400.",
        request=None,
        responses={
            201: CriteriumSerializer(many=True),
            **problems(400, 403, 404, 409, s403=_SCHRIJF_403, s409=_SCHRIJF_409),
        },
    )
    def post(self, request: Request, id: int) -> Response:
        plan = plan_voor(request, id)
        _schrijver(request, plan)
        services.standaardkader_toevoegen(wijkplan=plan, user=request.user)
        return _criteria_response(request, plan, status.HTTP_201_CREATED)


@extend_schema(tags=[TAG], parameters=[ID_PARAM])
class GewichtenView(ApiView):
    serializer_class = CriteriumSerializer
    # A plain list, not a page: the document must not describe a paginated envelope.
    pagination_class = None
    http_method_names = ["put"]

    @extend_schema(
        operation_id="keuzeGewichtenOpslaan",
        summary="Gewichten in één keer opslaan",
        description="Per id van een criterium het gewicht. Een fout gewicht staat in "
        "`invalidParams` onder het id van het criterium; dan verandert er niets. Het antwoord "
        "is het hele kader.",
        request={"application/json": GEWICHTEN_INVOER_SCHEMA},
        responses={
            200: CriteriumSerializer(many=True),
            **problems(400, 403, 404, 409, 413, s403=_SCHRIJF_403, s409=_SCHRIJF_409),
        },
    )
    def put(self, request: Request, id: int) -> Response:
        plan = plan_voor(request, id)
        _schrijver(request, plan)
        gewichten = _ids(request.data, _("criterium"))
        try:
            services.gewichten_opslaan(wijkplan=plan, user=request.user, gewichten=gewichten)
        except DjangoValidationError as exc:
            raise _hernoemd(exc, {f"gewicht_{pk}": str(pk) for pk in gewichten}) from exc
        return _criteria_response(request, plan)


# --- Scores -------------------------------------------------------------------------------------


@extend_schema(tags=[TAG], parameters=[ID_PARAM])
class ScoresView(ApiView):
    serializer_class = BeoordelingSerializer
    http_method_names = ["get", "head"]

    @extend_schema(
        operation_id="keuzeScoresOphalen",
        summary="De scores van de alternatieven",
        description="Per criterium per alternatief de waarde. Handmatige scores met hun "
        "toelichting; automatische met een link naar het cijfer (`bronUrl`), wat het is "
        "(`herkomst`) en of de bron verouderd is. Zonder waarde zegt `ontbreekt` waarom.",
        responses={200: BeoordelingSerializer, **problems(403, 404)},
    )
    def get(self, request: Request, id: int) -> Response:
        plan = plan_voor(request, id)
        data = beoordeling_data(request, plan, selectors.beoordeling_van(plan))
        return Response(BeoordelingSerializer(data).data)


@extend_schema(tags=[TAG], parameters=[ID_PARAM, CRITERIUM_PARAM])
class CriteriumScoresView(ApiView):
    serializer_class = ScoreRijSerializer
    http_method_names = ["put"]

    @extend_schema(
        operation_id="keuzeCriteriumScoresOpslaan",
        summary="Scores van een handmatig criterium opslaan",
        description="Per id van een alternatief de score en de toelichting (verplicht). Een "
        "eenheid als `score 1–5` begrenst de scores. Een fout staat in `invalidParams` als "
        "`<id>.waarde` of `<id>.toelichting`; dan verandert er niets. Een criterium met een "
        "automatische bron geeft 400.",
        request={"application/json": SCORES_INVOER_SCHEMA},
        responses={
            200: ScoreRijSerializer,
            **problems(400, 403, 404, 409, 413, s403=_SCHRIJF_403, s409=_SCHRIJF_409),
        },
    )
    def put(self, request: Request, id: int, criterium_id: int) -> Response:
        plan = plan_voor(request, id)
        c = _criterium(plan, criterium_id)
        _schrijver(request, plan)
        per_alternatief = _ids(request.data, _("alternatief"))
        scores, fouten = {}, {}
        for pk, score in per_alternatief.items():
            if not isinstance(score, dict) or set(score) - {"waarde", "toelichting"}:
                fouten[str(pk)] = [
                    _("Stuur per alternatief een object met ‘waarde’ en ‘toelichting’.")
                ]
                continue
            scores[pk] = (score.get("waarde"), score.get("toelichting", ""))
        if fouten:
            raise serializers.ValidationError(fouten)
        namen = {f"score_{pk}": f"{pk}.waarde" for pk in scores}
        namen |= {f"toelichting_{pk}": f"{pk}.toelichting" for pk in scores}
        try:
            services.scores_opslaan(criterium=c, user=request.user, scores=scores)
        except DjangoValidationError as exc:
            raise _hernoemd(exc, namen) from exc
        beoordeling = selectors.beoordeling_van(plan)
        rij = next(r for r in beoordeling.rijen if r["criterium"].pk == c.pk)
        return Response(ScoreRijSerializer(_rij(request, beoordeling, rij)).data)


# --- Analysis -----------------------------------------------------------------------------------


def analyse_data(analyse: selectors.Analyse) -> dict:
    leeg = {"criteria": [], "rangorde": [], "onvolledig": [], "gevoeligheid": [], "meldingen": []}
    uitkomst = analyse.uitkomst.as_dict() if analyse.uitkomst else leeg
    return {
        "berekend": analyse.uitkomst is not None,
        "fout": analyse.fout,
        "heeft_steun": analyse.heeft_steun,
        "gewichtsom": uitkomst.get("gewichtsom"),
        "zonder_minst_zeker": uitkomst.get("zonder_minst_zeker"),
        **{veld: uitkomst[veld] for veld in leeg},
    }


@extend_schema(tags=[TAG], parameters=[ID_PARAM])
class AnalyseView(ApiView):
    serializer_class = AnalyseSerializer
    http_method_names = ["get", "head"]

    @extend_schema(
        operation_id="keuzeAnalyseOphalen",
        summary="De multicriteria-analyse",
        description="De gewogen rangorde van de volledig beoordeelde alternatieven met de "
        "bijdrage van elk criterium; per criterium hoe ver zijn gewicht kan verschuiven voor de "
        "rangorde omslaat; de rangorde zonder het minst zekere criterium; en meldingen, bv. dat "
        "de gewichten niet optellen tot 100 (de analyse rekent dan naar verhouding). Per "
        "criterium staan de scores op een schaal van 0 (slechtst) tot 1 (best) en de totalen "
        "in punten van 0 tot 100. Valt er niets te berekenen, dan is `berekend` onwaar en zegt "
        "`fout` waarom.",
        responses={200: AnalyseSerializer, **problems(403, 404)},
    )
    def get(self, request: Request, id: int) -> Response:
        plan = plan_voor(request, id)
        return Response(AnalyseSerializer(analyse_data(selectors.analyse_van(plan))).data)


# --- Choices ------------------------------------------------------------------------------------


def _keuze_response(request: Request, plan: Wijkplan, pk: int, status_code: int = 200, **headers):
    data = next((d for d in _keuzes(request, plan) if d["id"] == pk), None)
    if data is None:
        raise NotFound(_("Deze keuze bestaat niet in dit plan."))
    return Response(KeuzeDetailSerializer(data).data, status=status_code, headers=headers)


@extend_schema(tags=[TAG], parameters=[ID_PARAM])
class KeuzesView(ApiView):
    serializer_class = KeuzeSerializer
    # A plain list, not a page: the document must not describe a paginated envelope.
    pagination_class = None
    http_method_names = ["get", "post", "head"]

    @extend_schema(
        operation_id="keuzesLijst",
        summary="Vastgelegde keuzes",
        description="Alle keuzes, de nieuwste eerst: de eerste telt, de andere zijn vervangen "
        "(`vervangenDoor`). De analyse waarop een keuze rustte staat bij de keuze zelf.",
        responses={200: KeuzeSerializer(many=True), **problems(403, 404)},
    )
    def get(self, request: Request, id: int) -> Response:
        plan = plan_voor(request, id)
        return Response(KeuzeSerializer(_keuzes(request, plan), many=True).data)

    @extend_schema(
        operation_id="keuzeVastleggen",
        summary="Keuze vastleggen",
        description="Legt de keuze vast met de analyse zoals die nu is, en zet het besluit in "
        "de besluitenlijst van het plan. Stuur in `vorigeKeuze` het id van de huidige keuze "
        "(of null als er nog geen is): is er intussen een andere keuze vastgelegd, dan "
        "verandert er niets en volgt 400. De keuze rust op minstens twee volledig beoordeelde "
        "alternatieven; is de berekening van het gekozen alternatief verouderd, bevestig dat "
        "dan met `verouderdBevestigd`. Een vastgelegde keuze verandert nooit meer.",
        request=KeuzeVastleggenSerializer,
        parameters=[LOCATION],
        responses={
            201: KeuzeDetailSerializer,
            **problems(
                400,
                403,
                404,
                409,
                413,
                s400="Ongeldige invoer; of intussen is er een andere keuze vastgelegd "
                "(`vorigeKeuze`), of de alternatieven zijn nog niet beoordeeld.",
                s403=_SCHRIJF_403,
                s409=_SCHRIJF_409,
            ),
        },
    )
    def post(self, request: Request, id: int) -> Response:
        plan = plan_voor(request, id)
        _schrijver(request, plan)
        invoer = KeuzeVastleggenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = dict(invoer.validated_data)
        k = services.keuze_vastleggen(
            wijkplan=plan,
            user=request.user,
            alternatief_id=d.pop("alternatief"),
            vorige_keuze_id=d.pop("vorige_keuze"),
            **d,
        )
        antwoord = _keuze_response(request, plan, k.pk, status.HTTP_201_CREATED)
        antwoord["Location"] = antwoord.data["url"]
        return antwoord


@extend_schema(tags=[TAG], parameters=[ID_PARAM, KEUZE_PARAM])
class KeuzeView(ApiView):
    serializer_class = KeuzeDetailSerializer
    # PUT, PATCH and DELETE are heard, to say why they cannot be.
    http_method_names = ["get", "put", "patch", "delete", "head"]

    @extend_schema(
        operation_id="keuzeOphalen",
        summary="Eén keuze",
        description="De keuze met de analyse zoals die was toen zij werd vastgelegd. "
        + ONVERANDERLIJK
        + " (PUT, PATCH en DELETE geven 405.)",
        responses={200: KeuzeDetailSerializer, **problems(403, 404)},
    )
    def get(self, request: Request, id: int, keuze_id: int) -> Response:
        plan = plan_voor(request, id)
        if not 0 < keuze_id <= MAX_ID:
            raise NotFound(_("Deze keuze bestaat niet in dit plan."))
        return _keuze_response(request, plan, keuze_id)

    def http_method_not_allowed(self, request, *args, **kwargs):
        if request.method in ("PUT", "PATCH", "DELETE"):
            raise MethodNotAllowed(
                request.method,
                detail=_(
                    "Een vastgelegde keuze kan niet worden gewijzigd of verwijderd. Leg een "
                    "nieuwe keuze vast; die vervangt deze."
                ),
                code="keuze-onveranderlijk",
            )
        return super().http_method_not_allowed(request, *args, **kwargs)
