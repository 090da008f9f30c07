"""Reading CBS Kerncijfers files (pure pandas, no database): both forms, both years, bad input.

The helpers at the top build files the way CBS writes them (padded codes, "." for missing,
semicolons); the other kerncijfers tests import them.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import numpy as np
import openpyxl
import pytest

from wijktoets.cbs import tabellen
from wijktoets.cbs.lezen import MAX_FOUTEN, BestandFout, lees_inhoud
from wijktoets.cbs.variabelen import VARIABELEN

DATA = Path(__file__).resolve().parents[2] / "wijktoets" / "data"
DATAPROPERTIES_2024 = DATA / "cbs_85984NED_dataproperties.csv"


def dataproperties_2024() -> list[dict]:
    with DATAPROPERTIES_2024.open(encoding="utf-8") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


SLEUTELS_2024 = [r["Key"] for r in dataproperties_2024()]

SOORT = {"NL": "Land", "GM": "Gemeente", "WK": "Wijk", "BU": "Buurt"}


def statline_csv(
    rijen: list[dict],
    *,
    sleutels: list[str] | None = None,
    sep: str = ";",
    encoding: str = "utf-8",
) -> bytes:
    """A StatLine TypedDataSet CSV: ``rijen`` give code, gemeente and values by CBS key.

    Every other column is "." (missing); codes are padded to 10 characters as CBS does.
    """
    sleutels = sleutels or SLEUTELS_2024
    uit = io.StringIO()
    w = csv.writer(uit, delimiter=sep, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    w.writerow(["ID", *sleutels])
    for i, rij in enumerate(rijen):
        code = rij["code"]
        vast = {
            "WijkenEnBuurten": code.ljust(10),
            "Codering_3": code.ljust(10),
            "Gemeentenaam_1": rij.get("gemeente", "Ermelo").ljust(40),
            "SoortRegio_2": SOORT[code[:2]].ljust(10),
        }
        w.writerow([i, *(vast.get(k, rij.get(k, "     .")) for k in sleutels)])
    return uit.getvalue().encode(encoding)


def kwb_csv(rijen: list[dict], kolommen: list[str], *, sep: str = ";") -> bytes:
    uit = io.StringIO()
    w = csv.writer(uit, delimiter=sep, lineterminator="\n")
    kop = ["gwb_code_10", "gwb_code_8", "regio", "gm_naam", "recs", "gwb_code", "ind_wbi"]
    w.writerow(kop + kolommen)
    for rij in rijen:
        code = rij["code"]
        w.writerow(
            [
                code,
                "0000" if code == "NL00" else code[2:],
                rij.get("regio", code),
                rij.get("gm_naam", "Ermelo"),
                SOORT[code[:2]],
                code,
                rij.get("ind_wbi", "1"),
                *(rij.get(k, ".") for k in kolommen),
            ]
        )
    return uit.getvalue().encode()


def xlsx(data_csv: bytes, sep: str = ";") -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    for rij in csv.reader(io.StringIO(data_csv.decode()), delimiter=sep):
        ws.append([int(v) if v.isdigit() and len(v) < 9 else v for v in rij])
    uit = io.BytesIO()
    wb.save(uit)
    return uit.getvalue()


ERMELO_2024 = [
    {
        "code": "NL00",
        "gemeente": "Nederland",
        "AantalInwoners_5": "17942942",
        "Huurwoning_59": "1920",
        "Huurwoning_67": "640",
    },
    {
        "code": "GM0233",
        "AantalInwoners_5": "27500",
        "Huurwoning_59": "2050",
        "Huurwoning_67": "750",
    },
    {"code": "BU02330001", "AantalInwoners_5": "0", "Huurwoning_59": ".", "Huurwoning_67": ""},
]


def fouten(exc: pytest.ExceptionInfo[BestandFout]) -> list[tuple]:
    return [(f.rij, f.kolom, f.waarde) for f in exc.value.fouten]


# --- The catalogue and the mappings ----------------------------------------------------------


def test_every_2024_column_is_mapped_with_the_unit_cbs_gives_it():
    per_sleutel = {r["Key"]: r for r in dataproperties_2024()}
    tabel = tabellen.STATLINE_TABELLEN[2024]
    assert tabel.alle_sleutels | {
        "WijkenEnBuurten",
        "Gemeentenaam_1",
        "SoortRegio_2",
        "Codering_3",
    } == set(per_sleutel)
    for sleutel, variabele in tabel.kolommen.items():
        assert per_sleutel[sleutel]["Unit"] == VARIABELEN[variabele].eenheid, sleutel


def test_a_repeated_cbs_title_maps_to_different_variables_with_their_own_unit():
    kolommen = tabellen.STATLINE_TABELLEN[2024].kolommen
    elektriciteit = VARIABELEN[kolommen["Huurwoning_59"]]
    gas = VARIABELEN[kolommen["Huurwoning_67"]]
    assert (elektriciteit.sleutel, elektriciteit.eenheid) == ("elektriciteit_huurwoning_kwh", "kWh")
    assert (gas.sleutel, gas.eenheid) == ("aardgas_huurwoning_m3", "m³")
    assert len({v.titel for v in VARIABELEN.values()}) == len(VARIABELEN)


def test_the_keys_the_indicators_rely_on_exist():
    nodig = [
        "aantal_inwoners",
        "huishoudens_totaal",
        "gemiddelde_huishoudensgrootte",
        "woningvoorraad",
        "gemiddelde_woz_waarde",
        "eengezinswoning_pct",
        "meergezinswoning_pct",
        "koopwoningen_pct",
        "huurwoningen_pct",
        "corporatiewoningen_pct",
        "overige_verhuurders_pct",
        "bouwjaar_voor_2000_pct",
        "bouwjaar_vanaf_2000_pct",
        "bouwjaar_ouder_dan_10_jaar_pct",
        "bouwjaar_laatste_10_jaar_pct",
        "elektriciteit_totaal_kwh",
        "elektriciteit_huurwoning_kwh",
        "elektriciteit_eigen_woning_kwh",
        "aardgas_totaal_m3",
        "aardgas_appartement_m3",
        "aardgas_tussenwoning_m3",
        "aardgas_hoekwoning_m3",
        "aardgas_twee_onder_een_kap_m3",
        "aardgas_vrijstaand_m3",
        "aardgas_huurwoning_m3",
        "aardgas_eigen_woning_m3",
        "stadsverwarming_pct",
        "inkomen_per_inwoner",
        "huishoudens_laag_inkomen_pct",
        "huishoudens_rond_sociaal_minimum_pct",
        "oppervlakte_land_ha",
    ]
    assert set(nodig) <= set(VARIABELEN)
    gemapt = {
        *tabellen.STATLINE_TABELLEN[2023].kolommen.values(),
        *tabellen.STATLINE_TABELLEN[2024].kolommen.values(),
        *tabellen.KWB_KOLOMMEN.values(),
    }
    assert set(nodig) <= gemapt


# --- StatLine form ---------------------------------------------------------------------------


def test_statline_2024_is_recognised_and_read():
    inhoud = lees_inhoud(statline_csv(ERMELO_2024))
    assert (inhoud.formaat, inhoud.jaar, inhoud.tabel) == ("statline", 2024, "85984NED")
    assert list(inhoud.regios["code"]) == ["NL00", "GM0233", "BU02330001"]  # padding gone
    assert list(inhoud.regios["soort"]) == ["land", "gemeente", "buurt"]
    assert list(inhoud.regios["gemeentecode"]) == ["", "GM0233", "GM0233"]
    w = inhoud.waarden
    assert w.loc[1, "elektriciteit_huurwoning_kwh"] == 2050
    assert w.loc[1, "aardgas_huurwoning_m3"] == 750
    assert w.loc[0, "aantal_inwoners"] == 17942942


def test_missing_and_secret_values_stay_missing_and_zero_stays_zero():
    w = lees_inhoud(statline_csv(ERMELO_2024)).waarden
    assert w.loc[2, "aantal_inwoners"] == 0
    assert np.isnan(w.loc[2, "elektriciteit_huurwoning_kwh"])  # "."
    assert np.isnan(w.loc[2, "aardgas_huurwoning_m3"])  # empty
    assert np.isnan(w.loc[0, "woningvoorraad"])  # "     ." padded


def test_statline_2023_is_recognised_by_its_own_suffixes():
    sleutels = [
        "WijkenEnBuurten",
        "Gemeentenaam_1",
        "SoortRegio_2",
        "Codering_3",
        "AantalInwoners_5",
        "BouwjaarVoor2000_46",
        "GemiddeldAardgasverbruikTotaal_56",
        "OppervlakteLand_121",
    ]
    data = statline_csv(
        [
            {
                "code": "GM0233",
                "AantalInwoners_5": "27810",
                "BouwjaarVoor2000_46": "84",
                "GemiddeldAardgasverbruikTotaal_56": "980",
                "OppervlakteLand_121": "8519",
            }
        ],
        sleutels=sleutels,
    )
    inhoud = lees_inhoud(data)
    assert (inhoud.jaar, inhoud.tabel) == (2023, "85618NED")
    assert inhoud.waarden.loc[0, "aardgas_totaal_m3"] == 980
    assert inhoud.waarden.loc[0, "bouwjaar_voor_2000_pct"] == 84
    assert inhoud.waarden.loc[0, "oppervlakte_land_ha"] == 8519


def test_a_file_of_another_year_is_refused_when_a_year_is_given():
    with pytest.raises(BestandFout) as exc:
        lees_inhoud(statline_csv(ERMELO_2024), jaar=2023)
    assert "2023" in exc.value.samenvatting
    assert "85984NED" in exc.value.samenvatting  # says what it looks like
    assert (1, "GemiddeldAardgasverbruikTotaal_61", "GemiddeldAardgasverbruikTotaal_61") in fouten(
        exc
    )


def test_a_file_of_another_table_is_refused():
    # An older table (2022, 85318NED): the same names with other suffixes.
    data = statline_csv(
        [{"code": "GM0233", "HuishoudensTotaal_28": "11500"}],
        sleutels=[
            "WijkenEnBuurten",
            "Gemeentenaam_1",
            "SoortRegio_2",
            "Codering_3",
            "AantalInwoners_5",
            "HuishoudensTotaal_28",
            "Woningvoorraad_34",
        ],
    )
    with pytest.raises(BestandFout) as exc:
        lees_inhoud(data)
    assert "geen van de CBS-tabellen" in exc.value.samenvatting
    assert {f.kolom for f in exc.value.fouten} >= {"HuishoudensTotaal_28", "Woningvoorraad_34"}


def test_a_year_the_platform_does_not_know_is_refused():
    with pytest.raises(BestandFout, match="2019"):
        lees_inhoud(statline_csv(ERMELO_2024), jaar=2019)


def test_columns_shared_by_both_years_need_the_year():
    data = statline_csv(
        [{"code": "GM0233", "AantalInwoners_5": "27500"}],
        sleutels=[
            "WijkenEnBuurten",
            "Gemeentenaam_1",
            "SoortRegio_2",
            "Codering_3",
            "AantalInwoners_5",
        ],
    )
    with pytest.raises(BestandFout, match="niet af te leiden"):
        lees_inhoud(data)
    assert lees_inhoud(data, jaar=2023).jaar == 2023


def test_a_csv_that_is_no_kerncijfers_file_is_refused():
    with pytest.raises(BestandFout, match="geen bestand van de CBS Kerncijfers"):
        lees_inhoud(b"naam;leeftijd\nJan;40\n")


# --- Bad rows and values ---------------------------------------------------------------------


def test_text_in_a_numeric_column_names_row_column_and_value():
    rijen = [dict(r) for r in ERMELO_2024]
    rijen[1]["Huurwoning_67"] = "ongeveer 750"
    with pytest.raises(BestandFout) as exc:
        lees_inhoud(statline_csv(rijen))
    assert fouten(exc) == [(3, "Huurwoning_67", "ongeveer 750")]
    assert "Geen getal" in exc.value.fouten[0].reden
    assert exc.value.totaal == 1


def test_infinite_numbers_are_not_numbers():
    rijen = [dict(r) for r in ERMELO_2024]
    rijen[0]["AantalInwoners_5"] = "inf"
    with pytest.raises(BestandFout):
        lees_inhoud(statline_csv(rijen))


def test_duplicated_codes_are_reported_on_every_row():
    rijen = [*ERMELO_2024, {"code": "GM0233", "AantalInwoners_5": "1"}]
    with pytest.raises(BestandFout) as exc:
        lees_inhoud(statline_csv(rijen))
    assert [(f.rij, f.waarde) for f in exc.value.fouten] == [(3, "GM0233"), (5, "GM0233")]
    assert "ook op regel 5" in exc.value.fouten[0].reden


def test_bad_and_empty_codes_and_a_wrong_kind_of_region():
    rijen = [{"code": "GM0233"}, {"code": "BU02330001"}, {"code": "GM0233"}]
    data = statline_csv(rijen).decode()
    data = data.replace("BU02330001;", "XX12;", 1)  # WijkenEnBuurten
    data = data.replace("Gemeente  ", "Wijk      ", 1)
    with pytest.raises(BestandFout) as exc:
        lees_inhoud(data.encode())
    redenen = {(f.rij, f.kolom): f.reden for f in exc.value.fouten}
    assert "Geen CBS-regiocode" in redenen[(3, "WijkenEnBuurten")]
    assert "Past niet bij de code GM0233" in redenen[(2, "SoortRegio_2")]


def test_many_errors_are_counted_and_the_first_listed():
    rijen = [{"code": f"BU0233{i:04d}", "AantalInwoners_5": "veel"} for i in range(MAX_FOUTEN + 50)]
    with pytest.raises(BestandFout) as exc:
        lees_inhoud(statline_csv(rijen))
    assert exc.value.totaal == MAX_FOUTEN + 50
    assert len(exc.value.fouten) == MAX_FOUTEN


def test_an_empty_file_and_a_file_with_only_a_header():
    with pytest.raises(BestandFout, match="leeg"):
        lees_inhoud(b"")
    with pytest.raises(BestandFout, match="leeg"):
        lees_inhoud(b"  \r\n")
    with pytest.raises(BestandFout, match="alleen een kopregel"):
        lees_inhoud(statline_csv([]))


def test_a_ragged_row_and_a_repeated_column():
    data = statline_csv(ERMELO_2024).decode().splitlines()
    data[2] += ";1;2"
    with pytest.raises(BestandFout) as exc:
        lees_inhoud("\n".join(data).encode())
    assert exc.value.fouten[0].rij == 3
    with pytest.raises(BestandFout, match="meer dan één keer in de kopregel"):
        lees_inhoud(b"WijkenEnBuurten;AantalInwoners_5;AantalInwoners_5\nGM0233;1;2\n")


def test_binary_and_old_excel_files_are_refused():
    with pytest.raises(BestandFout, match=r"\.xls"):
        lees_inhoud(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    with pytest.raises(BestandFout, match="geen tekstbestand"):
        lees_inhoud(b"\x00\x01\x02WijkenEnBuurten")
    with pytest.raises(BestandFout, match="Excel-bestand kan niet"):
        lees_inhoud(b"PK\x03\x04 kapot")


# --- Encodings and separators ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "verwacht"),
    [
        ("utf-8", "UTF-8"),
        ("utf-8-sig", "UTF-8 met BOM"),
        ("latin-1", "Windows-1252 (Latin-1)"),
        ("cp1252", "Windows-1252 (Latin-1)"),
        ("utf-16", "UTF-16"),
    ],
)
def test_encodings_are_read_correctly(encoding, verwacht):
    rijen = [{"code": "GM1900", "gemeente": "Súdwest-Fryslân", "AantalInwoners_5": "90000"}]
    inhoud = lees_inhoud(statline_csv(rijen, encoding=encoding))
    assert inhoud.codering == verwacht
    assert inhoud.regios.loc[0, "gemeentenaam"] == "Súdwest-Fryslân"
    assert inhoud.waarden.loc[0, "aantal_inwoners"] == 90000


@pytest.mark.parametrize("sep", [";", ",", "\t"])
def test_separators(sep):
    inhoud = lees_inhoud(statline_csv(ERMELO_2024, sep=sep))
    assert inhoud.waarden.loc[1, "aantal_inwoners"] == 27500


def test_decimal_commas_and_points_both_work():
    rijen = [
        {
            "code": "GM0233",
            "GemiddeldeHuishoudensgrootte_33": "2,3",
            "PercentageWoningenMetStadsverwarming_69": "1.2",
        }
    ]
    w = lees_inhoud(statline_csv(rijen)).waarden
    assert w.loc[0, "gemiddelde_huishoudensgrootte"] == pytest.approx(2.3)
    assert w.loc[0, "stadsverwarming_pct"] == pytest.approx(1.2)


# --- kwb form --------------------------------------------------------------------------------

KWB_2024 = [
    "a_inw",
    "g_wozbag",
    "p_koopw",
    "p_bj_me10",
    "p_bj_mi10",
    "g_gas",
    "p_stadsv",
    "pst_mvp",
]
KWB_2023 = ["a_inw", "p_bjj2k", "p_bjo2k", "a_nl_all", "g_gas", "g_gas_hu", "g_ele_hu"]


def test_kwb_2024_csv_is_recognised_and_read():
    data = kwb_csv(
        [
            {
                "code": "NL00",
                "regio": "Nederland",
                "gm_naam": "Nederland",
                "a_inw": "17942942",
                "g_gas": "800",
            },
            {
                "code": "GM0233",
                "regio": "Ermelo",
                "a_inw": "27500",
                "p_bj_me10": "92",
                "g_gas": "950",
                "pst_mvp": "3851",
            },
            {
                "code": "BU02330001",
                "regio": "Ermelo-Oost",
                "a_inw": "       .",
                "g_wozbag": ",",
                "p_stadsv": "x",
            },
        ],
        KWB_2024,
    )
    inhoud = lees_inhoud(data)
    assert (inhoud.formaat, inhoud.jaar, inhoud.tabel) == ("kwb", 2024, "kwb-2024")
    assert list(inhoud.regios["naam"]) == ["Nederland", "Ermelo", "Ermelo-Oost"]
    w = inhoud.waarden
    assert w.loc[1, "bouwjaar_ouder_dan_10_jaar_pct"] == 92
    assert w.loc[1, "aardgas_totaal_m3"] == 950
    assert (
        w.loc[2, ["aantal_inwoners", "gemiddelde_woz_waarde", "stadsverwarming_pct"]].isna().all()
    )
    assert inhoud.kenmerken.loc[1, "meest_voorkomende_postcode"] == "3851"


def test_kwb_2023_xlsx_is_recognised_and_read():
    data = kwb_csv(
        [
            {
                "code": "GM0233",
                "a_inw": "27810",
                "p_bjj2k": "84",
                "g_gas_hu": "780",
                "g_ele_hu": "2010",
            }
        ],
        KWB_2023,
    )
    inhoud = lees_inhoud(xlsx(data))
    assert (inhoud.jaar, inhoud.codering) == (2023, "Excel (.xlsx)")
    assert inhoud.waarden.loc[0, "aardgas_huurwoning_m3"] == 780
    assert inhoud.waarden.loc[0, "elektriciteit_huurwoning_kwh"] == 2010
    assert inhoud.waarden.loc[0, "bouwjaar_voor_2000_pct"] == 84


def test_kwb_old_secret_codes_are_missing():
    data = kwb_csv([{"code": "GM0233", "a_inw": "-99997", "p_bj_me10": "-99999999"}], KWB_2024)
    w = lees_inhoud(data).waarden
    assert w.loc[0, ["aantal_inwoners", "bouwjaar_ouder_dan_10_jaar_pct"]].isna().all()


def test_kwb_year_that_does_not_fit_the_columns_is_refused():
    data = kwb_csv([{"code": "GM0233", "a_inw": "27500"}], KWB_2024)
    with pytest.raises(BestandFout) as exc:
        lees_inhoud(data, jaar=2023)
    assert {f.kolom for f in exc.value.fouten} == {"p_bj_me10", "p_bj_mi10"}
    assert "pas vanaf 2024" in exc.value.fouten[0].reden


def test_kwb_without_telling_columns_needs_the_year():
    data = kwb_csv([{"code": "BU02330001", "a_man": "1850"}], ["a_man", "a_vrouw"])
    with pytest.raises(BestandFout, match="niet af te leiden"):
        lees_inhoud(data)
    assert lees_inhoud(data, jaar=2021).jaar == 2021
    with pytest.raises(BestandFout, match="niet ondersteund"):
        lees_inhoud(data, jaar=2018)


def test_kwb_of_2025_is_not_taken_for_2024():
    data = kwb_csv([{"code": "GM0233"}], ["a_inw", "p_bj_me10", "p_1gezw_vw"])
    with pytest.raises(BestandFout, match="geen kwb-jaar"):
        lees_inhoud(data)


def test_kwb_columns_outside_the_catalogue_are_reported_not_refused():
    data = kwb_csv([{"code": "GM0233"}], [*KWB_2024, "g_ele_tr", "a_lp_pub"])
    inhoud = lees_inhoud(data)
    assert any(k.startswith("g_ele_tr") for k in inhoud.niet_overgenomen)


def test_the_real_samples_read():
    assert lees_inhoud((DATA / "cbs-85984NED-2024-energie-nl-ermelo.csv").read_bytes()).jaar == 2024
    assert lees_inhoud((DATA / "cbs-85618NED-2023-energie-nl-ermelo.csv").read_bytes()).jaar == 2023
    kwb = lees_inhoud((DATA / "kwb-2021-ermelo-buurten.csv").read_bytes(), jaar=2021)
    assert kwb.aantal == 16


def test_an_export_with_names_in_wijken_en_buurten_takes_the_codes_from_codering():
    data = statline_csv(ERMELO_2024).decode().replace("BU02330001;", "Ermelo-Oost;", 1)
    data = data.replace("GM0233    ;", "Ermelo;", 1)
    inhoud = lees_inhoud(data.encode())
    assert list(inhoud.regios["code"]) == ["NL00", "GM0233", "BU02330001"]
    assert list(inhoud.regios["naam"])[1:] == ["Ermelo", "Ermelo-Oost"]


def test_an_xlsx_that_unpacks_too_large_is_refused(monkeypatch):
    from wijktoets.cbs import lezen

    monkeypatch.setattr(lezen, "MAX_UITGEPAKT", 1000)
    data = kwb_csv([{"code": "GM0233", "a_inw": "27500"}], KWB_2024)
    with pytest.raises(BestandFout, match="uitgepakt te groot"):
        lees_inhoud(xlsx(data))
