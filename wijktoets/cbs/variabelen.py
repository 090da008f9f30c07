"""The catalogue of CBS Kerncijfers variables, stable across table years.

CBS renumbers its column keys every year (``AantalInwoners_5`` in one table may be
``AantalInwoners_7`` in another) and repeats titles across groups (``Huurwoning`` is electricity in
kWh in one group and gas in m³ in the next). The rest of the application therefore speaks only of
these canonical keys; :mod:`wijktoets.cbs.tabellen` says which source column is which key, per
table year. Titles and units follow CBS table 85984NED (Kerncijfers wijken en buurten 2024),
made unique where CBS repeats a title. Source: CBS, CC BY 4.0.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Variabele:
    sleutel: str  # canonical, stable across table years, e.g. "aantal_inwoners"
    titel: str  # Dutch title (as CBS, made unique where CBS repeats it)
    eenheid: str  # the CBS unit, e.g. "aantal", "%", "m³", "kWh", "x 1 000 euro"
    groep: str  # e.g. "Bevolking", "Wonen", "Energie", "Inkomen"


_V = Variabele

_CATALOGUS: tuple[Variabele, ...] = (
    # Bevolking
    _V("aantal_inwoners", "Aantal inwoners", "aantal", "Bevolking"),
    _V("mannen", "Mannen", "aantal", "Bevolking"),
    _V("vrouwen", "Vrouwen", "aantal", "Bevolking"),
    _V("leeftijd_0_tot_15", "Inwoners 0 tot 15 jaar", "aantal", "Bevolking"),
    _V("leeftijd_15_tot_25", "Inwoners 15 tot 25 jaar", "aantal", "Bevolking"),
    _V("leeftijd_25_tot_45", "Inwoners 25 tot 45 jaar", "aantal", "Bevolking"),
    _V("leeftijd_45_tot_65", "Inwoners 45 tot 65 jaar", "aantal", "Bevolking"),
    _V("leeftijd_65_en_ouder", "Inwoners 65 jaar of ouder", "aantal", "Bevolking"),
    _V("ongehuwd", "Ongehuwd", "aantal", "Bevolking"),
    _V("gehuwd", "Gehuwd", "aantal", "Bevolking"),
    _V("gescheiden", "Gescheiden", "aantal", "Bevolking"),
    _V("verweduwd", "Verweduwd", "aantal", "Bevolking"),
    _V("geboorte_totaal", "Geboorte totaal", "aantal", "Bevolking"),
    _V("geboorte_relatief", "Geboorte relatief", "per 1 000 inwoners", "Bevolking"),
    _V("sterfte_totaal", "Sterfte totaal", "aantal", "Bevolking"),
    _V("sterfte_relatief", "Sterfte relatief", "per 1 000 inwoners", "Bevolking"),
    _V("bevolkingsdichtheid", "Bevolkingsdichtheid", "aantal inwoners per km²", "Bevolking"),
    # Huishoudens
    _V("huishoudens_totaal", "Huishoudens totaal", "aantal", "Huishoudens"),
    _V("eenpersoonshuishoudens", "Eenpersoonshuishoudens", "aantal", "Huishoudens"),
    _V("huishoudens_zonder_kinderen", "Huishoudens zonder kinderen", "aantal", "Huishoudens"),
    _V("huishoudens_met_kinderen", "Huishoudens met kinderen", "aantal", "Huishoudens"),
    _V(
        "gemiddelde_huishoudensgrootte",
        "Gemiddelde huishoudensgrootte",
        "aantal",
        "Huishoudens",
    ),
    # Wonen
    _V("woningvoorraad", "Woningvoorraad", "aantal", "Wonen"),
    _V("nieuwbouw_woningen", "Nieuwbouw woningen", "aantal", "Wonen"),
    _V("niet_woningvoorraad", "Niet-woningvoorraad", "aantal", "Wonen"),
    _V("nieuwbouw_niet_woningen", "Nieuwbouw niet-woningen", "aantal", "Wonen"),
    _V(
        "gemiddelde_woz_waarde",
        "Gemiddelde WOZ-waarde van woningen",
        "x 1 000 euro",
        "Wonen",
    ),
    _V("eengezinswoning_pct", "Percentage eengezinswoning", "%", "Wonen"),
    _V("tussenwoning_pct", "Percentage tussenwoning (eengezins)", "%", "Wonen"),
    _V("hoekwoning_pct", "Percentage hoekwoning (eengezins)", "%", "Wonen"),
    _V(
        "twee_onder_een_kap_pct",
        "Percentage twee-onder-één-kapwoning (eengezins)",
        "%",
        "Wonen",
    ),
    _V("vrijstaande_woning_pct", "Percentage vrijstaande woning (eengezins)", "%", "Wonen"),
    _V("meergezinswoning_pct", "Percentage meergezinswoning", "%", "Wonen"),
    _V("onbewoonde_woningen_pct", "Onbewoonde woningen", "%", "Wonen"),
    _V("koopwoningen_pct", "Koopwoningen", "%", "Wonen"),
    _V("huurwoningen_pct", "Huurwoningen totaal", "%", "Wonen"),
    _V("corporatiewoningen_pct", "Huurwoningen in bezit woningcorporatie", "%", "Wonen"),
    _V("overige_verhuurders_pct", "Huurwoningen in bezit overige verhuurders", "%", "Wonen"),
    _V("eigendom_onbekend_pct", "Eigendom onbekend", "%", "Wonen"),
    _V("bouwjaar_voor_2000_pct", "Bouwjaar voor 2000", "%", "Wonen"),
    _V("bouwjaar_vanaf_2000_pct", "Bouwjaar vanaf 2000", "%", "Wonen"),
    _V(
        "bouwjaar_ouder_dan_10_jaar_pct",
        "Bouwjaar meer dan tien jaar geleden",
        "%",
        "Wonen",
    ),
    _V("bouwjaar_laatste_10_jaar_pct", "Bouwjaar afgelopen tien jaar", "%", "Wonen"),
    # Energie
    _V(
        "elektriciteit_totaal_kwh",
        "Gemiddelde elektriciteitslevering totaal",
        "kWh",
        "Energie",
    ),
    _V("elektriciteit_appartement_kwh", "Elektriciteitslevering appartement", "kWh", "Energie"),
    _V("elektriciteit_tussenwoning_kwh", "Elektriciteitslevering tussenwoning", "kWh", "Energie"),
    _V("elektriciteit_hoekwoning_kwh", "Elektriciteitslevering hoekwoning", "kWh", "Energie"),
    _V(
        "elektriciteit_twee_onder_een_kap_kwh",
        "Elektriciteitslevering twee-onder-één-kapwoning",
        "kWh",
        "Energie",
    ),
    _V(
        "elektriciteit_vrijstaand_kwh",
        "Elektriciteitslevering vrijstaande woning",
        "kWh",
        "Energie",
    ),
    _V("elektriciteit_huurwoning_kwh", "Elektriciteitslevering huurwoning", "kWh", "Energie"),
    _V(
        "elektriciteit_eigen_woning_kwh",
        "Elektriciteitslevering eigen woning",
        "kWh",
        "Energie",
    ),
    _V("aardgas_totaal_m3", "Gemiddeld aardgasverbruik totaal", "m³", "Energie"),
    _V("aardgas_appartement_m3", "Aardgasverbruik appartement", "m³", "Energie"),
    _V("aardgas_tussenwoning_m3", "Aardgasverbruik tussenwoning", "m³", "Energie"),
    _V("aardgas_hoekwoning_m3", "Aardgasverbruik hoekwoning", "m³", "Energie"),
    _V(
        "aardgas_twee_onder_een_kap_m3",
        "Aardgasverbruik twee-onder-één-kapwoning",
        "m³",
        "Energie",
    ),
    _V("aardgas_vrijstaand_m3", "Aardgasverbruik vrijstaande woning", "m³", "Energie"),
    _V("aardgas_huurwoning_m3", "Aardgasverbruik huurwoning", "m³", "Energie"),
    _V("aardgas_eigen_woning_m3", "Aardgasverbruik eigen woning", "m³", "Energie"),
    _V("stadsverwarming_pct", "Percentage woningen met stadsverwarming", "%", "Energie"),
    # Onderwijs
    _V("leerlingen_po", "Leerlingen po", "aantal", "Onderwijs"),
    _V("leerlingen_vo", "Leerlingen vo (incl. vavo)", "aantal", "Onderwijs"),
    _V("studenten_mbo", "Studenten mbo (excl. extranei)", "aantal", "Onderwijs"),
    _V("studenten_hbo", "Studenten hbo", "aantal", "Onderwijs"),
    _V("studenten_wo", "Studenten wo", "aantal", "Onderwijs"),
    _V(
        "opleidingsniveau_laag",
        "Opleidingsniveau basisonderwijs, vmbo, mbo1",
        "aantal",
        "Onderwijs",
    ),
    _V(
        "opleidingsniveau_middelbaar",
        "Opleidingsniveau havo, vwo, mbo2-4",
        "aantal",
        "Onderwijs",
    ),
    _V("opleidingsniveau_hoog", "Opleidingsniveau hbo, wo", "aantal", "Onderwijs"),
    # Arbeid
    _V("nettoarbeidsparticipatie_pct", "Nettoarbeidsparticipatie", "%", "Arbeid"),
    _V("werknemers_pct", "Percentage werknemers", "%", "Arbeid"),
    _V("zelfstandigen_pct", "Percentage zelfstandigen", "%", "Arbeid"),
    # Inkomen
    _V("inkomensontvangers", "Aantal inkomensontvangers", "aantal", "Inkomen"),
    _V(
        "inkomen_per_inkomensontvanger",
        "Gemiddeld inkomen per inkomensontvanger",
        "x 1 000 euro",
        "Inkomen",
    ),
    _V("inkomen_per_inwoner", "Gemiddeld inkomen per inwoner", "x 1 000 euro", "Inkomen"),
    _V(
        "personen_laagste_inkomen_40_pct",
        "40% personen met laagste inkomen",
        "%",
        "Inkomen",
    ),
    _V(
        "personen_hoogste_inkomen_20_pct",
        "20% personen met hoogste inkomen",
        "%",
        "Inkomen",
    ),
    _V(
        "gestandaardiseerd_inkomen_huishoudens",
        "Gemiddeld gestandaardiseerd inkomen van huishoudens",
        "x 1 000 euro",
        "Inkomen",
    ),
    _V(
        "huishoudens_laagste_inkomen_40_pct",
        "40% huishoudens met laagste inkomen",
        "%",
        "Inkomen",
    ),
    _V(
        "huishoudens_hoogste_inkomen_20_pct",
        "20% huishoudens met hoogste inkomen",
        "%",
        "Inkomen",
    ),
    _V("huishoudens_laag_inkomen_pct", "Huishoudens met een laag inkomen", "%", "Inkomen"),
    _V(
        "huishoudens_rond_sociaal_minimum_pct",
        "Huishoudens onder of rond sociaal minimum",
        "%",
        "Inkomen",
    ),
    _V(
        "huishoudens_tot_110_sociaal_minimum_pct",
        "Huishoudens tot 110% van sociaal minimum",
        "%",
        "Inkomen",
    ),
    _V(
        "huishoudens_tot_120_sociaal_minimum_pct",
        "Huishoudens tot 120% van sociaal minimum",
        "%",
        "Inkomen",
    ),
    _V(
        "mediaan_vermogen_huishoudens",
        "Mediaan vermogen van particuliere huishoudens",
        "x 1 000 euro",
        "Inkomen",
    ),
    # Sociale zekerheid
    _V("uitkering_bijstand", "Personen met bijstandsuitkering", "aantal", "Sociale zekerheid"),
    _V("uitkering_ao", "Personen met AO-uitkering", "aantal", "Sociale zekerheid"),
    _V("uitkering_ww", "Personen met WW-uitkering", "aantal", "Sociale zekerheid"),
    _V("uitkering_aow", "Personen met AOW-uitkering", "aantal", "Sociale zekerheid"),
    # Zorg
    _V("jongeren_jeugdzorg", "Jongeren met jeugdzorg in natura", "aantal", "Zorg"),
    _V("jongeren_jeugdzorg_pct", "Percentage jongeren met jeugdzorg", "%", "Zorg"),
    _V("wmo_clienten", "Wmo-cliënten", "aantal", "Zorg"),
    _V("wmo_clienten_relatief", "Wmo-cliënten relatief", "per 1 000 inwoners", "Zorg"),
    # Bedrijfsvestigingen
    _V("bedrijfsvestigingen_totaal", "Bedrijfsvestigingen totaal", "aantal", "Bedrijfsvestigingen"),
    _V(
        "bedrijven_landbouw",
        "Bedrijfsvestigingen A Landbouw, bosbouw en visserij",
        "aantal",
        "Bedrijfsvestigingen",
    ),
    _V(
        "bedrijven_nijverheid_energie",
        "Bedrijfsvestigingen B-F Nijverheid en energie",
        "aantal",
        "Bedrijfsvestigingen",
    ),
    _V(
        "bedrijven_handel_horeca",
        "Bedrijfsvestigingen G+I Handel en horeca",
        "aantal",
        "Bedrijfsvestigingen",
    ),
    _V(
        "bedrijven_vervoer_informatie",
        "Bedrijfsvestigingen H+J Vervoer, informatie en communicatie",
        "aantal",
        "Bedrijfsvestigingen",
    ),
    _V(
        "bedrijven_financieel_onroerend_goed",
        "Bedrijfsvestigingen K-L Financiële diensten, onroerend goed",
        "aantal",
        "Bedrijfsvestigingen",
    ),
    _V(
        "bedrijven_zakelijke_dienstverlening",
        "Bedrijfsvestigingen M-N Zakelijke dienstverlening",
        "aantal",
        "Bedrijfsvestigingen",
    ),
    _V(
        "bedrijven_overheid_onderwijs_zorg",
        "Bedrijfsvestigingen O-Q Overheid, onderwijs en zorg",
        "aantal",
        "Bedrijfsvestigingen",
    ),
    _V(
        "bedrijven_cultuur_recreatie",
        "Bedrijfsvestigingen R-U Cultuur, recreatie, overige diensten",
        "aantal",
        "Bedrijfsvestigingen",
    ),
    # Motorvoertuigen
    _V("personenautos_totaal", "Personenauto's totaal", "aantal", "Motorvoertuigen"),
    _V("personenautos_benzine", "Personenauto's; brandstof benzine", "aantal", "Motorvoertuigen"),
    _V(
        "personenautos_overige_brandstof",
        "Personenauto's; overige brandstof",
        "aantal",
        "Motorvoertuigen",
    ),
    _V(
        "personenautos_per_huishouden",
        "Personenauto's per huishouden",
        "per huishouden",
        "Motorvoertuigen",
    ),
    _V(
        "personenautos_per_km2",
        "Personenauto's naar oppervlakte",
        "per km²",
        "Motorvoertuigen",
    ),
    _V("motorfietsen", "Motorfietsen", "aantal", "Motorvoertuigen"),
    # Nabijheid voorzieningen
    _V(
        "afstand_huisartsenpraktijk_km",
        "Afstand tot huisartsenpraktijk",
        "km",
        "Nabijheid voorzieningen",
    ),
    _V(
        "afstand_grote_supermarkt_km",
        "Afstand tot grote supermarkt",
        "km",
        "Nabijheid voorzieningen",
    ),
    _V(
        "afstand_kinderdagverblijf_km",
        "Afstand tot kinderdagverblijf",
        "km",
        "Nabijheid voorzieningen",
    ),
    _V("afstand_school_km", "Afstand tot school", "km", "Nabijheid voorzieningen"),
    _V("scholen_binnen_3_km", "Scholen binnen 3 km", "aantal", "Nabijheid voorzieningen"),
    # Oppervlakte
    _V("oppervlakte_totaal_ha", "Oppervlakte totaal", "ha", "Oppervlakte"),
    _V("oppervlakte_land_ha", "Oppervlakte land", "ha", "Oppervlakte"),
    _V("oppervlakte_water_ha", "Oppervlakte water", "ha", "Oppervlakte"),
    # Stedelijkheid
    _V("dekkingspercentage", "Dekkingspercentage (klasse)", "code", "Stedelijkheid"),
    _V(
        "mate_van_stedelijkheid",
        "Mate van stedelijkheid (1 = zeer sterk stedelijk)",
        "code",
        "Stedelijkheid",
    ),
    _V("omgevingsadressendichtheid", "Omgevingsadressendichtheid", "per km²", "Stedelijkheid"),
)

VARIABELEN: dict[str, Variabele] = {v.sleutel: v for v in _CATALOGUS}

#: Groups in the order CBS shows them.
GROEPEN: tuple[str, ...] = tuple(dict.fromkeys(v.groep for v in _CATALOGUS))
