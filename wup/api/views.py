"""The API endpoints. Thin: they validate, call a selector or service and shape the answer.

Access follows the UI: any logged-in user reads the areas; a plan is visible to whoever
``selectors.may_view`` allows (403 otherwise, 404 if it does not exist); writes go through
``wup.services``, which check the rights once more.
"""

from __future__ import annotations

from types import SimpleNamespace

from django.db.models import QuerySet
from django.http import HttpResponse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.renderers import OpenApiJsonRenderer, OpenApiJsonRenderer2
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from drf_spectacular.views import (
    SpectacularJSONAPIView,
    SpectacularSwaggerSplitView,
    SpectacularYAMLAPIView,
)
from rest_framework import generics, serializers, status
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse

from wup import selectors, services
from wup.api import filters
from wup.api.exceptions import PROBLEM, PreconditionFailed, problem_response
from wup.api.parsers import JSONParser, MergePatchJSONParser
from wup.api.renderers import CamelCaseJSONRenderer
from wup.api.schema import WupAutoSchema, gates_problem, problems
from wup.api.serializers import (
    BuurtSerializer,
    CbsCodeField,
    FaseovergangSerializer,
    GemeenteSerializer,
    OvergangenSerializer,
    OvergangUitvoerenSerializer,
    WijkplanAanmakenSerializer,
    WijkplanSerializer,
    WijkplanWijzigenSerializer,
    WijkSerializer,
)
from wup.api.versies import gevraagde_versie
from wup.exceptions import StaleVersion
from wup.models import Buurt, Faseovergang, Wijk, Wijkplan
from wup.models.gebieden import buurtcode_validator, gemeentecode_validator, wijkcode_validator
from wup.workflow import OVERGANGEN, GateResult

TAG_GEBIEDEN = "Gebieden"
TAG_WIJKPLANNEN = "Wijkplannen"
TAG_OVERGANGEN = "Faseovergangen"
TAG_HISTORIE = "Historie"

#: Larger ids cannot exist (64-bit keys); looking them up would overflow the database driver.
MAX_ID = 2**63 - 1

ETAG_HEADER = OpenApiParameter(
    "ETag",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    response=[200, 201],
    description='De versie van de plangegevens, bv. `"3"`. Stuur deze mee in `If-Match` '
    "bij wijzigen.",
)
LOCATION_HEADER = OpenApiParameter(
    "Location",
    OpenApiTypes.URI,
    OpenApiParameter.HEADER,
    response=[201],
    description="Adres van wat is aangemaakt.",
)
ID_PARAM = OpenApiParameter(
    "id", OpenApiTypes.INT, OpenApiParameter.PATH, description="Het id van het wijkplan."
)


def _code_param(description: str, example: str) -> OpenApiParameter:
    return OpenApiParameter(
        "code",
        OpenApiTypes.STR,
        OpenApiParameter.PATH,
        description=f"{description} Hoofd- of kleine letters; bv. {example}.",
    )


def _path_code(validator, value: str) -> str:
    """A CBS code from the URL, normalised; a malformed one is a 400 naming ``code``."""
    try:
        return CbsCodeField(validator).run_validation(value)
    except serializers.ValidationError as exc:
        raise serializers.ValidationError({"code": exc.detail}) from exc


class AcceptNegotiation(DefaultContentNegotiation):
    """The format follows the Accept header only; DRF's ``?format=`` override is not part of
    this API (API Design Rules: content negotiation through Accept)."""

    settings = SimpleNamespace(URL_FORMAT_OVERRIDE=None)


class ApiView(generics.GenericAPIView):
    schema = WupAutoSchema()
    content_negotiation_class = AcceptNegotiation
    parser_classes = [JSONParser]
    # No OPTIONS: DRF's metadata would describe the response serializer as if it were the
    # input; the OpenAPI document is the description of this API.
    http_method_names = ["get", "post", "patch", "head"]


# --- Gebieden --------------------------------------------------------------------------------


@extend_schema(tags=[TAG_GEBIEDEN])
class GemeentenView(ApiView, generics.ListAPIView):
    serializer_class = GemeenteSerializer
    queryset = selectors.gemeenten()

    @extend_schema(
        operation_id="gemeentenLijst",
        summary="Gemeenten",
        description="Alle gemeenten, op naam.",
        responses={200: GemeenteSerializer(many=True), **problems(400)},
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


@extend_schema(tags=[TAG_GEBIEDEN])
class GemeenteView(ApiView):
    serializer_class = GemeenteSerializer

    @extend_schema(
        operation_id="gemeenteOphalen",
        summary="Eén gemeente",
        parameters=[_code_param("CBS-gemeentecode.", "GM0233")],
        responses={200: GemeenteSerializer, **problems(400, 404)},
    )
    def get(self, request: Request, code: str) -> Response:
        code = _path_code(gemeentecode_validator, code)
        gemeente = selectors.gemeente_by_code(code)
        if gemeente is None:
            raise NotFound(_("Gemeente %(code)s is niet bekend.") % {"code": code})
        return Response(self.get_serializer(gemeente).data)


@extend_schema(tags=[TAG_GEBIEDEN])
class WijkenView(ApiView, generics.ListAPIView):
    serializer_class = WijkSerializer

    def get_queryset(self) -> QuerySet[Wijk]:
        wijken = selectors.wijken()
        return filters.WijkFilter.apply(self.request, wijken)

    @extend_schema(
        operation_id="wijkenLijst",
        summary="Wijken",
        description="Wijken op CBS-code. Een onbekende gemeente geeft een lege lijst.",
        parameters=[filters.WijkFilter],
        responses={200: WijkSerializer(many=True), **problems(400)},
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


@extend_schema(tags=[TAG_GEBIEDEN])
class WijkView(ApiView):
    serializer_class = WijkSerializer

    @extend_schema(
        operation_id="wijkOphalen",
        summary="Eén wijk",
        parameters=[_code_param("CBS-wijkcode.", "WK023300")],
        responses={200: WijkSerializer, **problems(400, 404)},
    )
    def get(self, request: Request, code: str) -> Response:
        code = _path_code(wijkcode_validator, code)
        wijk = selectors.wijk_by_code(code)
        if wijk is None:
            raise NotFound(_("Wijk %(code)s is niet bekend.") % {"code": code})
        return Response(self.get_serializer(wijk).data)


@extend_schema(tags=[TAG_GEBIEDEN])
class BuurtenView(ApiView, generics.ListAPIView):
    serializer_class = BuurtSerializer

    def get_queryset(self) -> QuerySet[Buurt]:
        buurten = selectors.buurten()
        return filters.BuurtFilter.apply(self.request, buurten)

    @extend_schema(
        operation_id="buurtenLijst",
        summary="Buurten",
        description="Buurten op CBS-code, te filteren op gemeente en wijk. Een onbekende "
        "gemeente of wijk geeft een lege lijst.",
        parameters=[filters.BuurtFilter],
        responses={200: BuurtSerializer(many=True), **problems(400)},
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


@extend_schema(tags=[TAG_GEBIEDEN])
class BuurtView(ApiView):
    serializer_class = BuurtSerializer

    @extend_schema(
        operation_id="buurtOphalen",
        summary="Eén buurt",
        parameters=[_code_param("CBS-buurtcode.", "BU02330001")],
        responses={200: BuurtSerializer, **problems(400, 404)},
    )
    def get(self, request: Request, code: str) -> Response:
        code = _path_code(buurtcode_validator, code)
        buurt = selectors.buurt_by_code(code)
        if buurt is None:
            raise NotFound(_("Buurt %(code)s is niet bekend.") % {"code": code})
        return Response(self.get_serializer(buurt).data)


# --- Wijkplannen ------------------------------------------------------------------------------


def plan_voor(request: Request, id: int) -> Wijkplan:
    """The plan with this id, if the user may see it: 404 if it does not exist, else 403."""
    plan = selectors.wijkplan_by_pk(id) if 0 < id <= MAX_ID else None
    if plan is None:
        raise NotFound(_("Dit wijkplan bestaat niet."))
    if not selectors.may_view(plan, request.user):
        raise PermissionDenied(_("U heeft geen toegang tot dit plan."))
    return plan


def plan_voor_projectleider(request: Request, id: int, melding: str | None = None) -> Wijkplan:
    """The plan, if this user is its projectleider: a write is refused before its input is
    read (a 403, not a 400 about input he could never send)."""
    plan = plan_voor(request, id)
    if not selectors.is_projectleider(plan, request.user):
        raise PermissionDenied(
            melding or _("Alleen de projectleider van dit plan kan het wijzigen.")
        )
    return plan


def _etag(plan: Wijkplan) -> str:
    return f'"{plan.versie}"'


def _plan_response(request: Request, plan: Wijkplan, status_code: int = 200, **headers) -> Response:
    data = WijkplanSerializer(plan, context={"request": request}).data
    return Response(data, status=status_code, headers={"ETag": _etag(plan), **headers})


@extend_schema(tags=[TAG_WIJKPLANNEN])
class WijkplannenView(ApiView, generics.ListAPIView):
    serializer_class = WijkplanSerializer

    def get_queryset(self) -> QuerySet[Wijkplan]:
        plannen = selectors.wijkplannen_for_user(self.request.user).order_by(
            "gemeente__naam", "naam", "pk"
        )
        return filters.WijkplanFilter.apply(self.request, plannen)

    @extend_schema(
        operation_id="wijkplannenLijst",
        summary="Wijkplannen",
        description="De wijkplannen die u mag zien: uw eigen plannen, als griffier de plannen "
        "die aan de raad zijn aangeboden, als beheerder alle plannen.",
        parameters=[filters.WijkplanFilter],
        responses={200: WijkplanSerializer(many=True), **problems(400)},
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        operation_id="wijkplanAanmaken",
        summary="Wijkplan aanmaken",
        description="Maakt een wijkplan aan in de fase wijktoets. U wordt de projectleider. "
        "Alle buurten moeten in de gekozen gemeente liggen.",
        request=WijkplanAanmakenSerializer,
        parameters=[ETAG_HEADER, LOCATION_HEADER],
        responses={
            201: WijkplanSerializer,
            **problems(400, 403, 413, s403="U mag in deze gemeente geen wijkplannen aanmaken."),
        },
    )
    def post(self, request: Request) -> Response:
        # whoever may create plans in no gemeente is refused before the body is checked
        if not selectors.gemeenten_for_create(request.user).exists():
            code = request.data.get("gemeente") if isinstance(request.data, dict) else None
            gemeente = (
                selectors.gemeente_by_code(code.strip().upper()[:20])
                if isinstance(code, str)
                else None
            )
            raise PermissionDenied(
                _("U mag geen wijkplannen aanmaken in %(gemeente)s.") % {"gemeente": gemeente.naam}
                if gemeente is not None
                else _("U mag geen wijkplannen aanmaken.")
            )
        invoer = WijkplanAanmakenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        plan = services.wijkplan_create(user=request.user, **invoer.validated_data)
        plan = plan_voor(request, plan.pk)
        url = reverse("api:wijkplan-detail", kwargs={"id": plan.pk}, request=request)
        return _plan_response(request, plan, status.HTTP_201_CREATED, Location=url)


@extend_schema(tags=[TAG_WIJKPLANNEN], parameters=[ID_PARAM])
class WijkplanView(ApiView):
    serializer_class = WijkplanSerializer
    parser_classes = [JSONParser, MergePatchJSONParser]

    @extend_schema(
        operation_id="wijkplanOphalen",
        summary="Eén wijkplan",
        parameters=[ETAG_HEADER],
        responses={200: WijkplanSerializer, **problems(403, 404)},
    )
    def get(self, request: Request, id: int) -> Response:
        return _plan_response(request, plan_voor(request, id))

    @extend_schema(
        operation_id="wijkplanWijzigen",
        summary="Wijkplan wijzigen",
        description=(
            "Wijzigt de gegevens van een plan (alleen de projectleider). Alleen de velden die u "
            "meestuurt veranderen. Optimistische vergrendeling: geef de versie die u ophaalde "
            "mee, als veld `versie` of als ETag in de kopregel `If-Match`. Heeft iemand anders "
            "het plan intussen gewijzigd, dan verandert er niets en volgt 409 (bij `versie`) of "
            "412 (bij `If-Match`). Een vastgesteld of gestopt plan geeft 409."
        ),
        request={
            "application/json": WijkplanWijzigenSerializer,
            "application/merge-patch+json": WijkplanWijzigenSerializer,
        },
        parameters=[
            ETAG_HEADER,
            OpenApiParameter(
                "If-Match",
                OpenApiTypes.STR,
                OpenApiParameter.HEADER,
                description='De ETag uit de laatste GET, bv. `"3"`; in plaats van `versie`.',
            ),
        ],
        responses={
            200: WijkplanSerializer,
            **problems(
                400,
                403,
                404,
                409,
                412,
                413,
                s400="Ongeldige invoer, of geen versie meegegeven.",
                s409="Iemand anders heeft het plan intussen gewijzigd (veld `versie`), of het "
                "plan is vastgesteld of gestopt.",
            ),
        },
    )
    def patch(self, request: Request, id: int) -> Response:
        plan = plan_voor_projectleider(request, id)
        invoer = WijkplanWijzigenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        velden = dict(invoer.validated_data)
        versie, uit_header = gevraagde_versie(
            request, velden.pop("versie", None), wat=_("dit plan")
        )
        try:
            plan = services.wijkplan_update(
                wijkplan=plan,
                user=request.user,
                versie=versie,
                buurten=velden.pop("buurten", None),
                **velden,
            )
        except StaleVersion as exc:
            if uit_header:
                raise PreconditionFailed(exc.message) from exc
            raise
        return _plan_response(request, plan_voor(request, plan.pk))


# --- Overgangen en historie -------------------------------------------------------------------


def _voorwaarde(result: GateResult) -> dict:
    return {**result.as_dict(), "label": str(result.condition.label)}


@extend_schema(tags=[TAG_OVERGANGEN], parameters=[ID_PARAM])
class OvergangenView(ApiView):
    serializer_class = OvergangenSerializer

    @extend_schema(
        operation_id="wijkplanOvergangenLijst",
        summary="Mogelijke faseovergangen",
        description=(
            "De overgangen vanuit de huidige fase: of u ze mag uitvoeren (`toegestaan`), of "
            "alle voorwaarden zijn vervuld (`uitvoerbaar`) en per voorwaarde het spoor en de "
            "reden. `voortgang` telt per spoor de voorwaarden van de volgende stap vooruit."
        ),
        responses={200: OvergangenSerializer, **problems(403, 404)},
    )
    def get(self, request: Request, id: int) -> Response:
        plan = plan_voor(request, id)
        voortgang = selectors.voortgang(plan)
        data = {
            "fase": plan.fase,
            "fase_label": plan.get_fase_display(),
            "voortgang": {
                "overgang": voortgang.overgang.naam if voortgang.overgang else None,
                "overgang_label": voortgang.overgang.label if voortgang.overgang else None,
                "klaar": voortgang.klaar,
                "sporen": [
                    {
                        "spoor": s.spoor,
                        "spoor_label": s.spoor.label,
                        "voldaan": s.voldaan,
                        "totaal": s.totaal,
                        "klaar": s.klaar,
                        "open": [_voorwaarde(r) for r in s.open],
                    }
                    for s in voortgang.sporen
                ],
            },
            "overgangen": [
                {
                    "naam": m.naam,
                    "label": m.overgang.label,
                    "uitleg": m.overgang.uitleg,
                    "rol": m.overgang.rol.label,
                    "vooruit": m.overgang.vooruit,
                    "doel_fasen": [{"fase": f, "label": f.label} for f in m.doelen],
                    "kies_doel": m.overgang.kies_doel,
                    "motivatie_verplicht": m.overgang.motivatie_verplicht,
                    "toegestaan": m.mag,
                    "uitvoerbaar": m.uitvoerbaar,
                    "voorwaarden": [_voorwaarde(r) for r in m.voorwaarden],
                    "url": reverse(
                        "api:wijkplan-overgang-uitvoeren",
                        kwargs={"id": plan.pk, "naam": m.naam},
                        request=request,
                    ),
                }
                for m in selectors.mogelijke_overgangen(plan, request.user)
            ],
        }
        return Response(OvergangenSerializer(data).data)


@extend_schema(tags=[TAG_OVERGANGEN])
class OvergangUitvoerenView(ApiView):
    serializer_class = FaseovergangSerializer

    @extend_schema(
        operation_id="wijkplanOvergangUitvoeren",
        summary="Faseovergang uitvoeren",
        description=(
            "Zet het plan in een andere fase. Het antwoord is de nieuwe regel in de historie. "
            "Geef `verwachteFase` mee om te voorkomen dat u een plan verplaatst dat iemand "
            "anders intussen al verder heeft gezet."
        ),
        parameters=[
            ID_PARAM,
            OpenApiParameter(
                "naam",
                OpenApiTypes.STR,
                OpenApiParameter.PATH,
                enum=list(OVERGANGEN),
                description="De naam van de overgang, zoals in de lijst van mogelijke "
                "overgangen (met liggend streepje of koppelteken).",
            ),
            LOCATION_HEADER,
        ],
        request=OvergangUitvoerenSerializer,
        responses={
            201: FaseovergangSerializer,
            **problems(
                400,
                403,
                404,
                413,
                s400="Ongeldige invoer, bijvoorbeeld een ontbrekende motivatie of een "
                "verkeerde doelfase (`naar`).",
                s403="U mag deze overgang niet uitvoeren.",
                s404="Het plan of de overgang bestaat niet.",
            ),
            (409, "application/problem+json"): gates_problem(
                "De overgang kan nu niet: het plan is in een andere fase (dan `verwachteFase`) "
                "of er is niet aan alle voorwaarden voldaan (`unmetConditions`)."
            ),
        },
    )
    def post(self, request: Request, id: int, naam: str) -> Response:
        plan = plan_voor(request, id)
        meta = OVERGANGEN.get(naam.replace("-", "_"))
        if meta is None:
            raise NotFound(_("Een overgang ‘%(naam)s’ bestaat niet.") % {"naam": naam[:50]})
        invoer = OvergangUitvoerenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        naar = invoer.validated_data.get("naar")
        if naar and not meta.kies_doel:
            raise serializers.ValidationError(
                {"naar": [_("Bij deze overgang kiest u geen doelfase; laat ‘naar’ weg.")]}
            )
        rij = services.wijkplan_transition(
            wijkplan=plan,
            overgang=meta.naam,
            user=request.user,
            motivatie=invoer.validated_data.get("motivatie", ""),
            naar=naar,
            verwachte_fase=invoer.validated_data.get("verwachte_fase"),
        )
        data = FaseovergangSerializer(rij, context={"request": request}).data
        return Response(data, status=status.HTTP_201_CREATED, headers={"Location": data["url"]})


@extend_schema(tags=[TAG_HISTORIE], parameters=[ID_PARAM])
class HistorieView(ApiView, generics.ListAPIView):
    serializer_class = FaseovergangSerializer

    def get_queryset(self) -> QuerySet[Faseovergang]:
        if getattr(self, "swagger_fake_view", False):  # schema generation: no real request
            return Faseovergang.objects.none()
        return selectors.wijkplan_historie(plan_voor(self.request, self.kwargs["id"]))

    @extend_schema(
        operation_id="wijkplanHistorieLijst",
        summary="Historie van een wijkplan",
        description="Alle faseovergangen van het plan, de nieuwste eerst. De historie wordt "
        "nooit gewijzigd.",
        responses={200: FaseovergangSerializer(many=True), **problems(400, 403, 404)},
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


@extend_schema(tags=[TAG_HISTORIE])
class HistorieRijView(ApiView):
    serializer_class = FaseovergangSerializer

    @extend_schema(
        operation_id="wijkplanHistorieOphalen",
        summary="Eén regel uit de historie",
        parameters=[
            ID_PARAM,
            OpenApiParameter(
                "historie_id",
                OpenApiTypes.INT,
                OpenApiParameter.PATH,
                description="Het id van de regel in de historie.",
            ),
        ],
        responses={200: FaseovergangSerializer, **problems(403, 404)},
    )
    def get(self, request: Request, id: int, historie_id: int) -> Response:
        plan = plan_voor(request, id)
        rij = (
            selectors.wijkplan_historie(plan).filter(pk=historie_id).first()
            if historie_id <= MAX_ID
            else None
        )
        if rij is None:
            raise NotFound(_("Deze regel staat niet in de historie van dit plan."))
        return Response(self.get_serializer(rij).data)


# --- The OpenAPI document and its documentation page -----------------------------------------


class _ProblemErrors:
    """Errors of the document views are problem+json too, not YAML or an HTML page."""

    http_method_names = ["get", "head"]

    def handle_exception(self, exc):
        self.request.accepted_renderer = CamelCaseJSONRenderer()
        self.request.accepted_media_type = PROBLEM
        return super().handle_exception(exc)


class _PublicDocument(_ProblemErrors):
    """The OpenAPI document is public and may be read by tools on other origins."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response


class OpenApiJsonView(_PublicDocument, SpectacularJSONAPIView):
    # Plain application/json first: what browsers and most tools ask for.
    renderer_classes = [OpenApiJsonRenderer2, OpenApiJsonRenderer]


class OpenApiYamlView(_PublicDocument, SpectacularYAMLAPIView):
    pass


class DocsView(_ProblemErrors, SpectacularSwaggerSplitView):
    """Swagger UI with the sidecar assets and no inline script or style, for a strict CSP.

    The initialiser script comes from this same URL with ``?script``; the page itself is
    built here instead of by drf-spectacular's template, which has an inline <style> block.
    """

    url_name = "api:openapi-json"
    title = "WUP-platform API — documentatie"

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if request.GET.get("script") is not None:
            return response
        data = response.data
        html = format_html(
            '<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            "<title>{}</title>\n"
            '<link rel="icon" href="{}">\n<link rel="stylesheet" href="{}">\n</head>\n<body>\n'
            '<main id="swagger-ui"></main>\n'
            '<script src="{}"></script>\n<script src="{}"></script>\n<script src="{}"></script>\n'
            "</body>\n</html>\n",
            data["title"],
            data["favicon_href"],
            data["swagger_ui_css"],
            data["swagger_ui_bundle"],
            data["swagger_ui_standalone"],
            data["script_url"],
        )
        return HttpResponse(html, content_type="text/html; charset=utf-8")


@csrf_exempt
def niet_gevonden(request, *args, **kwargs):
    """Every other path under /api/v1/ (including slashed forms): 404 as problem+json."""
    return problem_response(
        request, 404, _("Dit adres bestaat niet in de API. Zie /api/v1/docs."), "niet-gevonden"
    )
