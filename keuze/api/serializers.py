"""Representations of step 4's API: criteria, the score matrix, the analysis and the choices.

Input serializers only check the shape of what is sent (text where text belongs, an id where an
id belongs); the services check the values and say in Dutch what to fill in.
"""

from __future__ import annotations

from rest_framework import serializers

from keuze.models import Criterium
from wup.api.serializers import GebruikerSerializer, StrictSerializer
from wup.api.views import MAX_ID


class GetalVeld(serializers.FloatField):
    """A number, passed on as sent: the service accepts a number or a text with a number (also
    with a decimal comma, as in the forms) and names the field when it is neither."""

    def to_internal_value(self, data):
        return data


def _tekst(help_text: str = "", *, verplicht: bool = True) -> serializers.CharField:
    # Blank text is the service's to refuse, with the message the form shows.
    if verplicht:
        return serializers.CharField(allow_blank=True, help_text=help_text)
    return serializers.CharField(allow_blank=True, required=False, default="", help_text=help_text)


# --- Criteria -----------------------------------------------------------------------------------


class CriteriumSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    url = serializers.URLField(help_text="Adres van dit criterium.")
    naam = serializers.CharField()
    toelichting = serializers.CharField(help_text="Waarom het criterium meetelt en dit gewicht.")
    gewicht = serializers.FloatField(help_text="Het gewicht zoals ingevuld (elke schaal mag).")
    gewicht_aandeel = serializers.FloatField(
        allow_null=True,
        help_text="Het gewicht als deel van het totaal van alle criteria (0 tot 1); leeg als "
        "alle gewichten 0 zijn. De analyse rekent met deze aandelen.",
    )
    richting = serializers.ChoiceField(choices=Criterium.Richting.choices)
    eenheid = serializers.CharField()
    bron = serializers.CharField(
        help_text="`handmatig` (deskundig oordeel: scores met toelichting per alternatief) of "
        "de sleutel van een automatische bron, bv. `techniek:nk.H16_Nat_meerkost` of "
        "`participatie:steun`."
    )
    bron_titel = serializers.CharField(help_text="De bron in woorden.")
    handmatig = serializers.BooleanField(help_text="De scores zijn een deskundig oordeel.")
    zekerheid = serializers.ChoiceField(choices=Criterium.Zekerheid.choices)
    volgorde = serializers.IntegerField()
    scores_url = serializers.URLField(
        allow_null=True,
        help_text="Waar u de scores van een handmatig criterium opslaat (PUT); leeg bij een "
        "automatische bron.",
    )
    aangemaakt_op = serializers.DateTimeField()
    gewijzigd_op = serializers.DateTimeField()


class CriteriumInvoerSerializer(StrictSerializer):
    naam = _tekst("De naam van het criterium (uniek in het plan).")
    toelichting = _tekst("Waarom dit criterium meetelt en waarom het dit gewicht krijgt.")
    gewicht = GetalVeld(help_text="0 tot en met 1000, op elke schaal; de analyse normaliseert.")
    richting = serializers.CharField(help_text="`hoger_beter` of `lager_beter`.")
    eenheid = _tekst("Bijvoorbeeld `euro per jaar`; `score 1–5` begrenst de scores.")
    bron = serializers.CharField(
        required=False,
        default="handmatig",
        help_text="`handmatig` (standaard) of de sleutel van een automatische bron.",
    )
    zekerheid = serializers.CharField(help_text="`hoog`, `middel` of `laag`.")


# --- Scores ---------------------------------------------------------------------------------------


class ScoreCelSerializer(serializers.Serializer):
    alternatief = serializers.IntegerField(help_text="Id van het alternatief.")
    waarde = serializers.FloatField(allow_null=True, help_text="In de eenheid van het criterium.")
    toelichting = serializers.CharField(
        allow_blank=True, help_text="De uitleg bij een deskundig oordeel."
    )
    bron_url = serializers.URLField(
        allow_null=True, help_text="Waar het cijfer met zijn uitleg staat (automatische bron)."
    )
    herkomst = serializers.CharField(
        allow_blank=True, help_text="Wat het cijfer is, bv. `berekening 12`."
    )
    verouderd = serializers.BooleanField(help_text="De bron is verouderd: opnieuw doorrekenen.")
    ontbreekt = serializers.CharField(
        allow_blank=True, help_text="Waarom er geen waarde is (leeg als die er is)."
    )


class ScoreRijSerializer(serializers.Serializer):
    criterium = serializers.IntegerField(help_text="Id van het criterium.")
    naam = serializers.CharField()
    bron = serializers.CharField()
    handmatig = serializers.BooleanField()
    eenheid = serializers.CharField()
    richting = serializers.ChoiceField(choices=Criterium.Richting.choices)
    aantal = serializers.IntegerField(help_text="Aantal alternatieven met een waarde.")
    scores = ScoreCelSerializer(many=True, help_text="Per alternatief, in de volgorde hierboven.")


class ScoreAlternatiefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    naam = serializers.CharField()
    url = serializers.URLField(help_text="Het alternatief in de API van stap 2.")
    doorgerekend = serializers.BooleanField()
    verouderd = serializers.BooleanField()


class BeoordelingSerializer(serializers.Serializer):
    alternatieven = ScoreAlternatiefSerializer(many=True)
    criteria = ScoreRijSerializer(many=True)


SCORES_INVOER_SCHEMA = {
    "type": "object",
    "description": "Per id van een alternatief de score en de toelichting. Een lege `waarde` "
    '(null of "") verwijdert de score. Alternatieven die u weglaat, houden hun score.',
    "additionalProperties": {
        "type": "object",
        "properties": {
            "waarde": {"type": "number", "nullable": True},
            "toelichting": {"type": "string", "description": "Verplicht bij een waarde."},
        },
        "required": ["waarde"],
    },
    "example": {"12": {"waarde": 4, "toelichting": "Bewezen techniek in vergelijkbare wijken."}},
}

GEWICHTEN_INVOER_SCHEMA = {
    "type": "object",
    "description": "Per id van een criterium het nieuwe gewicht (0 tot en met 1000). "
    "Criteria die u weglaat, houden hun gewicht.",
    "additionalProperties": {"type": "number"},
    "example": {"3": 20, "4": 15},
}


# --- Choices --------------------------------------------------------------------------------------


class KeuzeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    url = serializers.URLField()
    huidig = serializers.BooleanField(help_text="Dit is de keuze die telt (de nieuwste).")
    alternatief = serializers.IntegerField(
        allow_null=True, help_text="Id van het gekozen alternatief; leeg als het is verwijderd."
    )
    alternatief_naam = serializers.CharField(help_text="De naam op het moment van de keuze.")
    motivatie = serializers.CharField()
    participatie_afweging = serializers.CharField(
        help_text="Hoe de uitkomsten van de participatie zijn meegewogen."
    )
    reden_zonder_participatie = serializers.CharField(allow_blank=True)
    afwijkende_standpunten = serializers.CharField(allow_blank=True)
    voorwaarden = serializers.CharField(allow_blank=True)
    verouderd_bevestigd = serializers.BooleanField(
        help_text="Gekozen op verouderde uitkomsten, met bevestiging."
    )
    orgaan = serializers.CharField(help_text="Wie besloot, bv. `college` of `stuurgroep`.")
    besluitdatum = serializers.DateField()
    kenmerk = serializers.CharField(allow_blank=True)
    vervangt = serializers.IntegerField(allow_null=True, help_text="Id van de vorige keuze.")
    vervangen_door = serializers.IntegerField(
        allow_null=True, help_text="Id van de keuze die deze verving; leeg voor de huidige."
    )
    vastgelegd_door = GebruikerSerializer(allow_null=True)
    vastgelegd_op = serializers.DateTimeField()


class KeuzeDetailSerializer(KeuzeSerializer):
    analyse = serializers.DictField(
        help_text="De analyse zoals die was op het moment van de keuze: criteria, gewichten, "
        "scores, rangorde en gevoeligheid. Verandert nooit meer."
    )


class KeuzeVastleggenSerializer(StrictSerializer):
    vorige_keuze = serializers.IntegerField(
        allow_null=True,
        min_value=1,
        max_value=MAX_ID,
        help_text="Verplicht: het id van de huidige keuze zoals u die zag (het eerste element "
        "van GET keuzes), of null als er nog geen keuze is. Is er intussen een andere keuze "
        "vastgelegd (of stuurt u hetzelfde verzoek twee keer), dan wordt er niets vastgelegd "
        "en volgt 400.",
    )
    alternatief = serializers.IntegerField(
        min_value=1,
        max_value=MAX_ID,
        help_text="Id van het gekozen alternatief; het moet op alle criteria beoordeeld zijn.",
    )
    motivatie = _tekst("Waarom dit alternatief de beste warmteoplossing is (minstens 20 tekens).")
    participatie_afweging = _tekst(
        "Hoe de uitkomsten van de participatie zijn meegewogen (minstens 20 tekens)."
    )
    reden_zonder_participatie = _tekst(
        "Verplicht als de analyse geen steunscores van bewoners had: waarom toch zonder.",
        verplicht=False,
    )
    afwijkende_standpunten = _tekst(verplicht=False)
    voorwaarden = _tekst(verplicht=False)
    orgaan = serializers.CharField(
        help_text="Wie de keuze maakte: `college`, `stuurgroep`, `gemeenteraad`, "
        "`projectgroep` of `anders`."
    )
    besluitdatum = serializers.DateField(help_text="Datum van het besluit (niet in de toekomst).")
    kenmerk = _tekst("Kenmerk van het besluit.", verplicht=False)
    verouderd_bevestigd = serializers.BooleanField(
        required=False,
        default=False,
        help_text="Nodig als de berekening van het gekozen alternatief verouderd is: u "
        "bevestigt dat u toch op deze uitkomsten kiest.",
    )


# --- The analysis ---------------------------------------------------------------------------------


def _id(help_text: str = "", **kwargs) -> serializers.IntegerField:
    # The analysis keys criteria and alternatives by their ids as text; the API gives numbers.
    return serializers.IntegerField(help_text=help_text, **kwargs)


class AnalyseCriteriumSerializer(serializers.Serializer):
    criterium = _id("Id van het criterium.", source="sleutel")
    naam = serializers.CharField()
    richting = serializers.ChoiceField(choices=Criterium.Richting.choices)
    zekerheid = serializers.ChoiceField(choices=Criterium.Zekerheid.choices)
    gewicht = serializers.FloatField(help_text="Het gewicht zoals ingevuld.")
    procent = serializers.FloatField(
        help_text="Het aandeel in de analyse, 0 tot 100 (0 als het criterium niet meetelt)."
    )
    in_analyse = serializers.BooleanField(help_text="Onwaar als het criterium geen scores heeft.")
    onderscheidt = serializers.BooleanField(
        help_text="Onwaar als alle beoordeelde alternatieven hetzelfde scoren."
    )
    minimum = serializers.FloatField(allow_null=True)
    maximum = serializers.FloatField(allow_null=True)


class BijdrageSerializer(serializers.Serializer):
    criterium = _id("Id van het criterium.")
    genormaliseerd = serializers.FloatField(help_text="De score op de schaal 0 (slechtst) tot 1.")
    punten = serializers.FloatField(help_text="Gewicht × genormaliseerde score, in punten.")


class PlaatsSerializer(serializers.Serializer):
    alternatief = _id("Id van het alternatief.")
    naam = serializers.CharField()
    rang = serializers.IntegerField(help_text="1 = best; gelijke totalen delen een rang.")
    totaal = serializers.FloatField(help_text="0 tot 100 punten.")
    bijdragen = BijdrageSerializer(many=True, help_text="Per criterium in de analyse.")


class OnvolledigSerializer(serializers.Serializer):
    alternatief = _id("Id van het alternatief.")
    naam = serializers.CharField()
    ontbreekt = serializers.ListField(
        child=serializers.IntegerField(), help_text="Ids van de criteria zonder score."
    )


class OmslagSerializer(serializers.Serializer):
    procentpunten = serializers.FloatField(help_text="Hoe ver het gewicht verschuift.")
    gewicht = serializers.FloatField(help_text="Het gewicht bij de omslag, in procent.")
    voor = _id("Het alternatief dat voor lag (bij de top: de top).")
    na = _id("Het alternatief dat het inhaalt (bij de top: de nieuwe top).")


class GevoeligheidSerializer(serializers.Serializer):
    criterium = _id("Id van het criterium.")
    procent = serializers.FloatField(help_text="Het gewicht nu, in procent.")
    top_omhoog = OmslagSerializer(
        allow_null=True, help_text="Omhoog tot de top wisselt; leeg: niet binnen 0–100 %."
    )
    top_omlaag = OmslagSerializer(allow_null=True)
    wissel_omhoog = OmslagSerializer(
        allow_null=True, help_text="Omhoog tot twee alternatieven van plaats wisselen."
    )
    wissel_omlaag = OmslagSerializer(allow_null=True)
    top_bereik = serializers.ListField(
        child=serializers.FloatField(),
        min_length=2,
        max_length=2,
        help_text="Van en tot welk gewicht (procent) de top dezelfde blijft.",
    )


class ZonderCriteriumSerializer(serializers.Serializer):
    criterium = _id("Id van het weggelaten criterium.")
    rangorde = PlaatsSerializer(many=True)
    top = _id("Id van de top zonder dit criterium.", allow_null=True)
    top_verandert = serializers.BooleanField()
    reden = serializers.CharField(
        allow_null=True, help_text="Waarom er geen rangorde is, bv. `geen_andere_criteria`."
    )


class ZonderMinstZekerSerializer(serializers.Serializer):
    niveau = serializers.CharField(
        allow_null=True,
        help_text="De laagste zekerheid onder de criteria met gewicht: `hoog`, `middel` of `laag`.",
    )
    reden = serializers.CharField(
        allow_null=True,
        help_text="Waarom er niets is weggelaten: `alle_even_zeker`, `te_weinig_volledig` of "
        "`geen_criteria`.",
    )
    varianten = ZonderCriteriumSerializer(many=True)


class MeldingSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Bv. `gewichten_niet_100`, `alternatief_onvolledig`.")
    tekst = serializers.CharField(help_text="De melding in gewone taal.")
    criterium = _id(allow_null=True)
    alternatief = _id(allow_null=True)
    waarde = serializers.FloatField(allow_null=True)
    sleutels = serializers.ListField(
        child=serializers.IntegerField(), help_text="Ids waar de melding over gaat."
    )


class AnalyseSerializer(serializers.Serializer):
    berekend = serializers.BooleanField(help_text="Onwaar als er niets te berekenen viel.")
    fout = serializers.CharField(allow_null=True, help_text="Waarom er niets is berekend.")
    heeft_steun = serializers.BooleanField(
        help_text="De steunscores van de raadpleging (stap 3) tellen mee."
    )
    gewichtsom = serializers.FloatField(
        allow_null=True, help_text="De som van de gewichten zoals ingevuld."
    )
    criteria = AnalyseCriteriumSerializer(many=True)
    rangorde = PlaatsSerializer(many=True, help_text="De volledig beoordeelde, beste eerst.")
    onvolledig = OnvolledigSerializer(many=True, help_text="Nog niet volledig beoordeeld.")
    gevoeligheid = GevoeligheidSerializer(many=True)
    zonder_minst_zeker = ZonderMinstZekerSerializer(
        allow_null=True, help_text="De rangorde zonder het minst zekere criterium."
    )
    meldingen = MeldingSerializer(many=True, help_text="Bv. dat de gewichten niet 100 zijn.")
