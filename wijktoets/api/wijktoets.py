"""API of the wijktoets: read and edit it, its findings per theme, complete it, its versions.

Same services and access as the pages: whoever may see the plan reads the wijktoets; only its
projectleider changes it. Edits carry the ``versie`` that was read (field or ``If-Match``).
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.exceptions import NotFound, UnsupportedMediaType
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse

from wijktoets.constants import (
    MAX_INDICATOREN,
    MAX_PARTIJEN,
    MAX_TEKST,
    Beoordeling,
    Doelgroep,
    Oordeel,
    Participatieniveau,
    PartijCategorie,
    Thema,
    Timing,
)
from wijktoets.models import Wijktoets, WijktoetsVersie
from wijktoets.selectors import wijktoets as selectors
from wijktoets.services import wijktoets as services
from wup import selectors as wup_selectors
from wup.api.exceptions import PreconditionFailed
from wup.api.filters import QueryFilter
from wup.api.parsers import JSONParser, MergePatchJSONParser
from wup.api.schema import problems
from wup.api.serializers import GebruikerSerializer, StrictSerializer
from wup.api.versies import gevraagde_versie
from wup.api.views import ID_PARAM, ApiView, plan_voor, plan_voor_projectleider
from wup.exceptions import StaleVersion
from wup.models import Wijkplan

TAG = "Wijktoets"

ETAG = OpenApiParameter(
    "ETag",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    response=[200, 201],
    description='De wijzigingsteller van de wijktoets, bv. `"3"`. Stuur deze mee in `If-Match` '
    "(of als veld `versie`) bij wijzigen en afronden.",
)
IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description='De ETag uit de laatste GET, bv. `"3"`; in plaats van het veld `versie`.',
)
THEMA_PARAM = OpenApiParameter(
    "thema",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    enum=list(Thema.values),
    description="Het thema (met liggend streepje of koppelteken, bv. `andere-werken`).",
)
VERSIE_VELD_HELP = (
    "De wijzigingsteller die u ophaalde (`versie`, of de ETag). Verplicht, tenzij u de kopregel "
    "If-Match meestuurt. Heeft iemand anders de wijktoets intussen gewijzigd, dan verandert er "
    "niets en volgt 409 (412 bij If-Match)."
)
CONFLICT = (
    "Iemand anders heeft de wijktoets intussen gewijzigd (veld `versie`); het plan is voorbij "
    "de fase wijktoets, vastgesteld of gestopt; of (bij afronden) de wijktoets is al afgerond "
    "of nog niet volledig."
)


ALLEEN_PROJECTLEIDER = gettext_lazy(
    "Alleen de projectleider van dit plan kan de wijktoets wijzigen."
)


def _tekst(help_text: str = "", **kwargs) -> serializers.CharField:
    return serializers.CharField(
        max_length=MAX_TEKST,
        allow_blank=True,
        required=False,
        default="",
        help_text=help_text,
        **kwargs,
    )


def _keuze(choices, help_text: str = "") -> serializers.ChoiceField:
    return serializers.ChoiceField(
        choices=choices, allow_blank=True, required=False, default="", help_text=help_text
    )


# --- Representations ---------------------------------------------------------------------------


class WijktoetsBevindingSerializer(serializers.Serializer):
    thema = serializers.ChoiceField(choices=Thema.choices, read_only=True)
    thema_label = serializers.CharField(read_only=True)
    vraag = serializers.CharField(read_only=True, help_text="De vraag die het thema beantwoordt.")
    tekst = serializers.CharField(read_only=True)
    indicatoren = serializers.ListField(
        child=serializers.CharField(),
        read_only=True,
        help_text="Sleutels van de CBS-kerncijfers die de bevinding onderbouwen.",
    )
    beoordeling = serializers.ChoiceField(
        choices=Beoordeling.choices, allow_blank=True, read_only=True
    )
    beoordeling_label = serializers.CharField(read_only=True)
    ingevuld = serializers.BooleanField(
        read_only=True, help_text="Er is een bevinding én een beoordeling."
    )
    url = serializers.CharField(read_only=True, help_text="Adres van deze bevinding.")


class WijktoetsPartijSerializer(StrictSerializer):
    categorie = serializers.ChoiceField(
        choices=PartijCategorie.choices, help_text="Wat voor partij dit is."
    )
    categorie_label = serializers.CharField(read_only=True)
    naam = serializers.CharField(max_length=200)
    opmerking = serializers.CharField(max_length=2000, allow_blank=True, required=False, default="")

    def validate(self, attrs):
        # Also in a PATCH (where required fields are not enforced) a stakeholder needs both.
        fouten = {
            veld: [serializers.ErrorDetail(_("Dit veld is verplicht."), code="required")]
            for veld in ("categorie", "naam")
            if not str(attrs.get(veld) or "").strip()
        }
        if fouten:
            raise serializers.ValidationError(fouten)
        return attrs


class WijktoetsSerializer(serializers.Serializer):
    url = serializers.CharField(read_only=True, help_text="Adres van deze wijktoets.")
    wijkplan_url = serializers.CharField(read_only=True, help_text="Adres van het wijkplan.")
    afgerond = serializers.BooleanField(
        read_only=True,
        help_text="De huidige versie is afgerond. Een wijziging maakt er een concept van de "
        "volgende versie van.",
    )
    status_label = serializers.CharField(read_only=True)
    versienummer = serializers.IntegerField(
        read_only=True, help_text="Het nummer van de versie in bewerking, of de laatst afgeronde."
    )
    versie = serializers.IntegerField(
        read_only=True, help_text="Wijzigingsteller; stuur deze mee bij wijzigen en afronden."
    )
    bewerkbaar = serializers.BooleanField(
        read_only=True, help_text="U mag de wijktoets nu wijzigen (projectleider, fase wijktoets)."
    )
    samenvatting = serializers.CharField(read_only=True)
    economische_randvoorwaarden = serializers.CharField(read_only=True)
    bronnen = serializers.CharField(read_only=True)
    bevindingen = WijktoetsBevindingSerializer(many=True, read_only=True)
    themas_ingevuld = serializers.IntegerField(read_only=True)
    themas_totaal = serializers.IntegerField(read_only=True)
    partijen = WijktoetsPartijSerializer(many=True, read_only=True)
    oordeel = serializers.ChoiceField(choices=Oordeel.choices, allow_blank=True, read_only=True)
    oordeel_label = serializers.CharField(read_only=True)
    motivatie = serializers.CharField(read_only=True)
    voorwaarden = serializers.CharField(
        read_only=True, help_text="Alleen van belang bij `onder_voorwaarden`."
    )
    participatieniveau = serializers.ChoiceField(
        choices=Participatieniveau.choices, allow_blank=True, read_only=True
    )
    participatieniveau_label = serializers.CharField(read_only=True)
    doelgroepen = serializers.ListField(
        child=serializers.ChoiceField(choices=Doelgroep.choices), read_only=True
    )
    doelgroepen_toelichting = serializers.CharField(read_only=True)
    timing = serializers.ChoiceField(choices=Timing.choices, allow_blank=True, read_only=True)
    timing_label = serializers.CharField(read_only=True)
    timing_toelichting = serializers.CharField(read_only=True)
    ontbreekt = serializers.ListField(
        child=serializers.CharField(),
        read_only=True,
        help_text="Wat nog ontbreekt om de huidige versie af te ronden; leeg als die af is.",
    )
    gewijzigd_op = serializers.DateTimeField(read_only=True, allow_null=True)
    versies_url = serializers.CharField(read_only=True)
    afronden_url = serializers.CharField(read_only=True)


class WijktoetsInhoudBevindingSerializer(serializers.Serializer):
    thema = serializers.ChoiceField(choices=Thema.choices, read_only=True)
    tekst = serializers.CharField(read_only=True)
    indicatoren = serializers.ListField(child=serializers.CharField(), read_only=True)
    beoordeling = serializers.ChoiceField(
        choices=Beoordeling.choices, allow_blank=True, read_only=True
    )


class WijktoetsInhoudPartijSerializer(serializers.Serializer):
    categorie = serializers.ChoiceField(choices=PartijCategorie.choices, read_only=True)
    naam = serializers.CharField(read_only=True)
    opmerking = serializers.CharField(read_only=True)


class WijktoetsInhoudSerializer(serializers.Serializer):
    """The snapshot of a completed version, exactly as it was completed."""

    samenvatting = serializers.CharField(read_only=True)
    economische_randvoorwaarden = serializers.CharField(read_only=True)
    bronnen = serializers.CharField(read_only=True)
    bevindingen = WijktoetsInhoudBevindingSerializer(many=True, read_only=True)
    partijen = WijktoetsInhoudPartijSerializer(many=True, read_only=True)
    oordeel = serializers.ChoiceField(choices=Oordeel.choices, read_only=True)
    motivatie = serializers.CharField(read_only=True)
    voorwaarden = serializers.CharField(read_only=True)
    participatieniveau = serializers.ChoiceField(
        choices=Participatieniveau.choices, allow_blank=True, read_only=True
    )
    doelgroepen = serializers.ListField(
        child=serializers.ChoiceField(choices=Doelgroep.choices), read_only=True
    )
    doelgroepen_toelichting = serializers.CharField(read_only=True)
    timing = serializers.ChoiceField(choices=Timing.choices, allow_blank=True, read_only=True)
    timing_toelichting = serializers.CharField(read_only=True)


class WijktoetsVersieSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text="Adres van deze versie.")
    oordeel = serializers.ChoiceField(choices=Oordeel.choices, read_only=True)
    oordeel_label = serializers.CharField(source="get_oordeel_display", read_only=True)
    afgerond_door = GebruikerSerializer(read_only=True, allow_null=True)
    inhoud = WijktoetsInhoudSerializer(read_only=True)

    class Meta:
        model = WijktoetsVersie
        fields = (
            "nummer",
            "url",
            "oordeel",
            "oordeel_label",
            "afgerond_op",
            "afgerond_door",
            "inhoud",
        )
        read_only_fields = fields

    def get_url(self, versie: WijktoetsVersie) -> str:
        basis = reverse(
            "api-wijktoets-versies",
            kwargs={"id": self.context["plan"].pk},
            request=self.context["request"],
        )
        return f"{basis}?nummer={versie.nummer}"


# --- Input -------------------------------------------------------------------------------------


class _BevindingVeldenSerializer(StrictSerializer):
    tekst = _tekst("De bevinding: een korte tekst.")
    indicatoren = serializers.ListField(
        child=serializers.CharField(max_length=80),
        max_length=MAX_INDICATOREN,
        required=False,
        default=list,
        help_text='Sleutels van CBS-kerncijfers, bv. ["huishoudens_laag_inkomen_pct"].',
    )
    beoordeling = _keuze(Beoordeling.choices, "Kans, uitdaging of neutraal; leeg: nog niet.")


class WijktoetsBevindingItemSerializer(_BevindingVeldenSerializer):
    thema = serializers.ChoiceField(choices=Thema.choices)

    def validate(self, attrs):
        if not attrs.get("thema"):
            raise serializers.ValidationError(
                {"thema": [serializers.ErrorDetail(_("Dit veld is verplicht."), code="required")]}
            )
        return attrs


class WijktoetsBevindingWijzigenSerializer(_BevindingVeldenSerializer):
    versie = serializers.IntegerField(
        min_value=1, max_value=2**31 - 1, required=False, help_text=VERSIE_VELD_HELP
    )


class WijktoetsWijzigenSerializer(StrictSerializer):
    samenvatting = _tekst()
    economische_randvoorwaarden = _tekst("De economische omstandigheden van bewoners.")
    bronnen = _tekst()
    oordeel = _keuze(
        Oordeel.choices, "Leeg: nog geen oordeel. Met een oordeel is `motivatie` verplicht."
    )
    motivatie = _tekst()
    voorwaarden = _tekst("Verplicht bij het oordeel `onder_voorwaarden`.")
    participatieniveau = _keuze(Participatieniveau.choices, "De trede op de participatieladder.")
    doelgroepen = serializers.ListField(
        child=serializers.ChoiceField(choices=Doelgroep.choices),
        max_length=len(Doelgroep),
        required=False,
        default=list,
        help_text="Prioritaire doelgroepen.",
    )
    doelgroepen_toelichting = _tekst()
    timing = _keuze(Timing.choices)
    timing_toelichting = _tekst()
    bevindingen = WijktoetsBevindingItemSerializer(
        many=True,
        required=False,
        max_length=len(Thema),
        help_text="Bevindingen per thema. Bij PUT: een thema dat u weglaat, wordt leeg. Bij "
        "PATCH: alleen de meegestuurde thema's en velden veranderen.",
    )
    partijen = WijktoetsPartijSerializer(
        many=True,
        required=False,
        max_length=MAX_PARTIJEN,
        help_text="De partijen in de wijk; vervangt de hele lijst.",
    )
    versie = serializers.IntegerField(
        min_value=1, max_value=2**31 - 1, required=False, help_text=VERSIE_VELD_HELP
    )

    def validate_bevindingen(self, bevindingen):
        themas = [b["thema"] for b in bevindingen]
        dubbel = sorted({t for t in themas if themas.count(t) > 1})
        if dubbel:
            raise serializers.ValidationError(
                _("Elk thema mag één keer voorkomen; dubbel: %(themas)s.")
                % {"themas": ", ".join(dubbel)},
                code="unique",
            )
        return bevindingen


class WijktoetsAfrondenSerializer(StrictSerializer):
    versie = serializers.IntegerField(
        min_value=1, max_value=2**31 - 1, required=False, help_text=VERSIE_VELD_HELP
    )


class WijktoetsVersieFilter(QueryFilter):
    nummer = serializers.IntegerField(
        min_value=1, max_value=2**31 - 1, required=False, help_text="Alleen deze versie."
    )
    lookups = {"nummer": "nummer"}


# --- Helpers ---------------------------------------------------------------------------------


def _thema(thema: str) -> Thema:
    try:
        return Thema(thema.replace("-", "_"))
    except ValueError:
        raise NotFound(
            _("Een thema ‘%(t)s’ heeft de wijktoets niet.") % {"t": thema[:50]}
        ) from None


def _etag(toets: Wijktoets | None) -> str:
    return f'"{toets.versie if toets else 1}"'


def _bevinding_data(request: Request, plan: Wijkplan, b: selectors.BevindingWeergave) -> dict:
    return {
        "thema": b.thema,
        "thema_label": b.thema_label,
        "vraag": b.vraag,
        "tekst": b.tekst,
        "indicatoren": [i.sleutel for i in b.indicatoren],
        "beoordeling": b.beoordeling,
        "beoordeling_label": b.beoordeling_label,
        "ingevuld": b.ingevuld,
        "url": reverse(
            "api-wijktoets-bevinding",
            kwargs={"id": plan.pk, "thema": b.thema},
            request=request,
        ),
    }


def _wijktoets_data(request: Request, plan: Wijkplan, toets: Wijktoets | None) -> dict:
    inhoud = toets.als_inhoud() if toets else selectors.lege_inhoud()
    w = selectors.weergave(inhoud)
    afgerond = bool(toets and toets.afgerond)

    def url(naam: str) -> str:
        return reverse(naam, kwargs={"id": plan.pk}, request=request)

    return {
        **inhoud,
        "url": url("api-wijktoets"),
        "wijkplan_url": reverse("api:wijkplan-detail", kwargs={"id": plan.pk}, request=request),
        "afgerond": afgerond,
        "status_label": _("Afgerond") if afgerond else _("Concept"),
        "versienummer": toets.versienummer if toets else 1,
        "versie": toets.versie if toets else 1,
        "bewerkbaar": selectors.bewerkbaar(plan)
        and wup_selectors.is_projectleider(plan, request.user),
        "bevindingen": [_bevinding_data(request, plan, b) for b in w.bevindingen],
        "themas_ingevuld": w.themas_ingevuld,
        "themas_totaal": w.themas_totaal,
        "partijen": [
            {
                "categorie": p.categorie,
                "categorie_label": p.categorie_label,
                "naam": p.naam,
                "opmerking": p.opmerking,
            }
            for p in w.partijen
        ],
        "oordeel_label": w.oordeel_label,
        "participatieniveau_label": w.participatieniveau_label,
        "timing_label": w.timing_label,
        "ontbreekt": [] if afgerond else (toets or Wijktoets()).ontbreekt_voor_afronden(),
        "gewijzigd_op": toets.gewijzigd_op if toets else None,
        "versies_url": url("api-wijktoets-versies"),
        "afronden_url": url("api-wijktoets-afronden"),
    }


def _wijktoets_response(request: Request, plan: Wijkplan) -> Response:
    toets = selectors.wijktoets_voor(plan)
    data = WijktoetsSerializer(_wijktoets_data(request, plan, toets)).data
    return Response(data, headers={"ETag": _etag(toets)})


def _opslaan(request: Request, plan: Wijkplan, versie: int, uit_header: bool, **kwargs):
    try:
        return services.wijktoets_opslaan(wijkplan=plan, user=request.user, versie=versie, **kwargs)
    except StaleVersion as exc:
        if uit_header:
            raise PreconditionFailed(exc.message) from exc
        raise


# --- Endpoints ---------------------------------------------------------------------------------

_WIJZIG_PROBLEMEN = problems(
    400,
    403,
    404,
    409,
    412,
    413,
    s400="Ongeldige invoer, of geen versie meegegeven.",
    s403="Alleen de projectleider van het plan kan de wijktoets wijzigen.",
    s409=CONFLICT,
)


@extend_schema(tags=[TAG], parameters=[ID_PARAM])
class WijktoetsView(ApiView):
    serializer_class = WijktoetsSerializer
    parser_classes = [JSONParser, MergePatchJSONParser]
    http_method_names = ["get", "put", "patch", "head"]

    @extend_schema(
        operation_id="wijktoetsOphalen",
        summary="De wijktoets van een plan",
        description="De versie in bewerking (of de laatst afgeronde) met bevindingen per "
        "thema, partijen, oordeel en de gevolgen voor de aanpak. Een plan waarvan niemand de "
        "wijktoets begon, geeft een lege wijktoets.",
        parameters=[ETAG],
        responses={200: WijktoetsSerializer, **problems(403, 404)},
    )
    def get(self, request: Request, id: int) -> Response:
        return _wijktoets_response(request, plan_voor(request, id))

    @extend_schema(
        operation_id="wijktoetsVervangen",
        summary="Wijktoets vervangen",
        description="Vervangt de hele wijktoets: velden, thema's en partijen die u weglaat, "
        "worden leeg. Is de wijktoets afgerond, dan wordt een wijziging een concept van de "
        "volgende versie; de afgeronde versie blijft bewaard.",
        request=WijktoetsWijzigenSerializer,
        parameters=[ETAG, IF_MATCH],
        responses={200: WijktoetsSerializer, **_WIJZIG_PROBLEMEN},
    )
    def put(self, request: Request, id: int) -> Response:
        if request.content_type.startswith(MergePatchJSONParser.media_type):
            raise UnsupportedMediaType(request.content_type)
        return self._wijzig(request, id, partial=False)

    @extend_schema(
        operation_id="wijktoetsWijzigen",
        summary="Wijktoets wijzigen",
        description="Wijzigt alleen wat u meestuurt. Per thema in `bevindingen` veranderen "
        "alleen de meegestuurde velden; `partijen` vervangt de hele lijst. Is de wijktoets "
        "afgerond, dan wordt een wijziging een concept van de volgende versie.",
        request={
            "application/json": WijktoetsWijzigenSerializer,
            "application/merge-patch+json": WijktoetsWijzigenSerializer,
        },
        parameters=[ETAG, IF_MATCH],
        responses={200: WijktoetsSerializer, **_WIJZIG_PROBLEMEN},
    )
    def patch(self, request: Request, id: int) -> Response:
        return self._wijzig(request, id, partial=True)

    def _wijzig(self, request: Request, id: int, *, partial: bool) -> Response:
        plan = plan_voor_projectleider(
            request, id, _("Alleen de projectleider van dit plan kan de wijktoets wijzigen.")
        )
        invoer = WijktoetsWijzigenSerializer(data=request.data, partial=partial)
        invoer.is_valid(raise_exception=True)
        data = dict(invoer.validated_data)
        versie, uit_header = gevraagde_versie(
            request, data.pop("versie", None), wat=_("de wijktoets")
        )
        bevindingen_in = data.pop("bevindingen", None)
        partijen_in = data.pop("partijen", None)

        if partial:
            bestaand = selectors.weergave(
                (selectors.wijktoets_voor(plan) or Wijktoets()).als_inhoud()
            ).bevindingen
            per_thema = {b.thema: b for b in bestaand}
            bevindingen = None
            if bevindingen_in is not None:
                bevindingen = {}
                for item in bevindingen_in:
                    oud = per_thema[item["thema"]]
                    bevindingen[item["thema"]] = services.BevindingInvoer(
                        tekst=item.get("tekst", oud.tekst),
                        indicatoren=item.get("indicatoren", [i.sleutel for i in oud.indicatoren]),
                        beoordeling=item.get("beoordeling", oud.beoordeling),
                    )
        else:
            gegeven = {item["thema"]: item for item in bevindingen_in or []}
            bevindingen = {
                thema: services.BevindingInvoer(
                    **{k: v for k, v in gegeven.get(thema, {}).items() if k != "thema"}
                )
                for thema in Thema.values
            }
        partijen = (
            [
                services.PartijInvoer(
                    categorie=p["categorie"], naam=p["naam"], opmerking=p.get("opmerking", "")
                )
                for p in partijen_in
            ]
            if partijen_in is not None
            else (None if partial else [])
        )
        _opslaan(
            request,
            plan,
            versie,
            uit_header,
            bevindingen=bevindingen,
            partijen=partijen,
            **data,
        )
        return _wijktoets_response(request, plan)


@extend_schema(tags=[TAG], parameters=[ID_PARAM])
class WijktoetsBevindingenView(ApiView):
    serializer_class = WijktoetsBevindingSerializer
    # A plain list, not a page: the document must not describe a paginated envelope.
    pagination_class = None

    @extend_schema(
        operation_id="wijktoetsBevindingenLijst",
        summary="Bevindingen per thema",
        description="Alle zeven thema's van de wijktoets, ook die nog leeg zijn.",
        parameters=[ETAG],
        responses={200: WijktoetsBevindingSerializer(many=True), **problems(403, 404)},
    )
    def get(self, request: Request, id: int) -> Response:
        plan = plan_voor(request, id)
        toets = selectors.wijktoets_voor(plan)
        w = selectors.weergave(toets.als_inhoud() if toets else selectors.lege_inhoud())
        data = [_bevinding_data(request, plan, b) for b in w.bevindingen]
        return Response(
            WijktoetsBevindingSerializer(data, many=True).data, headers={"ETag": _etag(toets)}
        )


@extend_schema(tags=[TAG], parameters=[ID_PARAM, THEMA_PARAM])
class WijktoetsBevindingView(ApiView):
    serializer_class = WijktoetsBevindingSerializer
    http_method_names = ["get", "put", "head"]

    def _antwoord(self, request: Request, plan: Wijkplan, thema: Thema) -> Response:
        toets = selectors.wijktoets_voor(plan)
        w = selectors.weergave(toets.als_inhoud() if toets else selectors.lege_inhoud())
        b = next(b for b in w.bevindingen if b.thema == thema.value)
        data = WijktoetsBevindingSerializer(_bevinding_data(request, plan, b)).data
        return Response(data, headers={"ETag": _etag(toets)})

    @extend_schema(
        operation_id="wijktoetsBevindingOphalen",
        summary="De bevinding van één thema",
        parameters=[ETAG],
        responses={200: WijktoetsBevindingSerializer, **problems(403, 404)},
    )
    def get(self, request: Request, id: int, thema: str) -> Response:
        plan = plan_voor(request, id)
        return self._antwoord(request, plan, _thema(thema))

    @extend_schema(
        operation_id="wijktoetsBevindingVervangen",
        summary="De bevinding van één thema vervangen",
        description="Tekst, indicatoren en beoordeling van het thema; wat u weglaat, wordt leeg.",
        request=WijktoetsBevindingWijzigenSerializer,
        parameters=[ETAG, IF_MATCH],
        responses={200: WijktoetsBevindingSerializer, **_WIJZIG_PROBLEMEN},
    )
    def put(self, request: Request, id: int, thema: str) -> Response:
        plan = plan_voor_projectleider(
            request, id, _("Alleen de projectleider van dit plan kan de wijktoets wijzigen.")
        )
        thema = _thema(thema)
        invoer = WijktoetsBevindingWijzigenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        data = dict(invoer.validated_data)
        versie, uit_header = gevraagde_versie(
            request, data.pop("versie", None), wat=_("de wijktoets")
        )
        _opslaan(
            request,
            plan,
            versie,
            uit_header,
            bevindingen={thema: services.BevindingInvoer(**data)},
        )
        return self._antwoord(request, plan, thema)


@extend_schema(tags=[TAG], parameters=[ID_PARAM])
class WijktoetsAfrondenView(ApiView):
    serializer_class = WijktoetsVersieSerializer
    http_method_names = ["post"]

    @extend_schema(
        operation_id="wijktoetsAfronden",
        summary="Wijktoets afronden",
        description="Legt de huidige versie vast: wie, wanneer en de volledige inhoud. Daarvoor "
        "moeten alle thema's een bevinding met beoordeling hebben, de economische "
        "randvoorwaarden en een oordeel met motivatie zijn ingevuld (met voorwaarden bij "
        "`onder_voorwaarden`), en bij een positief oordeel het participatieniveau en de timing. "
        "Bij `niet_geschikt` kan het plan daarna niet naar de verkenning: pauzeer of stop het "
        "via de faseovergangen `pauzeren` of `stoppen`.",
        request=WijktoetsAfrondenSerializer,
        parameters=[IF_MATCH, ETAG],
        responses={
            201: WijktoetsVersieSerializer,
            **problems(
                400,
                403,
                404,
                409,
                412,
                413,
                s400="Ongeldige invoer, of geen versie meegegeven.",
                s403="Alleen de projectleider van het plan kan de wijktoets afronden.",
                s409=CONFLICT,
            ),
        },
    )
    def post(self, request: Request, id: int) -> Response:
        plan = plan_voor_projectleider(
            request, id, _("Alleen de projectleider van het plan kan de wijktoets afronden.")
        )
        invoer = WijktoetsAfrondenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        versie, uit_header = gevraagde_versie(
            request, invoer.validated_data.get("versie"), wat=_("de wijktoets")
        )
        try:
            rij = services.wijktoets_afronden(wijkplan=plan, user=request.user, versie=versie)
        except StaleVersion as exc:
            if uit_header:
                raise PreconditionFailed(exc.message) from exc
            raise
        data = WijktoetsVersieSerializer(rij, context={"request": request, "plan": plan}).data
        toets = selectors.wijktoets_voor(plan)
        return Response(
            data,
            status=status.HTTP_201_CREATED,
            headers={"Location": data["url"], "ETag": _etag(toets)},
        )


@extend_schema(tags=[TAG], parameters=[ID_PARAM])
class WijktoetsVersiesView(ApiView, generics.ListAPIView):
    serializer_class = WijktoetsVersieSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation: no real request
            return WijktoetsVersie.objects.none()
        self.plan = plan_voor(self.request, self.kwargs["id"])
        return WijktoetsVersieFilter.apply(self.request, selectors.versies_van(self.plan))

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "plan": getattr(self, "plan", None)}

    @extend_schema(
        operation_id="wijktoetsVersiesLijst",
        summary="Afgeronde versies van de wijktoets",
        description="Elke afgeronde versie met de volledige inhoud, de nieuwste eerst. Een "
        "afgeronde versie verandert nooit.",
        parameters=[WijktoetsVersieFilter],
        responses={200: WijktoetsVersieSerializer(many=True), **problems(400, 403, 404)},
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)
