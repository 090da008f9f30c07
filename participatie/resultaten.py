"""The results of a consultation, computed from plain tables (pandas only; no Django).

Inputs, one row each:

* ``responsen``: ``respons_id``, ``buurt`` (id or ``None``), ``groep`` (the household's
  ownership group);
* ``antwoorden``: ``respons_id``, ``vraag_id``, ``waarde`` (as stored: an option key for a
  preference and a single choice, a list of keys for a ranking (first = best) or several
  choices, 1–5 or ``None`` ("weet ik niet") for a statement, text for an open question, or
  just ``True`` for an open answer when only its presence is passed on);
* ``vragen``: ``vraag_id``, ``soort``, ``tekst``, ``meerdere``, ``opties`` (list of
  ``{"sleutel", "label", "alternatief"?}``).

An answer that does not fit its question (an unknown key, a number out of range) is ignored, so
a damaged row never breaks a page. Every share is a percentage of a stated base.

Response rate
    Per buurt: responses / the denominator of that buurt. With response codes the denominator is
    the number of codes issued (not withdrawn) in the buurt; with e-mail participation the
    number of dwellings in the buurt when known, otherwise there is no rate, only counts
    (``percentage`` is ``None``). Per group there is never a denominator (we do not know how many
    households of each group live there): counts and the share of all responses.

Preference (voorkeur)
    Per option the number of households that chose it and the share of *all* responses; the
    households that did not answer form the row ``GEEN_VOORKEUR``. The shares add up to 100.

Ranking (rangorde)
    Per option the mean position (1 = first) among the rankings that placed it, and the Borda
    score: with ``n`` options a place ``p`` earns ``n - p`` points (an option left out earns 0);
    the score is the points as a percentage of the maximum, ``100 · punten / (R · (n − 1))``,
    with ``R`` the number of households that answered the ranking.

Statement (likert)
    Counts for 1–5 and their shares of the given scores, the mean of the given scores; "weet ik
    niet" counted separately, outside the mean and the shares.

Multiple choice (meerkeuze)
    Per option the number of households that ticked it and the share of the households that
    answered the question (with several answers allowed these shares may add up to more than 100).

Support score (steunscore) per alternative, 0–100, read by step 4
    Taken from one question of the consultation: its first preference question about the
    alternatives, or when it has none, its first ranking question about them.

    * preference: ``100 · (households whose preference is the alternative) / R``;
    * ranking: the Borda score above, ``100 · Σ(n − positie) / (R · (n − 1))``;

    with ``R`` = all responses to the consultation (a household that skipped the question
    counts as support for none). The score carries ``R`` and is ``None`` when ``R`` is below
    :data:`MIN_RESPONSEN`, so a handful of reactions is never read as the neighbourhood's view.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

#: Fewer responses than this give no support score (only the counts).
MIN_RESPONSEN = 10
GEEN_VOORKEUR = "geen_voorkeur"
LIKERT_SCHAAL = (1, 2, 3, 4, 5)

RESPONS_KOLOMMEN = ["respons_id", "buurt", "groep"]
ANTWOORD_KOLOMMEN = ["respons_id", "vraag_id", "waarde"]


def aandeel(teller: float, noemer: float) -> float | None:
    return round(100 * teller / noemer, 1) if noemer else None


def _sleutels(opties: Sequence[Mapping]) -> list[str]:
    return [str(o["sleutel"]) for o in opties]


def _antwoorden_van(antwoorden: pd.DataFrame, vraag_id: int) -> list:
    """The answers to one question, at most one per response (the first)."""
    if antwoorden.empty:
        return []
    eigen = antwoorden[antwoorden["vraag_id"] == vraag_id]
    eigen = eigen.drop_duplicates("respons_id")
    return list(eigen["waarde"])


# --- Response rate -----------------------------------------------------------------------------


def respons_per_buurt(
    responsen: pd.DataFrame, noemers: Mapping[object, int] | None = None
) -> pd.DataFrame:
    """``buurt``, ``responsen``, ``noemer``, ``percentage`` per buurt (``None`` without a
    denominator). Buurten with a denominator but no response are listed with 0."""
    aantallen: dict = {}
    for buurt in responsen["buurt"] if not responsen.empty else []:
        sleutel = None if _leeg(buurt) else int(buurt)
        aantallen[sleutel] = aantallen.get(sleutel, 0) + 1
    noemers = dict(noemers or {})
    buurten = list(dict.fromkeys([*noemers, *aantallen]))
    rijen = []
    for buurt in buurten:
        n = int(aantallen.get(buurt, 0))
        noemer = noemers.get(buurt)
        rijen.append(
            {
                "buurt": buurt,
                "responsen": n,
                "noemer": noemer,
                "percentage": aandeel(n, noemer) if noemer else None,
            }
        )
    return pd.DataFrame(rijen, columns=["buurt", "responsen", "noemer", "percentage"], dtype=object)


def _leeg(waarde: object) -> bool:
    return waarde is None or (isinstance(waarde, float) and math.isnan(waarde))


def respons_per_groep(responsen: pd.DataFrame, groepen: Sequence[str]) -> pd.DataFrame:
    """``groep``, ``responsen``, ``aandeel`` (share of all responses) for each group."""
    totaal = len(responsen)
    aantallen = responsen["groep"].value_counts().to_dict() if totaal else {}
    rijen = [
        {
            "groep": g,
            "responsen": int(aantallen.get(g, 0)),
            "aandeel": aandeel(aantallen.get(g, 0), totaal),
        }
        for g in groepen
    ]
    return pd.DataFrame(rijen, columns=["groep", "responsen", "aandeel"])


# --- Per kind of question ----------------------------------------------------------------------


def voorkeur(waarden: Sequence, opties: Sequence[Mapping], aantal_responsen: int) -> pd.DataFrame:
    """``sleutel``, ``label``, ``aantal``, ``aandeel`` per option plus ``GEEN_VOORKEUR``."""
    sleutels = _sleutels(opties)
    geldig = [str(w) for w in waarden if isinstance(w, str) and w in sleutels]
    aantallen = pd.Series(geldig, dtype=object).value_counts().to_dict()
    rijen = [
        {"sleutel": s, "label": o["label"], "aantal": int(aantallen.get(s, 0))}
        for s, o in zip(sleutels, opties, strict=True)
    ]
    rijen.append(
        {
            "sleutel": GEEN_VOORKEUR,
            "label": "Geen voorkeur of geen antwoord",
            "aantal": max(aantal_responsen - len(geldig), 0),
        }
    )
    totaal = max(aantal_responsen, len(geldig))
    for rij in rijen:
        rij["aandeel"] = aandeel(rij["aantal"], totaal)
    return pd.DataFrame(rijen, columns=["sleutel", "label", "aantal", "aandeel"])


def _rangordes(waarden: Sequence, sleutels: Sequence[str]) -> list[list[str]]:
    """The valid rankings: lists of known keys, each key once (later repeats dropped)."""
    uitkomst = []
    for w in waarden:
        if not isinstance(w, list):
            continue
        rij = list(dict.fromkeys(str(s) for s in w if isinstance(s, str) and s in sleutels))
        if rij:
            uitkomst.append(rij)
    return uitkomst


def _borda_punten(rangordes: list[list[str]], sleutels: Sequence[str]) -> dict[str, int]:
    n = len(sleutels)
    punten = dict.fromkeys(sleutels, 0)
    for rij in rangordes:
        for plek, s in enumerate(rij, start=1):
            punten[s] += n - plek
    return punten


def _borda_score(punten: int, aantal: int, n: int) -> float | None:
    return aandeel(punten, aantal * (n - 1)) if n > 1 else None


def rangorde(waarden: Sequence, opties: Sequence[Mapping]) -> pd.DataFrame:
    """``sleutel``, ``label``, ``gemiddelde_positie``, ``eerste_keus``, ``borda`` per option,
    best Borda score first."""
    sleutels = _sleutels(opties)
    rangordes = _rangordes(waarden, sleutels)
    punten = _borda_punten(rangordes, sleutels)
    rijen = []
    for s, o in zip(sleutels, opties, strict=True):
        posities = [rij.index(s) + 1 for rij in rangordes if s in rij]
        rijen.append(
            {
                "sleutel": s,
                "label": o["label"],
                "gemiddelde_positie": round(sum(posities) / len(posities), 2) if posities else None,
                "eerste_keus": sum(1 for rij in rangordes if rij[0] == s),
                "borda": _borda_score(punten[s], len(rangordes), len(sleutels)),
            }
        )
    frame = pd.DataFrame(
        rijen, columns=["sleutel", "label", "gemiddelde_positie", "eerste_keus", "borda"]
    )
    frame.attrs["aantal"] = len(rangordes)
    return frame


@dataclass(frozen=True)
class Likert:
    verdeling: pd.DataFrame  # score, aantal, aandeel (of the given scores)
    gemiddelde: float | None
    weet_niet: int
    aantal: int  # households with a score


def likert(waarden: Sequence) -> Likert:
    scores = [
        int(w)
        for w in waarden
        if isinstance(w, int) and not isinstance(w, bool) and w in LIKERT_SCHAAL
    ]
    weet_niet = sum(1 for w in waarden if w is None)
    rijen = [
        {"score": s, "aantal": scores.count(s), "aandeel": aandeel(scores.count(s), len(scores))}
        for s in LIKERT_SCHAAL
    ]
    return Likert(
        verdeling=pd.DataFrame(rijen, columns=["score", "aantal", "aandeel"]),
        gemiddelde=round(sum(scores) / len(scores), 2) if scores else None,
        weet_niet=weet_niet,
        aantal=len(scores),
    )


def meerkeuze(waarden: Sequence, opties: Sequence[Mapping]) -> pd.DataFrame:
    """``sleutel``, ``label``, ``aantal``, ``aandeel`` (of the households that answered)."""
    sleutels = _sleutels(opties)
    gekozen = []
    for w in waarden:
        lijst = w if isinstance(w, list) else [w]
        keuze = {str(s) for s in lijst if isinstance(s, str) and s in sleutels}
        if keuze:
            gekozen.append(keuze)
    rijen = [
        {
            "sleutel": s,
            "label": o["label"],
            "aantal": sum(1 for k in gekozen if s in k),
        }
        for s, o in zip(sleutels, opties, strict=True)
    ]
    for rij in rijen:
        rij["aandeel"] = aandeel(rij["aantal"], len(gekozen))
    frame = pd.DataFrame(rijen, columns=["sleutel", "label", "aantal", "aandeel"])
    frame.attrs["aantal"] = len(gekozen)
    return frame


def kruistabel(
    responsen: pd.DataFrame,
    antwoorden: pd.DataFrame,
    vraag_id: int,
    opties: Sequence[Mapping],
    groepen: Sequence[str],
) -> pd.DataFrame:
    """Preference × group: one row per group, one column per option key plus
    ``GEEN_VOORKEUR``; cells are numbers of households."""
    sleutels = _sleutels(opties)
    kolommen = [*sleutels, GEEN_VOORKEUR]
    keuze: dict = {}
    if not antwoorden.empty:
        eigen = antwoorden[antwoorden["vraag_id"] == vraag_id].drop_duplicates("respons_id")
        keuze = {
            r: w for r, w in zip(eigen["respons_id"], eigen["waarde"], strict=True) if w in sleutels
        }
    tabel = pd.DataFrame(0, index=list(groepen), columns=kolommen, dtype=int)
    for respons_id, groep in zip(responsen["respons_id"], responsen["groep"], strict=True):
        if groep not in tabel.index:
            continue
        tabel.loc[groep, keuze.get(respons_id, GEEN_VOORKEUR)] += 1
    tabel.index.name = "groep"
    return tabel


# --- Support score -----------------------------------------------------------------------------


@dataclass(frozen=True)
class SteunUitkomst:
    """The support for one option: ``score`` 0–100 or ``None`` below :data:`MIN_RESPONSEN`."""

    score: float | None
    aantal_responsen: int
    grondslag: str  # "voorkeur" or "rangorde"
    vraag_id: int


def steunvraag(vragen: pd.DataFrame) -> Mapping | None:
    """The question the support score is read from (see the module docstring), or ``None``."""
    if vragen.empty:
        return None
    for soort in ("voorkeur", "rangorde"):
        for rij in vragen[vragen["soort"] == soort].to_dict("records"):
            if any(o.get("alternatief") is not None for o in rij["opties"] or []):
                return rij
    return None


def steunscores(
    responsen: pd.DataFrame,
    antwoorden: pd.DataFrame,
    vragen: pd.DataFrame,
    *,
    minimum: int = MIN_RESPONSEN,
) -> dict[object, SteunUitkomst]:
    """The support per alternative (the options' ``alternatief``), see the module docstring."""
    vraag = steunvraag(vragen)
    if vraag is None:
        return {}
    opties = [o for o in vraag["opties"] if o.get("alternatief") is not None]
    totaal = int(responsen["respons_id"].nunique()) if not responsen.empty else 0
    waarden = _antwoorden_van(antwoorden, vraag["vraag_id"])
    if vraag["soort"] == "voorkeur":
        frame = voorkeur(waarden, vraag["opties"], totaal).set_index("sleutel")
        ruw = {o["sleutel"]: frame.loc[o["sleutel"], "aandeel"] for o in opties}
    else:
        sleutels = _sleutels(vraag["opties"])
        punten = _borda_punten(_rangordes(waarden, sleutels), sleutels)
        ruw = {
            o["sleutel"]: _borda_score(punten[o["sleutel"]], totaal, len(sleutels)) for o in opties
        }
    return {
        o["alternatief"]: SteunUitkomst(
            score=(ruw[o["sleutel"]] or 0.0) if totaal >= minimum else None,
            aantal_responsen=totaal,
            grondslag=vraag["soort"],
            vraag_id=vraag["vraag_id"],
        )
        for o in opties
    }


# --- Everything for one consultation -----------------------------------------------------------


@dataclass(frozen=True)
class VraagUitslag:
    vraag_id: int
    soort: str
    tekst: str
    aantal: int  # households that answered
    verdeling: pd.DataFrame | None = None
    likert: Likert | None = None
    kruistabel: pd.DataFrame | None = None


def vraag_uitslagen(
    responsen: pd.DataFrame,
    antwoorden: pd.DataFrame,
    vragen: pd.DataFrame,
    groepen: Sequence[str],
) -> list[VraagUitslag]:
    """One result per question (open questions: only the number of answers)."""
    totaal = int(responsen["respons_id"].nunique()) if not responsen.empty else 0
    uitkomst = []
    for vraag in vragen.to_dict("records") if not vragen.empty else []:
        waarden = _antwoorden_van(antwoorden, vraag["vraag_id"])
        opties = vraag.get("opties") or []
        basis = {"vraag_id": vraag["vraag_id"], "soort": vraag["soort"], "tekst": vraag["tekst"]}
        if vraag["soort"] == "voorkeur":
            verdeling = voorkeur(waarden, opties, totaal)
            aantal = totaal - int(verdeling["aantal"].iloc[-1])
            tabel = kruistabel(responsen, antwoorden, vraag["vraag_id"], opties, groepen)
            uitkomst.append(
                VraagUitslag(**basis, aantal=aantal, verdeling=verdeling, kruistabel=tabel)
            )
        elif vraag["soort"] == "rangorde":
            verdeling = rangorde(waarden, opties)
            uitkomst.append(
                VraagUitslag(**basis, aantal=verdeling.attrs["aantal"], verdeling=verdeling)
            )
        elif vraag["soort"] == "likert":
            uitkomst_likert = likert(waarden)
            aantal = uitkomst_likert.aantal + uitkomst_likert.weet_niet
            uitkomst.append(VraagUitslag(**basis, aantal=aantal, likert=uitkomst_likert))
        elif vraag["soort"] == "meerkeuze":
            verdeling = meerkeuze(waarden, opties)
            uitkomst.append(
                VraagUitslag(**basis, aantal=verdeling.attrs["aantal"], verdeling=verdeling)
            )
        else:
            aantal = sum(1 for w in waarden if w is True or (isinstance(w, str) and w.strip()))
            uitkomst.append(VraagUitslag(**basis, aantal=aantal))
    return uitkomst
