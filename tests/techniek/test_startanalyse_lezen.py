"""Reading PBL's Startanalyse files: both column namings, one set of keys, and every bad file
refused with row, column, value and reason."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from techniek.startanalyse import lezen
from techniek.startanalyse.indicatoren import (
    INDICATOREN,
    KOLOMMEN,
    NAAMGEVING_2019,
    NAAMGEVING_2020,
)

DATA = Path(__file__).resolve().parents[2] / "techniek" / "data" / "startanalyse"
HILVERSUM_2019 = DATA / "pbl_startanalyse2019_strategie6_hoofdindicatoren_hilversum_GM0402.csv"

#: A file in the 2020+ naming, as PBL's model writes Hoofdindicatoren.csv. The figures are made
#: up for the test; only the shape is PBL's.
HOOFD_2020 = (
    "BU_CODE;V01_Strategievariant;H01_vraag_totaal;H09_input_aardgas;H15_CO2_uitstoot;"
    "H16_Nat_meerkost;H17_Nat_meerkost_CO2;H18_Nat_meerkost_WEQ;H20_Toekenning_klimaatneutraal_gas\n"
    "BU04020101;s1a;52;0;120;1200000;250;600;onbekend\n"
    "BU04020101;s2a;52;;310;2500000;410;1250;onbekend\n"
    "BU04020102;s1a;48;0;90;800000;300;700;onbekend\n"
)
KOSTEN_2020 = (
    "BU_CODE;V01_Strategievariant;K01_Enet_verzwaren;K08_Gebouw_schil;K23_winst_warmtebedrijven\n"
    "BU04020101;s1a;15000;420000;0\n"
    "BU04020102;s1a;9000;380000;0\n"
)
STATISCH = (
    "BU_CODE;I01_buurtcode;I02_buurtnaam;I05_gemeentecode;I09_aantal_woningen;I11_woningequivalenten\n"
    "BU04020101;BU04020101;Centrum;GM0402;2000;2150\n"
)


def lees(tekst: str | bytes, **kwargs) -> lezen.Inhoud:
    return lezen.lees_startanalyse(tekst.encode() if isinstance(tekst, str) else tekst, **kwargs)


def fout(tekst: str | bytes, **kwargs) -> lezen.BestandFout:
    with pytest.raises(lezen.BestandFout) as exc:
        lees(tekst, **kwargs)
    return exc.value


def test_the_2019_sample_reads_in_the_2019_naming():
    inhoud = lezen.lees_startanalyse(HILVERSUM_2019.read_bytes())
    assert inhoud.naamgeving == NAAMGEVING_2019
    assert inhoud.aantal == 43
    assert inhoud.gemeenten == ["GM0402"]
    assert inhoud.niet_overgenomen == []
    eerste = inhoud.waarden.iloc[0]
    assert inhoud.rijen.iloc[0].to_dict() == {
        "buurtcode": "BU04020101",
        "variant": "s5a",
        "rij": 2,
        "gemeentecode": "GM0402",
    }
    # H12_Nat_meerkosten, H13_Nat_meerkost_CO2 and H16_Nat_meerkost_WEQ of 2019
    assert eerste["nationale_meerkosten"] == 2131798
    assert eerste["nationale_meerkosten_per_ton_co2"] == 230
    assert eerste["nationale_meerkosten_per_weq"] == 571
    assert inhoud.teksten.iloc[0]["toekenning_klimaatneutraal_gas"] == "ja"


def test_the_2020_naming_maps_to_the_same_keys():
    inhoud = lees(HOOFD_2020)
    assert inhoud.naamgeving == NAAMGEVING_2020
    assert inhoud.soort == "Hoofdindicatoren"
    eerste = inhoud.waarden.iloc[0]
    # H16_Nat_meerkost, H17_Nat_meerkost_CO2, H18_Nat_meerkost_WEQ of 2020+
    assert eerste["nationale_meerkosten"] == 1200000
    assert eerste["nationale_meerkosten_per_ton_co2"] == 250
    assert eerste["nationale_meerkosten_per_weq"] == 600
    assert list(inhoud.rijen["variant"]) == ["s1a", "s2a", "s1a"]


def test_both_namings_of_the_national_costs_have_one_key_with_one_unit():
    for sleutel, kolommen in {
        "nationale_meerkosten": ("h12_nat_meerkosten", "h16_nat_meerkost"),
        "nationale_meerkosten_per_ton_co2": ("h13_nat_meerkost_co2", "h17_nat_meerkost_co2"),
        "nationale_meerkosten_per_weq": ("h16_nat_meerkost_weq", "h18_nat_meerkost_weq"),
    }.items():
        assert KOLOMMEN[NAAMGEVING_2019][kolommen[0]] == sleutel
        assert KOLOMMEN[NAAMGEVING_2020][kolommen[1]] == sleutel
    assert INDICATOREN["nationale_meerkosten"].eenheid == "€/jr"
    assert INDICATOREN["nationale_meerkosten_per_ton_co2"].eenheid == "€/ton CO₂"
    assert INDICATOREN["nationale_meerkosten_per_weq"].eenheid == "€/jr per woningequivalent"
    assert all(i.eenheid or i.tekst for i in INDICATOREN.values())


def test_a_missing_value_stays_missing_never_zero():
    inhoud = lees(HOOFD_2020)
    assert math.isnan(inhoud.waarden.iloc[1]["input_aardgas"])
    assert inhoud.waarden.iloc[0]["input_aardgas"] == 0


def test_cost_and_static_files_have_no_h_columns_and_still_read():
    kosten = lees(KOSTEN_2020)
    assert kosten.naamgeving == "" and kosten.soort == "Nationale kosten"
    assert kosten.waarden.iloc[0]["kosten_gebouw_schil"] == 420000
    statisch = lees(STATISCH)
    assert statisch.soort == "Statisch"
    assert list(statisch.rijen["variant"]) == [""]
    assert statisch.waarden.iloc[0]["woningequivalenten"] == 2150
    assert statisch.teksten.iloc[0]["buurtnaam"] == "Centrum"


def test_the_buurt_code_may_be_in_i01_buurtcode():
    inhoud = lees("I01_buurtcode;I09_aantal_woningen\nBU04020101;12\n")
    assert inhoud.rijen.iloc[0]["buurtcode"] == "BU04020101"


def test_unknown_columns_are_reported_not_taken_over():
    inhoud = lees(HOOFD_2020.replace("H01_vraag_totaal", "X99_nieuw_in_2030", 1))
    assert inhoud.niet_overgenomen == ["X99_nieuw_in_2030"]
    assert "vraag_totaal" not in inhoud.waarden.columns


def test_text_in_a_numeric_column_names_row_column_value_and_reason():
    tekst = HOOFD_2020.replace("800000", "achthonderdduizend").replace("1200000", "1.200.000")
    f = fout(tekst)
    assert "niets ingelezen" in f.samenvatting
    assert [(x.rij, x.kolom, x.waarde, x.reden) for x in f.fouten] == [
        (2, "H16_Nat_meerkost", "1.200.000", "Dit is geen getal."),
        (4, "H16_Nat_meerkost", "achthonderdduizend", "Dit is geen getal."),
    ]


def test_a_decimal_comma_of_dutch_excel_is_read():
    inhoud = lees("BU_CODE;V01_Strategievariant;H17_Nat_meerkost_CO2\nBU04020101;s1a;250,5\n")
    assert inhoud.waarden.iloc[0]["nationale_meerkosten_per_ton_co2"] == 250.5


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        (b"", "leeg"),
        (b"   \n\n", "leeg"),
        (b"BU_CODE;V01_Strategievariant;H16_Nat_meerkost\n", "geen rijen"),
        (b"\x00\x01\x02PK", "geen tekstbestand"),
        (b"code;naam\nBU04020101;Centrum\n", "kolom met de buurtcode ontbreekt"),
        (b"BU_CODE;V01_Strategievariant;foo;bar\nBU04020101;s1a;1;2\n", "geen enkele kolom"),
        (b"BU_CODE;H16_Nat_meerkost\nBU04020101;1\n", "V01_Strategievariant ontbreekt"),
        (b"BU_CODE;BU_CODE;H16_Nat_meerkost\nBU04020101;x;1\n", "dezelfde naam"),
        (
            b"BU_CODE;V01_Strategievariant;H12_Nat_meerkosten;H16_Nat_meerkost\nBU04020101;s1a;1;2\n",
            "mengt de kolomnamen",
        ),
    ],
)
def test_bad_files_are_refused_with_a_clear_reason(tekst, verwacht):
    assert verwacht in fout(tekst).samenvatting


def test_bad_codes_and_variants_and_duplicate_rows_are_listed():
    tekst = (
        "BU_CODE;V01_Strategievariant;H16_Nat_meerkost\n"
        "BU0402;s1a;1\n"
        "BU04020101;S 1a!;1\n"
        "BU04020102;s1a;1\n"
        "bu04020102;S1A;2\n"
    )
    f = fout(tekst)
    redenen = {(x.rij, x.kolom): x.reden for x in f.fouten}
    assert "Geen buurtcode" in redenen[(2, "BU_CODE")]
    assert "Geen strategievariant" in redenen[(3, "V01_Strategievariant")]
    assert redenen[(5, "BU_CODE")] == "Buurt BU04020102 met variant s1a staat al op regel 4."


def test_bom_and_latin1_are_read():
    met_bom = b"\xef\xbb\xbf" + STATISCH.encode()
    assert lees(met_bom).rijen.iloc[0]["buurtcode"] == "BU04020101"
    latin1 = STATISCH.replace("Centrum", "Hoogeveen-Zuid Oost é").encode("latin-1")
    assert lees(latin1).teksten.iloc[0]["buurtnaam"] == "Hoogeveen-Zuid Oost é"
    komma = STATISCH.replace(";", ",")
    assert lees(komma).waarden.iloc[0]["aantal_woningen"] == 2000


def test_a_file_of_another_municipality_is_refused_when_the_beheerder_names_one():
    f = fout(
        HILVERSUM_2019.read_bytes(),
        gemeente="GM0233",
        gemeentenamen={"GM0233": "Ermelo", "GM0402": "Hilversum"},
    )
    assert f.samenvatting.startswith(
        "Dit bestand gaat over een andere gemeente dan GM0233 (Ermelo)"
    )
    assert f.fouten[0].waarde == "GM0402 (Hilversum): 43 buurten"


def test_a_national_file_keeps_only_the_named_municipality():
    tekst = HOOFD_2020 + "BU02330001;s1a;50;0;80;700000;260;650;onbekend\n"
    inhoud = lees(tekst, gemeente="GM0233")
    assert list(inhoud.rijen["buurtcode"]) == ["BU02330001"]
    assert inhoud.overgeslagen == {"GM0402": 3}
    assert inhoud.waarden.iloc[0]["nationale_meerkosten"] == 700000


def test_an_edition_that_does_not_match_the_columns_is_refused():
    f = fout(HILVERSUM_2019.read_bytes(), naamgeving=NAAMGEVING_2020)
    assert "editie past niet" in f.samenvatting
    assert f.fouten[0].kolom.startswith("H01_warmtetotaal, H02_Vraag_aardgas")
    assert "kolomnamen van 2019 (zoals H12_Nat_meerkosten)" in f.fouten[0].reden
    assert lees(HOOFD_2020, naamgeving=NAAMGEVING_2020).aantal == 3
