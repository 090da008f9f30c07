"""Importing the Startanalyse: all-or-nothing, idempotent, merged per buurt x variant x edition,
by command and by service; and the selector the pages of step 2 use."""

from __future__ import annotations

import math
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from techniek.models import StartanalyseImport, StartanalyseResultaat
from techniek.registratie import demo_startanalyse
from techniek.selectors.startanalyse import startanalyse_voor_buurten
from techniek.services import startanalyse as services
from tests import factories
from tests.techniek.test_startanalyse_lezen import HILVERSUM_2019, HOOFD_2020, KOSTEN_2020, STATISCH

pytestmark = pytest.mark.django_db
Status = StartanalyseImport.Status


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def importeer(
    data: bytes | str, naam: str = "Hoofdindicatoren.csv", **kwargs
) -> StartanalyseImport:
    data = data.encode() if isinstance(data, str) else data
    imp = services.startanalyse_import_aanmaken(
        bestand=SimpleUploadedFile(naam, data), bestandsnaam=naam, in_wachtrij=False, **kwargs
    )
    return services.startanalyse_import_uitvoeren(import_id=imp.pk)


def test_the_2019_sample_is_stored_per_buurt_and_variant():
    imp = importeer(HILVERSUM_2019.read_bytes(), gemeente="GM0402")
    assert imp.status == Status.GESLAAGD, imp.samenvatting
    assert imp.editie == "2019" and imp.naamgeving == "2019"
    assert imp.aantal_nieuw == 43
    assert (
        imp.samenvatting
        == "Ingelezen voor editie 2019: 43 nieuwe rijen, 0 gewijzigd, 0 ongewijzigd."
    )
    rij = StartanalyseResultaat.objects.get(buurtcode="BU04020101")
    assert rij.variant == "s5a" and rij.gemeentecode == "GM0402"
    assert rij.waarden["nationale_meerkosten"] == 2131798
    assert rij.teksten == {"toekenning_klimaatneutraal_gas": "ja"}


def test_importing_the_same_file_again_changes_nothing():
    importeer(HILVERSUM_2019.read_bytes())
    voor = list(StartanalyseResultaat.objects.values_list("pk", "waarden", "bijgewerkt_op"))
    tweede = importeer(HILVERSUM_2019.read_bytes())
    assert tweede.status == Status.ONGEWIJZIGD
    assert tweede.aantal_ongewijzigd == 43
    assert any("Precies dit bestand is eerder ingelezen" in o for o in tweede.opmerkingen)
    assert list(StartanalyseResultaat.objects.values_list("pk", "waarden", "bijgewerkt_op")) == voor


def test_the_national_costs_add_to_the_main_indicators_of_the_same_edition():
    importeer(HOOFD_2020, editie=2025)
    kosten = importeer(KOSTEN_2020, naam="NationaleKosten.csv", editie=2025)
    assert kosten.status == Status.GESLAAGD
    assert kosten.aantal_gewijzigd == 2 and kosten.aantal_nieuw == 0
    rij = StartanalyseResultaat.objects.get(buurtcode="BU04020101", variant="s1a", editie="2025")
    assert rij.waarden["nationale_meerkosten"] == 1200000  # kept from the first file
    assert rij.waarden["kosten_gebouw_schil"] == 420000  # added by the second
    # another edition of the same buurt sits beside it, untouched
    importeer(HOOFD_2020.replace("1200000", "999"))
    assert StartanalyseResultaat.objects.filter(buurtcode="BU04020101", variant="s1a").count() == 2
    assert rij.waarden == StartanalyseResultaat.objects.get(pk=rij.pk).waarden


def test_a_changed_figure_is_updated_and_counted():
    importeer(HOOFD_2020, editie=2025)
    imp = importeer(HOOFD_2020.replace("1200000", "1300000"), editie=2025)
    assert (imp.aantal_nieuw, imp.aantal_gewijzigd, imp.aantal_ongewijzigd) == (0, 1, 2)
    rij = StartanalyseResultaat.objects.get(buurtcode="BU04020101", variant="s1a")
    assert rij.waarden["nationale_meerkosten"] == 1300000
    assert rij.bron_import == imp


def test_a_bad_file_stores_nothing_and_says_where():
    imp = importeer(HOOFD_2020.replace("800000", "onbekend"), editie=2025)
    assert imp.status == Status.MISLUKT
    assert imp.fouten == [
        {"rij": 4, "kolom": "H16_Nat_meerkost", "waarde": "onbekend", "reden": "Dit is geen getal."}
    ]
    assert "niets ingelezen" in imp.samenvatting
    assert not StartanalyseResultaat.objects.exists()


def test_another_municipality_than_expected_is_a_clear_refusal():
    factories.GemeenteFactory(code="GM0233", naam="Ermelo")
    imp = importeer(HILVERSUM_2019.read_bytes(), gemeente="GM0233")
    assert imp.status == Status.MISLUKT
    assert imp.samenvatting.startswith(
        "Dit bestand gaat over een andere gemeente dan GM0233 (Ermelo)."
    )
    assert not StartanalyseResultaat.objects.exists()


def test_an_edition_of_the_wrong_naming_is_refused():
    imp = importeer(HILVERSUM_2019.read_bytes(), editie=2025)
    assert imp.status == Status.MISLUKT
    assert "editie past niet" in imp.samenvatting


@pytest.mark.parametrize(
    ("kwargs", "veld"),
    [
        ({"naam": "x.xlsx"}, "bestand"),
        ({"gemeente": "Hilversum"}, "gemeente"),
        ({"editie": 1999}, "editie"),
        ({"data": b""}, "bestand"),
    ],
)
def test_the_upload_itself_is_checked_before_anything_is_stored(kwargs, veld):
    data = kwargs.pop("data", HOOFD_2020.encode())
    naam = kwargs.pop("naam", "Hoofdindicatoren.csv")
    with pytest.raises(ValidationError) as exc:
        services.startanalyse_import_aanmaken(
            bestand=SimpleUploadedFile(naam, data), bestandsnaam=naam, in_wachtrij=False, **kwargs
        )
    assert veld in exc.value.message_dict
    assert not StartanalyseImport.objects.exists()


def test_an_unexpected_error_ends_as_failed_not_as_a_crash(monkeypatch):
    def kapot(*args, **kwargs):
        raise RuntimeError("stuk")

    monkeypatch.setattr(services.lezen, "lees_startanalyse", kapot)
    imp = importeer(HOOFD_2020)
    assert imp.status == Status.MISLUKT
    assert "Er is niets opgeslagen" in imp.samenvatting
    assert services.startanalyse_import_uitvoeren(import_id=imp.pk).status == Status.MISLUKT


def test_the_upload_enqueues_the_task_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        imp = services.startanalyse_import_aanmaken(
            bestand=SimpleUploadedFile("h.csv", HOOFD_2020.encode()), bestandsnaam="h.csv"
        )
    imp.refresh_from_db()
    assert imp.status == Status.GESLAAGD  # eager Celery in tests
    assert imp.editie == "2020+"
    assert any("geen editie opgegeven" in o for o in imp.opmerkingen)


def test_the_command_imports_several_files_and_fails_loudly_on_a_bad_one(tmp_path):
    hoofd = tmp_path / "Hoofdindicatoren.csv"
    hoofd.write_text(HOOFD_2020)
    kosten = tmp_path / "NationaleKosten.csv"
    kosten.write_text(KOSTEN_2020)
    out = StringIO()
    call_command("import_startanalyse", str(hoofd), str(kosten), "--editie", "2025", stdout=out)
    assert "Hoofdindicatoren.csv — import" in out.getvalue()
    assert StartanalyseResultaat.objects.filter(editie="2025").count() == 3

    slecht = tmp_path / "kapot.csv"
    slecht.write_text(HOOFD_2020.replace("250", "veel"))
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match=r"Niet ingelezen: kapot\.csv"):
        call_command(
            "import_startanalyse",
            str(slecht),
            str(tmp_path / "bestaat-niet.csv"),
            stdout=out,
            stderr=err,
        )
    assert "regel 2 | H17_Nat_meerkost_CO2 | veel | Dit is geen getal." in out.getvalue()
    assert "Bestand niet gevonden" in err.getvalue()


def test_the_selector_gives_pbls_figures_per_strategy_with_units():
    importeer(HOOFD_2020, editie=2025)
    importeer(STATISCH, naam="Statisch.csv", editie=2025)
    importeer(HILVERSUM_2019.read_bytes())
    frame = startanalyse_voor_buurten(["bu04020101 "])
    assert list(frame[["variant", "editie"]].itertuples(index=False, name=None)) == [
        ("s5a", "2019"),
        ("s1a", "2025"),
        ("s2a", "2025"),
    ]
    s1a = frame[(frame.variant == "s1a")].iloc[0]
    assert s1a["nationale_meerkosten"] == 1200000
    assert s1a["woningequivalenten"] == 2150  # static figures repeated on each strategy
    assert s1a["buurtnaam"] == "Centrum"
    assert s1a["strategie"] == "S1a luchtwarmtepomp (schillabel B)"
    assert math.isnan(frame[frame.variant == "s2a"].iloc[0]["input_aardgas"])
    assert frame.attrs["eenheden"]["nationale_meerkosten_per_ton_co2"] == "€/ton CO₂"
    # one edition only, and nothing at all for an unknown buurt (with all columns)
    assert len(startanalyse_voor_buurten(["BU04020101"], editie="2019")) == 1
    leeg = startanalyse_voor_buurten(["BU02330001"])
    assert leeg.empty and "nationale_meerkosten" in leeg.columns


def test_the_demo_sample_is_imported_once():
    out = StringIO()
    demo_startanalyse(out)
    demo_startanalyse(out)
    assert StartanalyseImport.objects.count() == 1
    assert StartanalyseResultaat.objects.count() == 43
