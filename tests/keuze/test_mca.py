"""The multi-criteria analysis of step 4, computed by hand and checked against brute force."""

import json
import time

import numpy as np
import pytest

from keuze.mca import (
    HOGER_BETER,
    LAGER_BETER,
    Alternatief,
    Analyse,
    AnalyseFout,
    Code,
    Criterium,
    Reden,
    analyseer,
)

ALTERNATIEVEN = [
    Alternatief("A", "Warmtenet"),
    Alternatief("B", "All-electric"),
    Alternatief("C", "Groengas"),
]


def criteria(g1=50, g2=30, g3=20, z3="laag"):
    return [
        Criterium("kosten", "Kosten", g1, LAGER_BETER, "hoog"),
        Criterium("co2", "CO2-reductie", g2, HOGER_BETER, "hoog"),
        Criterium("steun", "Steun", g3, HOGER_BETER, z3),
    ]


# kosten (lower is better): A 100, B 150, C 200 -> A 1, B 0.5, C 0
# co2:                      A 10,  B 30,  C 50  -> A 0, B 0.5, C 1
# steun:                    A 2,   B 4,   C 3   -> A 0, B 1,   C 0.5
SCORES = {
    ("kosten", "A"): 100,
    ("kosten", "B"): 150,
    ("kosten", "C"): 200,
    ("co2", "A"): 10,
    ("co2", "B"): 30,
    ("co2", "C"): 50,
    ("steun", "A"): 2,
    ("steun", "B"): 4,
    ("steun", "C"): 3,
}


def totalen(analyse):
    return {p.alternatief: p.totaal for p in analyse.rangorde}


def volgorde(analyse):
    return [p.alternatief for p in analyse.rangorde]


def met_gewicht(crits, sleutel, t):
    """The criteria with ``sleutel`` at fraction ``t`` and the others in proportion (as the
    sensitivity analysis moves them), or equal shares when ``sleutel`` held all the weight."""
    totaal = sum(c.gewicht for c in crits)
    w = {c.sleutel: c.gewicht / totaal for c in crits}
    rest = 1 - w[sleutel]
    nieuw = []
    for c in crits:
        if c.sleutel == sleutel:
            g = t
        elif rest > 0:
            g = w[c.sleutel] * (1 - t) / rest
        else:
            g = (1 - t) / (len(crits) - 1)
        nieuw.append(Criterium(c.sleutel, c.naam, g, c.richting, c.zekerheid))
    return nieuw


def test_hand_computed_totals_contributions_and_ranks():
    analyse = analyseer(criteria(), ALTERNATIEVEN, SCORES)
    # A = 50·1 + 30·0 + 20·0 = 50; B = 50·.5 + 30·.5 + 20·1 = 60; C = 0 + 30 + 20·.5 = 40
    assert volgorde(analyse) == ["B", "A", "C"]
    assert totalen(analyse) == pytest.approx({"A": 50, "B": 60, "C": 40})
    assert [p.rang for p in analyse.rangorde] == [1, 2, 3]
    b = analyse.rangorde[0]
    assert {x.criterium: x.punten for x in b.bijdragen} == pytest.approx(
        {"kosten": 25, "co2": 15, "steun": 20}
    )
    assert sum(x.punten for x in b.bijdragen) == pytest.approx(b.totaal)
    assert analyse.top == "B" and analyse.genoeg_voor_keuze
    assert not analyse.meldingen_met(Code.GEWICHTEN_NIET_100)
    assert [c.procent for c in analyse.criteria] == pytest.approx([50, 30, 20])


def test_lower_is_better_turns_the_scale_round():
    analyse = analyseer(criteria(), ALTERNATIEVEN, SCORES)
    norm = {(c.criterium, c.alternatief): c.genormaliseerd for c in analyse.cellen}
    assert norm[("kosten", "A")] == 1.0  # cheapest
    assert norm[("kosten", "B")] == 0.5
    assert norm[("kosten", "C")] == 0.0  # dearest
    assert norm[("co2", "C")] == 1.0 and norm[("co2", "A")] == 0.0
    hoger = [Criterium("kosten", "Kosten", 1, HOGER_BETER)]
    omgekeerd = analyseer(
        hoger, ALTERNATIEVEN, {k: v for k, v in SCORES.items() if k[0] == "kosten"}
    )
    assert volgorde(omgekeerd) == ["C", "B", "A"]


def test_weights_not_summing_to_100_are_taken_in_proportion_and_noted():
    analyse = analyseer(criteria(30, 30, 20), ALTERNATIEVEN, SCORES)
    assert [c.procent for c in analyse.criteria] == pytest.approx([37.5, 37.5, 25])
    (melding,) = analyse.meldingen_met(Code.GEWICHTEN_NIET_100)
    assert melding.waarde == 80
    assert "80" in melding.tekst and "naar verhouding" in melding.tekst
    # A = 37.5·1 = 37.5; B = 18.75 + 18.75 + 25 = 62.5; C = 37.5 + 12.5 = 50
    assert totalen(analyse) == pytest.approx({"A": 37.5, "B": 62.5, "C": 50})
    # The same proportions on another scale give the same result.
    assert totalen(analyseer(criteria(3, 3, 2), ALTERNATIEVEN, SCORES)) == pytest.approx(
        totalen(analyse)
    )


@pytest.mark.parametrize(
    ("gewichten", "code"),
    [
        ((0, 0, 0), "gewichten_nul"),
        ((50, -10, 20), "gewicht_ongeldig"),
        ((50, float("nan"), 20), "gewicht_ongeldig"),
        ((50, float("inf"), 20), "gewicht_ongeldig"),
    ],
)
def test_unusable_weights_raise_a_dutch_error(gewichten, code):
    with pytest.raises(AnalyseFout) as fout:
        analyseer(criteria(*gewichten), ALTERNATIEVEN, SCORES)
    assert isinstance(fout.value, ValueError)
    assert fout.value.code == code
    assert "gewicht" in str(fout.value)
    if code == "gewicht_ongeldig":
        assert fout.value.criterium == "co2"


def test_weight_only_on_a_criterion_without_scores_raises():
    crits = [*criteria(0, 0, 0), Criterium("leeg", "Leeg", 10)]
    with pytest.raises(AnalyseFout) as fout:
        analyseer(crits, ALTERNATIEVEN, SCORES)
    assert fout.value.code == "gewichten_nul"


def test_criterion_where_all_score_the_same_does_not_discriminate():
    scores = {**SCORES, ("steun", "A"): 3, ("steun", "B"): 3, ("steun", "C"): 3}
    analyse = analyseer(criteria(), ALTERNATIEVEN, scores)
    assert {c.genormaliseerd for c in analyse.cellen if c.criterium == "steun"} == {1.0}
    assert not analyse.criterium("steun").onderscheidt
    (melding,) = analyse.meldingen_met(Code.ONDERSCHEIDT_NIET)
    assert melding.criterium == "steun"
    # Everyone gets the same 20 points: A = 50 + 20, B = 25 + 15 + 20, C = 30 + 20.
    assert totalen(analyse) == pytest.approx({"A": 70, "B": 60, "C": 50})


def test_criterion_without_scores_is_left_out_and_weights_renormalised():
    crits = [*criteria(), Criterium("ruimte", "Ruimtelijke impact", 20, HOGER_BETER, "laag")]
    analyse = analyseer(crits, ALTERNATIEVEN, SCORES)
    assert analyse.uitgesloten == ("ruimte",)
    assert not analyse.criterium("ruimte").in_analyse
    assert analyse.criterium("ruimte").procent == 0
    (melding,) = analyse.meldingen_met(Code.CRITERIUM_ZONDER_SCORES)
    assert melding.criterium == "ruimte" and "Ruimtelijke impact" in melding.tekst
    assert analyse.gewichtsom == 120
    assert totalen(analyse) == pytest.approx({"A": 50, "B": 60, "C": 40})
    assert len(analyse.rangorde) == 3 and not analyse.onvolledig
    assert {g.criterium for g in analyse.gevoeligheid} == {"kosten", "co2", "steun"}


def test_incomplete_alternative_is_not_ranked_and_says_what_to_fill_in():
    scores = {k: v for k, v in SCORES.items() if k not in {("co2", "C"), ("steun", "C")}}
    analyse = analyseer(criteria(), ALTERNATIEVEN, scores)
    assert volgorde(analyse) == ["B", "A"]
    (onvolledig,) = analyse.onvolledig
    assert onvolledig.alternatief == "C" and onvolledig.ontbreekt == ("co2", "steun")
    (melding,) = analyse.meldingen_met(Code.ALTERNATIEF_ONVOLLEDIG)
    assert "CO2-reductie" in melding.tekst and "Steun" in melding.tekst
    # C's cost still counts in the cost scale: B keeps 0.5 there.
    b = analyse.rangorde[0]
    assert {x.criterium: x.genormaliseerd for x in b.bijdragen}["kosten"] == 0.5
    assert analyse.genoeg_voor_keuze
    assert not analyse.meldingen_met(Code.TE_WEINIG_VOLLEDIG)


def test_fewer_than_two_complete_alternatives_is_reported():
    scores = {k: v for k, v in SCORES.items() if k[1] == "A" or k[0] == "kosten"}
    analyse = analyseer(criteria(), ALTERNATIEVEN, scores)
    assert volgorde(analyse) == ["A"]
    assert not analyse.genoeg_voor_keuze
    (melding,) = analyse.meldingen_met(Code.TE_WEINIG_VOLLEDIG)
    assert melding.waarde == 1
    assert analyse.gevoeligheid == ()
    assert analyse.zonder_minst_zeker.reden == Reden.TE_WEINIG_VOLLEDIG


def test_no_scores_at_all_gives_an_empty_analysis():
    analyse = analyseer(criteria(), ALTERNATIEVEN, {})
    assert analyse.rangorde == () and analyse.top is None and analyse.onvolledig == ()
    assert analyse.meldingen_met(Code.GEEN_CRITERIA)
    assert len(analyse.meldingen_met(Code.CRITERIUM_ZONDER_SCORES)) == 3


def test_equal_totals_share_a_rank_and_are_listed_by_key():
    scores = {**SCORES, ("steun", "B"): 2, ("steun", "A"): 4}  # steun: A 1, B 0, C 0.5
    analyse = analyseer(criteria(), ALTERNATIEVEN, scores)
    # A = 50 + 20 = 70; B = 25 + 15 = 40; C = 30 + 10 = 40
    assert [(p.alternatief, p.rang) for p in analyse.rangorde] == [("A", 1), ("B", 2), ("C", 2)]


def test_sensitivity_hand_computed():
    analyse = analyseer(criteria(), ALTERNATIEVEN, SCORES)
    kosten = next(g for g in analyse.gevoeligheid if g.criterium == "kosten")
    # With the cost weight t: A = t, B = .7 - .2t, C = .8 - .8t (fractions).
    # A overtakes B at t = 7/12; C overtakes B at t = 1/6; C passes A at t = 4/9.
    assert kosten.procent == pytest.approx(50)
    assert kosten.top_omhoog.procentpunten == pytest.approx(100 * (7 / 12 - 0.5))
    assert (kosten.top_omhoog.voor, kosten.top_omhoog.na) == ("B", "A")
    assert kosten.top_omlaag.procentpunten == pytest.approx(100 * (0.5 - 1 / 6))
    assert kosten.top_omlaag.na == "C"
    assert kosten.top_bereik == pytest.approx((100 / 6, 700 / 12))
    assert kosten.wissel_omlaag.procentpunten == pytest.approx(100 * (0.5 - 4 / 9))
    assert (kosten.wissel_omlaag.voor, kosten.wissel_omlaag.na) == ("A", "C")
    assert kosten.wissel_omhoog == kosten.top_omhoog


@pytest.mark.parametrize("gewichten", [(50, 30, 20), (30, 30, 20), (10, 70, 20), (5, 5, 90)])
def test_sensitivity_crossings_match_brute_force(gewichten):
    crits = criteria(*gewichten)
    analyse = analyseer(crits, ALTERNATIEVEN, SCORES)
    eps = 1e-6
    for g in analyse.gevoeligheid:
        t0 = g.procent / 100
        for omslag, teken in ((g.top_omhoog, 1), (g.top_omlaag, -1)):
            if omslag is None:
                # The top stays the same all the way to the edge.
                rand = 1.0 if teken > 0 else 0.0
                for t in np.linspace(t0, rand - teken * eps, 50):
                    assert (
                        analyseer(met_gewicht(crits, g.criterium, t), ALTERNATIEVEN, SCORES).top
                        == analyse.top
                    )
                continue
            t = omslag.gewicht / 100
            assert t == pytest.approx(t0 + teken * omslag.procentpunten / 100)
            voor = analyseer(
                met_gewicht(crits, g.criterium, t - teken * eps), ALTERNATIEVEN, SCORES
            )
            na = analyseer(met_gewicht(crits, g.criterium, t + teken * eps), ALTERNATIEVEN, SCORES)
            assert voor.top == analyse.top == omslag.voor
            assert na.top == omslag.na
        for omslag, teken in ((g.wissel_omhoog, 1), (g.wissel_omlaag, -1)):
            if omslag is None:
                continue
            t = omslag.gewicht / 100
            voor = analyseer(
                met_gewicht(crits, g.criterium, t - teken * eps), ALTERNATIEVEN, SCORES
            )
            na = analyseer(met_gewicht(crits, g.criterium, t + teken * eps), ALTERNATIEVEN, SCORES)
            assert volgorde(voor) == volgorde(analyse)
            v = volgorde(na)
            assert v != volgorde(analyse)
            assert v.index(omslag.na) < v.index(omslag.voor)


@pytest.mark.parametrize("seed", range(25))
def test_sensitivity_matches_brute_force_on_random_cases(seed):
    rng = np.random.default_rng(seed)
    crits = [
        Criterium(f"c{i}", f"C{i}", float(rng.integers(0, 5)), (HOGER_BETER, LAGER_BETER)[i % 2])
        for i in range(4)
    ]
    if not any(c.gewicht for c in crits):
        crits[0] = Criterium("c0", "C0", 1.0)
    alternatieven = [Alternatief(f"a{j}", f"A{j}") for j in range(5)]
    # Few distinct values, so ties and equal slopes occur too.
    scores = {
        (c.sleutel, a.sleutel): float(rng.integers(0, 4)) for c in crits for a in alternatieven
    }
    analyse = analyseer(crits, alternatieven, scores)
    if not analyse.genoeg_voor_keuze:
        return
    eps = 1e-7
    for g in analyse.gevoeligheid:
        if not analyse.criterium(g.criterium).in_analyse:
            continue
        t0 = g.procent / 100
        for top, wissel, teken in (
            (g.top_omhoog, g.wissel_omhoog, 1),
            (g.top_omlaag, g.wissel_omlaag, -1),
        ):
            rand = 1.0 if teken > 0 else 0.0
            eerste_top = top.gewicht / 100 if top else rand
            eerste_wissel = wissel.gewicht / 100 if wissel else rand
            # Nothing changes before the first crossing ...
            for t in np.linspace(t0, eerste_wissel, 12)[1:-1]:
                assert volgorde(
                    analyseer(met_gewicht(crits, g.criterium, t), alternatieven, scores)
                ) == volgorde(analyse)
            for t in np.linspace(t0, eerste_top, 12)[1:-1]:
                assert (
                    analyseer(met_gewicht(crits, g.criterium, t), alternatieven, scores).top
                    == analyse.top
                )
            # ... and just past it, it does.
            if top:
                na = analyseer(
                    met_gewicht(crits, g.criterium, eerste_top + teken * eps), alternatieven, scores
                )
                assert na.top == top.na != analyse.top
            if wissel:
                v = volgorde(
                    analyseer(
                        met_gewicht(crits, g.criterium, eerste_wissel + teken * eps),
                        alternatieven,
                        scores,
                    )
                )
                assert v.index(wissel.na) < v.index(wissel.voor)


def test_sensitivity_of_a_criterion_with_all_the_weight():
    crits = criteria(100, 0, 0)
    analyse = analyseer(crits, ALTERNATIEVEN, SCORES)
    assert volgorde(analyse) == ["A", "B", "C"]  # on cost alone
    kosten = next(g for g in analyse.gevoeligheid if g.criterium == "kosten")
    assert kosten.procent == 100
    assert kosten.top_omhoog is None and kosten.wissel_omhoog is None
    # Going down, co2 and steun share equally: A = t, B = .5t + .75(1-t), C = .75(1-t).
    # B overtakes A at t = .75 / 1.25 = .6.
    assert kosten.top_omlaag.gewicht == pytest.approx(60)
    assert kosten.top_omlaag.na == "B"
    assert kosten.top_bereik == pytest.approx((60, 100))
    t = 0.6
    eps = 1e-6
    assert analyseer(met_gewicht(crits, "kosten", t + eps), ALTERNATIEVEN, SCORES).top == "A"
    assert analyseer(met_gewicht(crits, "kosten", t - eps), ALTERNATIEVEN, SCORES).top == "B"
    # The weightless criteria can only go up.
    for g in analyse.gevoeligheid:
        if g.criterium != "kosten":
            assert g.procent == 0
            assert g.top_omlaag is None and g.wissel_omlaag is None
            assert g.top_bereik[0] == 0


def test_sensitivity_of_a_criterion_with_weight_zero():
    crits = criteria(50, 50, 0)
    analyse = analyseer(crits, ALTERNATIEVEN, SCORES)
    (melding,) = analyse.meldingen_met(Code.CRITERIUM_GEWICHT_NUL)
    assert melding.criterium == "steun"
    # A = .5, B = .5, C = .5 at first: all tie, listed by key, one rank.
    assert [p.rang for p in analyse.rangorde] == [1, 1, 1]
    steun = next(g for g in analyse.gevoeligheid if g.criterium == "steun")
    assert steun.top_omlaag is None and steun.wissel_omlaag is None
    # Any weight on steun lifts B (it scores best there) to the top at once.
    assert steun.top_omhoog.procentpunten == pytest.approx(0)
    assert steun.top_omhoog.na == "B"
    assert analyseer(met_gewicht(crits, "steun", 1e-6), ALTERNATIEVEN, SCORES).top == "B"


def test_only_one_criterion_has_no_sensitivity():
    crits = [Criterium("kosten", "Kosten", 7, LAGER_BETER)]
    analyse = analyseer(crits, ALTERNATIEVEN, {k: v for k, v in SCORES.items() if k[0] == "kosten"})
    (g,) = analyse.gevoeligheid
    assert g.procent == 100
    assert (g.top_omhoog, g.top_omlaag, g.wissel_omhoog, g.wissel_omlaag) == (None,) * 4
    assert g.top_bereik == (0.0, 100.0)


def test_dropping_the_least_certain_criterion_changes_the_top():
    analyse = analyseer(criteria(), ALTERNATIEVEN, SCORES)
    zonder = analyse.zonder_minst_zeker
    assert zonder.niveau == "laag" and zonder.reden is None
    (variant,) = zonder.varianten
    assert variant.criterium == "steun"
    # Without steun: kosten 62.5 %, co2 37.5 %: A = 62.5, B = 50, C = 37.5.
    assert [p.alternatief for p in variant.rangorde] == ["A", "B", "C"]
    assert [p.totaal for p in variant.rangorde] == pytest.approx([62.5, 50, 37.5])
    assert variant.top == "A" and variant.top_verandert


def test_dropping_each_criterion_at_the_lowest_level():
    crits = [*criteria(z3="middel"), Criterium("tijd", "Timing", 10, HOGER_BETER, "middel")]
    scores = {**SCORES, ("tijd", "A"): 1, ("tijd", "B"): 2, ("tijd", "C"): 3}
    zonder = analyseer(crits, ALTERNATIEVEN, scores).zonder_minst_zeker
    assert zonder.niveau == "middel"
    assert [v.criterium for v in zonder.varianten] == ["steun", "tijd"]
    assert [v.top_verandert for v in zonder.varianten] == [True, False]


def test_all_equally_certain_drops_nothing():
    zonder = analyseer(criteria(z3="hoog"), ALTERNATIEVEN, SCORES).zonder_minst_zeker
    assert zonder.niveau == "hoog"
    assert zonder.reden == Reden.ALLE_EVEN_ZEKER
    assert zonder.varianten == ()


def test_weightless_criterion_does_not_count_as_least_certain():
    zonder = analyseer(criteria(50, 50, 0), ALTERNATIEVEN, SCORES).zonder_minst_zeker
    assert zonder.reden == Reden.ALLE_EVEN_ZEKER


def test_as_dict_is_json_and_round_trips():
    crits = [*criteria(30, 30, 20), Criterium("leeg", "Leeg", 5)]
    scores = {k: v for k, v in SCORES.items() if k != ("co2", "C")}
    scores[("co2", "D")] = 40
    alternatieven = [*ALTERNATIEVEN, Alternatief("D", "Hybride")]
    scores.update({("kosten", "D"): 120, ("steun", "D"): 1})
    analyse = analyseer(crits, alternatieven, scores)
    tekst = json.dumps(analyse.as_dict())
    data = json.loads(tekst)
    assert data["versie"] == 1
    assert data["rangorde"][0]["alternatief"] == analyse.top
    terug = Analyse.from_dict(data)
    assert terug == analyse
    assert terug.gevoeligheid[0].top_bereik == analyse.gevoeligheid[0].top_bereik


@pytest.mark.parametrize(
    ("alternatieven", "scores"),
    [
        (ALTERNATIEVEN, {("onbekend", "A"): 1}),
        (ALTERNATIEVEN, {("kosten", "Z"): 1}),
        (ALTERNATIEVEN, {("kosten", "A"): float("nan")}),
        (ALTERNATIEVEN, {("kosten", "A"): "veel"}),
        ([*ALTERNATIEVEN, Alternatief("A", "Nogmaals")], {}),
    ],
)
def test_invalid_input_raises(alternatieven, scores):
    with pytest.raises(AnalyseFout) as fout:
        analyseer(criteria(), alternatieven, scores)
    assert fout.value.code == "invoer_ongeldig"


def test_none_counts_as_not_scored():
    analyse = analyseer(criteria(), ALTERNATIEVEN, {**SCORES, ("co2", "C"): None})
    assert [o.alternatief for o in analyse.onvolledig] == ["C"]


def test_twenty_criteria_by_ten_alternatives_is_instant():
    rng = np.random.default_rng(4)
    crits = [
        Criterium(
            f"c{i}",
            f"Criterium {i}",
            float(rng.integers(0, 10)) + 1,
            LAGER_BETER if i % 2 else HOGER_BETER,
            ("hoog", "middel", "laag")[i % 3],
        )
        for i in range(20)
    ]
    alternatieven = [Alternatief(f"a{j:02d}", f"Alternatief {j}") for j in range(10)]
    scores = {(c.sleutel, a.sleutel): float(rng.normal()) for c in crits for a in alternatieven}
    begin = time.perf_counter()
    analyse = analyseer(crits, alternatieven, scores)
    duur = time.perf_counter() - begin
    assert len(analyse.rangorde) == 10 and len(analyse.gevoeligheid) == 20
    assert len(analyse.zonder_minst_zeker.varianten) == 6  # c2, c5, ..., c17
    assert duur < 0.5
