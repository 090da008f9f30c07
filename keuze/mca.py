"""Multi-criteria analysis of step 4: a weighted sum of normalised scores, and how robust it is.

Pure computation on numpy, without Django: the step's services hand in plain data
(:class:`Criterium`, :class:`Alternatief` and the raw scores) and get back an :class:`Analyse`,
a tree of frozen dataclasses that a page renders and that :meth:`Analyse.as_dict` turns into
JSON for the snapshot a recorded choice keeps (:meth:`Analyse.from_dict` reads it back).

The method, in plain words
--------------------------
1. **Weights.** Every criterion has a weight on any scale (0 or more). We divide each weight by
   the sum of the weights of the criteria that take part, so that together they make 100 %.
   When the given weights do not add up to 100, the result says so (note
   ``gewichten_niet_100`` with the given sum): "de gewichten tellen op tot 80; we rekenen naar
   verhouding". A negative weight or one that is not a number, and weights that are all 0,
   cannot be used: :func:`analyseer` raises :class:`AnalyseFout` (a ``ValueError``) with a
   Dutch message and computes nothing.
2. **Scores onto one scale.** Criteria are measured in different units (euros, tonnes,
   scores 1–5). Per criterion the best assessed alternative gets 1 and the worst gets 0; the
   others lie in between in proportion (min–max normalisation over the alternatives that have
   a score on that criterion). For a criterion where lower is better (costs) the scale is
   turned round: the lowest value gets 1. When every assessed alternative scores the same,
   the criterion does not tell them apart: everyone gets 1, and a note
   (``criterium_onderscheidt_niet``) says so. A criterion without any score is left out of the
   analysis (note ``criterium_zonder_scores``); the other weights are then taken in proportion.
3. **Only completely assessed alternatives are ranked.** An alternative that misses a score on
   a criterion that takes part is not ranked; it is listed in :attr:`Analyse.onvolledig` with
   the criteria still to fill in (note ``alternatief_onvolledig``). A choice needs at least two
   completely assessed alternatives; with fewer the note ``te_weinig_volledig`` says so.
4. **Weighted sum.** Each alternative's total is the sum over the criteria of weight × score on
   the 0–1 scale, times 100: a total from 0 to 100 points, with each criterion's contribution
   in points. Highest total first; equal totals share a rank and are listed by key. "The top"
   is the first alternative in that list.
5. **Sensitivity.** For each criterion we ask: how many percentage points must its weight go up
   or down before the top alternative changes, and before any two alternatives swap places?
   While one weight moves, the other weights keep their mutual proportions and the weights
   still add up to 100 %. (If the criterion holds all the weight, the others have no
   proportions: when it goes down, they share what it gives up equally.) Every total then
   changes along a straight line, so the points where two alternatives meet are computed
   exactly, not by trying values. A tie that is only reached at exactly 0 % or 100 % does not
   count as a change. No change within 0–100 % is given as ``None``. We also give the range of
   the criterion's weight within which the top stays the same.
6. **Without the least certain criterion.** Every criterion states how certain its scores are
   (hoog, middel, laag). Among the criteria that take part with a weight above 0, we take the
   lowest level present and, for each criterion at that level, rank the same alternatives
   again without it (the other weights in proportion) and say whether the top changes. When
   all those criteria are equally certain there is no least certain criterion, and we say
   that instead of dropping one (reason ``alle_even_zeker``).
"""

from __future__ import annotations

import math
import types
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, is_dataclass
from typing import Any, Union, get_args, get_origin, get_type_hints

import numpy as np

HOGER_BETER = "hoger_beter"
LAGER_BETER = "lager_beter"
RICHTINGEN = (HOGER_BETER, LAGER_BETER)
#: Confidence levels, most certain first.
ZEKERHEDEN = ("hoog", "middel", "laag")
#: Version of the :meth:`Analyse.as_dict` layout.
VERSIE = 1

#: Two totals (as fractions 0..1) closer than this are equal.
_GELIJK = 1e-11
#: Slopes closer than this are parallel; crossings closer than this to 0 or 1 are at the edge.
_EPS = 1e-12


class AnalyseFout(ValueError):
    """Input the analysis cannot use; ``str(fout)`` is a Dutch message for the user.

    ``code`` is one of ``gewicht_ongeldig`` (negative or not a number; ``criterium`` names it),
    ``gewichten_nul`` (no weight above 0) or ``invoer_ongeldig`` (a programming error in the
    data handed in: a duplicate key, an unknown direction, a score for an unknown key).
    """

    def __init__(self, code: str, bericht: str, *, criterium: str | None = None) -> None:
        super().__init__(bericht)
        self.code = code
        self.bericht = bericht
        self.criterium = criterium


class Code:
    """The codes of :class:`Melding`."""

    GEWICHTEN_NIET_100 = "gewichten_niet_100"
    CRITERIUM_ZONDER_SCORES = "criterium_zonder_scores"
    CRITERIUM_GEWICHT_NUL = "criterium_gewicht_nul"
    ONDERSCHEIDT_NIET = "criterium_onderscheidt_niet"
    ALTERNATIEF_ONVOLLEDIG = "alternatief_onvolledig"
    TE_WEINIG_VOLLEDIG = "te_weinig_volledig"
    GEEN_CRITERIA = "geen_criteria"


class Reden:
    """Why a part of the analysis was not computed."""

    ALLE_EVEN_ZEKER = "alle_even_zeker"
    TE_WEINIG_VOLLEDIG = "te_weinig_volledig"
    GEEN_CRITERIA = "geen_criteria"
    GEEN_ANDERE_CRITERIA = "geen_andere_criteria"
    OVERIGE_GEWICHTEN_NUL = "overige_gewichten_nul"


# --- input -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Criterium:
    sleutel: str
    naam: str
    #: 0 or more, on any scale.
    gewicht: float
    richting: str = HOGER_BETER
    zekerheid: str = "hoog"


@dataclass(frozen=True)
class Alternatief:
    sleutel: str
    naam: str


# --- output ------------------------------------------------------------------------------


class _Json:
    def as_dict(self) -> dict[str, Any]:
        """Only JSON builtins (dict, list, str, float, int, bool, None)."""
        return _naar_json(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]):
        """The inverse of :meth:`as_dict`; unknown keys are ignored."""
        return _uit_json(cls, data)


@dataclass(frozen=True)
class Melding(_Json):
    """A note about the input, with a Dutch sentence for the page."""

    code: str
    tekst: str
    criterium: str | None = None
    alternatief: str | None = None
    waarde: float | None = None
    sleutels: tuple[str, ...] = ()


@dataclass(frozen=True)
class CriteriumUitkomst(_Json):
    """A criterion as the analysis used it."""

    sleutel: str
    naam: str
    richting: str
    zekerheid: str
    #: The weight as given.
    gewicht: float
    #: Its share of the weight in the analysis, 0..100 (0 when left out).
    procent: float
    #: False when the criterion has no scores at all and is left out.
    in_analyse: bool
    #: False when every assessed alternative scores the same (or there are no scores).
    onderscheidt: bool
    #: The lowest and highest raw score (None without scores).
    minimum: float | None
    maximum: float | None


@dataclass(frozen=True)
class Cel(_Json):
    """One raw score of a criterion in the analysis, and where it lands on the 0..1 scale."""

    criterium: str
    alternatief: str
    waarde: float
    genormaliseerd: float


@dataclass(frozen=True)
class Bijdrage(_Json):
    criterium: str
    #: The score on the 0..1 scale.
    genormaliseerd: float
    #: Weight × normalised score, in points of the 0..100 total.
    punten: float


@dataclass(frozen=True)
class Plaats(_Json):
    """A ranked alternative."""

    alternatief: str
    naam: str
    #: 1 = best; equal totals share a rank (1, 2, 2, 4).
    rang: int
    #: 0..100 points.
    totaal: float
    #: One per criterion in the analysis, in the criteria's order.
    bijdragen: tuple[Bijdrage, ...]


@dataclass(frozen=True)
class Onvolledig(_Json):
    """An alternative that is not ranked, with the criteria it has no score on."""

    alternatief: str
    naam: str
    ontbreekt: tuple[str, ...]


@dataclass(frozen=True)
class Omslag(_Json):
    """Where the ranking changes when one criterion's weight moves."""

    #: How far the weight moves, in percentage points (0 or more).
    procentpunten: float
    #: The criterion's weight at the crossing, in percent.
    gewicht: float
    #: The alternative that was ahead (for a change of the top: the top) ...
    voor: str
    #: ... and the one that overtakes it (for a change of the top: the new top).
    na: str


@dataclass(frozen=True)
class Gevoeligheid(_Json):
    """How far one criterion's weight can move before the ranking changes."""

    criterium: str
    #: Its weight now, in percent.
    procent: float
    top_omhoog: Omslag | None
    top_omlaag: Omslag | None
    #: The first swap of any two alternatives (the top's change may be that swap).
    wissel_omhoog: Omslag | None
    wissel_omlaag: Omslag | None
    #: The weight range, in percent, within which the top stays the same.
    top_bereik: tuple[float, float]


@dataclass(frozen=True)
class ZonderCriterium(_Json):
    """The ranking without one criterion (the other weights in proportion)."""

    criterium: str
    rangorde: tuple[Plaats, ...]
    top: str | None
    top_verandert: bool
    #: Why there is no ranking (``geen_andere_criteria``, ``overige_gewichten_nul``), else None.
    reden: str | None = None


@dataclass(frozen=True)
class ZonderMinstZeker(_Json):
    #: The lowest confidence level among the weighted criteria (None without criteria).
    niveau: str | None
    #: Why nothing was dropped (``alle_even_zeker``, ``te_weinig_volledig``, ``geen_criteria``).
    reden: str | None
    varianten: tuple[ZonderCriterium, ...]


@dataclass(frozen=True)
class Analyse(_Json):
    #: Every criterion handed in, in the given order (also those left out).
    criteria: tuple[CriteriumUitkomst, ...]
    alternatieven: tuple[Alternatief, ...]
    #: The sum of the weights as given.
    gewichtsom: float
    #: Every score of the criteria in the analysis (also of incomplete alternatives).
    cellen: tuple[Cel, ...]
    rangorde: tuple[Plaats, ...]
    onvolledig: tuple[Onvolledig, ...]
    #: One per criterion in the analysis; empty with fewer than two ranked alternatives.
    gevoeligheid: tuple[Gevoeligheid, ...]
    zonder_minst_zeker: ZonderMinstZeker
    meldingen: tuple[Melding, ...]

    @property
    def top(self) -> str | None:
        return self.rangorde[0].alternatief if self.rangorde else None

    @property
    def genoeg_voor_keuze(self) -> bool:
        """At least two completely assessed alternatives."""
        return len(self.rangorde) >= 2

    @property
    def uitgesloten(self) -> tuple[str, ...]:
        """Keys of the criteria left out for want of scores."""
        return tuple(c.sleutel for c in self.criteria if not c.in_analyse)

    def criterium(self, sleutel: str) -> CriteriumUitkomst:
        return next(c for c in self.criteria if c.sleutel == sleutel)

    def meldingen_met(self, code: str) -> tuple[Melding, ...]:
        return tuple(m for m in self.meldingen if m.code == code)

    def as_dict(self) -> dict[str, Any]:
        return {"versie": VERSIE, **_naar_json(self)}


# --- the analysis ------------------------------------------------------------------------


def analyseer(
    criteria: Iterable[Criterium],
    alternatieven: Iterable[Alternatief],
    scores: Mapping[tuple[str, str], float | None],
) -> Analyse:
    """Analyse the alternatives on the criteria; see the module docstring for the method.

    ``scores`` maps ``(criterium_sleutel, alternatief_sleutel)`` to a raw value in the
    criterion's unit; a missing key (or None) is not scored. Raises :class:`AnalyseFout`.
    """
    criteria = tuple(criteria)
    alternatieven = tuple(alternatieven)
    ruw = _controleer(criteria, alternatieven, scores)
    gewichten = np.array([float(c.gewicht) for c in criteria], dtype=float)
    gewichtsom = float(gewichten.sum())
    meldingen: list[Melding] = []
    if criteria and abs(gewichtsom - 100) > 1e-9:
        meldingen.append(
            Melding(
                Code.GEWICHTEN_NIET_100,
                f"De gewichten tellen op tot {_getal(gewichtsom)} in plaats van 100; "
                "we rekenen naar verhouding.",
                waarde=gewichtsom,
            )
        )

    bezet = ~np.isnan(ruw)
    in_analyse = bezet.any(axis=1)
    for c in np.flatnonzero(~in_analyse):
        meldingen.append(
            Melding(
                Code.CRITERIUM_ZONDER_SCORES,
                f"Criterium ‘{criteria[c].naam}’ heeft nog geen scores en telt niet mee in de "
                "analyse.",
                criterium=criteria[c].sleutel,
            )
        )
    if in_analyse.any() and gewichten[in_analyse].sum() <= 0:
        raise AnalyseFout(
            "gewichten_nul",
            "De criteria met scores hebben allemaal gewicht 0. Geef minstens één van deze "
            "criteria een gewicht groter dan 0.",
        )

    # Normalisation per criterion onto 0..1 over the alternatives that have a score.
    aandeel = np.zeros(len(criteria))
    aandeel[in_analyse] = gewichten[in_analyse] / gewichten[in_analyse].sum()
    minimum = np.full(len(criteria), np.nan)
    maximum = np.full(len(criteria), np.nan)
    minimum[in_analyse] = np.nanmin(ruw[in_analyse], axis=1)
    maximum[in_analyse] = np.nanmax(ruw[in_analyse], axis=1)
    spreiding = maximum - minimum
    schaal = np.maximum(1.0, np.maximum(np.abs(minimum), np.abs(maximum)))
    onderscheidt = in_analyse & (spreiding > _EPS * schaal)
    lager = np.array([c.richting == LAGER_BETER for c in criteria], dtype=bool)
    with np.errstate(invalid="ignore", divide="ignore"):
        omhoog = (ruw - minimum[:, None]) / spreiding[:, None]
    norm = np.where(lager[:, None], 1.0 - omhoog, omhoog)
    norm = np.where(onderscheidt[:, None], norm, 1.0)
    norm = np.where(bezet, norm, np.nan)

    for c in np.flatnonzero(in_analyse & ~onderscheidt):
        meldingen.append(
            Melding(
                Code.ONDERSCHEIDT_NIET,
                f"Op criterium ‘{criteria[c].naam}’ scoren alle beoordeelde alternatieven "
                "hetzelfde; het maakt geen verschil en iedereen krijgt de volle score.",
                criterium=criteria[c].sleutel,
            )
        )
    for c in np.flatnonzero(in_analyse & (gewichten == 0)):
        meldingen.append(
            Melding(
                Code.CRITERIUM_GEWICHT_NUL,
                f"Criterium ‘{criteria[c].naam}’ heeft gewicht 0 en telt niet mee in de "
                "totaalscore.",
                criterium=criteria[c].sleutel,
            )
        )

    ci = np.flatnonzero(in_analyse)
    crit_sleutels = [criteria[c].sleutel for c in ci]
    volledig = bezet[ci].all(axis=0) if len(ci) else np.zeros(len(alternatieven), dtype=bool)
    onvolledig = []
    for a in np.flatnonzero(~volledig) if len(ci) else ():
        ontbreekt = tuple(criteria[c].sleutel for c in ci if not bezet[c, a])
        alt = alternatieven[a]
        onvolledig.append(Onvolledig(alt.sleutel, alt.naam, ontbreekt))
        namen = ", ".join(f"‘{criteria[c].naam}’" for c in ci if not bezet[c, a])
        meldingen.append(
            Melding(
                Code.ALTERNATIEF_ONVOLLEDIG,
                f"Alternatief ‘{alt.naam}’ is nog niet volledig beoordeeld en staat daarom niet "
                f"in de rangorde. Vul de score in voor: {namen}.",
                alternatief=alt.sleutel,
                sleutels=ontbreekt,
            )
        )

    if not len(ci):
        meldingen.append(
            Melding(
                Code.GEEN_CRITERIA,
                "Er zijn nog geen criteria met scores; er is nog geen rangorde."
                if criteria
                else "Er zijn nog geen criteria; er is nog geen rangorde.",
            )
        )
    else:
        aantal = int(volledig.sum())
        if aantal < 2:
            meldingen.append(
                Melding(
                    Code.TE_WEINIG_VOLLEDIG,
                    (
                        "Nog geen enkel alternatief is op alle criteria beoordeeld; er is nog "
                        "geen rangorde."
                        if aantal == 0
                        else "Pas één alternatief is op alle criteria beoordeeld."
                    )
                    + " Voor een keuze zijn minstens twee volledig beoordeelde alternatieven "
                    "nodig.",
                    waarde=float(aantal),
                )
            )

    ranked = [alternatieven[a] for a in np.flatnonzero(volledig)]
    N = norm[np.ix_(ci, np.flatnonzero(volledig))].T  # alternatives × criteria
    w = aandeel[ci]
    rangorde = _rangorde(N, w, ranked, crit_sleutels) if len(ci) else ()
    positie = {a.sleutel: i for i, a in enumerate(ranked)}
    volgorde = [positie[p.alternatief] for p in rangorde]
    gevoeligheid = _gevoeligheid(N[volgorde], w, crit_sleutels, [ranked[i] for i in volgorde])
    zonder = _zonder_minst_zeker(
        N, w, [criteria[c] for c in ci], ranked, rangorde[0].alternatief if rangorde else None
    )

    uitkomst = tuple(
        CriteriumUitkomst(
            sleutel=c.sleutel,
            naam=c.naam,
            richting=c.richting,
            zekerheid=c.zekerheid,
            gewicht=float(c.gewicht),
            procent=float(aandeel[i] * 100),
            in_analyse=bool(in_analyse[i]),
            onderscheidt=bool(onderscheidt[i]),
            minimum=None if np.isnan(minimum[i]) else float(minimum[i]),
            maximum=None if np.isnan(maximum[i]) else float(maximum[i]),
        )
        for i, c in enumerate(criteria)
    )
    cellen = tuple(
        Cel(criteria[c].sleutel, alternatieven[a].sleutel, float(ruw[c, a]), float(norm[c, a]))
        for c in ci
        for a in range(len(alternatieven))
        if bezet[c, a]
    )
    return Analyse(
        criteria=uitkomst,
        alternatieven=alternatieven,
        gewichtsom=gewichtsom,
        cellen=cellen,
        rangorde=rangorde,
        onvolledig=tuple(onvolledig),
        gevoeligheid=gevoeligheid,
        zonder_minst_zeker=zonder,
        meldingen=tuple(meldingen),
    )


def _controleer(
    criteria: Sequence[Criterium],
    alternatieven: Sequence[Alternatief],
    scores: Mapping[tuple[str, str], float | None],
) -> np.ndarray:
    """Check the input; the raw scores as a criteria × alternatives matrix (NaN = no score)."""
    ck: dict[str, int] = {}
    for i, c in enumerate(criteria):
        if c.sleutel in ck:
            raise AnalyseFout("invoer_ongeldig", f"Criterium ‘{c.sleutel}’ komt twee keer voor.")
        ck[c.sleutel] = i
        if c.richting not in RICHTINGEN:
            raise AnalyseFout(
                "invoer_ongeldig",
                f"Criterium ‘{c.naam}’ heeft een onbekende richting ‘{c.richting}’.",
                criterium=c.sleutel,
            )
        if c.zekerheid not in ZEKERHEDEN:
            raise AnalyseFout(
                "invoer_ongeldig",
                f"Criterium ‘{c.naam}’ heeft een onbekende zekerheid ‘{c.zekerheid}’.",
                criterium=c.sleutel,
            )
        try:
            gewicht = float(c.gewicht)
        except (TypeError, ValueError):
            gewicht = math.nan
        if not math.isfinite(gewicht) or gewicht < 0:
            raise AnalyseFout(
                "gewicht_ongeldig",
                f"Het gewicht van criterium ‘{c.naam}’ moet een getal van 0 of meer zijn.",
                criterium=c.sleutel,
            )
    if criteria and all(float(c.gewicht) == 0 for c in criteria):
        raise AnalyseFout(
            "gewichten_nul",
            "Alle gewichten zijn 0. Geef minstens één criterium een gewicht groter dan 0.",
        )
    ak: dict[str, int] = {}
    for i, a in enumerate(alternatieven):
        if a.sleutel in ak:
            raise AnalyseFout("invoer_ongeldig", f"Alternatief ‘{a.sleutel}’ komt twee keer voor.")
        ak[a.sleutel] = i
    ruw = np.full((len(criteria), len(alternatieven)), np.nan)
    for (c, a), waarde in scores.items():
        if waarde is None:
            continue
        if c not in ck or a not in ak:
            raise AnalyseFout(
                "invoer_ongeldig", f"Score voor een onbekend criterium of alternatief: {c}, {a}."
            )
        try:
            getal = float(waarde)
        except (TypeError, ValueError):
            getal = math.nan
        if not math.isfinite(getal):
            raise AnalyseFout(
                "invoer_ongeldig",
                f"De score van ‘{a}’ op criterium ‘{criteria[ck[c]].naam}’ is geen getal.",
                criterium=c,
            )
        ruw[ck[c], ak[a]] = getal
    return ruw


def _rangorde(
    N: np.ndarray,
    w: np.ndarray,
    alternatieven: Sequence[Alternatief],
    crit_sleutels: Sequence[str],
) -> tuple[Plaats, ...]:
    """Rank the rows of ``N`` (alternatives × criteria, 0..1) by the weighted sum."""
    punten = N * w[None, :] * 100
    totaal = punten.sum(axis=1)
    sleutels = [a.sleutel for a in alternatieven]
    volgorde = sorted(range(len(sleutels)), key=lambda i: (-totaal[i], sleutels[i]))
    # Totals equal up to rounding form one group: one rank, listed by key.
    groepen: list[list[int]] = []
    for i in volgorde:
        if groepen and totaal[groepen[-1][0]] - totaal[i] <= _GELIJK * 100:
            groepen[-1].append(i)
        else:
            groepen.append([i])
    plaatsen = []
    for groep in groepen:
        rang = len(plaatsen) + 1
        for i in sorted(groep, key=lambda i: sleutels[i]):
            plaatsen.append(
                Plaats(
                    alternatief=sleutels[i],
                    naam=alternatieven[i].naam,
                    rang=rang,
                    totaal=float(totaal[i]),
                    bijdragen=tuple(
                        Bijdrage(k, float(N[i, j]), float(punten[i, j]))
                        for j, k in enumerate(crit_sleutels)
                    ),
                )
            )
    return tuple(plaatsen)


def _gevoeligheid(
    N: np.ndarray,
    w: np.ndarray,
    crit_sleutels: Sequence[str],
    alternatieven: Sequence[Alternatief],
) -> tuple[Gevoeligheid, ...]:
    """Exact crossings per criterion; the rows of ``N`` are in ranking order.

    With criterion k at weight t and the others scaled by (1 - t) / (1 - w_k), alternative a's
    total is T_a(t) = t·N[a,k] + (1 - t)·R[a,k], a straight line through T_a(w_k) with slope
    N[a,k] - R[a,k]. A pair (i ahead of j) swaps where the gap d = T_i - T_j reaches 0.
    """
    n, m = N.shape
    if n < 2:
        return ()
    sleutels = [a.sleutel for a in alternatieven]
    S = N @ w
    R = np.zeros((n, m))
    if m > 1:
        rest = 1.0 - w
        deel = rest > _EPS
        R[:, deel] = (S[:, None] - N[:, deel] * w[deel]) / rest[deel]
        # A criterion with all the weight: the others share what it gives up equally.
        R[:, ~deel] = (N.sum(axis=1, keepdims=True) - N[:, ~deel]) / (m - 1)
    helling = N - R  # alternatives × criteria
    s = helling[:, None, :] - helling[None, :, :]  # gap's slope, i × j × k
    d = S[:, None] - S[None, :]
    d = np.where(d < _GELIJK, 0.0, d)[:, :, None]
    boven = np.triu(np.ones((n, n), dtype=bool), 1)[:, :, None]
    with np.errstate(divide="ignore", invalid="ignore"):
        op = np.where(boven & (s < -_EPS), d / -s, np.inf)
        neer = np.where(boven & (s > _EPS), d / s, np.inf)
    op = np.where(w + op < 1 - _EPS, op, np.inf)
    neer = np.where(w - neer > _EPS, neer, np.inf)

    def omslag(stap: np.ndarray, k: int, teken: int, top: bool) -> Omslag | None:
        if top:
            stap = stap[:1]
        kleinste = stap.min()
        if not np.isfinite(kleinste):
            return None
        paren = np.argwhere(stap <= kleinste + _EPS)
        if top:
            # Of the alternatives meeting the top there, the one rising fastest takes over.
            j = min((int(j) for _, j in paren), key=lambda j: (-teken * helling[j, k], sleutels[j]))
            i = 0
        else:
            i, j = (int(x) for x in paren[0])
        return Omslag(
            procentpunten=float(kleinste * 100),
            gewicht=float((w[k] + teken * kleinste) * 100),
            voor=sleutels[i],
            na=sleutels[j],
        )

    uitkomst = []
    for k, sleutel in enumerate(crit_sleutels):
        top_op = omslag(op[:, :, k], k, 1, top=True)
        top_neer = omslag(neer[:, :, k], k, -1, top=True)
        uitkomst.append(
            Gevoeligheid(
                criterium=sleutel,
                procent=float(w[k] * 100),
                top_omhoog=top_op,
                top_omlaag=top_neer,
                wissel_omhoog=omslag(op[:, :, k], k, 1, top=False),
                wissel_omlaag=omslag(neer[:, :, k], k, -1, top=False),
                top_bereik=(
                    top_neer.gewicht if top_neer else 0.0,
                    top_op.gewicht if top_op else 100.0,
                ),
            )
        )
    return tuple(uitkomst)


def _zonder_minst_zeker(
    N: np.ndarray,
    w: np.ndarray,
    criteria: Sequence[Criterium],
    alternatieven: Sequence[Alternatief],
    top: str | None,
) -> ZonderMinstZeker:
    gewogen = [i for i, c in enumerate(criteria) if w[i] > 0]
    if not gewogen:
        return ZonderMinstZeker(None, Reden.GEEN_CRITERIA, ())
    niveaus = {criteria[i].zekerheid for i in gewogen}
    niveau = max(niveaus, key=ZEKERHEDEN.index)
    if len(alternatieven) < 2:
        return ZonderMinstZeker(niveau, Reden.TE_WEINIG_VOLLEDIG, ())
    if len(niveaus) == 1:
        return ZonderMinstZeker(niveau, Reden.ALLE_EVEN_ZEKER, ())
    varianten = []
    sleutels = [c.sleutel for c in criteria]
    for k in (i for i in gewogen if criteria[i].zekerheid == niveau):
        over = np.arange(len(criteria)) != k
        som = w[over].sum()
        if som <= 0:
            # Unreachable while another level is present with weight; kept for safety.
            varianten.append(
                ZonderCriterium(sleutels[k], (), None, False, Reden.OVERIGE_GEWICHTEN_NUL)
            )
            continue
        rangorde = _rangorde(
            N[:, over], w[over] / som, alternatieven, [sleutels[i] for i in np.flatnonzero(over)]
        )
        varianten.append(
            ZonderCriterium(
                criterium=sleutels[k],
                rangorde=rangorde,
                top=rangorde[0].alternatief,
                top_verandert=rangorde[0].alternatief != top,
            )
        )
    return ZonderMinstZeker(niveau, None, tuple(varianten))


def _getal(x: float) -> str:
    """A number the Dutch way: 80, 80,5, 33,33."""
    afgerond = round(x, 2)
    if afgerond == int(afgerond):
        return str(int(afgerond))
    return f"{afgerond:.2f}".rstrip("0").replace(".", ",")


# --- JSON --------------------------------------------------------------------------------


def _naar_json(waarde: Any) -> Any:
    if is_dataclass(waarde) and not isinstance(waarde, type):
        return {f.name: _naar_json(getattr(waarde, f.name)) for f in fields(waarde)}
    if isinstance(waarde, tuple | list):
        return [_naar_json(v) for v in waarde]
    if isinstance(waarde, bool | np.bool_):
        return bool(waarde)
    if isinstance(waarde, int | np.integer):
        return int(waarde)
    if isinstance(waarde, float | np.floating):
        return float(waarde)
    return waarde


def _uit_json(soort: Any, data: Any) -> Any:
    oorsprong = get_origin(soort)
    if oorsprong in (Union, types.UnionType):
        if data is None:
            return None
        return _uit_json(next(a for a in get_args(soort) if a is not type(None)), data)
    if oorsprong is tuple:
        args = get_args(soort)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_uit_json(args[0], v) for v in data)
        return tuple(_uit_json(a, v) for a, v in zip(args, data, strict=True))
    if is_dataclass(soort):
        typen = get_type_hints(soort)
        velden = (f.name for f in fields(soort) if f.name in data)
        return soort(**{naam: _uit_json(typen[naam], data[naam]) for naam in velden})
    if soort is float:
        return float(data)
    return data
