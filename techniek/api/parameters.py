"""API of the parameter sets: versions, their figures and tables with units and sources, the
differences between versions, and -- for the beheerder -- a new version, editing it, publishing.

Everyone logged in reads the published versions (whoever sees results may see their sources);
a concept is the beheerder's until it is published. The same services as the pages do the work.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import generics, serializers, status
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse

from techniek.models import Parameter, Parameterset
from techniek.selectors import parameters as selectors
from techniek.services import parameters as services
from wup.api.parsers import JSONParser, MergePatchJSONParser
from wup.api.schema import problems
from wup.api.views import MAX_ID, ApiView

TAG = "Parameters"

ID_PARAM = OpenApiParameter(
    "id", OpenApiTypes.INT, OpenApiParameter.PATH, description="Het id van de parameterset."
)
SLEUTEL_PARAM = OpenApiParameter(
    "sleutel",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    description="Sleutel van de parameter: groep en naam, bv. `Netbeheer.Ki_verv_LD_min`.",
)
TABEL_PARAM = OpenApiParameter(
    "tabel",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    description="Sleutel van de tabel, bv. `woningen_bag` of `energieprijzen_aardgas`.",
)


def _getal(waarde):
    return None if waarde is None else float(waarde)


# --- Serializers ----------------------------------------------------------------------------


class KolomSerializer(serializers.Serializer):
    naam = serializers.CharField()
    eenheid = serializers.CharField(
        allow_blank=True, help_text="Leeg als de bron geen eenheid geeft."
    )
    bron = serializers.CharField(allow_blank=True)
    omschrijving = serializers.CharField(allow_blank=True)


class TabelKortSerializer(serializers.Serializer):
    sleutel = serializers.CharField()
    titel = serializers.CharField()
    bron = serializers.CharField(allow_blank=True)
    aantal_rijen = serializers.IntegerField()
    url = serializers.URLField(help_text="Adres van de hele tabel.")


class ParametersetSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    url = serializers.URLField(help_text="Adres van deze versie.")
    naam = serializers.CharField()
    versie = serializers.IntegerField(help_text="Versienummer; hoger is nieuwer.")
    status = serializers.ChoiceField(choices=Parameterset.Status.choices)
    huidig = serializers.BooleanField(
        help_text="Dit is de versie waarmee nieuwe berekeningen worden gemaakt."
    )
    gebaseerd_op = serializers.IntegerField(
        allow_null=True, help_text="Id van de versie waarop deze is gebaseerd."
    )
    omschrijving = serializers.CharField(allow_blank=True)
    aangemaakt_op = serializers.DateTimeField()
    aangemaakt_door = serializers.CharField(allow_blank=True)
    vastgesteld_op = serializers.DateTimeField(allow_null=True)
    vastgesteld_door = serializers.CharField(allow_blank=True)
    aantal_parameters = serializers.IntegerField()
    groepen = inline_serializer(
        "ParameterGroep",
        {
            "groep": serializers.CharField(),
            "titel": serializers.CharField(),
            "aantal": serializers.IntegerField(),
        },
        many=True,
        required=False,
        help_text="De groepen parameters (alleen bij één versie).",
    )
    tabellen = TabelKortSerializer(
        many=True, required=False, help_text="De tabellen (alleen bij één versie)."
    )


class ParameterSerializer(serializers.Serializer):
    sleutel = serializers.CharField(help_text="Uniek in de versie: groep en naam.")
    naam = serializers.CharField(help_text="De naam zoals PBL die gebruikt.")
    groep = serializers.CharField()
    waarde = serializers.FloatField(
        allow_null=True, help_text="Leeg als de bron geen getal geeft (zie `waardeTekst`)."
    )
    waarde_tekst = serializers.CharField(
        allow_blank=True, help_text="De waarde als tekst als de bron geen getal geeft, bv. `nvt`."
    )
    eenheid = serializers.CharField(allow_blank=True)
    bron = serializers.CharField(allow_blank=True, help_text="De bron zoals de auteur die noemt.")
    omschrijving = serializers.CharField(allow_blank=True)
    herkomst = serializers.CharField(
        allow_blank=True, help_text="Waar het platform het getal vandaan heeft."
    )
    gewijzigd_op = serializers.DateTimeField(
        allow_null=True, help_text="Wanneer een beheerder het in deze versie wijzigde."
    )


class ParameterWijzigenSerializer(serializers.Serializer):
    waarde = serializers.FloatField(
        required=False, allow_null=True, help_text="Het nieuwe getal; `null` voor geen waarde."
    )
    eenheid = serializers.CharField(
        required=False, allow_blank=True, max_length=services.MAX_EENHEID
    )
    bron = serializers.CharField(
        max_length=services.MAX_BRON,
        help_text="Verplicht: de bron van de waarde. Een nieuwe waarde of eenheid vraagt een "
        "nieuwe bron.",
    )
    omschrijving = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class ConceptMakenSerializer(serializers.Serializer):
    omschrijving = serializers.CharField(
        required=False, allow_blank=True, max_length=2000, help_text="Waarom een nieuwe versie?"
    )


class TabelSerializer(serializers.Serializer):
    sleutel = serializers.CharField()
    titel = serializers.CharField()
    omschrijving = serializers.CharField(allow_blank=True)
    bron = serializers.CharField(allow_blank=True)
    herkomst = serializers.CharField(allow_blank=True)
    sleutelkolommen = serializers.ListField(
        child=serializers.CharField(), help_text="De kolommen die een rij aanwijzen."
    )
    kolommen = KolomSerializer(many=True, help_text="Per kolom eenheid, bron en betekenis.")
    rijen = serializers.ListField(
        child=serializers.ListField(child=serializers.JSONField()),
        help_text="De rijen, met de waarden in de volgorde van `kolommen`: getal, tekst of "
        "`null` als de bron geen waarde geeft.",
    )
    wijzigingen = serializers.ListField(
        child=serializers.DictField(),
        help_text="Waarden die een beheerder in deze versie wijzigde, met bron.",
    )


class VerschilVeldSerializer(serializers.Serializer):
    veld = serializers.CharField()
    oud = serializers.JSONField()
    nieuw = serializers.JSONField()


class ParameterVerschilSerializer(serializers.Serializer):
    sleutel = serializers.CharField()
    groep = serializers.CharField()
    soort = serializers.ChoiceField(choices=["nieuw", "vervallen", "gewijzigd"])
    velden = VerschilVeldSerializer(many=True)


class TabelVerschilSerializer(serializers.Serializer):
    sleutel = serializers.CharField()
    titel = serializers.CharField()
    soort = serializers.CharField(help_text="`nieuw`, `vervallen` of `gewijzigd`.")
    cellen = serializers.ListField(
        child=serializers.DictField(),
        help_text="Per cel: rij (sleutelkolommen), kolom, oud, nieuw.",
    )
    kolommen = serializers.ListField(
        child=serializers.DictField(), help_text="Per kolom: kolom, veld, oud, nieuw."
    )


class VerschillenSerializer(serializers.Serializer):
    van = serializers.IntegerField(help_text="Id van de oudere versie.")
    naar = serializers.IntegerField(help_text="Id van deze versie.")
    parameters = ParameterVerschilSerializer(many=True)
    tabellen = TabelVerschilSerializer(many=True)


class ParametersFilter(serializers.Serializer):
    groep = serializers.CharField(required=False, max_length=60, help_text="Alleen deze groep.")
    zoek = serializers.CharField(
        required=False,
        max_length=100,
        help_text="Zoek in sleutel, omschrijving, eenheid en bron.",
    )


class VerschillenFilter(serializers.Serializer):
    van = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_ID,
        help_text="Id van de versie om mee te vergelijken; zonder: de versie waarop deze is "
        "gebaseerd (voor de eerste versie: zichzelf).",
    )


# --- Helpers --------------------------------------------------------------------------------


def _set(request: Request, id: int) -> Parameterset:
    parameterset = selectors.parameterset_by_pk(id) if 0 < id <= MAX_ID else None
    if parameterset is None:
        raise NotFound(_("Deze parameterset bestaat niet."))
    if not selectors.mag_zien(parameterset, request.user):
        raise PermissionDenied(_("Alleen een beheerder ziet een parameterset in concept."))
    return parameterset


def _gebruiker(user) -> str:
    return user.get_username() if user else ""


def _set_data(request: Request, s: Parameterset, huidig: Parameterset | None, detail: bool = False):
    data = {
        "id": s.pk,
        "url": reverse("techniek-api-parameterset", kwargs={"id": s.pk}, request=request),
        "naam": s.naam,
        "versie": s.versie,
        "status": s.status,
        "huidig": huidig is not None and huidig.pk == s.pk,
        "gebaseerd_op": s.gebaseerd_op_id,
        "omschrijving": s.omschrijving,
        "aangemaakt_op": s.aangemaakt_op,
        "aangemaakt_door": _gebruiker(s.aangemaakt_door),
        "vastgesteld_op": s.vastgesteld_op,
        "vastgesteld_door": _gebruiker(s.vastgesteld_door),
        "aantal_parameters": (
            s.aantal_parameters if hasattr(s, "aantal_parameters") else s.parameters.count()
        ),
    }
    if detail:
        data["groepen"] = selectors.groepen(s)
        data["tabellen"] = [
            {
                "sleutel": t.sleutel,
                "titel": t.titel,
                "bron": t.bron,
                "aantal_rijen": len(t.rijen),
                "url": reverse(
                    "techniek-api-parameterset-tabel",
                    kwargs={"id": s.pk, "tabel": t.sleutel},
                    request=request,
                ),
            }
            for t in s.tabellen.order_by("volgorde", "sleutel")
        ]
    return data


def _parameter_data(p: Parameter) -> dict:
    return {
        "sleutel": p.sleutel,
        "naam": p.naam,
        "groep": p.groep,
        "waarde": _getal(p.waarde),
        "waarde_tekst": p.waarde_tekst,
        "eenheid": p.eenheid,
        "bron": p.bron,
        "omschrijving": p.omschrijving,
        "herkomst": p.herkomst,
        "gewijzigd_op": p.gewijzigd_op,
    }


def _json(waarde):
    return _getal(waarde) if hasattr(waarde, "as_tuple") else waarde


# --- Views ----------------------------------------------------------------------------------


@extend_schema(tags=[TAG])
class ParametersetsView(ApiView, generics.ListAPIView):
    serializer_class = ParametersetSerializer

    def get_queryset(self):
        return selectors.parametersets_voor(self.request.user)

    def list(self, request, *args, **kwargs):
        pagina = self.paginate_queryset(self.get_queryset())
        huidig = selectors.huidige_parameterset()
        data = [_set_data(request, s, huidig) for s in pagina]
        return self.get_paginated_response(ParametersetSerializer(data, many=True).data)

    @extend_schema(
        operation_id="parametersetsLijst",
        summary="Versies van de parameters",
        description="Alle vastgestelde versies, nieuwste eerst; de beheerder ziet ook het "
        "concept. `huidig` wijst de versie aan waarmee nieuwe berekeningen worden gemaakt.",
        responses={200: ParametersetSerializer(many=True), **problems(400)},
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


@extend_schema(tags=[TAG], parameters=[ID_PARAM])
class ParametersetView(ApiView):
    serializer_class = ParametersetSerializer

    @extend_schema(
        operation_id="parametersetOphalen",
        summary="Eén versie",
        description="Een versie met haar groepen parameters en haar tabellen.",
        responses={200: ParametersetSerializer, **problems(403, 404)},
    )
    def get(self, request: Request, id: int) -> Response:
        s = _set(request, id)
        data = _set_data(request, s, selectors.huidige_parameterset(), detail=True)
        return Response(ParametersetSerializer(data).data)


@extend_schema(tags=[TAG], parameters=[ID_PARAM])
class ParametersView(ApiView, generics.ListAPIView):
    serializer_class = ParameterSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation: no real request
            return Parameter.objects.none()
        filter_ = ParametersFilter(data=self.request.query_params)
        filter_.is_valid(raise_exception=True)
        return selectors.parameters(
            _set(self.request, self.kwargs["id"]),
            groep=filter_.validated_data.get("groep"),
            zoek=filter_.validated_data.get("zoek"),
        )

    def list(self, request, *args, **kwargs):
        pagina = self.paginate_queryset(self.get_queryset())
        data = [_parameter_data(p) for p in pagina]
        return self.get_paginated_response(ParameterSerializer(data, many=True).data)

    @extend_schema(
        operation_id="parametersetParametersLijst",
        summary="Parameters van een versie",
        description="De getallen van een versie met eenheid en bron, op groep en volgorde. Een "
        "getal dat de bron niet geeft is `null` (nooit 0), met de tekst van de bron in "
        "`waardeTekst`.",
        parameters=[ParametersFilter],
        responses={200: ParameterSerializer(many=True), **problems(400, 403, 404)},
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


@extend_schema(tags=[TAG], parameters=[ID_PARAM, SLEUTEL_PARAM])
class ParameterView(ApiView):
    serializer_class = ParameterSerializer
    parser_classes = [JSONParser, MergePatchJSONParser]

    @extend_schema(
        operation_id="parametersetParameterOphalen",
        summary="Eén parameter",
        responses={200: ParameterSerializer, **problems(403, 404)},
    )
    def get(self, request: Request, id: int, sleutel: str) -> Response:
        p = selectors.parameter(_set(request, id), sleutel)
        if p is None:
            raise NotFound(_("Deze parameter bestaat niet in deze versie."))
        return Response(ParameterSerializer(_parameter_data(p)).data)

    @extend_schema(
        operation_id="parametersetParameterWijzigen",
        summary="Parameter wijzigen (beheerder)",
        description="Wijzigt waarde, eenheid of omschrijving van een parameter in een concept. "
        "De bron is verplicht; een nieuwe waarde of eenheid kan niet de bron van de oude "
        "houden. Een vastgestelde versie verandert niet: dat geeft 409.",
        request={
            "application/json": ParameterWijzigenSerializer,
            "application/merge-patch+json": ParameterWijzigenSerializer,
        },
        responses={
            200: ParameterSerializer,
            **problems(
                400,
                403,
                404,
                409,
                413,
                s409="De versie is vastgesteld; maak een nieuwe versie (concept).",
            ),
        },
    )
    def patch(self, request: Request, id: int, sleutel: str) -> Response:
        if not selectors.mag_wijzigen(request.user):
            raise PermissionDenied(_("Alleen een beheerder kan parametersets wijzigen."))
        s = _set(request, id)
        if selectors.parameter(s, sleutel) is None:
            raise NotFound(_("Deze parameter bestaat niet in deze versie."))
        invoer = ParameterWijzigenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        velden = dict(invoer.validated_data)
        waarde = velden.pop("waarde", ...)
        if waarde is not ... and waarde is not None:
            waarde = repr(waarde)
        p = services.parameter_wijzigen(
            parameterset=s, sleutel=sleutel, user=request.user, waarde=waarde, **velden
        )
        return Response(ParameterSerializer(_parameter_data(p)).data)


@extend_schema(tags=[TAG], parameters=[ID_PARAM, TABEL_PARAM])
class TabelView(ApiView):
    serializer_class = TabelSerializer

    @extend_schema(
        operation_id="parametersetTabelOphalen",
        summary="Eén tabel",
        description="Een hele tabel, bv. de kentallen per woningtype en bouwjaarklasse, met "
        "eenheid en bron per kolom.",
        responses={200: TabelSerializer, **problems(403, 404)},
    )
    def get(self, request: Request, id: int, tabel: str) -> Response:
        t = selectors.parametertabel(_set(request, id), tabel)
        if t is None:
            raise NotFound(_("Deze tabel bestaat niet in deze versie."))
        data = {
            "sleutel": t.sleutel,
            "titel": t.titel,
            "omschrijving": t.omschrijving,
            "bron": t.bron,
            "herkomst": t.herkomst,
            "sleutelkolommen": t.sleutelkolommen,
            "kolommen": t.kolommen,
            "rijen": t.rijen,
            "wijzigingen": t.wijzigingen,
        }
        return Response(TabelSerializer(data).data)


@extend_schema(tags=[TAG], parameters=[ID_PARAM])
class VerschillenView(ApiView):
    serializer_class = VerschillenSerializer

    @extend_schema(
        operation_id="parametersetVerschillen",
        summary="Verschillen met een andere versie",
        description="Welke waarden, eenheden en bronnen anders zijn dan in een andere versie "
        "(standaard: de versie waarop deze is gebaseerd).",
        parameters=[VerschillenFilter],
        responses={200: VerschillenSerializer, **problems(400, 403, 404)},
    )
    def get(self, request: Request, id: int) -> Response:
        naar = _set(request, id)
        filter_ = VerschillenFilter(data=request.query_params)
        filter_.is_valid(raise_exception=True)
        van_id = filter_.validated_data.get("van") or naar.gebaseerd_op_id or naar.pk
        van = _set(request, van_id)
        v = selectors.verschillen(van, naar)
        data = {
            "van": van.pk,
            "naar": naar.pk,
            "parameters": [
                {
                    "sleutel": p.sleutel,
                    "groep": p.groep,
                    "soort": p.soort,
                    "velden": [
                        {"veld": veld, "oud": _json(oud), "nieuw": _json(nieuw)}
                        for veld, oud, nieuw in p.velden
                    ],
                }
                for p in v.parameters
            ],
            "tabellen": [
                {
                    "sleutel": t.sleutel,
                    "titel": t.titel,
                    "soort": t.soort,
                    "cellen": t.cellen,
                    "kolommen": t.kolommen,
                }
                for t in v.tabellen
            ],
        }
        return Response(VerschillenSerializer(data).data)


@extend_schema(tags=[TAG], parameters=[ID_PARAM])
class ConceptView(ApiView):
    serializer_class = ParametersetSerializer

    @extend_schema(
        operation_id="parametersetConceptMaken",
        summary="Nieuwe versie maken (beheerder)",
        description="Maakt een concept met een kopie van alle parameters en tabellen van deze "
        "versie. Er is hoogstens één concept tegelijk: anders 409.",
        request=ConceptMakenSerializer,
        parameters=[
            OpenApiParameter(
                "Location",
                OpenApiTypes.URI,
                OpenApiParameter.HEADER,
                response=[201],
                description="Adres van het nieuwe concept.",
            )
        ],
        responses={
            201: ParametersetSerializer,
            **problems(400, 403, 404, 409, 413, s409="Er is al een concept."),
        },
    )
    def post(self, request: Request, id: int) -> Response:
        if not selectors.mag_wijzigen(request.user):
            raise PermissionDenied(_("Alleen een beheerder kan parametersets wijzigen."))
        bron = _set(request, id)
        invoer = ConceptMakenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        concept = services.parameterset_concept_maken(
            bron=bron, user=request.user, omschrijving=invoer.validated_data.get("omschrijving", "")
        )
        concept = selectors.parameterset_by_pk(concept.pk)
        data = ParametersetSerializer(
            _set_data(request, concept, selectors.huidige_parameterset(), detail=True)
        ).data
        return Response(data, status=status.HTTP_201_CREATED, headers={"Location": data["url"]})


@extend_schema(tags=[TAG], parameters=[ID_PARAM])
class VaststellenView(ApiView):
    serializer_class = ParametersetSerializer

    @extend_schema(
        operation_id="parametersetVaststellen",
        summary="Versie vaststellen (beheerder)",
        description="Stelt het concept vast: het wordt de huidige versie en verandert daarna "
        "niet meer. Resultaten met een eerdere versie zijn vanaf dan verouderd. Een versie die "
        "al is vastgesteld geeft 409.",
        request=None,
        responses={
            200: ParametersetSerializer,
            **problems(403, 404, 409, s409="De versie is al vastgesteld."),
        },
    )
    def post(self, request: Request, id: int) -> Response:
        if not selectors.mag_vaststellen(request.user):
            raise PermissionDenied(_("Alleen een beheerder kan een parameterset vaststellen."))
        s = _set(request, id)
        services.parameterset_vaststellen(parameterset=s, user=request.user)
        s = selectors.parameterset_by_pk(s.pk)
        return Response(
            ParametersetSerializer(
                _set_data(request, s, selectors.huidige_parameterset(), detail=True)
            ).data
        )
