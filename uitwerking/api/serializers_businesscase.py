"""Representations of the business case's API. Input serializers only check the shape (an
object where an object belongs, a list where a list belongs); the service checks every value and
says in Dutch what to fill in. Shares are fractions: 0.9 is 90 %."""

from __future__ import annotations

from rest_framework import serializers

from wup.api.serializers import StrictSerializer


class GetalVeld(serializers.FloatField):
    """A number, passed on as sent: the service names the field when it is no number."""

    def to_internal_value(self, data):
        return data


def _getal(help_text: str) -> GetalVeld:
    return GetalVeld(required=False, allow_null=True, help_text=help_text)


class FaseringVeld(serializers.ListField):
    def __init__(self, **kwargs):
        super().__init__(child=GetalVeld(), required=False, **kwargs)


class InvesteringInvoerSerializer(StrictSerializer):
    bedrag = _getal("Investering in euro.")
    fasering = FaseringVeld(
        help_text="Deel van de investering per jaar vanaf het startjaar; samen 1, bv. "
        "`[0.5, 0.3, 0.2]`."
    )
    levensduur_jaren = _getal("Levensduur in jaren (meer dan 0).")
    onderhoud_fractie = _getal("Onderhoud en beheer per jaar als deel van de investering.")


class InvesteringenInvoerSerializer(StrictSerializer):
    netwerk = InvesteringInvoerSerializer(
        required=False, help_text="Warmtenet: leidingen in de wijk en transport."
    )
    opwekking = InvesteringInvoerSerializer(required=False, help_text="Opwekking en bron.")
    aansluitingen = InvesteringInvoerSerializer(
        required=False, help_text="Aansluitingen en afleversets."
    )
    gebouw = InvesteringInvoerSerializer(
        required=False, help_text="Maatregelen in gebouwen die het warmtebedrijf betaalt."
    )


class SubsidieSerializer(StrictSerializer):
    omschrijving = serializers.CharField(allow_blank=True, help_text="Bijvoorbeeld `WIS`.")
    jaar = GetalVeld(help_text="Het kalenderjaar waarin de subsidie binnenkomt.")
    bedrag = GetalVeld(help_text="Bedrag in euro.")


class BusinesscaseInvoerSerializer(StrictSerializer):
    """What the projectleider sets; every field is optional: what is not sent keeps the value
    prefilled from step 2 and the finance parameters."""

    investeringen = InvesteringenInvoerSerializer(required=False)
    aantal_aansluitingen = _getal("Aantal gebouwen dat kan aansluiten.")
    aansluitgraad = _getal("Deel van de gebouwen dat aansluit (0 tot en met 1).")
    aansluitfasering = FaseringVeld(help_text="Deel van de aansluitingen per jaar; samen 1.")
    warmtevraag_gj_per_aansluiting = _getal("Warmtevraag per aansluiting in GJ per jaar.")
    tarieven_volgen_plafond = serializers.BooleanField(
        required=False,
        help_text="Het warmtebedrijf rekent elk jaar het ACM-maximum; de eigen tarieven tellen "
        "dan niet mee.",
    )
    vastrecht_per_jaar = _getal("Eigen vastrecht in euro per jaar, inclusief btw.")
    variabel_per_gj = _getal("Eigen variabel tarief in euro per GJ, inclusief btw.")
    aansluitbijdrage = _getal("Eenmalige aansluitbijdrage in euro per aansluiting.")
    inkoopkosten_per_gj = _getal(
        "Inkoopkosten van de warmte in euro per GJ in het startjaar; daarna met de gasprijs mee."
    )
    vaste_beheerkosten_per_jaar = _getal("Vaste beheerkosten in euro per jaar.")
    subsidies = SubsidieSerializer(many=True, required=False)
    looptijd_jaren = _getal("Looptijd in hele jaren.")
    discontovoet = _getal("Discontovoet per jaar, bv. 0.04 (groter dan -1).")
    startjaar = _getal("Het eerste jaar van de businesscase.")


class ScenarioSerializer(serializers.Serializer):
    prijsscenario = serializers.CharField(help_text="`basis`, `laag` of `hoog` (PBL).")
    aansluitgraad = serializers.FloatField()
    npv = serializers.FloatField(help_text="Netto contante waarde in euro.")
    irr = serializers.FloatField(
        allow_null=True, help_text="Interne rentevoet; leeg als die er niet is."
    )
    terugverdientijd = serializers.FloatField(allow_null=True)
    onrendabele_top = serializers.FloatField()


class ResultaatSerializer(serializers.Serializer):
    npv = serializers.FloatField(help_text="Netto contante waarde in euro (prijsscenario basis).")
    irr = serializers.FloatField(allow_null=True, help_text="Interne rentevoet als fractie.")
    irr_reden = serializers.CharField(
        allow_blank=True, help_text="Waarom er geen (eenduidige) interne rentevoet is."
    )
    terugverdientijd = serializers.FloatField(
        allow_null=True,
        help_text="Jaren tot de opgetelde kasstromen nul worden; leeg: niet binnen de looptijd.",
    )
    onrendabele_top = serializers.FloatField(help_text="Euro, contante waarde in het startjaar.")
    discontovoet = serializers.FloatField()
    begrensd = serializers.ListField(
        child=serializers.CharField(), help_text="Jaren en tarieven begrensd op het ACM-maximum."
    )
    notities = serializers.ListField(child=serializers.CharField())
    kasstromen = serializers.DictField(
        child=serializers.ListField(child=serializers.FloatField()),
        help_text="Per kolom (jaar, investeringen, ..., kasstroom, cumulatief, contant) een "
        "waarde per jaar, in euro.",
    )


class ParameterBronSerializer(serializers.Serializer):
    naam = serializers.CharField()
    waarde = serializers.FloatField(allow_null=True)
    eenheid = serializers.CharField(allow_blank=True)
    bron = serializers.CharField(allow_blank=True)


class BerekeningKortSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    url = serializers.URLField(help_text="De pagina van deze berekening.")
    berekend_op = serializers.DateTimeField()
    alternatief = serializers.IntegerField(allow_null=True)
    alternatief_naam = serializers.CharField()
    keuze = serializers.IntegerField(
        allow_null=True, help_text="De keuze (stap 4) waarvoor deze berekening is gemaakt."
    )
    parameterset = serializers.IntegerField(allow_null=True)
    npv = serializers.FloatField()
    irr = serializers.FloatField(allow_null=True)
    onrendabele_top = serializers.FloatField()
    huidig = serializers.BooleanField(help_text="Dit is de berekening die telt.")


class BusinesscaseSerializer(serializers.Serializer):
    kan_rekenen = serializers.BooleanField(
        help_text="Er is een keuze met een doorgerekend alternatief en er zijn financiële "
        "parameters."
    )
    melding = serializers.CharField(
        allow_blank=True, help_text="Waarom er (nog) niet gerekend kan worden en wat te doen."
    )
    keuze = serializers.IntegerField(allow_null=True, help_text="De huidige keuze (stap 4).")
    alternatief = serializers.IntegerField(allow_null=True)
    alternatief_naam = serializers.CharField(allow_blank=True)
    berekening = BerekeningKortSerializer(
        allow_null=True, help_text="De huidige berekening; leeg als er nog geen is."
    )
    verouderd = serializers.BooleanField()
    verouderd_redenen = serializers.ListField(child=serializers.CharField())
    invoer = serializers.JSONField(
        help_text="De invoer zoals gebruikt (of, zonder berekening, zoals vooraf ingevuld), in "
        "dezelfde vorm als het verzoek om te berekenen."
    )
    herkomst = serializers.DictField(
        child=serializers.CharField(), help_text="Per invoerveld waar de waarde vandaan komt."
    )
    aangepast = serializers.ListField(
        child=serializers.CharField(), help_text="Velden die de projectleider zelf aanpaste."
    )
    resultaat = ResultaatSerializer(allow_null=True)
    scenarios = ScenarioSerializer(many=True)
    parameters = ParameterBronSerializer(many=True)
    parameterset_versie = serializers.IntegerField(allow_null=True)
