"""API: the indicators of a plan area against its municipality and the Netherlands.

``GET /api/v1/wijkplannen/{id}/indicatoren?jaar=2024`` -- same access as the plan itself. The
figures are those of the indicator page (``wijktoets.selectors.indicatoren``); unknown values
are ``null``, never 0.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from wijktoets.indicatoren import LICENTIE, Indicator, Indicatoren, Signaal, Vergelijking
from wijktoets.selectors.indicatoren import OnbekendJaar, indicatoren_voor_plan
from wup.api.schema import problems
from wup.api.serializers import GemeenteKortSerializer
from wup.api.views import ID_PARAM, ApiView, plan_voor

TAG_INDICATOREN = "Indicatoren"


def _choices(enum) -> list[tuple[str, str]]:
    return [(e.value, e.value) for e in enum]


# --- Representations ---------------------------------------------------------------------------


class JaarFilter(serializers.Serializer):
    jaar = serializers.IntegerField(
        required=False,
        min_value=1900,
        max_value=2999,
        help_text="Het jaar van de CBS-tabel, bv. 2024. Zonder jaar: het nieuwste jaar met "
        "cijfers voor de buurten van het plan.",
    )


class PlangebiedDekkingSerializer(serializers.Serializer):
    volledig = serializers.BooleanField(
        help_text="Het cijfer van het plangebied rust op alle buurten."
    )
    buurten_totaal = serializers.IntegerField()
    buurten_met_waarde = serializers.IntegerField(
        help_text="Buurten met een bekend cijfer (en gewicht)."
    )
    ontbrekend = serializers.ListField(
        child=serializers.CharField(), help_text="Namen van de buurten zonder cijfer."
    )
    aandeel = serializers.FloatField(
        allow_null=True,
        help_text="Deel (0–1) van de basis (bv. de woningen) in buurten met een cijfer; leeg "
        "als dat niet bekend is.",
    )
    tekst = serializers.CharField(help_text="De dekking in gewone taal.")


class PlangebiedVergelijkingSerializer(serializers.Serializer):
    vergelijking_met = serializers.ChoiceField(
        choices=[("gemeente", "gemeente"), ("nederland", "nederland")]
    )
    vergelijking = serializers.ChoiceField(
        choices=_choices(Vergelijking),
        help_text="Het plangebied ten opzichte van de gemeente of Nederland, zoals afgerond "
        "getoond.",
    )
    tekst = serializers.CharField()


class PlangebiedIndicatorSerializer(serializers.Serializer):
    sleutel = serializers.CharField(help_text="Vaste sleutel, bv. `koopwoningen_pct`.")
    titel = serializers.CharField()
    eenheid = serializers.CharField(help_text="Bv. `aantal`, `%`, `m³`, `kWh`, `euro`.")
    decimalen = serializers.IntegerField(help_text="Aantal decimalen om mee te tonen.")
    telling = serializers.BooleanField(
        help_text="Een aantal (opgeteld over de buurten) in plaats van een aandeel of gemiddelde."
    )
    plangebied = serializers.FloatField(allow_null=True, help_text="Leeg als onbekend.")
    gemeente = serializers.FloatField(allow_null=True, help_text="Leeg als onbekend.")
    nederland = serializers.FloatField(allow_null=True, help_text="Leeg als onbekend.")
    aandeel_van_gemeente = serializers.FloatField(
        allow_null=True, help_text="Bij aantallen: het plangebied als percentage van de gemeente."
    )
    vergelijkingen = PlangebiedVergelijkingSerializer(
        many=True, help_text="Leeg bij aantallen (een plangebied is altijd kleiner)."
    )
    weging = serializers.CharField(help_text="Hoe het cijfer van het plangebied is berekend.")
    benadering = serializers.BooleanField(
        help_text="Het best passende gewicht ontbrak; een benadering is gebruikt."
    )
    dekking = PlangebiedDekkingSerializer()


class PlangebiedGroepSerializer(serializers.Serializer):
    naam = serializers.CharField(help_text="Bevolking, Wonen, Energie of Inkomen.")
    indicatoren = PlangebiedIndicatorSerializer(many=True)


class PlangebiedBuurtSerializer(serializers.Serializer):
    code = serializers.CharField()
    naam = serializers.CharField()
    heeft_cijfers = serializers.BooleanField(help_text="Er zijn cijfers van dit jaar ingelezen.")


class EnergiearmoedeGebiedSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Buurtcode; leeg voor het plangebied als geheel.")
    naam = serializers.CharField()
    laag_inkomen_pct = serializers.FloatField(allow_null=True)
    aardgas_m3 = serializers.FloatField(allow_null=True)
    signaal = serializers.ChoiceField(choices=_choices(Signaal))
    reden = serializers.CharField()


class EnergiearmoedeSerializer(serializers.Serializer):
    regel = serializers.CharField(help_text="De regel met de drempels, in gewone taal.")
    referentie = serializers.CharField(help_text="Waar de drempels vandaan komen.")
    drempel_laag_inkomen_pct = serializers.FloatField(allow_null=True)
    drempel_aardgas_m3 = serializers.FloatField(allow_null=True)
    samenvatting = serializers.CharField()
    plangebied = EnergiearmoedeGebiedSerializer()
    buurten = EnergiearmoedeGebiedSerializer(many=True)


class PlangebiedTrendpuntSerializer(serializers.Serializer):
    jaar = serializers.IntegerField()
    plangebied = serializers.FloatField(allow_null=True)
    gemeente = serializers.FloatField(allow_null=True)
    nederland = serializers.FloatField(allow_null=True)


class PlangebiedTrendSerializer(serializers.Serializer):
    sleutel = serializers.CharField()
    titel = serializers.CharField()
    eenheid = serializers.CharField()
    punten = PlangebiedTrendpuntSerializer(many=True)


class PlangebiedIndicatorenSerializer(serializers.Serializer):
    wijkplan = serializers.IntegerField(help_text="Het id van het wijkplan.")
    jaar = serializers.IntegerField(
        allow_null=True, help_text="Leeg als er nog geen cijfers voor de buurten zijn."
    )
    jaren = serializers.ListField(
        child=serializers.IntegerField(), help_text="Jaren met cijfers, nieuwste eerst."
    )
    gemeente = GemeenteKortSerializer()
    buurten = PlangebiedBuurtSerializer(many=True)
    bron = serializers.CharField()
    licentie = serializers.CharField()
    groepen = PlangebiedGroepSerializer(many=True)
    energiearmoede = EnergiearmoedeSerializer(allow_null=True)
    trends = PlangebiedTrendSerializer(many=True)


# --- Shaping ----------------------------------------------------------------------------------


def _getal(waarde: float | None) -> float | None:
    return None if waarde is None else round(float(waarde), 6)


def _indicator(i: Indicator) -> dict:
    vergelijkingen = []
    for met, uitkomst in (
        ("gemeente", i.vergelijking_gemeente),
        ("nederland", i.vergelijking_nederland),
    ):
        if uitkomst is not None:
            wie = "de gemeente" if met == "gemeente" else "Nederland"
            tekst = {
                Vergelijking.HOGER: f"hoger dan {wie}",
                Vergelijking.LAGER: f"lager dan {wie}",
                Vergelijking.GELIJK: f"gelijk aan {wie}",
                Vergelijking.ONBEKEND: f"niet te vergelijken met {wie}",
            }[uitkomst]
            vergelijkingen.append(
                {"vergelijking_met": met, "vergelijking": uitkomst.value, "tekst": tekst}
            )
    d = i.dekking
    return {
        "sleutel": i.sleutel,
        "titel": i.titel,
        "eenheid": "aantal" if i.definitie.is_telling else i.eenheid,
        "decimalen": i.decimalen,
        "telling": i.definitie.is_telling,
        "plangebied": _getal(i.plangebied),
        "gemeente": _getal(i.gemeente),
        "nederland": _getal(i.nederland),
        "aandeel_van_gemeente": _getal(i.aandeel_van_gemeente),
        "vergelijkingen": vergelijkingen,
        "weging": i.weging,
        "benadering": i.benadering,
        "dekking": {
            "volledig": d.volledig,
            "buurten_totaal": d.buurten_totaal,
            "buurten_met_waarde": d.buurten_met_waarde,
            "ontbrekend": list(d.ontbrekend),
            "aandeel": _getal(d.aandeel),
            "tekst": d.tekst,
        },
    }


def _gebied(g) -> dict:
    return {
        "code": g.code,
        "naam": g.naam,
        "laag_inkomen_pct": _getal(g.laag_inkomen_pct),
        "aardgas_m3": _getal(g.aardgas_m3),
        "signaal": g.signaal.value,
        "reden": g.reden,
    }


def indicatoren_data(plan, uitkomst: Indicatoren) -> dict:
    ea = uitkomst.energiearmoede
    zonder = set(uitkomst.buurten_zonder_gegevens)
    return {
        "wijkplan": plan.pk,
        "jaar": uitkomst.jaar,
        "jaren": list(uitkomst.jaren),
        "gemeente": {"code": uitkomst.gemeentecode, "naam": plan.gemeente.naam},
        "buurten": [
            {"code": code, "naam": naam, "heeft_cijfers": code not in zonder}
            for code, naam in uitkomst.buurten.items()
        ],
        "bron": uitkomst.bron or "CBS, Kerncijfers wijken en buurten",
        "licentie": LICENTIE,
        "groepen": [
            {"naam": g.naam, "indicatoren": [_indicator(i) for i in g.indicatoren]}
            for g in uitkomst.groepen
        ],
        "energiearmoede": None
        if ea is None
        else {
            "regel": ea.regel,
            "referentie": ea.referentie,
            "drempel_laag_inkomen_pct": _getal(ea.drempel_laag_inkomen_pct),
            "drempel_aardgas_m3": _getal(ea.drempel_aardgas_m3),
            "samenvatting": ea.samenvatting,
            "plangebied": _gebied(ea.plangebied),
            "buurten": [_gebied(b) for b in ea.buurten],
        },
        "trends": [
            {
                "sleutel": t.sleutel,
                "titel": t.titel,
                "eenheid": "aantal" if t.is_telling else t.eenheid,
                "punten": [
                    {
                        "jaar": jaar,
                        "plangebied": _getal(p),
                        "gemeente": _getal(g),
                        "nederland": _getal(n),
                    }
                    for jaar, p, g, n in zip(
                        t.jaren, t.plangebied, t.gemeente, t.nederland, strict=True
                    )
                ],
            }
            for t in uitkomst.trends
        ],
    }


# --- Endpoint ---------------------------------------------------------------------------------


@extend_schema(tags=[TAG_INDICATOREN], parameters=[ID_PARAM])
class PlanIndicatorenView(ApiView):
    serializer_class = PlangebiedIndicatorenSerializer
    http_method_names = ["get", "head"]

    @extend_schema(
        operation_id="wijkplanIndicatorenOphalen",
        summary="Kerncijfers van het plangebied",
        description=(
            "De indicatoren van de buurten van het plan (CBS, Kerncijfers wijken en buurten), "
            "vergeleken met de gemeente en Nederland: bevolking, wonen, energie en inkomen, "
            "met per cijfer hoe het voor meerdere buurten is berekend en op hoeveel buurten "
            "het rust. Ook het signaal energiearmoede met de regel en drempels, en de "
            "ontwikkeling over de jaren. Onbekende cijfers zijn leeg (`null`), nooit 0. Zonder "
            "ingelezen cijfers is `jaar` leeg en zijn de lijsten leeg."
        ),
        parameters=[JaarFilter],
        responses={
            200: PlangebiedIndicatorenSerializer,
            **problems(
                400,
                403,
                404,
                s400="Ongeldig jaar, of een jaar zonder cijfers voor de buurten van het plan.",
            ),
        },
    )
    def get(self, request: Request, id: int) -> Response:
        plan = plan_voor(request, id)
        filter_ = JaarFilter(data=request.query_params)
        filter_.is_valid(raise_exception=True)
        try:
            uitkomst = indicatoren_voor_plan(plan, filter_.validated_data.get("jaar"))
        except OnbekendJaar as exc:
            raise serializers.ValidationError(
                {"jaar": [serializers.ErrorDetail(str(exc), code="onbekend-jaar")]}
            ) from exc
        data = PlangebiedIndicatorenSerializer(indicatoren_data(plan, uitkomst)).data
        return Response(data)
