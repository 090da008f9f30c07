"""The figures of a consultation, computed by hand for small cases (no database)."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from participatie import resultaten as r

OPTIES = [
    {"sleutel": "a", "label": "Warmtenet", "alternatief": 11},
    {"sleutel": "b", "label": "Warmtepomp", "alternatief": 12},
    {"sleutel": "c", "label": "Weet niet"},
]
GROEPEN = ["eigenaar_bewoner", "huurder_corporatie", "onbekend"]


def _frames(antwoorden: list[tuple[int, int, object]], groepen: list[str], buurten=None):
    responsen = pd.DataFrame(
        {
            "respons_id": list(range(1, len(groepen) + 1)),
            "buurt": buurten or [1] * len(groepen),
            "groep": groepen,
        }
    )
    return responsen, pd.DataFrame(antwoorden, columns=r.ANTWOORD_KOLOMMEN)


def _vragen(*rijen):
    return pd.DataFrame(
        [
            {"vraag_id": i, "soort": soort, "tekst": f"Vraag {i}", "meerdere": False, "opties": o}
            for i, soort, o in rijen
        ]
    )


def test_response_rate_per_buurt_only_where_a_denominator_exists():
    responsen, _ = _frames([], ["onbekend"] * 3, buurten=[1, 1, None])
    frame = r.respons_per_buurt(responsen, {1: 8, 2: 4})
    rijen = {rij["buurt"]: rij for rij in frame.to_dict("records")}
    assert rijen[1]["responsen"] == 2 and rijen[1]["percentage"] == 25.0
    assert rijen[2]["responsen"] == 0 and rijen[2]["percentage"] == 0.0
    assert rijen[None]["responsen"] == 1 and rijen[None]["percentage"] is None
    assert r.respons_per_buurt(responsen, None)["percentage"].isna().all()


def test_groups_get_counts_and_shares_of_all_responses():
    responsen, _ = _frames([], ["eigenaar_bewoner", "eigenaar_bewoner", "onbekend", "onbekend"])
    frame = r.respons_per_groep(responsen, GROEPEN).set_index("groep")
    assert frame.loc["eigenaar_bewoner", "responsen"] == 2
    assert frame.loc["eigenaar_bewoner", "aandeel"] == 50.0
    assert frame.loc["huurder_corporatie", "responsen"] == 0


def test_preference_counts_unanswered_and_bad_answers_as_no_preference():
    frame = r.voorkeur(["a", "a", "b", "zz", 3], OPTIES, aantal_responsen=6).set_index("sleutel")
    assert frame["aantal"].to_dict() == {"a": 2, "b": 1, "c": 0, r.GEEN_VOORKEUR: 3}
    assert frame.loc["a", "aandeel"] == 33.3
    assert frame.loc[r.GEEN_VOORKEUR, "aandeel"] == 50.0


def test_ranking_mean_position_and_borda():
    # three options: first place 2 points, second 1, third 0; max = 2 per ranking
    frame = r.rangorde([["a", "b", "c"], ["b", "a"], ["a"], "kapot"], OPTIES).set_index("sleutel")
    assert frame.attrs["aantal"] == 3
    assert frame.loc["a", "gemiddelde_positie"] == round((1 + 2 + 1) / 3, 2)
    assert frame.loc["a", "eerste_keus"] == 2
    # a: 2 + 1 + 2 = 5 of 6 -> 83.3; b: 1 + 2 = 3 of 6 -> 50; c: 0
    assert frame["borda"].to_dict() == {"a": 83.3, "b": 50.0, "c": 0.0}
    assert pd.isna(r.rangorde([["a"]], OPTIES).set_index("sleutel").loc["c", "gemiddelde_positie"])


def test_likert_keeps_dont_know_out_of_the_mean():
    uitkomst = r.likert([5, 4, None, None, 1, 9, "x", True])
    assert uitkomst.weet_niet == 2
    assert uitkomst.aantal == 3
    assert uitkomst.gemiddelde == round(10 / 3, 2)
    assert uitkomst.verdeling.set_index("score")["aantal"].to_dict() == {
        1: 1,
        2: 0,
        3: 0,
        4: 1,
        5: 1,
    }


def test_multiple_choice_shares_of_the_households_that_answered():
    frame = r.meerkeuze([["a", "b"], ["a"], "c", [], ["onbekend"]], OPTIES).set_index("sleutel")
    assert frame["aantal"].to_dict() == {"a": 2, "b": 1, "c": 1}
    assert frame.loc["a", "aandeel"] == round(200 / 3, 1)


def test_crosstab_of_preference_by_group():
    responsen, antwoorden = _frames(
        [(1, 7, "a"), (2, 7, "b"), (3, 7, "a")],
        ["eigenaar_bewoner", "eigenaar_bewoner", "huurder_corporatie", "onbekend"],
    )
    tabel = r.kruistabel(responsen, antwoorden, 7, OPTIES, GROEPEN)
    assert tabel.loc["eigenaar_bewoner"].to_dict() == {"a": 1, "b": 1, "c": 0, r.GEEN_VOORKEUR: 0}
    assert tabel.loc["huurder_corporatie", "a"] == 1
    assert tabel.loc["onbekend", r.GEEN_VOORKEUR] == 1


def test_support_score_is_the_share_of_first_preferences_of_all_responses():
    groepen = ["onbekend"] * 12
    antwoorden = [(i, 1, "a") for i in range(1, 7)] + [(i, 1, "b") for i in range(7, 10)]
    responsen, antwoorden = _frames(antwoorden, groepen)
    scores = r.steunscores(responsen, antwoorden, _vragen((1, "voorkeur", OPTIES)))
    assert set(scores) == {11, 12}  # the option without an alternative has no score
    assert scores[11].score == 50.0 and scores[12].score == 25.0
    assert scores[11].aantal_responsen == 12 and scores[11].grondslag == "voorkeur"


def test_support_score_from_a_ranking_when_there_is_no_preference_question():
    responsen, antwoorden = _frames(
        [(i, 2, ["b", "a", "c"]) for i in range(1, 11)], ["onbekend"] * 10
    )
    vragen = _vragen((1, "likert", []), (2, "rangorde", OPTIES))
    scores = r.steunscores(responsen, antwoorden, vragen)
    assert scores[12].score == 100.0 and scores[11].score == 50.0
    assert scores[12].grondslag == "rangorde"


def test_no_support_score_below_the_minimum_number_of_responses():
    responsen, antwoorden = _frames([(1, 1, "a")], ["onbekend"] * (r.MIN_RESPONSEN - 1))
    scores = r.steunscores(responsen, antwoorden, _vragen((1, "voorkeur", OPTIES)))
    assert scores[11].score is None and scores[11].aantal_responsen == r.MIN_RESPONSEN - 1
    assert r.steunscores(responsen, antwoorden, _vragen((1, "likert", []))) == {}


def test_every_question_gets_a_result_and_open_answers_only_a_count():
    responsen, antwoorden = _frames(
        [(1, 1, "a"), (1, 2, "Mijn adres is Dorpsstraat 1"), (2, 2, "  ")], ["onbekend"] * 2
    )
    uitslagen = r.vraag_uitslagen(
        responsen, antwoorden, _vragen((1, "voorkeur", OPTIES), (2, "open", [])), GROEPEN
    )
    assert [u.aantal for u in uitslagen] == [1, 1]
    assert uitslagen[1].verdeling is None


keuzes = st.one_of(st.sampled_from(["a", "b", "c", "x"]), st.none(), st.integers(0, 3))
rangen = st.lists(st.sampled_from(["a", "b", "c", "x"]), max_size=4)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(keuzes, min_size=0, max_size=40),
    st.lists(rangen, min_size=0, max_size=40),
    st.randoms(use_true_random=False),
)
def test_properties_shares_scores_and_row_order(voorkeuren, rangordes, rnd):
    n = max(len(voorkeuren), len(rangordes))
    responsen, _ = _frames([], ["onbekend"] * n)
    rijen = [(i + 1, 1, w) for i, w in enumerate(voorkeuren)]
    rijen += [(i + 1, 2, w) for i, w in enumerate(rangordes)]
    antwoorden = pd.DataFrame(rijen, columns=r.ANTWOORD_KOLOMMEN)
    vragen_v = _vragen((1, "voorkeur", OPTIES))
    vragen_r = _vragen((2, "rangorde", OPTIES))

    verdeling = r.voorkeur([w for _i, _v, w in rijen[: len(voorkeuren)]], OPTIES, n)
    if n:
        assert abs(verdeling["aandeel"].sum() - 100) < 0.5
    for vragen in (vragen_v, vragen_r):
        scores = r.steunscores(responsen, antwoorden, vragen, minimum=0)
        assert all(s.score is None or 0 <= s.score <= 100 for s in scores.values())
        geschud = antwoorden.sample(frac=1, random_state=rnd.randint(0, 1000))
        rs = responsen.sample(frac=1, random_state=rnd.randint(0, 1000))
        assert r.steunscores(rs, geschud, vragen, minimum=0) == scores
