"""Choices of the wijktoets: themes, assessments, the verdict and the consequences."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Thema(models.TextChoices):
    """The themes the wijktoets looks at; each gets a finding, indicators and an assessment."""

    LEEFBAARHEID = "leefbaarheid", _("Leefbaarheid")
    ARMOEDE = "armoede", _("Armoede en energiearmoede")
    GEZONDHEID = "gezondheid", _("Gezondheid en zorg")
    VEILIGHEID = "veiligheid", _("Veiligheid")
    KLIMAATADAPTATIE = "klimaatadaptatie", _("Klimaatadaptatie")
    ANDERE_WERKEN = "andere_werken", _("Andere werken in de wijk")
    SOCIALE_SAMENHANG = "sociale_samenhang", _("Sociale samenhang en actieve bewonersgroepen")


#: The question each theme answers, shown with its form and in the document.
THEMA_VRAAG: dict[str, str] = {
    Thema.LEEFBAARHEID: _(
        "Hoe prettig is het wonen in de wijk? Denk aan de staat van woningen en openbare ruimte, "
        "voorzieningen, leegstand en overlast."
    ),
    Thema.ARMOEDE: _(
        "Hoeveel huishoudens hebben een laag inkomen of moeite om de energierekening te betalen? "
        "Wonen zij in slecht geïsoleerde woningen?"
    ),
    Thema.GEZONDHEID: _(
        "Wonen er veel ouderen of mensen met een zorgvraag? Welke zorginstellingen en "
        "hulpverleners zijn actief?"
    ),
    Thema.VEILIGHEID: _(
        "Voelen bewoners zich veilig? Zijn er zorgen over criminaliteit, overlast of "
        "verkeersveiligheid die het werk in de wijk raken?"
    ),
    Thema.KLIMAATADAPTATIE: _(
        "Heeft de wijk last van wateroverlast, hitte of droogte? Welke maatregelen zijn nodig of "
        "gepland?"
    ),
    Thema.ANDERE_WERKEN: _(
        "Welke werken zijn gepland, zoals rioolvervanging, herinrichting van straten of "
        "renovatie door de woningcorporatie? Kunnen we daarop aansluiten?"
    ),
    Thema.SOCIALE_SAMENHANG: _(
        "Kennen bewoners elkaar en zijn er actieve bewonersgroepen, verenigingen of een "
        "energiecoöperatie? Wie zijn de sleutelfiguren?"
    ),
}

#: Canonical CBS indicator keys suggested per theme (only those the catalogue knows are shown).
THEMA_INDICATOREN: dict[str, tuple[str, ...]] = {
    Thema.LEEFBAARHEID: (
        "bevolkingsdichtheid",
        "onbewoonde_woningen_pct",
        "gemiddelde_woz_waarde",
        "afstand_grote_supermarkt_km",
        "afstand_huisartsenpraktijk_km",
        "mate_van_stedelijkheid",
    ),
    Thema.ARMOEDE: (
        "huishoudens_laag_inkomen_pct",
        "huishoudens_rond_sociaal_minimum_pct",
        "inkomen_per_inwoner",
        "gestandaardiseerd_inkomen_huishoudens",
        "uitkering_bijstand",
        "aardgas_totaal_m3",
        "aardgas_huurwoning_m3",
        "aardgas_eigen_woning_m3",
    ),
    Thema.GEZONDHEID: (
        "wmo_clienten_relatief",
        "jongeren_jeugdzorg_pct",
        "leeftijd_65_en_ouder",
        "uitkering_ao",
        "afstand_huisartsenpraktijk_km",
    ),
    Thema.VEILIGHEID: (),
    Thema.KLIMAATADAPTATIE: (
        "oppervlakte_land_ha",
        "oppervlakte_water_ha",
        "omgevingsadressendichtheid",
    ),
    Thema.ANDERE_WERKEN: (
        "corporatiewoningen_pct",
        "bouwjaar_voor_2000_pct",
        "bouwjaar_ouder_dan_10_jaar_pct",
        "meergezinswoning_pct",
        "nieuwbouw_woningen",
    ),
    Thema.SOCIALE_SAMENHANG: (
        "eenpersoonshuishoudens",
        "huishoudens_met_kinderen",
        "leeftijd_65_en_ouder",
        "koopwoningen_pct",
        "huurwoningen_pct",
        "nettoarbeidsparticipatie_pct",
    ),
}


class Beoordeling(models.TextChoices):
    """What a theme means for a neighbourhood approach."""

    KANS = "kans", _("Kans")
    UITDAGING = "uitdaging", _("Uitdaging")
    NEUTRAAL = "neutraal", _("Neutraal")


class Oordeel(models.TextChoices):
    """The verdict of the wijktoets."""

    GESCHIKT = "geschikt", _("Geschikt voor een wijkgerichte aanpak")
    ONDER_VOORWAARDEN = "onder_voorwaarden", _("Geschikt onder voorwaarden")
    NIET_GESCHIKT = "niet_geschikt", _("(Nog) niet geschikt voor een wijkgerichte aanpak")


class Participatieniveau(models.TextChoices):
    """How intensively residents take part: the rungs of the participation ladder."""

    INFORMEREN = "informeren", _("Informeren")
    RAADPLEGEN = "raadplegen", _("Raadplegen")
    ADVISEREN = "adviseren", _("Adviseren")
    COPRODUCEREN = "coproduceren", _("Coproduceren")
    MEEBESLISSEN = "meebeslissen", _("Meebeslissen")


PARTICIPATIENIVEAU_UITLEG: dict[str, str] = {
    Participatieniveau.INFORMEREN: _(
        "De gemeente bepaalt en houdt bewoners op de hoogte van wat er gebeurt."
    ),
    Participatieniveau.RAADPLEGEN: _(
        "Bewoners geven hun mening over de plannen; de gemeente beslist."
    ),
    Participatieniveau.ADVISEREN: _(
        "Bewoners denken vanaf het begin mee en geven advies; de gemeente legt uit wat zij "
        "ermee doet."
    ),
    Participatieniveau.COPRODUCEREN: _(
        "Gemeente en bewoners maken samen de plannen en zoeken samen naar oplossingen."
    ),
    Participatieniveau.MEEBESLISSEN: _(
        "Bewoners beslissen mee; de gemeente neemt de uitkomst over binnen afgesproken kaders."
    ),
}


class Doelgroep(models.TextChoices):
    """Groups of residents who need extra attention in the approach."""

    LAAG_INKOMEN = "laag_inkomen", _("Huishoudens met een laag inkomen of energiearmoede")
    HUURDERS_CORPORATIE = "huurders_corporatie", _("Huurders van de woningcorporatie")
    HUURDERS_PARTICULIER = "huurders_particulier", _("Huurders van particuliere verhuurders")
    EIGENAAR_BEWONERS = "eigenaar_bewoners", _("Eigenaar-bewoners")
    VVE = "vve", _("Eigenaren in een VvE")
    OUDEREN = "ouderen", _("Ouderen")
    ZORGVRAAG = "zorgvraag", _("Bewoners met een zorgvraag")
    TAAL = "taal", _("Bewoners die de Nederlandse taal niet goed beheersen of laaggeletterd zijn")
    ONDERNEMERS = "ondernemers", _("Ondernemers")


class Timing(models.TextChoices):
    """When the neighbourhood approach starts, given the wijktoets."""

    DIRECT = "direct", _("Direct starten")
    MEEKOPPELEN = "meekoppelen", _("Afstemmen op andere werken in de wijk")
    GEFASEERD = "gefaseerd", _("Gefaseerd, per buurt of deelgebied")
    LATER = "later", _("Later starten")


class PartijCategorie(models.TextChoices):
    """Kinds of stakeholders present in the neighbourhood."""

    WONINGCORPORATIE = "woningcorporatie", _("Woningcorporatie")
    VVE = "vve", _("Vereniging van Eigenaren (VvE)")
    BEDRIJF = "bedrijf", _("Bedrijf of ondernemersvereniging")
    SCHOOL = "school", _("School of kinderopvang")
    ZORG = "zorg", _("Zorginstelling")
    MAATSCHAPPELIJK = "maatschappelijk", _("Maatschappelijke organisatie")
    BEWONERSGROEP = "bewonersgroep", _("Bewonersgroep of energiecoöperatie")
    NETBEHEERDER = "netbeheerder", _("Netbeheerder of warmtebedrijf")
    OVERIG = "overig", _("Overig")


class WijktoetsStatus(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    AFGEROND = "afgerond", _("Afgerond")


#: Longest text a user can enter in one field of the wijktoets.
MAX_TEKST = 10_000
#: Most indicators one finding can refer to.
MAX_INDICATOREN = 40
#: Most stakeholders one wijktoets lists.
MAX_PARTIJEN = 60
