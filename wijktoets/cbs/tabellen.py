"""Which source column is which variable, per table year and per file form.

Two forms of the CBS *Kerncijfers wijken en buurten* are read:

* **StatLine** (the OData ``TypedDataSet`` as CSV): column keys carry a numeric suffix that CBS
  renumbers every table year, and titles repeat across groups (in 2024 ``Huurwoning_59`` is
  electricity in kWh and ``Huurwoning_67`` gas in m³). A key is therefore only ever mapped
  together with its suffix and only for the table year it belongs to.
* **kwb** (the spreadsheet CBS publishes per year, ``kwb-2024.xlsx``): short mnemonics without
  suffix (``a_inw``, ``g_wozbag``). CBS gives a changed definition a new mnemonic (``p_bjj2k``
  "bouwjaar tot 2000" became ``p_bj_me10`` "meer dan tien jaar oud" in 2024), so one mapping
  serves every year; which mnemonics a year has tells the year apart.

Only mappings that could be checked against CBS's own column lists or several independent
public uses of them are listed. Where that was not possible the column is left out (it is then
reported as "niet overgenomen"), never guessed:

* 2024 (85984NED): every column of CBS's DataProperties (copied in ``wijktoets/data``), except
  the three origin groups (positions 17–24) whose group titles the DataProperties do not give.
* 2023 (85618NED): the keys below; the electricity and gas use per dwelling type and tenure
  (between ``GemiddeldeElektriciteitsleveringTotaal_48`` and ``..._64``), the origin groups,
  education level, employment contracts, some income shares and the postcode/coverage columns
  are left out.

Source: CBS, CC BY 4.0.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from types import MappingProxyType

#: Structural columns of the StatLine form (no figures).
STATLINE_CODE = "WijkenEnBuurten"
STATLINE_CODERING = "Codering_3"
STATLINE_GEMEENTENAAM = "Gemeentenaam_1"
STATLINE_SOORT = "SoortRegio_2"
#: Optional name columns a StatLine export may carry (``cbsodataR`` adds the first).
STATLINE_NAAMKOLOMMEN = ("WijkenEnBuurten_label", "Title", "Naam", "Regionaam")
#: Other columns of the StatLine form that are not figures.
STATLINE_OVERIG = frozenset({"ID"})

#: A StatLine topic key: a name and CBS's numeric suffix, e.g. ``Huurwoning_67``.
STATLINE_SLEUTEL = re.compile(r"^(?P<naam>.+)_(?P<nr>\d+)$")


@dataclass(frozen=True)
class StatlineTabel:
    jaar: int
    tabel_id: str
    titel: str
    #: CBS key (with suffix) -> canonical variable key
    kolommen: MappingProxyType
    #: CBS key -> name of a text attribute (kenmerk)
    kenmerken: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))
    #: Keys that belong to the table but are not taken over (see the module docstring).
    niet_overgenomen: frozenset[str] = frozenset()

    @property
    def omschrijving(self) -> str:
        return f"CBS-tabel {self.tabel_id} ({self.titel})"

    @property
    def alle_sleutels(self) -> frozenset[str]:
        return frozenset(self.kolommen) | frozenset(self.kenmerken) | self.niet_overgenomen

    def basisnamen(self) -> dict[str, list[str]]:
        """Key without its suffix -> the keys of this table with that name.

        A file key whose name is here but whose suffix is not belongs to another table year.
        """
        namen: dict[str, list[str]] = {}
        for sleutel in sorted(self.alle_sleutels):
            m = STATLINE_SLEUTEL.match(sleutel)
            if m:
                namen.setdefault(m["naam"], []).append(sleutel)
        return namen


def _tabel(
    jaar: int,
    tabel_id: str,
    kolommen: dict[str, str],
    kenmerken: dict[str, str],
    niet_overgenomen: tuple[str, ...] = (),
) -> StatlineTabel:
    return StatlineTabel(
        jaar=jaar,
        tabel_id=tabel_id,
        titel=f"Kerncijfers wijken en buurten {jaar}",
        kolommen=MappingProxyType(kolommen),
        kenmerken=MappingProxyType(kenmerken),
        niet_overgenomen=frozenset(niet_overgenomen),
    )


# --- 2024: CBS table 85984NED (DataProperties, 129 columns) -----------------------------------

_KOLOMMEN_2024 = {
    "AantalInwoners_5": "aantal_inwoners",
    "Mannen_6": "mannen",
    "Vrouwen_7": "vrouwen",
    "k_0Tot15Jaar_8": "leeftijd_0_tot_15",
    "k_15Tot25Jaar_9": "leeftijd_15_tot_25",
    "k_25Tot45Jaar_10": "leeftijd_25_tot_45",
    "k_45Tot65Jaar_11": "leeftijd_45_tot_65",
    "k_65JaarOfOuder_12": "leeftijd_65_en_ouder",
    "Ongehuwd_13": "ongehuwd",
    "Gehuwd_14": "gehuwd",
    "Gescheiden_15": "gescheiden",
    "Verweduwd_16": "verweduwd",
    "GeboorteTotaal_25": "geboorte_totaal",
    "GeboorteRelatief_26": "geboorte_relatief",
    "SterfteTotaal_27": "sterfte_totaal",
    "SterfteRelatief_28": "sterfte_relatief",
    "HuishoudensTotaal_29": "huishoudens_totaal",
    "Eenpersoonshuishoudens_30": "eenpersoonshuishoudens",
    "HuishoudensZonderKinderen_31": "huishoudens_zonder_kinderen",
    "HuishoudensMetKinderen_32": "huishoudens_met_kinderen",
    "GemiddeldeHuishoudensgrootte_33": "gemiddelde_huishoudensgrootte",
    "Bevolkingsdichtheid_34": "bevolkingsdichtheid",
    "Woningvoorraad_35": "woningvoorraad",
    "NieuwbouwWoningen_36": "nieuwbouw_woningen",
    "NietWoningvoorraad_37": "niet_woningvoorraad",
    "NieuwbouwNietWoningen_38": "nieuwbouw_niet_woningen",
    "GemiddeldeWOZWaardeVanWoningen_39": "gemiddelde_woz_waarde",
    "PercentageEengezinswoning_40": "eengezinswoning_pct",
    "PercentageTussenwoningEengezins_41": "tussenwoning_pct",
    "PercentageHoekwoningEengezins_42": "hoekwoning_pct",
    "PercentageTweeOnderEenKapWoningEe_43": "twee_onder_een_kap_pct",
    "PercentageVrijstaandeWoningEengezins_44": "vrijstaande_woning_pct",
    "PercentageMeergezinswoning_45": "meergezinswoning_pct",
    "OnbewoondeWoningen_46": "onbewoonde_woningen_pct",
    "Koopwoningen_47": "koopwoningen_pct",
    "HuurwoningenTotaal_48": "huurwoningen_pct",
    "InBezitWoningcorporatie_49": "corporatiewoningen_pct",
    "InBezitOverigeVerhuurders_50": "overige_verhuurders_pct",
    "BouwjaarMeerDanTienJaarGeleden_51": "bouwjaar_ouder_dan_10_jaar_pct",
    "BouwjaarAfgelopenTienJaar_52": "bouwjaar_laatste_10_jaar_pct",
    "GemiddeldeElektriciteitsleveringTotaal_53": "elektriciteit_totaal_kwh",
    "Appartement_54": "elektriciteit_appartement_kwh",
    "Tussenwoning_55": "elektriciteit_tussenwoning_kwh",
    "Hoekwoning_56": "elektriciteit_hoekwoning_kwh",
    "TweeOnderEenKapWoning_57": "elektriciteit_twee_onder_een_kap_kwh",
    "VrijstaandeWoning_58": "elektriciteit_vrijstaand_kwh",
    "Huurwoning_59": "elektriciteit_huurwoning_kwh",
    "EigenWoning_60": "elektriciteit_eigen_woning_kwh",
    "GemiddeldAardgasverbruikTotaal_61": "aardgas_totaal_m3",
    "Appartement_62": "aardgas_appartement_m3",
    "Tussenwoning_63": "aardgas_tussenwoning_m3",
    "Hoekwoning_64": "aardgas_hoekwoning_m3",
    "TweeOnderEenKapWoning_65": "aardgas_twee_onder_een_kap_m3",
    "VrijstaandeWoning_66": "aardgas_vrijstaand_m3",
    "Huurwoning_67": "aardgas_huurwoning_m3",
    "EigenWoning_68": "aardgas_eigen_woning_m3",
    "PercentageWoningenMetStadsverwarming_69": "stadsverwarming_pct",
    "LeerlingenPo_70": "leerlingen_po",
    "LeerlingenVoInclVavo_71": "leerlingen_vo",
    "StudentenMboExclExtranei_72": "studenten_mbo",
    "StudentenHbo_73": "studenten_hbo",
    "StudentenWo_74": "studenten_wo",
    "BasisonderwijsVmboMbo1_75": "opleidingsniveau_laag",
    "HavoVwoMbo24_76": "opleidingsniveau_middelbaar",
    "HboWo_77": "opleidingsniveau_hoog",
    "Nettoarbeidsparticipatie_78": "nettoarbeidsparticipatie_pct",
    "PercentageWerknemers_79": "werknemers_pct",
    "PercentageZelfstandigen_80": "zelfstandigen_pct",
    "AantalInkomensontvangers_81": "inkomensontvangers",
    "GemiddeldInkomenPerInkomensontvanger_82": "inkomen_per_inkomensontvanger",
    "GemiddeldInkomenPerInwoner_83": "inkomen_per_inwoner",
    "k_40PersonenMetLaagsteInkomen_84": "personen_laagste_inkomen_40_pct",
    "k_20PersonenMetHoogsteInkomen_85": "personen_hoogste_inkomen_20_pct",
    "GemGestandaardiseerdInkomenVanHuish_86": "gestandaardiseerd_inkomen_huishoudens",
    "k_40HuishoudensMetLaagsteInkomen_87": "huishoudens_laagste_inkomen_40_pct",
    "k_20HuishoudensMetHoogsteInkomen_88": "huishoudens_hoogste_inkomen_20_pct",
    "HuishoudensMetEenLaagInkomen_89": "huishoudens_laag_inkomen_pct",
    "HuishOnderOfRondSociaalMinimum_90": "huishoudens_rond_sociaal_minimum_pct",
    "HuishoudensTot110VanSociaalMinimum_91": "huishoudens_tot_110_sociaal_minimum_pct",
    "HuishoudensTot120VanSociaalMinimum_92": "huishoudens_tot_120_sociaal_minimum_pct",
    "MediaanVermogenVanParticuliereHuish_93": "mediaan_vermogen_huishoudens",
    "PersonenPerSoortUitkeringBijstand_94": "uitkering_bijstand",
    "PersonenPerSoortUitkeringAO_95": "uitkering_ao",
    "PersonenPerSoortUitkeringWW_96": "uitkering_ww",
    "PersonenPerSoortUitkeringAOW_97": "uitkering_aow",
    "JongerenMetJeugdzorgInNatura_98": "jongeren_jeugdzorg",
    "PercentageJongerenMetJeugdzorg_99": "jongeren_jeugdzorg_pct",
    "WmoClienten_100": "wmo_clienten",
    "WmoClientenRelatief_101": "wmo_clienten_relatief",
    "BedrijfsvestigingenTotaal_102": "bedrijfsvestigingen_totaal",
    "ALandbouwBosbouwEnVisserij_103": "bedrijven_landbouw",
    "BFNijverheidEnEnergie_104": "bedrijven_nijverheid_energie",
    "GIHandelEnHoreca_105": "bedrijven_handel_horeca",
    "HJVervoerInformatieEnCommunicatie_106": "bedrijven_vervoer_informatie",
    "KLFinancieleDienstenOnroerendGoed_107": "bedrijven_financieel_onroerend_goed",
    "MNZakelijkeDienstverlening_108": "bedrijven_zakelijke_dienstverlening",
    "OQOverheidOnderwijsEnZorg_109": "bedrijven_overheid_onderwijs_zorg",
    "RUCultuurRecreatieOverigeDiensten_110": "bedrijven_cultuur_recreatie",
    "PersonenautoSTotaal_111": "personenautos_totaal",
    "PersonenautoSBrandstofBenzine_112": "personenautos_benzine",
    "PersonenautoSOverigeBrandstof_113": "personenautos_overige_brandstof",
    "PersonenautoSPerHuishouden_114": "personenautos_per_huishouden",
    "PersonenautoSNaarOppervlakte_115": "personenautos_per_km2",
    "Motorfietsen_116": "motorfietsen",
    "AfstandTotHuisartsenpraktijk_117": "afstand_huisartsenpraktijk_km",
    "AfstandTotGroteSupermarkt_118": "afstand_grote_supermarkt_km",
    "AfstandTotKinderdagverblijf_119": "afstand_kinderdagverblijf_km",
    "AfstandTotSchool_120": "afstand_school_km",
    "ScholenBinnen3Km_121": "scholen_binnen_3_km",
    "OppervlakteTotaal_122": "oppervlakte_totaal_ha",
    "OppervlakteLand_123": "oppervlakte_land_ha",
    "OppervlakteWater_124": "oppervlakte_water_ha",
    "Dekkingspercentage_126": "dekkingspercentage",
    "MateVanStedelijkheid_127": "mate_van_stedelijkheid",
    "Omgevingsadressendichtheid_128": "omgevingsadressendichtheid",
}
_KENMERKEN_2024 = {
    "IndelingswijzigingGemeenteWijkBuurt_4": "indelingswijziging",
    "MeestVoorkomendePostcode_125": "meest_voorkomende_postcode",
}

#: The origin groups: the DataProperties repeat "Nederland", "Europa (exclusief Nederland)" and
#: "Buiten Europa" without saying which grouping each block is, so they are not taken over.
_NIET_OVERGENOMEN_2024 = (
    "Nederland_17",
    "EuropaExclusiefNederland_18",
    "BuitenEuropa_19",
    "Nederland_20",
    "EuropaExclusiefNederland_21",
    "BuitenEuropa_22",
    "EuropaExclusiefNederland_23",
    "BuitenEuropa_24",
)

# --- 2023: CBS table 85618NED (verified keys only, see the module docstring) -----------------

_KOLOMMEN_2023 = {
    "AantalInwoners_5": "aantal_inwoners",
    "Mannen_6": "mannen",
    "Vrouwen_7": "vrouwen",
    "k_0Tot15Jaar_8": "leeftijd_0_tot_15",
    "k_15Tot25Jaar_9": "leeftijd_15_tot_25",
    "k_25Tot45Jaar_10": "leeftijd_25_tot_45",
    "k_45Tot65Jaar_11": "leeftijd_45_tot_65",
    "k_65JaarOfOuder_12": "leeftijd_65_en_ouder",
    "Ongehuwd_13": "ongehuwd",
    "Gehuwd_14": "gehuwd",
    "Gescheiden_15": "gescheiden",
    "Verweduwd_16": "verweduwd",
    "GeboorteTotaal_25": "geboorte_totaal",
    "GeboorteRelatief_26": "geboorte_relatief",
    "SterfteTotaal_27": "sterfte_totaal",
    "SterfteRelatief_28": "sterfte_relatief",
    "HuishoudensTotaal_29": "huishoudens_totaal",
    "Eenpersoonshuishoudens_30": "eenpersoonshuishoudens",
    "HuishoudensZonderKinderen_31": "huishoudens_zonder_kinderen",
    "HuishoudensMetKinderen_32": "huishoudens_met_kinderen",
    "GemiddeldeHuishoudensgrootte_33": "gemiddelde_huishoudensgrootte",
    "Bevolkingsdichtheid_34": "bevolkingsdichtheid",
    "Woningvoorraad_35": "woningvoorraad",
    "GemiddeldeWOZWaardeVanWoningen_36": "gemiddelde_woz_waarde",
    "PercentageEengezinswoning_37": "eengezinswoning_pct",
    "PercentageMeergezinswoning_38": "meergezinswoning_pct",
    "PercentageOnbewoond_40": "onbewoonde_woningen_pct",
    "Koopwoningen_41": "koopwoningen_pct",
    "HuurwoningenTotaal_42": "huurwoningen_pct",
    "InBezitWoningcorporatie_43": "corporatiewoningen_pct",
    "InBezitOverigeVerhuurders_44": "overige_verhuurders_pct",
    "EigendomOnbekend_45": "eigendom_onbekend_pct",
    "BouwjaarVoor2000_46": "bouwjaar_voor_2000_pct",
    "BouwjaarVanaf2000_47": "bouwjaar_vanaf_2000_pct",
    "GemiddeldeElektriciteitsleveringTotaal_48": "elektriciteit_totaal_kwh",
    "GemiddeldAardgasverbruikTotaal_56": "aardgas_totaal_m3",
    "PercentageWoningenMetStadsverwarming_64": "stadsverwarming_pct",
    "LeerlingenPo_65": "leerlingen_po",
    "LeerlingenVoInclVavo_66": "leerlingen_vo",
    "StudentenMboExclExtranei_67": "studenten_mbo",
    "StudentenHbo_68": "studenten_hbo",
    "StudentenWo_69": "studenten_wo",
    "Nettoarbeidsparticipatie_74": "nettoarbeidsparticipatie_pct",
    "PercentageWerknemers_75": "werknemers_pct",
    "PercentageZelfstandigen_78": "zelfstandigen_pct",
    "AantalInkomensontvangers_79": "inkomensontvangers",
    "GemiddeldInkomenPerInkomensontvanger_80": "inkomen_per_inkomensontvanger",
    "GemiddeldInkomenPerInwoner_81": "inkomen_per_inwoner",
    "k_40PersonenMetLaagsteInkomen_82": "personen_laagste_inkomen_40_pct",
    "k_20PersonenMetHoogsteInkomen_83": "personen_hoogste_inkomen_20_pct",
    "GemGestandaardiseerdInkomenVanHuish_84": "gestandaardiseerd_inkomen_huishoudens",
    "k_20HuishoudensMetHoogsteInkomen_86": "huishoudens_hoogste_inkomen_20_pct",
    "HuishoudensMetEenLaagInkomen_87": "huishoudens_laag_inkomen_pct",
    "HuishOnderOfRondSociaalMinimum_88": "huishoudens_rond_sociaal_minimum_pct",
    "MediaanVermogenVanParticuliereHuish_91": "mediaan_vermogen_huishoudens",
    "PersonenPerSoortUitkeringBijstand_92": "uitkering_bijstand",
    "PersonenPerSoortUitkeringAO_93": "uitkering_ao",
    "PersonenPerSoortUitkeringWW_94": "uitkering_ww",
    "PersonenPerSoortUitkeringAOW_95": "uitkering_aow",
    "JongerenMetJeugdzorgInNatura_96": "jongeren_jeugdzorg",
    "PercentageJongerenMetJeugdzorg_97": "jongeren_jeugdzorg_pct",
    "WmoClienten_98": "wmo_clienten",
    "WmoClientenRelatief_99": "wmo_clienten_relatief",
    "BedrijfsvestigingenTotaal_100": "bedrijfsvestigingen_totaal",
    "ALandbouwBosbouwEnVisserij_101": "bedrijven_landbouw",
    "BFNijverheidEnEnergie_102": "bedrijven_nijverheid_energie",
    "GIHandelEnHoreca_103": "bedrijven_handel_horeca",
    "HJVervoerInformatieEnCommunicatie_104": "bedrijven_vervoer_informatie",
    "KLFinancieleDienstenOnroerendGoed_105": "bedrijven_financieel_onroerend_goed",
    "MNZakelijkeDienstverlening_106": "bedrijven_zakelijke_dienstverlening",
    "OQOverheidOnderwijsEnZorg_107": "bedrijven_overheid_onderwijs_zorg",
    "RUCultuurRecreatieOverigeDiensten_108": "bedrijven_cultuur_recreatie",
    "PersonenautoSTotaal_109": "personenautos_totaal",
    "PersonenautoSBrandstofBenzine_110": "personenautos_benzine",
    "PersonenautoSOverigeBrandstof_111": "personenautos_overige_brandstof",
    "PersonenautoSPerHuishouden_112": "personenautos_per_huishouden",
    "PersonenautoSNaarOppervlakte_113": "personenautos_per_km2",
    "Motorfietsen_114": "motorfietsen",
    "AfstandTotHuisartsenpraktijk_115": "afstand_huisartsenpraktijk_km",
    "AfstandTotGroteSupermarkt_116": "afstand_grote_supermarkt_km",
    "AfstandTotKinderdagverblijf_117": "afstand_kinderdagverblijf_km",
    "AfstandTotSchool_118": "afstand_school_km",
    "ScholenBinnen3Km_119": "scholen_binnen_3_km",
    "OppervlakteTotaal_120": "oppervlakte_totaal_ha",
    "OppervlakteLand_121": "oppervlakte_land_ha",
    "OppervlakteWater_122": "oppervlakte_water_ha",
    "MateVanStedelijkheid_125": "mate_van_stedelijkheid",
    "Omgevingsadressendichtheid_126": "omgevingsadressendichtheid",
}

STATLINE_TABELLEN: dict[int, StatlineTabel] = {
    2023: _tabel(2023, "85618NED", _KOLOMMEN_2023, {}),
    2024: _tabel(2024, "85984NED", _KOLOMMEN_2024, _KENMERKEN_2024, _NIET_OVERGENOMEN_2024),
}


# --- kwb spreadsheets ------------------------------------------------------------------------

#: Structural columns of the kwb form.
KWB_CODEKOLOMMEN = ("gwb_code_10", "gwb_code")
KWB_NAAM = "regio"
KWB_GEMEENTENAAM = "gm_naam"
KWB_SOORT = "recs"
KWB_OVERIG = frozenset({"gwb_code_8"})

#: kwb mnemonic -> canonical variable key. Mnemonics keep their meaning across years.
KWB_KOLOMMEN: MappingProxyType = MappingProxyType(
    {
        "a_inw": "aantal_inwoners",
        "a_man": "mannen",
        "a_vrouw": "vrouwen",
        "a_00_14": "leeftijd_0_tot_15",
        "a_15_24": "leeftijd_15_tot_25",
        "a_25_44": "leeftijd_25_tot_45",
        "a_45_64": "leeftijd_45_tot_65",
        "a_65_oo": "leeftijd_65_en_ouder",
        "a_ongeh": "ongehuwd",
        "a_gehuwd": "gehuwd",
        "a_gesch": "gescheiden",
        "a_verwed": "verweduwd",
        "a_geb": "geboorte_totaal",
        "p_geb": "geboorte_relatief",
        "a_ste": "sterfte_totaal",
        "p_ste": "sterfte_relatief",
        "a_hh": "huishoudens_totaal",
        "a_1p_hh": "eenpersoonshuishoudens",
        "a_hh_z_k": "huishoudens_zonder_kinderen",
        "a_hh_m_k": "huishoudens_met_kinderen",
        "g_hhgro": "gemiddelde_huishoudensgrootte",
        "bev_dich": "bevolkingsdichtheid",
        "a_woning": "woningvoorraad",
        "a_nb_won": "nieuwbouw_woningen",
        "a_vastg": "niet_woningvoorraad",
        "a_nb_vastg": "nieuwbouw_niet_woningen",
        "g_wozbag": "gemiddelde_woz_waarde",
        "p_1gezw": "eengezinswoning_pct",
        "p_1gezw_tw": "tussenwoning_pct",
        "p_1gezw_hw": "hoekwoning_pct",
        "p_1gezw_2w": "twee_onder_een_kap_pct",
        "p_1gezw_hvw": "vrijstaande_woning_pct",
        "p_mgezw": "meergezinswoning_pct",
        "p_leegsw": "onbewoonde_woningen_pct",
        "p_koopw": "koopwoningen_pct",
        "p_huurw": "huurwoningen_pct",
        "p_wcorpw": "corporatiewoningen_pct",
        "p_ov_hw": "overige_verhuurders_pct",
        "p_bjj2k": "bouwjaar_voor_2000_pct",
        "p_bjo2k": "bouwjaar_vanaf_2000_pct",
        "p_bj_me10": "bouwjaar_ouder_dan_10_jaar_pct",
        "p_bj_mi10": "bouwjaar_laatste_10_jaar_pct",
        "g_ele": "elektriciteit_totaal_kwh",
        "g_ele_ap": "elektriciteit_appartement_kwh",
        "g_ele_tw": "elektriciteit_tussenwoning_kwh",
        "g_ele_hw": "elektriciteit_hoekwoning_kwh",
        "g_ele_2w": "elektriciteit_twee_onder_een_kap_kwh",
        "g_ele_vw": "elektriciteit_vrijstaand_kwh",
        "g_ele_hu": "elektriciteit_huurwoning_kwh",
        "g_ele_ko": "elektriciteit_eigen_woning_kwh",
        "g_gas": "aardgas_totaal_m3",
        "g_gas_ap": "aardgas_appartement_m3",
        "g_gas_tw": "aardgas_tussenwoning_m3",
        "g_gas_hw": "aardgas_hoekwoning_m3",
        "g_gas_2w": "aardgas_twee_onder_een_kap_m3",
        "g_gas_vw": "aardgas_vrijstaand_m3",
        "g_gas_hu": "aardgas_huurwoning_m3",
        "g_gas_ko": "aardgas_eigen_woning_m3",
        "p_stadsv": "stadsverwarming_pct",
        "a_ons_po": "leerlingen_po",
        "a_ons_vovavo": "leerlingen_vo",
        "a_ons_mbo": "studenten_mbo",
        "a_ons_hbo": "studenten_hbo",
        "a_ons_wo": "studenten_wo",
        "a_opl_bvm": "opleidingsniveau_laag",
        "a_opl_hvm": "opleidingsniveau_middelbaar",
        "a_opl_hw": "opleidingsniveau_hoog",
        "p_arb_pp": "nettoarbeidsparticipatie_pct",
        "p_arb_wn": "werknemers_pct",
        "p_arb_zs": "zelfstandigen_pct",
        "a_inkont": "inkomensontvangers",
        "g_ink_po": "inkomen_per_inkomensontvanger",
        "g_ink_pi": "inkomen_per_inwoner",
        "p_ink_li": "personen_laagste_inkomen_40_pct",
        "p_ink_hi": "personen_hoogste_inkomen_20_pct",
        "g_hh_sti": "gestandaardiseerd_inkomen_huishoudens",
        "p_hh_li": "huishoudens_laagste_inkomen_40_pct",
        "p_hh_hi": "huishoudens_hoogste_inkomen_20_pct",
        "p_hh_lkk": "huishoudens_laag_inkomen_pct",
        "p_hh_osm": "huishoudens_rond_sociaal_minimum_pct",
        "p_hh_110": "huishoudens_tot_110_sociaal_minimum_pct",
        "p_hh_120": "huishoudens_tot_120_sociaal_minimum_pct",
        "m_hh_ver": "mediaan_vermogen_huishoudens",
        "a_soz_wb": "uitkering_bijstand",
        "a_soz_ao": "uitkering_ao",
        "a_soz_ww": "uitkering_ww",
        "a_soz_ow": "uitkering_aow",
        "a_jz_tn": "jongeren_jeugdzorg",
        "p_jz_tn": "jongeren_jeugdzorg_pct",
        "a_wmo_t": "wmo_clienten",
        "p_wmo_t": "wmo_clienten_relatief",
        "a_bedv": "bedrijfsvestigingen_totaal",
        "a_bed_a": "bedrijven_landbouw",
        "a_bed_bf": "bedrijven_nijverheid_energie",
        "a_bed_gi": "bedrijven_handel_horeca",
        "a_bed_hj": "bedrijven_vervoer_informatie",
        "a_bed_kl": "bedrijven_financieel_onroerend_goed",
        "a_bed_mn": "bedrijven_zakelijke_dienstverlening",
        "a_bed_oq": "bedrijven_overheid_onderwijs_zorg",
        "a_bed_ru": "bedrijven_cultuur_recreatie",
        "a_pau": "personenautos_totaal",
        "a_bst_b": "personenautos_benzine",
        "a_bst_nb": "personenautos_overige_brandstof",
        "g_pau_hh": "personenautos_per_huishouden",
        "g_pau_km": "personenautos_per_km2",
        "a_m2w": "motorfietsen",
        "g_afs_hp": "afstand_huisartsenpraktijk_km",
        "g_afs_gs": "afstand_grote_supermarkt_km",
        "g_afs_kv": "afstand_kinderdagverblijf_km",
        "g_afs_sc": "afstand_school_km",
        "g_3km_sc": "scholen_binnen_3_km",
        "a_opp_ha": "oppervlakte_totaal_ha",
        "a_lan_ha": "oppervlakte_land_ha",
        "a_wat_ha": "oppervlakte_water_ha",
        "pst_dekp": "dekkingspercentage",
        "ste_mvs": "mate_van_stedelijkheid",
        "ste_oad": "omgevingsadressendichtheid",
    }
)
KWB_KENMERKEN: MappingProxyType = MappingProxyType(
    {"ind_wbi": "indelingswijziging", "pst_mvp": "meest_voorkomende_postcode"}
)

#: Years a kwb file may be for.
KWB_JAREN: tuple[int, ...] = (2021, 2022, 2023, 2024)


@dataclass(frozen=True)
class KwbKenmerk:
    """A column whose presence bounds the year of a kwb file (from CBS's changes per year)."""

    kolom: str
    vanaf: int | None = None
    tot_en_met: int | None = None
    uitleg: str = ""


#: CBS changed these concepts between years; the columns present tell the years apart.
KWB_JAARKENMERKEN: tuple[KwbKenmerk, ...] = (
    KwbKenmerk("p_bj_me10", vanaf=2024, uitleg="bouwjaar meer dan tien jaar geleden"),
    KwbKenmerk("p_bj_mi10", vanaf=2024, uitleg="bouwjaar afgelopen tien jaar"),
    KwbKenmerk("p_bjj2k", tot_en_met=2023, uitleg="bouwjaar tot 2000"),
    KwbKenmerk("p_bjo2k", tot_en_met=2023, uitleg="bouwjaar vanaf 2000"),
    KwbKenmerk("a_nl_all", vanaf=2023, uitleg="herkomstindeling vanaf 2023"),
    KwbKenmerk("a_geb_nl", vanaf=2023, uitleg="herkomstindeling vanaf 2023"),
    KwbKenmerk("a_w_all", tot_en_met=2022, uitleg="migratieachtergrond tot en met 2022"),
    KwbKenmerk("a_nw_all", tot_en_met=2022, uitleg="migratieachtergrond tot en met 2022"),
    KwbKenmerk("p_1gezw_vw", vanaf=2025, uitleg="indeling eengezinswoningen vanaf 2025"),
)
