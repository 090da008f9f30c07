"""How the pages of step 4 show the framework, the score matrix and the analysis: numbers the
Dutch way, the sentences of the sensitivity analysis, and the charts (server-rendered SVG with
their text alternative and data table, see :mod:`wup.charts`).

Pure presentation of what ``keuze.selectors`` read; no queries of its own.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from django.utils.translation import gettext as _

from keuze import bronnen, mca
from keuze.models import Criterium
from wup import charts

ZEKERHEID = dict(Criterium.Zekerheid.choices)


def getal(waarde: float | None) -> str:
    """A score or weight the Dutch way, with as many decimals as it needs (at most two)."""
    if charts.ontbreekt(waarde):
        return charts.ONBEKEND
    w = float(waarde)  # type: ignore[arg-type]
    if w == int(w) or abs(w) >= 100:
        return charts.getal(w, 0)
    return charts.getal(w, 1 if abs(w) >= 10 else 2).rstrip("0").rstrip(",")


def waarde(w: float | None) -> str:
    return getal(w)


def procent(w: float | None) -> str:
    return charts.met_eenheid(w, "%", 0 if charts.ontbreekt(w) or w >= 10 else 1)


# --- Framework and matrix ---------------------------------------------------------------------


def kader(criteria: list[Criterium]) -> dict:
    """The criteria with their weight as entered and as a share of the total."""
    totaal = sum(c.gewicht for c in criteria)
    return {
        "rijen": [
            {
                "c": c,
                "gewicht": getal(c.gewicht),
                "procent": procent(c.gewicht / totaal * 100) if totaal else "–",
                "bron": bronnen.bron_titel(c.bron),
            }
            for c in criteria
        ],
        "totaal": getal(totaal),
        "niet_100": bool(criteria) and abs(totaal - 100) > 1e-9,
    }


def matrix(beoordeling) -> list[dict]:
    """Per criterion its cells, each with its value written the Dutch way."""
    return [
        {
            "criterium": rij["criterium"],
            "cellen": [{"cel": cel, "tekst": getal(cel.waarde)} for cel in rij["cellen"]],
            "compleet": rij["aantal"] == len(rij["cellen"]),
        }
        for rij in beoordeling.rijen
    ]


# --- The analysis -----------------------------------------------------------------------------


def _namen(u: mca.Analyse) -> tuple[dict[str, str], dict[str, str]]:
    return {a.sleutel: a.naam for a in u.alternatieven}, {c.sleutel: c.naam for c in u.criteria}


def _omslag(omslag: mca.Omslag | None, namen: dict[str, str], omhoog: bool) -> str:
    if omslag is None:
        return (
            _("Ook bij 100% blijft de top gelijk.")
            if omhoog
            else _("Ook bij 0% blijft de top gelijk.")
        )
    tekst = (
        _("Bij %(gewicht)s (%(pp)s procentpunt meer) komt %(na)s bovenaan in plaats van %(voor)s.")
        if omhoog
        else _(
            "Bij %(gewicht)s (%(pp)s procentpunt minder) komt %(na)s bovenaan in plaats van "
            "%(voor)s."
        )
    )
    return tekst % {
        "gewicht": procent(omslag.gewicht),
        "pp": charts.getal(omslag.procentpunten, 1),
        "na": namen.get(omslag.na, omslag.na),
        "voor": namen.get(omslag.voor, omslag.voor),
    }


def rangorde_grafiek(u: mca.Analyse, id: str = "keuze-rangorde") -> charts.Grafiek:
    """Per ranked alternative a bar of its total, split into what each criterion adds."""
    in_analyse = [c for c in u.criteria if c.in_analyse]
    punten = [{b.criterium: b.punten for b in p.bijdragen} for p in u.rangorde]
    return charts.gestapeld_staafdiagram(
        _("Rangorde: totaalscore per alternatief"),
        [f"{p.rang}. {p.naam}" for p in u.rangorde],
        [charts.Reeks(c.naam, [pt.get(c.sleutel) for pt in punten]) for c in in_analyse],
        eenheid="",
        decimalen=1,
        maximum=100.0,
        toelichting=_(
            "Punten van 0 tot 100. Elk deel van een balk is wat een criterium bijdraagt: "
            "gewicht maal de score op een schaal van 0 (slechtste) tot 1 (beste)."
        ),
        kolomkop=_("Alternatief"),
        id=id,
    )


def gevoeligheid_grafiek(u: mca.Analyse, id: str = "keuze-gevoeligheid") -> charts.Grafiek:
    """Per criterion the range of its weight (0–100 %) within which the top stays the same,
    with its current weight marked."""
    namen = {c.sleutel: c.naam for c in u.criteria}
    top = next((p.naam for p in u.rangorde[:1]), "")
    titel = _("Gevoeligheid: binnen welk gewicht blijft %(top)s bovenaan?") % {"top": top}
    rijen = [
        (
            charts.schoon(namen.get(g.criterium, g.criterium)),
            g.procent,
            g.top_bereik[0],
            g.top_bereik[1],
        )
        for g in u.gevoeligheid
    ]
    zinnen = [
        _("%(naam)s: nu %(nu)s, de top blijft gelijk van %(van)s tot %(tot)s")
        % {"naam": n, "nu": procent(nu), "van": procent(lo), "tot": procent(hi)}
        for n, nu, lo, hi in rijen
    ]
    toelichting = _(
        "De balk is het bereik van het gewicht waarin het alternatief bovenaan hetzelfde "
        "blijft; de streep is het gewicht nu. De andere gewichten schuiven naar verhouding mee."
    )
    beschrijving = charts._zinnen(
        _("Bereikdiagram."), toelichting, "; ".join(zinnen) + "." if zinnen else ""
    )
    gid = charts._grafiek_id("bereik", titel, rijen, id)
    svg = charts._Svg(gid, titel, beschrijving, "bereik")
    kleur = charts.STIJLEN[1][0]

    def band(g: ET.Element, x: float, y: float) -> None:
        ET.SubElement(
            g,
            "rect",
            {
                "x": charts._c(x),
                "y": charts._c(y),
                "width": "16",
                "height": "16",
                "fill": svg.patroon(1),
                "stroke": kleur,
                "stroke-width": "1.5",
            },
        )

    def streep(g: ET.Element, x: float, y: float) -> None:
        ET.SubElement(
            g,
            "line",
            {
                "x1": charts._c(x + 8),
                "y1": charts._c(y - 1),
                "x2": charts._c(x + 8),
                "y2": charts._c(y + 17),
                "stroke": charts.TEKSTKLEUR,
                "stroke-width": "3",
            },
        )

    legenda_h = charts._legenda(svg, [(_("top blijft gelijk"), band), (_("gewicht nu"), streep)])
    label_b = min(
        max((charts._breedte(n) for n, *_ in rijen), default=0) + 10, charts.BREEDTE * 0.35
    )
    x0, x1 = charts.MARGE + label_b, charts.BREEDTE - charts.MARGE - 16

    def x(v: float) -> float:
        return x0 + max(0.0, min(100.0, v)) / 100 * (x1 - x0)

    as_y = charts.MARGE + legenda_h + 8 + charts.LETTER
    assen = ET.SubElement(svg.root, "g", {"class": "wup-grafiek__as", "aria-hidden": "true"})
    y = as_y + 8
    regels_per_rij = [charts._afbreken(n, label_b - 10) for n, *_ in rijen]
    hoogtes = [max(34.0, charts.LETTER * 1.2 * len(r) + 10) for r in regels_per_rij]
    onder = y + sum(hoogtes)
    for v in (0, 25, 50, 75, 100):
        svg.tekst(
            assen,
            x(v),
            as_y,
            charts.met_eenheid(v, "%"),
            klasse="wup-grafiek__streepje",
            anker="middle",
        )
        ET.SubElement(
            assen,
            "line",
            {
                "x1": charts._c(x(v)),
                "y1": charts._c(as_y + 4),
                "x2": charts._c(x(v)),
                "y2": charts._c(onder),
                "stroke": charts.RASTERKLEUR,
                "stroke-width": "1",
            },
        )
    data = ET.SubElement(svg.root, "g", {"class": "wup-grafiek__data"})
    for (naam, nu, lo, hi), regels, hoogte in zip(rijen, regels_per_rij, hoogtes, strict=True):
        midden = y + hoogte / 2
        svg.tekstregels(
            data,
            charts.MARGE,
            midden + charts.LETTER * 0.35 - (len(regels) - 1) * charts.LETTER * 0.6,
            regels,
            klasse="wup-grafiek__label",
        )
        ET.SubElement(
            data,
            "line",
            {
                "x1": charts._c(x0),
                "y1": charts._c(midden),
                "x2": charts._c(x1),
                "y2": charts._c(midden),
                "stroke": charts.ASKLEUR,
                "stroke-width": "1",
            },
        )
        rect = ET.SubElement(
            data,
            "rect",
            {
                "x": charts._c(x(lo)),
                "y": charts._c(midden - 9),
                "width": charts._c(max(x(hi) - x(lo), 1.5)),
                "height": "18",
                "fill": svg.patroon(1),
                "stroke": kleur,
                "stroke-width": "1.5",
                "class": "wup-grafiek__balk wup-grafiek__reeks-2",
            },
        )
        ET.SubElement(rect, "title").text = charts.schoon(
            _("%(naam)s: top gelijk van %(van)s tot %(tot)s")
            % {"naam": naam, "van": procent(lo), "tot": procent(hi)}
        )
        ET.SubElement(
            data,
            "line",
            {
                "x1": charts._c(x(nu)),
                "y1": charts._c(midden - 14),
                "x2": charts._c(x(nu)),
                "y2": charts._c(midden + 14),
                "stroke": charts.TEKSTKLEUR,
                "stroke-width": "3",
                "class": "wup-grafiek__markering",
            },
        )
        y += hoogte
    tabel = charts.Tabel(
        kolommen=(_("Criterium"), _("Gewicht nu"), _("Top gelijk vanaf"), _("Top gelijk tot")),
        rijen=tuple((n, (procent(nu), procent(lo), procent(hi))) for n, nu, lo, hi in rijen),
    )
    return charts.Grafiek(
        gid,
        charts.schoon(titel),
        beschrijving,
        svg.af(onder + charts.MARGE),
        tabel,
        toelichting,
        "",
        "bereik",
    )


@dataclass(frozen=True)
class Weergave:
    """The analysis as the pages show it."""

    uitkomst: mca.Analyse
    rangorde: list[dict]
    rangorde_grafiek: charts.Grafiek | None
    gevoeligheid: list[dict]
    gevoeligheid_grafiek: charts.Grafiek | None
    zonder_minst_zeker: dict
    meldingen: list[str]
    onvolledig: list[dict]
    #: Share of the weight per criterion key, 0–100, written out.
    procenten: dict[str, str]


def uitkomst(u: mca.Analyse, *, verouderd=lambda sleutel: False, prefix: str = "keuze") -> Weergave:
    """An :class:`mca.Analyse` (live or from a recorded choice's snapshot) for the pages."""
    alt_namen, crit_namen = _namen(u)
    rangorde = [
        {"plaats": p, "totaal": charts.getal(p.totaal, 1), "verouderd": verouderd(p.alternatief)}
        for p in u.rangorde
    ]
    gevoeligheid = [
        {
            "naam": crit_namen.get(g.criterium, g.criterium),
            "procent": procent(g.procent),
            "omhoog": _omslag(g.top_omhoog, alt_namen, True),
            "omlaag": _omslag(g.top_omlaag, alt_namen, False),
            "van": procent(g.top_bereik[0]),
            "tot": procent(g.top_bereik[1]),
        }
        for g in u.gevoeligheid
    ]
    zms = u.zonder_minst_zeker
    zonder = {
        "niveau": ZEKERHEID.get(zms.niveau, zms.niveau) if zms.niveau else "",
        "reden": {
            mca.Reden.ALLE_EVEN_ZEKER: _(
                "Alle criteria zijn even zeker; er is geen criterium dat minder zeker is dan de "
                "andere."
            ),
            mca.Reden.TE_WEINIG_VOLLEDIG: _(
                "Er zijn te weinig volledig beoordeelde alternatieven om dit te bekijken."
            ),
            mca.Reden.GEEN_CRITERIA: _("Er zijn nog geen criteria met scores."),
        }.get(zms.reden, zms.reden or ""),
        "varianten": [
            {
                "naam": crit_namen.get(v.criterium, v.criterium),
                "top": alt_namen.get(v.top, v.top) if v.top else "",
                "verandert": v.top_verandert,
                "rangorde": [
                    {"plaats": p, "totaal": charts.getal(p.totaal, 1)} for p in v.rangorde
                ],
                "reden": {
                    mca.Reden.GEEN_ANDERE_CRITERIA: _("Zonder dit criterium blijft er geen over."),
                    mca.Reden.OVERIGE_GEWICHTEN_NUL: _(
                        "De andere criteria hebben allemaal gewicht 0."
                    ),
                }.get(v.reden, v.reden or ""),
            }
            for v in zms.varianten
        ],
    }
    return Weergave(
        uitkomst=u,
        rangorde=rangorde,
        rangorde_grafiek=rangorde_grafiek(u, f"{prefix}-rangorde") if u.rangorde else None,
        gevoeligheid=gevoeligheid,
        gevoeligheid_grafiek=gevoeligheid_grafiek(u, f"{prefix}-gevoeligheid")
        if u.gevoeligheid
        else None,
        zonder_minst_zeker=zonder,
        meldingen=[m.tekst for m in u.meldingen],
        onvolledig=[
            {"naam": o.naam, "ontbreekt": [crit_namen.get(k, k) for k in o.ontbreekt]}
            for o in u.onvolledig
        ],
        procenten={c.sleutel: procent(c.procent) for c in u.criteria},
    )


def analyse(analyse_) -> dict:
    """The plan's live analysis (``keuze.selectors.analyse_van``) for the pages."""
    u = analyse_.uitkomst
    return {
        "fout": analyse_.fout,
        "weergave": uitkomst(u, verouderd=lambda s: analyse_.verouderd(int(s)))
        if u is not None
        else None,
    }


def alternatief_keuzes(analyse_) -> list[tuple[int, str]]:
    """The choices of the choice form: the completely assessed alternatives, best first, each
    with its rank and total (and a warning when its results are outdated)."""
    u = analyse_.uitkomst
    if u is None:
        return []
    keuzes = []
    for p in u.rangorde:
        label = _("%(naam)s — plaats %(rang)d, totaalscore %(totaal)s van 100") % {
            "naam": p.naam,
            "rang": p.rang,
            "totaal": charts.getal(p.totaal, 1),
        }
        if analyse_.verouderd(int(p.alternatief)):
            label += " " + _(
                "(Let op: de berekening van dit alternatief is verouderd. Reken het opnieuw "
                "door, of bevestig hieronder dat u toch op deze uitkomsten kiest.)"
            )
        keuzes.append((int(p.alternatief), label))
    return keuzes


def momentopname(opname, keuze_id: int) -> dict:
    """What a recorded choice rested on (``keuze.selectors.momentopname``): the criteria as
    they were, the matrix of scores and the analysis."""
    alternatieven = opname.alternatieven
    cellen = {(c["criterium"], c["alternatief"]): c for c in opname.data.get("cellen", [])}
    u = opname.uitkomst
    procenten = {c.sleutel: procent(c.procent) for c in u.criteria} if u else {}
    return {
        "criteria": [
            {
                **c,
                "gewicht_tekst": getal(c["gewicht"]),
                "procent": procenten.get(str(c["id"]), "–"),
                "richting_label": Criterium.Richting(c["richting"]).label
                if c.get("richting") in Criterium.Richting.values
                else c.get("richting", ""),
                "zekerheid_label": ZEKERHEID.get(c.get("zekerheid"), c.get("zekerheid", "")),
                "cellen": [
                    {
                        "cel": cellen.get((c["id"], a["id"])),
                        "tekst": getal(cellen[(c["id"], a["id"])]["waarde"])
                        if (c["id"], a["id"]) in cellen
                        else "",
                    }
                    for a in alternatieven
                ],
            }
            for c in opname.criteria
        ],
        "alternatieven": alternatieven,
        "steun": opname.heeft_steun,
        "fout": opname.data.get("fout"),
        "weergave": uitkomst(u, prefix=f"keuze-{keuze_id}") if u else None,
    }


def met_orgaan(keuzes: list) -> list:
    """The choices, each with ``orgaan_label``: who decided, in words."""
    from wup.models import Besluit

    labels = dict(Besluit.Orgaan.choices)
    for k in keuzes:
        k.orgaan_label = labels.get(k.orgaan, k.orgaan)
    return keuzes
