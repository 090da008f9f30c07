"""API: PBL's Startanalyse for the buurten of a plan, beside the plan's own alternatives.

``GET /api/v1/wijkplannen/{id}/startanalyse?editie=2025&scenario=basis`` -- same access as the
plan itself. PBL's figures per buurt and strategy variant (with units and edition) and the
comparison per variant of ``techniek.selectors.vergelijking``. Unknown figures are ``null``,
never 0. Indicator keys are values (``{"indicator": ..., "waarde": ...}``), not object keys, so
the camelCase of the API leaves them as the catalogue spells them.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from techniek.selectors.vergelijking import (
    REGELS,
    TITELS,
    StartanalyseVergelijking,
    startanalyse_vergelijking,
)
from techniek.startanalyse import vergelijking as pure
from wup.api.schema import problems
from wup.api.views import ID_PARAM, ApiView, plan_voor

TAG = "Alternatieven"
SCENARIOS = [("basis", "basis"), ("laag", "laag"), ("hoog", "hoog")]
REGELKEUZES = [(r, r) for r in (pure.SOM, pure.GEWOGEN_WEQ, pure.GEWOGEN_CO2, pure.NIET_BIJ_PBL)]


# --- Representations ---------------------------------------------------------------------------


class StartanalyseFilter(serializers.Serializer):
    editie = serializers.CharField(
        required=False,
        max_length=10,
        help_text="De editie van de Startanalyse, bv. `2025`, `2019` of `2020+`. Zonder editie: "
        "de nieuwste met cijfers voor de buurten van het plan.",
    )
    scenario = serializers.ChoiceField(
        choices=SCENARIOS,
        required=False,
        default=pure.SCENARIO,
        help_text="Het prijsscenario van de eigen berekening (PBL's hoofdindicatoren gebruiken "
        "het basispad).",
    )


class StartanalyseWaardeSerializer(serializers.Serializer):
    indicator = serializers.CharField(help_text="Sleutel uit de catalogus, bv. `co2_uitstoot`.")
    waarde = serializers.FloatField(allow_null=True, help_text="Leeg als PBL geen waarde geeft.")
    eenheid = serializers.CharField(allow_blank=True, help_text="Bv. `€/jr`, `ton CO₂/jr`.")


class StartanalyseBuurtRijSerializer(serializers.Serializer):
    buurtcode = serializers.CharField()
    buurtnaam = serializers.CharField(help_text="Naam van de buurt in het plan.")
    variant = serializers.CharField(
        allow_blank=True,
        help_text="PBL's variantcode, bv. `s1a`; leeg voor de statische gegevens van de buurt.",
    )
    strategie = serializers.CharField(help_text="Naam van de variant in deze editie.")
    editie = serializers.CharField()
    waarden = StartanalyseWaardeSerializer(
        many=True,
        help_text="Elk getal dat PBL in deze editie voor de buurten van het plan geeft.",
    )


class StartanalyseBuurtSerializer(serializers.Serializer):
    code = serializers.CharField()
    naam = serializers.CharField()
    met_pbl = serializers.BooleanField(help_text="PBL geeft cijfers voor deze buurt.")


class StartanalyseIndicatorSerializer(serializers.Serializer):
    sleutel = serializers.CharField(help_text="Bv. `nationale_meerkosten`.")
    titel = serializers.CharField()
    eenheid = serializers.CharField()
    regel = serializers.ChoiceField(
        choices=REGELKEUZES,
        help_text="Hoe PBL's cijfer voor het plangebied ontstaat: `som` van de buurten, "
        "gemiddelde gewogen naar woningequivalenten of naar vermeden CO₂, of `niet_bij_pbl`.",
    )
    uitleg = serializers.CharField(help_text="De regel in gewone taal.")
    pbl_bron = serializers.CharField(help_text="Kolom of afleiding bij PBL.")
    eigen_bron = serializers.CharField(help_text="Plaats in de samenvatting van de berekening.")


class StartanalyseCelSerializer(serializers.Serializer):
    indicator = serializers.CharField()
    pbl = serializers.FloatField(allow_null=True, help_text="PBL, voor het plangebied.")
    eigen = serializers.FloatField(allow_null=True, help_text="De eigen berekening.")
    verschil = serializers.FloatField(
        allow_null=True, help_text="Eigen min PBL (positief: eigen cijfer is hoger)."
    )
    verschil_procent = serializers.FloatField(
        allow_null=True, help_text="Het verschil in procent van PBL's cijfer."
    )


class StartanalyseAlternatiefSerializer(serializers.Serializer):
    naam = serializers.CharField()
    sjabloon = serializers.CharField(help_text="Code van het standaardalternatief.")
    eigen_variant = serializers.BooleanField(
        help_text="Een variant met eigen parameters: niet dezelfde definitie als PBL's variant."
    )
    berekend = serializers.BooleanField(help_text="Er is een afgeronde berekening.")
    verouderd = serializers.BooleanField(help_text="Berekend met een oudere parameterset.")
    cellen = StartanalyseCelSerializer(many=True)


class StartanalyseStrategieSerializer(serializers.Serializer):
    variant = serializers.CharField(
        allow_blank=True, help_text="PBL's variantcode; leeg als het alternatief er geen heeft."
    )
    strategie = serializers.CharField()
    heeft_pbl = serializers.BooleanField(
        help_text="PBL rekende deze variant voor minstens één buurt van het plan."
    )
    volledig = serializers.BooleanField(
        help_text="PBL rekende deze variant voor alle buurten van het plan (alleen dan zijn "
        "PBL's cijfers voor het plangebied bekend)."
    )
    pbl_buurten = serializers.ListField(child=serializers.CharField())
    pbl = StartanalyseWaardeSerializer(many=True, help_text="PBL, voor het plangebied.")
    alternatieven = StartanalyseAlternatiefSerializer(
        many=True, help_text="De alternatieven van het plan; leeg: alleen PBL."
    )


class StartanalyseGoedkoopsteSerializer(serializers.Serializer):
    variant = serializers.CharField()
    strategie = serializers.CharField()
    nationale_meerkosten = serializers.FloatField(help_text="€/jr, voor het plangebied.")
    vergeleken = serializers.IntegerField(
        help_text="Aantal varianten dat PBL voor alle buurten van het plan geeft."
    )


class StartanalysePlanSerializer(serializers.Serializer):
    editie = serializers.CharField(
        allow_null=True, help_text="De vergeleken editie; leeg als er niets is ingelezen."
    )
    edities = serializers.ListField(
        child=serializers.CharField(), help_text="Alle edities met cijfers voor deze buurten."
    )
    bron = serializers.CharField(help_text="Bronvermelding.")
    scenario = serializers.ChoiceField(choices=SCENARIOS)
    heeft_pbl = serializers.BooleanField(help_text="Er zijn cijfers van PBL voor het plan.")
    buurten = StartanalyseBuurtSerializer(many=True)
    indicatoren = StartanalyseIndicatorSerializer(many=True)
    pbl = StartanalyseBuurtRijSerializer(
        many=True, help_text="PBL's cijfers per buurt en strategievariant."
    )
    strategieen = StartanalyseStrategieSerializer(many=True)
    goedkoopste = StartanalyseGoedkoopsteSerializer(
        allow_null=True,
        help_text="PBL's strategie met de laagste nationale meerkosten voor het hele "
        "plangebied, als PBL die geeft.",
    )


# --- Data ---------------------------------------------------------------------------------------


def _waarden(waarden, eenheden) -> list[dict]:
    return [
        {"indicator": k, "waarde": w, "eenheid": eenheden.get(k, "")} for k, w in waarden.items()
    ]


def startanalyse_data(v: StartanalyseVergelijking) -> dict:
    u = v.uitkomst
    met_pbl = set(u.buurten_met_pbl)
    eenheden = {i.sleutel: i.eenheid for i in u.indicatoren}
    return {
        "editie": u.editie,
        "edities": list(u.edities),
        "bron": v.bron,
        "scenario": u.scenario,
        "heeft_pbl": u.heeft_pbl,
        "buurten": [
            {"code": c, "naam": v.buurten.get(c, c), "met_pbl": c in met_pbl} for c in u.buurtcodes
        ],
        "indicatoren": [
            {
                "sleutel": i.sleutel,
                "titel": str(TITELS.get(i.sleutel, i.titel)),
                "eenheid": i.eenheid,
                "regel": i.regel,
                "uitleg": str(REGELS[i.regel]),
                "pbl_bron": i.pbl_bron,
                "eigen_bron": i.eigen_bron,
            }
            for i in u.indicatoren
        ],
        "pbl": [
            {
                "buurtcode": r.buurtcode,
                "buurtnaam": v.buurten.get(r.buurtcode) or r.buurtnaam or r.buurtcode,
                "variant": r.variant,
                "strategie": r.strategie,
                "editie": r.editie,
                "waarden": _waarden(r.waarden, u.eenheden),
            }
            for r in u.pbl_rijen
        ],
        "strategieen": [
            {
                "variant": s.variant,
                "strategie": s.strategie,
                "heeft_pbl": s.heeft_pbl,
                "volledig": s.volledig,
                "pbl_buurten": list(s.pbl_buurten),
                "pbl": _waarden(s.pbl, eenheden),
                "alternatieven": [
                    {
                        "naam": rij.alternatief.naam,
                        "sjabloon": rij.alternatief.sjabloon,
                        "eigen_variant": rij.alternatief.eigen_variant,
                        "berekend": rij.alternatief.berekend,
                        "verouderd": rij.alternatief.verouderd,
                        "cellen": [
                            {
                                "indicator": k,
                                "pbl": c.pbl,
                                "eigen": c.eigen,
                                "verschil": c.verschil,
                                "verschil_procent": c.verschil_procent,
                            }
                            for k, c in rij.cellen.items()
                        ],
                    }
                    for rij in s.rijen
                    if rij.alternatief is not None
                ],
            }
            for s in u.strategieen
        ],
        "goedkoopste": (
            {
                "variant": u.goedkoopste.variant,
                "strategie": u.goedkoopste.strategie,
                "nationale_meerkosten": u.goedkoopste.nationale_meerkosten,
                "vergeleken": u.goedkoopste.vergeleken,
            }
            if u.goedkoopste
            else None
        ),
    }


# --- View ---------------------------------------------------------------------------------------


@extend_schema(tags=[TAG], parameters=[ID_PARAM])
class StartanalyseView(ApiView):
    serializer_class = StartanalysePlanSerializer
    http_method_names = ["get", "head"]

    @extend_schema(
        operation_id="startanalyseVanPlan",
        summary="Startanalyse van PBL naast de alternatieven",
        description="PBL's cijfers uit de Startanalyse aardgasvrije buurten per buurt en "
        "strategievariant, en per variant PBL's cijfer voor het hele plangebied naast de eigen "
        "berekening van elk alternatief, met het verschil. Totalen zijn de buurten opgeteld; "
        "cijfers per woningequivalent of per ton CO₂ zijn gewogen gemiddelden. Ontbreekt een "
        "buurt of een cijfer, dan is het cijfer voor het plangebied leeg (onbekend), nooit 0. "
        "Zonder ingelezen Startanalyse is `heeftPbl` onwaar en zijn de lijsten van PBL leeg.",
        parameters=[StartanalyseFilter],
        responses={200: StartanalysePlanSerializer, **problems(400, 403, 404)},
    )
    def get(self, request: Request, id: int) -> Response:
        plan = plan_voor(request, id)
        filter_ = StartanalyseFilter(data=request.query_params)
        filter_.is_valid(raise_exception=True)
        d = filter_.validated_data
        v = startanalyse_vergelijking(
            plan, scenario=d.get("scenario", pure.SCENARIO), editie=d.get("editie") or None
        )
        return Response(StartanalysePlanSerializer(startanalyse_data(v)).data)
