"""The shared read: ``kerncijfers_frame`` and ``beschikbare_jaren`` (used by the indicators)."""

from __future__ import annotations

import pytest
from django.utils import timezone

from wijktoets.cbs.variabelen import VARIABELEN
from wijktoets.models import KerncijferRegio
from wijktoets.selectors.kerncijfers import beschikbare_jaren, kerncijfers_frame

pytestmark = pytest.mark.django_db


def regio(code, jaar, soort, **waarden):
    return KerncijferRegio.objects.create(
        code=code,
        jaar=jaar,
        soort=soort,
        naam=code,
        waarden=waarden,
        vingerafdruk="-",
        bijgewerkt_op=timezone.now(),
    )


def test_the_frame_has_one_row_per_code_and_year_and_a_float_column_per_key():
    regio("GM0233", 2024, "gemeente", aantal_inwoners=27500, aardgas_totaal_m3=None)
    regio("GM0233", 2023, "gemeente", aantal_inwoners=27810)
    regio("NL00", 2024, "land", aantal_inwoners=17942942)
    regio("BU02330001", 2024, "buurt", aantal_inwoners=0)

    df = kerncijfers_frame([" gm0233 ", "NL00", "BU99999999"], jaren=[2024, 2023])
    assert list(df.columns[:4]) == ["code", "jaar", "soort", "naam"]
    assert list(df.columns[4:]) == list(VARIABELEN)
    assert all(str(df[k].dtype) == "float64" for k in VARIABELEN)
    assert list(zip(df["code"], df["jaar"], strict=True)) == [
        ("GM0233", 2023),
        ("GM0233", 2024),
        ("NL00", 2024),
    ]
    gm_2024 = df[(df["code"] == "GM0233") & (df["jaar"] == 2024)].iloc[0]
    assert gm_2024["aantal_inwoners"] == 27500
    assert gm_2024[["aardgas_totaal_m3", "woningvoorraad"]].isna().all()  # never 0

    alleen_2024 = kerncijfers_frame(["GM0233", "BU02330001"], jaren=[2024])
    assert list(alleen_2024["jaar"]) == [2024, 2024]
    assert alleen_2024.set_index("code").loc["BU02330001", "aantal_inwoners"] == 0


def test_an_empty_frame_still_has_all_columns():
    df = kerncijfers_frame(["GM0233"])
    assert df.empty
    assert list(df.columns) == ["code", "jaar", "soort", "naam", *VARIABELEN]
    assert beschikbare_jaren() == []


def test_available_years_newest_first():
    regio("GM0233", 2021, "gemeente")
    regio("GM0233", 2024, "gemeente")
    regio("NL00", 2024, "land")
    assert beschikbare_jaren() == [2024, 2021]
