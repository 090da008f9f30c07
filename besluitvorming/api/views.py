"""API of step 6: the versions of a plan's council PDF.

Same access as the plan's document: whoever may see the plan reads the versions and downloads
their files; the plan's projectleider or a beheerder requests a new version (202: it is made in
the background; follow ``url`` until ``status`` is ``klaar``, then fetch ``downloadUrl``).
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse

from besluitvorming import selectors, services
from besluitvorming.api.serializers import AanvraagSerializer, DocumentversieSerializer
from besluitvorming.models import Documentversie
from besluitvorming.views import bestand_response
from wup.api.renderers import CamelCaseJSONRenderer
from wup.api.schema import problems
from wup.api.views import ID_PARAM, ApiView, plan_voor
from wup.models import Wijkplan

TAG = "Plandocument (PDF)"

VERSIE_PARAM = OpenApiParameter(
    "versie_id", OpenApiTypes.INT, OpenApiParameter.PATH, description="Het id van de versie."
)
LOCATION = OpenApiParameter(
    "Location",
    OpenApiTypes.URI,
    OpenApiParameter.HEADER,
    response=[202],
    description="Adres van de aangevraagde versie.",
)
_AANVRAAG_403 = "Alleen de projectleider van het plan of een beheerder kan een PDF laten maken."


def versie_data(request: Request, plan: Wijkplan, v: Documentversie) -> dict:
    kwargs = {"id": plan.pk, "versie_id": v.pk}
    return {
        "id": v.pk,
        "url": reverse("besluitvorming-api-versie", kwargs=kwargs, request=request),
        "nummer": v.nummer,
        "status": v.status,
        "get_status_display": v.get_status_display(),
        "melding": v.melding,
        "fase": v.fase,
        "definitief": v.definitief,
        "aangevraagd_door": v.aangevraagd_door,
        "aangevraagd_op": v.aangevraagd_op,
        "gereed_op": v.gereed_op,
        "grootte": v.grootte,
        "sha256": v.sha256,
        "download_url": (
            reverse("besluitvorming-api-versie-download", kwargs=kwargs, request=request)
            if v.klaar
            else None
        ),
    }


def _versie(plan: Wijkplan, versie_id: int) -> Documentversie:
    v = selectors.versie_van(plan, versie_id)
    if v is None:
        raise NotFound(_("Deze versie bestaat niet in dit plan."))
    return v


@extend_schema(tags=[TAG], parameters=[ID_PARAM])
class VersiesView(ApiView):
    serializer_class = DocumentversieSerializer
    # A plain list, not a page: the document must not describe a paginated envelope.
    pagination_class = None
    http_method_names = ["get", "post", "head"]

    @extend_schema(
        operation_id="documentversiesLijst",
        summary="Versies van de PDF",
        description="Alle versies van de PDF van het plandocument, de nieuwste eerst.",
        responses={200: DocumentversieSerializer(many=True), **problems(403, 404)},
    )
    def get(self, request: Request, id: int) -> Response:
        plan = plan_voor(request, id)
        data = [versie_data(request, plan, v) for v in selectors.versies_van(plan)]
        return Response(DocumentversieSerializer(data, many=True).data)

    @extend_schema(
        operation_id="documentversieAanvragen",
        summary="Nieuwe versie van de PDF aanvragen",
        description="Zet een nieuwe versie (met het volgende nummer) in de wachtrij; de PDF "
        "wordt op de achtergrond gemaakt. Het antwoord is 202 met de versie; volg `url` tot "
        "`status` `klaar` (of `mislukt`, met `melding`) is. Met dezelfde `aanvraagsleutel` "
        "komt dezelfde versie terug. Een versie die klaar is, verandert nooit meer.",
        request=AanvraagSerializer,
        parameters=[LOCATION],
        responses={
            202: DocumentversieSerializer,
            **problems(400, 403, 404, 413, s403=_AANVRAAG_403),
        },
    )
    def post(self, request: Request, id: int) -> Response:
        plan = plan_voor(request, id)
        if not selectors.mag_aanvragen(plan, request.user):
            raise PermissionDenied(
                _("Alleen de projectleider van dit plan of een beheerder kan een PDF laten maken.")
            )
        invoer = AanvraagSerializer(data=request.data if request.data else {})
        invoer.is_valid(raise_exception=True)
        v = services.documentversie_aanvragen(
            plan=plan, user=request.user, sleutel=invoer.validated_data["aanvraagsleutel"]
        )
        data = DocumentversieSerializer(versie_data(request, plan, v)).data
        return Response(data, status=status.HTTP_202_ACCEPTED, headers={"Location": data["url"]})


@extend_schema(tags=[TAG], parameters=[ID_PARAM, VERSIE_PARAM])
class VersieView(ApiView):
    serializer_class = DocumentversieSerializer
    http_method_names = ["get", "head"]

    @extend_schema(
        operation_id="documentversieOphalen",
        summary="Eén versie van de PDF",
        description="De versie met haar status: `wachtrij`, `bezig`, `klaar` (met grootte, "
        "SHA-256 en `downloadUrl`) of `mislukt` (met `melding`).",
        responses={200: DocumentversieSerializer, **problems(403, 404)},
    )
    def get(self, request: Request, id: int, versie_id: int) -> Response:
        plan = plan_voor(request, id)
        v = _versie(plan, versie_id)
        return Response(DocumentversieSerializer(versie_data(request, plan, v)).data)


class PdfRenderer(BaseRenderer):
    """Lets a client ask for ``application/pdf``; errors still go out as problem+json."""

    media_type = "application/pdf"
    format = "pdf"
    charset = None

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if isinstance(data, bytes):
            return data
        return CamelCaseJSONRenderer().render(data, None, renderer_context)


@extend_schema(tags=[TAG], parameters=[ID_PARAM, VERSIE_PARAM])
class VersieDownloadView(ApiView):
    renderer_classes = [CamelCaseJSONRenderer, PdfRenderer]
    http_method_names = ["get", "head"]

    @extend_schema(
        operation_id="documentversieDownloaden",
        summary="De PDF van een versie",
        description="Het bestand (PDF/UA-1) als bijlage. 404 zolang de versie niet klaar is.",
        responses={
            (200, "application/pdf"): OpenApiResponse(
                OpenApiTypes.BINARY, description="De PDF van deze versie."
            ),
            **problems(403, 404),
        },
    )
    def get(self, request: Request, id: int, versie_id: int):
        plan = plan_voor(request, id)
        v = _versie(plan, versie_id)
        if not v.klaar:
            raise NotFound(_("Deze versie heeft (nog) geen PDF."))
        return bestand_response(v)
