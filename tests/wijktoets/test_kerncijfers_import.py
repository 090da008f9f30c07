"""Importing CBS Kerncijfers: all-or-nothing, idempotent, areas upserted; command and task."""

from __future__ import annotations

import io

import numpy as np
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from tests import factories
from tests.wijktoets.test_kerncijfers_lezen import (
    DATA,
    ERMELO_2024,
    KWB_2024,
    kwb_csv,
    statline_csv,
)
from wijktoets import registratie_kerncijfers
from wijktoets.models import KerncijferImport, KerncijferRegio
from wijktoets.selectors.kerncijfers import beschikbare_jaren, kerncijfers_frame
from wijktoets.services import kerncijfers as services
from wijktoets.tasks import importeer_kerncijfers
from wup.models import Buurt, Gemeente, Wijk

pytestmark = pytest.mark.django_db

Status = KerncijferImport.Status


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def importeer(data: bytes, naam: str = "kwb.csv", jaar: int | None = None, user=None):
    imp = services.kerncijfer_import_aanmaken(
        bestand=io.BytesIO(data), bestandsnaam=naam, jaar=jaar, user=user, in_wachtrij=False
    )
    return services.kerncijfer_import_uitvoeren(import_id=imp.pk)


def test_a_file_is_imported_with_regions_side_by_side_per_year():
    imp = importeer(statline_csv(ERMELO_2024), "85984NED.csv")
    assert imp.status == Status.GESLAAGD, imp.fouten
    assert (imp.jaar, imp.tabel, imp.formaat, imp.voortgang) == (2024, "85984NED", "statline", 100)
    assert (imp.aantal_regios, imp.aantal_nieuw, imp.aantal_gewijzigd) == (3, 3, 0)

    data_2023 = statline_csv(
        [{"code": "GM0233", "AantalInwoners_5": "27810"}],
        sleutels=[
            "WijkenEnBuurten",
            "Gemeentenaam_1",
            "SoortRegio_2",
            "Codering_3",
            "AantalInwoners_5",
        ],
    )
    assert importeer(data_2023, jaar=2023).status == Status.GESLAAGD

    df = kerncijfers_frame(["GM0233"])
    assert list(df["jaar"]) == [2023, 2024]
    assert list(df["aantal_inwoners"]) == [27810, 27500]
    assert beschikbare_jaren() == [2024, 2023]


def test_missing_is_stored_as_missing_and_zero_as_zero():
    importeer(statline_csv(ERMELO_2024))
    buurt = KerncijferRegio.objects.get(code="BU02330001", jaar=2024)
    assert buurt.waarden["aantal_inwoners"] == 0
    assert buurt.waarden["elektriciteit_huurwoning_kwh"] is None
    assert buurt.waarden["aardgas_huurwoning_m3"] is None
    rij = kerncijfers_frame(["BU02330001"]).iloc[0]
    assert rij["aantal_inwoners"] == 0
    assert np.isnan(rij["elektriciteit_huurwoning_kwh"])
    assert np.isnan(rij["bouwjaar_voor_2000_pct"])  # a 2023 variable: not in this year


def test_reimporting_the_same_file_changes_nothing():
    data = statline_csv(ERMELO_2024)
    eerste = importeer(data)
    voor = list(KerncijferRegio.objects.values_list("code", "bijgewerkt_op", "bron_import"))
    tweede = importeer(data)
    assert tweede.status == Status.ONGEWIJZIGD
    assert "Niets gewijzigd" in tweede.samenvatting
    assert any(f"import {eerste.pk}" in o for o in tweede.opmerkingen)
    assert list(KerncijferRegio.objects.values_list("code", "bijgewerkt_op", "bron_import")) == voor


def test_the_same_values_in_another_encoding_and_separator_change_nothing():
    importeer(statline_csv(ERMELO_2024))
    anders = statline_csv(ERMELO_2024, sep=",", encoding="utf-16")
    assert importeer(anders).status == Status.ONGEWIJZIGD


def test_changed_values_are_updated_and_counted():
    importeer(statline_csv(ERMELO_2024))
    rijen = [dict(r) for r in ERMELO_2024]
    rijen[1]["AantalInwoners_5"] = "27600"
    imp = importeer(statline_csv(rijen))
    assert imp.status == Status.GESLAAGD
    assert (imp.aantal_nieuw, imp.aantal_gewijzigd, imp.aantal_ongewijzigd) == (0, 1, 2)
    regio = KerncijferRegio.objects.get(code="GM0233", jaar=2024)
    assert regio.waarden["aantal_inwoners"] == 27600
    assert regio.bron_import == imp


def test_a_file_with_fewer_columns_keeps_the_other_figures():
    importeer(statline_csv(ERMELO_2024))
    energie = (DATA / "cbs-85984NED-2024-energie-nl-ermelo.csv").read_bytes()
    assert importeer(energie).status == Status.GESLAAGD
    gm = KerncijferRegio.objects.get(code="GM0233", jaar=2024).waarden
    assert gm["aantal_inwoners"] == 27500  # from the first file
    assert gm["aardgas_totaal_m3"] == 950  # from the sample (CBS 81528NED)


def test_a_bad_file_imports_nothing_and_loses_nothing():
    importeer(statline_csv(ERMELO_2024))
    rijen = [dict(r) for r in ERMELO_2024]
    rijen[0]["AantalInwoners_5"] = "18000000"
    rijen[2]["Huurwoning_67"] = "n.v.t."
    imp = importeer(statline_csv(rijen))
    assert imp.status == Status.MISLUKT
    assert "niets ingelezen" in imp.samenvatting.lower()
    assert imp.fouten == [
        {
            "rij": 4,
            "kolom": "Huurwoning_67",
            "waarde": "n.v.t.",
            "reden": imp.fouten[0]["reden"],
        }
    ]
    assert KerncijferRegio.objects.get(code="NL00").waarden["aantal_inwoners"] == 17942942


@pytest.mark.parametrize(
    ("data", "jaar", "tekst"),
    [
        (b"", None, "leeg"),
        (statline_csv([]), None, "kopregel"),
        (statline_csv(ERMELO_2024), 2023, "passen niet bij het jaar 2023"),
        (statline_csv([*ERMELO_2024, ERMELO_2024[1]]), None, "fout"),
        (b"PK\x03\x04 geen werkmap", None, "Excel"),
    ],
)
def test_bad_files_end_as_failed_imports_with_a_reason(data, jaar, tekst):
    if not data:
        with pytest.raises(ValidationError, match="leeg"):
            importeer(data, jaar=jaar)
        assert not KerncijferImport.objects.exists()
        return
    imp = importeer(data, jaar=jaar)
    assert imp.status == Status.MISLUKT
    assert tekst in imp.samenvatting
    assert not KerncijferRegio.objects.exists()


def test_a_file_too_large_is_refused_before_it_is_stored(monkeypatch):
    monkeypatch.setattr(services, "MAX_BESTANDSGROOTTE", 1000)
    with pytest.raises(ValidationError, match="te groot"):
        importeer(statline_csv(ERMELO_2024))
    groot = SimpleUploadedFile("groot.csv", b"x" * 1001)
    with pytest.raises(ValidationError, match="te groot"):
        services.kerncijfer_import_aanmaken(bestand=groot, bestandsnaam="groot.csv")
    assert not KerncijferImport.objects.exists()


def test_only_csv_and_xlsx_and_known_years_are_accepted():
    with pytest.raises(ValidationError) as exc:
        services.kerncijfer_import_aanmaken(
            bestand=io.BytesIO(b"x"), bestandsnaam="kaart.pdf", jaar=1999
        )
    assert set(exc.value.message_dict) == {"bestand", "jaar"}


def test_an_unexpected_error_is_recorded_not_raised(monkeypatch):
    def kapot(*args, **kwargs):
        raise RuntimeError("schijf vol")

    monkeypatch.setattr(services.KerncijferRegio.objects, "bulk_create", kapot)
    imp = importeer(statline_csv(ERMELO_2024))
    assert imp.status == Status.MISLUKT
    assert "niets opgeslagen" in imp.samenvatting
    assert not KerncijferRegio.objects.exists()
    assert not Gemeente.objects.exists()  # the areas went with the rest


# --- Areas ------------------------------------------------------------------------------------


def test_areas_are_created_and_named_from_the_file():
    data = kwb_csv(
        [
            {"code": "GM0233", "regio": "Ermelo", "a_inw": "27500"},
            {"code": "WK023300", "regio": "Wijk 00 Ermelo"},
            {"code": "BU02330001", "regio": "Ermelo-Oost"},
            {"code": "BU05180101", "regio": "Oud Centrum", "gm_naam": "'s-Gravenhage"},
        ],
        KWB_2024,
    )
    imp = importeer(data)
    assert imp.status == Status.GESLAAGD, imp.fouten
    assert Gemeente.objects.get(code="GM0518").naam == "'s-Gravenhage"
    assert Wijk.objects.get(code="WK023300").naam == "Wijk 00 Ermelo"
    assert Buurt.objects.get(code="BU02330001").naam == "Ermelo-Oost"
    assert Buurt.objects.get(code="BU05180101").wijk.gemeente.code == "GM0518"
    assert any("Gebieden bijgewerkt" in o for o in imp.opmerkingen)


def test_an_older_year_does_not_rename_areas_but_creates_missing_ones():
    importeer(kwb_csv([{"code": "BU02330001", "regio": "Ermelo-Oost"}], KWB_2024))
    oud = kwb_csv(
        [{"code": "BU02330001", "regio": "Oude naam"}, {"code": "BU02330002", "regio": "West"}],
        ["a_man"],
    )
    assert importeer(oud, jaar=2021).status == Status.GESLAAGD
    assert Buurt.objects.get(code="BU02330001").naam == "Ermelo-Oost"
    assert Buurt.objects.get(code="BU02330002").naam == "West"


def test_codes_with_letters_get_figures_and_an_area():
    """Amsterdam numbers its wijken with letters; they are areas like any other."""
    data = kwb_csv(
        [{"code": "WK0363MA", "regio": "Oostelijk Havengebied", "gm_naam": "Amsterdam"}],
        KWB_2024,
    )
    imp = importeer(data)
    assert imp.status == Status.GESLAAGD
    assert KerncijferRegio.objects.get(code="WK0363MA").naam == "Oostelijk Havengebied"
    wijk = Wijk.objects.select_related("gemeente").get(code="WK0363MA")
    assert (wijk.naam, wijk.gemeente.code) == ("Oostelijk Havengebied", "GM0363")


def test_a_file_without_names_keeps_the_names_the_platform_knows():
    factories.BuurtFactory(
        code="BU02330001",
        naam="Ermelo-Oost",
        wijk=factories.WijkFactory(
            code="WK023300", gemeente=factories.GemeenteFactory(code="GM0233", naam="Ermelo")
        ),
    )
    assert importeer(statline_csv(ERMELO_2024)).status == Status.GESLAAGD
    assert Buurt.objects.get(code="BU02330001").naam == "Ermelo-Oost"
    assert KerncijferRegio.objects.get(code="BU02330001").naam == "Ermelo-Oost"
    assert KerncijferRegio.objects.get(code="NL00").naam == "Nederland"


# --- Task, command, demo ---------------------------------------------------------------------


def test_the_task_runs_after_the_commit_and_is_idempotent(django_capture_on_commit_callbacks):
    beheerder = factories.beheerder(username="beheerder")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        imp = services.kerncijfer_import_aanmaken(
            bestand=SimpleUploadedFile("k.csv", statline_csv(ERMELO_2024)),
            bestandsnaam="k.csv",
            user=beheerder,
        )
    assert len(callbacks) == 1
    imp.refresh_from_db()
    assert imp.status == Status.GESLAAGD
    assert imp.aangemaakt_door == beheerder
    assert imp.gestart_op and imp.klaar_op
    # a redelivered task leaves a finished import alone
    assert importeer_kerncijfers.delay(imp.pk).get() == Status.GESLAAGD
    assert KerncijferImport.objects.get(pk=imp.pk).klaar_op == imp.klaar_op


def test_the_command_imports_and_prints_the_report(tmp_path):
    pad = tmp_path / "kwb-2024.csv"
    pad.write_bytes(kwb_csv([{"code": "GM0233", "regio": "Ermelo", "a_inw": "27500"}], KWB_2024))
    uit = io.StringIO()
    call_command("import_cbs_kerncijfers", str(pad), stdout=uit)
    assert "Geslaagd" in uit.getvalue()
    assert KerncijferRegio.objects.get(code="GM0233", jaar=2024).waarden["aantal_inwoners"] == 27500
    uit = io.StringIO()
    call_command("import_cbs_kerncijfers", str(pad), "--jaar", "2024", stdout=uit)
    assert "Niets gewijzigd" in uit.getvalue()


def test_the_command_refuses_a_bad_file_and_prints_row_column_value_why(tmp_path):
    pad = tmp_path / "kwb.csv"
    pad.write_bytes(kwb_csv([{"code": "GM0233", "a_inw": "veel"}], KWB_2024))
    uit = io.StringIO()
    with pytest.raises(CommandError, match="niet ingelezen"):
        call_command("import_cbs_kerncijfers", str(pad), stdout=uit)
    assert "regel 2 | a_inw | veel | Geen getal" in uit.getvalue()
    with pytest.raises(CommandError, match="passen niet bij het jaar 2023"):
        call_command("import_cbs_kerncijfers", str(pad), "--jaar", "2023", stdout=io.StringIO())
    with pytest.raises(CommandError, match="niet gevonden"):
        call_command("import_cbs_kerncijfers", str(tmp_path / "nergens.csv"))


def test_the_demo_loader_imports_the_real_sample_once():
    uit = io.StringIO()
    registratie_kerncijfers.demo_kerncijfers(uit)
    registratie_kerncijfers.demo_kerncijfers(uit)
    assert KerncijferImport.objects.filter(status=Status.GESLAAGD).count() == 3
    assert KerncijferImport.objects.count() == 3
    df = kerncijfers_frame(["NL00", "GM0233", "BU02330001"]).set_index(["code", "jaar"])
    assert df.loc[("BU02330001", 2021), "mannen"] == 1850  # CBS wijk- en buurtkaart 2021
    assert df.loc[("NL00", 2024), "aardgas_totaal_m3"] == 800  # CBS 81528NED
    assert df.loc[("GM0233", 2023), "elektriciteit_totaal_kwh"] == 2720
    assert np.isnan(df.loc[("GM0233", 2024), "stadsverwarming_pct"])  # empty in the source
