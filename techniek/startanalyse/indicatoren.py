"""The Startanalyse indicators: one canonical key per indicator, with its unit and its column
in each naming.

PBL renamed and renumbered the output columns between the 2019 Startanalyse (Leidraad) and the
2020 and later editions (``H12_Nat_meerkosten`` became ``H16_Nat_meerkost``,
``H16_Nat_meerkost_WEQ`` became ``H18_Nat_meerkost_WEQ`` ...). Where both namings measure the
same thing they map to one key, so the editions compare; where the meaning differs (2019's
``H01_warmtetotaal`` is not 2020's ``H01_vraag_totaal``) each keeps its own key.

Units of the 2020+ naming are those PBL's model code declares for each column
(``model/stam/CalculationSchemes/LeidraadResultaten/PlanregioResults.dms`` in
``pbl-nl/model-vesta-public``). The 2019 files carry no units; their shared indicators take the
unit of the 2020 definition.
"""

from __future__ import annotations

from dataclasses import dataclass

NAAMGEVING_2019 = "2019"
NAAMGEVING_2020 = "2020+"

GJ_WEQ = "GJ/jr per woningequivalent"
EUR_JR = "€/jr"

STATISCH = "Statisch"
HOOFD = "Hoofdindicatoren"
KOSTEN = "Nationale kosten"
AANSLUITINGEN = "Aansluitingen"


@dataclass(frozen=True)
class Indicator:
    sleutel: str
    titel: str
    eenheid: str
    groep: str
    #: Column name in the 2019 naming and in the 2020+ naming (None: not in that naming).
    kolom_2019: str | None = None
    kolom_2020: str | None = None
    #: A text indicator (names, yes/no), not a number.
    tekst: bool = False


def _i(sleutel, titel, eenheid, groep, k2019=None, k2020=None, tekst=False) -> Indicator:
    return Indicator(sleutel, titel, eenheid, groep, k2019, k2020, tekst)


_STATISCH = [
    _i("buurtnaam", "Buurtnaam", "", STATISCH, k2020="I02_buurtnaam", tekst=True),
    _i("wijkcode", "Wijkcode", "", STATISCH, k2020="I03_wijkcode", tekst=True),
    _i("wijknaam", "Wijknaam", "", STATISCH, k2020="I04_wijknaam", tekst=True),
    _i("gemeentecode", "Gemeentecode", "", STATISCH, k2020="I05_gemeentecode", tekst=True),
    _i("gemeentenaam", "Gemeentenaam", "", STATISCH, k2020="I06_gemeentenaam", tekst=True),
    _i("energieregio", "Energieregio", "", STATISCH, k2020="I07_energieregionaam", tekst=True),
    _i("provincie", "Provincie", "", STATISCH, k2020="I08_provincienaam", tekst=True),
    _i(
        "aantal_woningen", "Aantal woningen", "aansluitingen", STATISCH, k2020="I09_aantal_woningen"
    ),
    _i(
        "aantal_utiliteit",
        "Aantal utiliteitsgebouwen",
        "aansluitingen",
        STATISCH,
        k2020="I10_aantal_utiliteit",
    ),
    _i(
        "woningequivalenten",
        "Woningequivalenten",
        "woningequivalenten",
        STATISCH,
        k2020="I11_woningequivalenten",
    ),
    _i(
        "co2_startjaar",
        "CO₂-uitstoot in het startjaar",
        "ton CO₂/jr",
        STATISCH,
        k2020="I12_CO2_startjaar",
    ),
    _i(
        "uitgesloten",
        "Buurt uitgesloten van de analyse",
        "",
        STATISCH,
        k2020="I13_Uitgesloten",
        tekst=True,
    ),
    _i(
        "weq_utiliteit",
        "Woningequivalenten utiliteit (130 m² = 1)",
        "woningequivalenten",
        STATISCH,
        k2020="I14_WEQ_utiliteit",
    ),
    _i(
        "woningen_met_afgemeld_label",
        "Woningen met een afgemeld energielabel",
        "woningen",
        STATISCH,
        k2020="I15_Woningen_met_afgemeld_label",
    ),
    _i(
        "weq_utiliteit_met_afgemeld_label",
        "Woningequivalenten utiliteit met een afgemeld energielabel",
        "woningequivalenten",
        STATISCH,
        k2020="I16_WEQ_Utiliteit_met_afgemeld_label",
    ),
    _i(
        "woningen_zonder_afgemeld_label",
        "Woningen zonder afgemeld energielabel",
        "woningen",
        STATISCH,
        k2020="I17_Woningen_zonder_afgemeld_label",
    ),
    *(
        _i(
            f"weq_utiliteit_defaultlabel_{label.lower()}",
            f"Woningequivalenten utiliteit met standaardlabel {label}",
            "woningequivalenten",
            STATISCH,
            k2020=f"I{nr}_WEQ_Utiliteit_Defaultlabel_{label}",
        )
        for nr, label in zip(range(18, 25), "ABCDEFG", strict=True)
    ),
    _i(
        "aantal_woningen_na2019",
        "Woningen gebouwd vanaf 2020",
        "aansluitingen",
        STATISCH,
        k2020="I25_aantal_woningen_na2019",
    ),
]

_VRAAG_W_U = [
    ("totaal", "Totale vraag"),
    ("RV", "Vraag ruimteverwarming"),
    ("TW", "Vraag warm tapwater"),
    ("Vent", "Vraag ventilatie"),
    ("K", "Vraag koude"),
    ("App", "Vraag elektrische apparatuur"),
]
_INPUT_W_U = [
    ("totaal", "Totale energie-input"),
    ("aardgas", "Input aardgas"),
    ("KlimaatneutraalGas", "Input klimaatneutraal gas"),
    ("elektriciteit", "Input elektriciteit"),
]
_SLUG = {
    "totaal": "totaal",
    "RV": "ruimteverwarming",
    "TW": "tapwater",
    "Vent": "ventilatie",
    "K": "koude",
    "App": "apparatuur",
    "aardgas": "aardgas",
    "KlimaatneutraalGas": "klimaatneutraal_gas",
    "elektriciteit": "elektriciteit",
}


def _per_sector() -> list[Indicator]:
    """H22–H41: demand and input, for dwellings (``_w``) and non-residential (``_u``)."""
    uit: list[Indicator] = []
    nr = 22
    for sector, wie in (("w", "woningen"), ("u", "utiliteit")):
        for code, titel in _VRAAG_W_U:
            kolom = (
                f"H{nr}_vraag_totaal_{sector}"
                if code == "totaal"
                else f"H{nr}_Vraag_{code}_{sector}"
            )
            uit.append(
                _i(f"vraag_{_SLUG[code]}_{wie}", f"{titel}, {wie}", GJ_WEQ, HOOFD, k2020=kolom)
            )
            nr += 1
    for sector, wie in (("w", "woningen"), ("u", "utiliteit")):
        for code, titel in _INPUT_W_U:
            uit.append(
                _i(
                    f"input_{_SLUG[code]}_{wie}",
                    f"{titel}, {wie}",
                    GJ_WEQ,
                    HOOFD,
                    k2020=f"H{nr}_input_{code}_{sector}",
                )
            )
            nr += 1
    return uit


_HOOFD = [
    # Only in the 2019 naming (the 2020+ naming defines these differently or not at all).
    _i("warmtevraag_totaal", "Totale warmtevraag", GJ_WEQ, HOOFD, k2019="H01_warmtetotaal"),
    _i(
        "input_elektriciteit_warmte",
        "Elektriciteit voor warmte",
        GJ_WEQ,
        HOOFD,
        k2019="H04_Vraag_elekwarmte",
    ),
    _i("co2_reductie", "CO₂-reductie", "ton CO₂/jr", HOOFD, k2019="H10_CO2_reductie"),
    _i(
        "nationale_kosten_absoluut",
        "Nationale kosten (absoluut)",
        EUR_JR,
        HOOFD,
        k2019="H11_Nat_abskosten",
    ),
    # In both namings.
    _i("input_aardgas", "Input aardgas", GJ_WEQ, HOOFD, "H02_Vraag_aardgas", "H09_input_aardgas"),
    _i(
        "input_klimaatneutraal_gas",
        "Input klimaatneutraal (hernieuwbaar) gas",
        GJ_WEQ,
        HOOFD,
        "H03_Vraag_hernieuwbaargas",
        "H10_input_KlimaatneutraalGas",
    ),
    _i(
        "input_elektriciteit",
        "Input elektriciteit",
        GJ_WEQ,
        HOOFD,
        "H09_Vraag_elektotaal",
        "H11_input_elektriciteit",
    ),
    _i(
        "input_mt_warmte",
        "Input warmte uit MT-bronnen",
        GJ_WEQ,
        HOOFD,
        "H05_Vraag_MTwarmte",
        "H12_input_MTwarmtebronnen",
    ),
    _i(
        "input_lt_warmte",
        "Input warmte uit LT-bronnen",
        GJ_WEQ,
        HOOFD,
        "H06_Vraag_LTwarmte",
        "H13_input_LTwarmtebronnen",
    ),
    _i(
        "warmtevraag_per_hectare",
        "Warmtevraag per hectare",
        "GJ/jr per ha",
        HOOFD,
        "H07_Warmte_hectare",
        "H07_vraag_tot_ha",
    ),
    _i("vraag_koude", "Vraag koude", GJ_WEQ, HOOFD, "H08_Vraag_Koude", "H05_Vraag_K"),
    _i(
        "nationale_meerkosten",
        "Nationale meerkosten",
        EUR_JR,
        HOOFD,
        "H12_Nat_meerkosten",
        "H16_Nat_meerkost",
    ),
    _i(
        "nationale_meerkosten_per_ton_co2",
        "Nationale meerkosten per vermeden ton CO₂",
        "€/ton CO₂",
        HOOFD,
        "H13_Nat_meerkost_CO2",
        "H17_Nat_meerkost_CO2",
    ),
    _i(
        "nationale_meerkosten_per_weq",
        "Nationale meerkosten per woningequivalent",
        "€/jr per woningequivalent",
        HOOFD,
        "H16_Nat_meerkost_WEQ",
        "H18_Nat_meerkost_WEQ",
    ),
    _i(
        "waarde_klimaatneutraal_gas",
        "Waarde klimaatneutraal (hernieuwbaar) gas",
        "€/m³",
        HOOFD,
        "H14_waarde_hernieuwbaar_gas",
        "H19_Waarde_klimaatneutraal_gas",
    ),
    _i(
        "toekenning_klimaatneutraal_gas",
        "Toekenning klimaatneutraal (hernieuwbaar) gas",
        "",
        HOOFD,
        "H15_beschikbaarheid_hernieuwbaar_gas",
        "H20_Toekenning_klimaatneutraal_gas",
        tekst=True,
    ),
    # Only in the 2020+ naming.
    _i("vraag_totaal", "Totale vraag", GJ_WEQ, HOOFD, k2020="H01_vraag_totaal"),
    _i("vraag_ruimteverwarming", "Vraag ruimteverwarming", GJ_WEQ, HOOFD, k2020="H02_Vraag_RV"),
    _i("vraag_tapwater", "Vraag warm tapwater", GJ_WEQ, HOOFD, k2020="H03_Vraag_TW"),
    _i("vraag_ventilatie", "Vraag ventilatie", GJ_WEQ, HOOFD, k2020="H04_Vraag_Vent"),
    _i("vraag_apparatuur", "Vraag elektrische apparatuur", GJ_WEQ, HOOFD, k2020="H06_Vraag_App"),
    _i("input_totaal", "Totale energie-input", GJ_WEQ, HOOFD, k2020="H08_input_totaal"),
    _i(
        "saldo_omgevingswarmte",
        "Saldo omgevingswarmte",
        GJ_WEQ,
        HOOFD,
        k2020="H14_saldo_omgevingswarmte",
    ),
    _i("co2_uitstoot", "CO₂-uitstoot", "ton CO₂/jr", HOOFD, k2020="H15_CO2_uitstoot"),
    _i(
        "input_elektriciteit_wd_ow",
        "Input elektriciteit wijkdistributie en opwekking",
        GJ_WEQ,
        HOOFD,
        k2020="H21_Input_elektriciteit_WD_OW",
    ),
    *_per_sector(),
]

_KOSTEN = [
    (1, "Enet_verzwaren", "enet_verzwaren", "Elektriciteitsnet verzwaren"),
    (2, "Gnet_verwijderen", "gnet_verwijderen", "Gasnet verwijderen"),
    (3, "Gnet_aanpassen", "gnet_aanpassen", "Gasnet aanpassen"),
    (4, "Wnet_buurt", "wnet_buurt", "Warmtenet in de buurt"),
    (5, "Wnet_pand", "wnet_pand", "Warmtenet in het pand"),
    (6, "Wnet_transport", "wnet_transport", "Warmtenet transport"),
    (7, "Wnet_opwekking", "wnet_opwekking", "Warmtenet opwekking"),
    (8, "Gebouw_schil", "gebouw_schil", "Gebouwschil (isolatie)"),
    (9, "Gebouw_installatie", "gebouw_installatie", "Gebouwinstallatie"),
    (10, "Totaal_Kapitaalslasten", "totaal_kapitaallasten", "Totaal kapitaallasten"),
    (11, "Inkoop_Warmte", "inkoop_warmte", "Inkoop warmte"),
    (12, "Inkoop_Gas", "inkoop_gas", "Inkoop gas"),
    (13, "Inkoop_Elek", "inkoop_elektriciteit", "Inkoop elektriciteit"),
    (14, "Gebouw_OenM", "gebouw_oenm", "Onderhoud en beheer gebouwinstallaties"),
    (15, "Wnet_OenM", "wnet_oenm", "Onderhoud en beheer warmtenet"),
    (16, "Enet_Gnet_OenM", "enet_gnet_oenm", "Onderhoud en beheer elektriciteits- en gasnet"),
    (17, "Totaal_VariabeleKosten", "totaal_variabele_kosten", "Totaal variabele kosten"),
    (
        18,
        "Extra_VariabeleKosten",
        "extra_variabele_kosten",
        "Extra variabele kosten t.o.v. referentie",
    ),
    (19, "Gebouw_schil_w", "gebouw_schil_woningen", "Gebouwschil, woningen"),
    (20, "Gebouw_installatie_w", "gebouw_installatie_woningen", "Gebouwinstallatie, woningen"),
    (21, "Gebouw_schil_u", "gebouw_schil_utiliteit", "Gebouwschil, utiliteit"),
    (22, "Gebouw_installatie_u", "gebouw_installatie_utiliteit", "Gebouwinstallatie, utiliteit"),
    (23, "winst_warmtebedrijven", "winst_warmtebedrijven", "Winst warmtebedrijven"),
]

_AANSLUITINGEN = [
    _i(
        "aansluitingen_aardgas",
        "Aansluitingen op aardgas",
        "aansluitingen",
        AANSLUITINGEN,
        k2020="A01_Aansl_aardgas",
    ),
    _i(
        "aansluitingen_ewp",
        "Aansluitingen met elektrische warmtepomp",
        "aansluitingen",
        AANSLUITINGEN,
        k2020="A02_Aansl_eWP",
    ),
    _i(
        "aansluitingen_mt",
        "Aansluitingen op een MT-warmtenet",
        "aansluitingen",
        AANSLUITINGEN,
        k2020="A03_Aansl_MT",
    ),
    _i(
        "aansluitingen_lt",
        "Aansluitingen op een LT-warmtenet",
        "aansluitingen",
        AANSLUITINGEN,
        k2020="A04_Aansl_LT",
    ),
    _i(
        "aansluitingen_hwp_hg",
        "Aansluitingen met hybride warmtepomp op klimaatneutraal gas",
        "aansluitingen",
        AANSLUITINGEN,
        k2020="A05_Aansl_hWP_HG",
    ),
    _i(
        "aansluitingen_hr_hg",
        "Aansluitingen met HR-ketel op klimaatneutraal gas",
        "aansluitingen",
        AANSLUITINGEN,
        k2020="A06_Aansl_HR_HG",
    ),
    _i(
        "aandeel_ewp_weq",
        "Aandeel woningequivalenten met elektrische warmtepomp",
        "fractie",
        AANSLUITINGEN,
        k2020="A07_Aandeel_eWP_WEQ",
    ),
    _i(
        "aandeel_ewp_gj",
        "Aandeel van de warmtevraag met elektrische warmtepomp",
        "fractie",
        AANSLUITINGEN,
        k2020="A08_Aandeel_eWP_GJ",
    ),
]

INDICATOREN: dict[str, Indicator] = {
    i.sleutel: i
    for i in [
        *_STATISCH,
        *_HOOFD,
        *(
            _i(f"kosten_{slug}", titel, EUR_JR, KOSTEN, k2020=f"K{nr:02d}_{kolom}")
            for nr, kolom, slug, titel in _KOSTEN
        ),
        *_AANSLUITINGEN,
    ]
}

#: Column name (lower case) -> canonical key, per naming. I, K and A columns are the same in both.
KOLOMMEN: dict[str, dict[str, str]] = {NAAMGEVING_2019: {}, NAAMGEVING_2020: {}}
for _ind in INDICATOREN.values():
    if _ind.kolom_2020:
        KOLOMMEN[NAAMGEVING_2020][_ind.kolom_2020.lower()] = _ind.sleutel
        if not _ind.kolom_2020.startswith("H"):
            KOLOMMEN[NAAMGEVING_2019][_ind.kolom_2020.lower()] = _ind.sleutel
    if _ind.kolom_2019:
        KOLOMMEN[NAAMGEVING_2019][_ind.kolom_2019.lower()] = _ind.sleutel

#: H columns that occur in exactly one naming: they tell the namings apart.
KENMERKEND: dict[str, frozenset[str]] = {
    naamgeving: frozenset(
        kolom for kolom in kolommen if kolom.startswith("h") and kolom not in KOLOMMEN[ander]
    )
    for naamgeving, kolommen, ander in (
        (NAAMGEVING_2019, KOLOMMEN[NAAMGEVING_2019], NAAMGEVING_2020),
        (NAAMGEVING_2020, KOLOMMEN[NAAMGEVING_2020], NAAMGEVING_2019),
    )
}

#: The strategy variants per edition, as PBL names its runs. The same code means a different
#: variant in another edition (``s3b`` is "LT-bron, 70 °C" in 2020 and "WKO 15/15" in 2025).
STRATEGIEEN: dict[str, dict[str, str]] = {
    # PBL, Technische toelichting Startanalyse aardgasvrije buurten 2020 (24 september 2020).
    "2020": {
        "s1a": "S1a individuele elektrische warmtepomp: luchtwarmtepomp",
        "s1b": "S1b individuele elektrische warmtepomp: bodemwarmtepomp",
        "s2a": "S2a warmtenet MT-restwarmte (schillabel B)",
        "s2b": "S2b warmtenet MT-geothermie, potentiekaart (schillabel B)",
        "s2c": "S2c warmtenet MT-geothermie, overal (schillabel B)",
        "s2d": "S2d warmtenet MT-restwarmte (schillabel D)",
        "s2e": "S2e warmtenet MT-geothermie, potentiekaart (schillabel D)",
        "s2f": "S2f warmtenet MT-geothermie, overal (schillabel D)",
        "s3a": "S3a warmtenet LT-bron, aanlevering 30 °C (schillabel B)",
        "s3b": "S3b warmtenet LT-bron, aanlevering 70 °C (schillabel B)",
        "s3c": "S3c warmtenet WKO, aanlevering 70 °C, hele buurt (schillabel B)",
        "s3d": "S3d warmtenet WKO, aanlevering 50 °C (schillabel B)",
        "s3e": "S3e warmtenet TEO+WKO, aanlevering 70 °C (schillabel B)",
        "s3f": "S3f warmtenet LT-bron, aanlevering 70 °C (schillabel D)",
        "s3g": "S3g warmtenet WKO, aanlevering 70 °C, hele buurt (schillabel D)",
        "s3h": "S3h warmtenet TEO+WKO, aanlevering 70 °C (schillabel D)",
        "s4a": "S4a groengas met hybride warmtepomp (schillabel B)",
        "s4b": "S4b groengas met HR-ketel (schillabel B)",
        "s4c": "S4c groengas met hybride warmtepomp (schillabel D)",
        "s4d": "S4d groengas met HR-ketel (schillabel D)",
        "s5a": "S5a waterstof met hybride warmtepomp (schillabel B)",
        "s5b": "S5b waterstof met HR-ketel (schillabel B)",
        "s5c": "S5c waterstof met hybride warmtepomp (schillabel D)",
        "s5d": "S5d waterstof met HR-ketel (schillabel D)",
    },
    # PBL, pbl-nl/model-vesta-public, branch ActualisatieStartanalyse2025: the run files in Runs/.
    "2025": {
        "s1a": "S1a luchtwarmtepomp (schillabel B)",
        "s1b": "S1b bodemwarmtepomp (schillabel B)",
        "s2a": "S2a warmtenet restwarmte (schillabel B)",
        "s2b": "S2b warmtenet geothermie, binnen contour (schillabel B)",
        "s2c": "S2c warmtenet geothermie, overal (schillabel B)",
        "s2d": "S2d warmtenet restwarmte (schillabel D)",
        "s2e": "S2e warmtenet geothermie, binnen contour (schillabel D)",
        "s2f": "S2f warmtenet geothermie, overal (schillabel D)",
        "s3a": "S3a LT-warmtenet 30/30 °C (schillabel B)",
        "s3b": "S3b LT-warmtenet WKO 15/15 °C (schillabel B)",
        "s3c": "S3c LT-warmtenet WKO 15/70 °C (schillabel B)",
        "s3d": "S3d LT-warmtenet WKO 15/50 °C (schillabel B)",
        "s3e": "S3e LT-warmtenet TEO 15/15 °C (schillabel B)",
        "s3f": "S3f LT-warmtenet 30/70 °C (schillabel D)",
        "s3g": "S3g LT-warmtenet WKO 15/15 °C (schillabel D)",
        "s3h": "S3h LT-warmtenet WKO 15/70 °C (schillabel D)",
        "s4a": "S4a klimaatneutraal gas met hybride warmtepomp (schillabel B)",
        "s4b": "S4b klimaatneutraal gas met hybride warmtepomp (schillabel D)",
    },
}


def strategie_label(variant: str, editie: str) -> str:
    """A readable name for a variant code, if PBL's runs of that edition name it."""
    if not variant:
        return "Alle strategieën (statische gegevens)"
    namen = STRATEGIEEN.get(editie, {})
    return namen.get(variant, f"Strategievariant {variant}")
