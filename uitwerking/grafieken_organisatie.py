"""The charts of step 5's part 'organisatie', built with the primitives of :mod:`wup.charts`:
the 5×5 risk matrix and the timeline of the realisation planning.

Pure (no database): each takes plain values and returns a :class:`wup.charts.Grafiek` with its
text alternative and its figures as a table, for ``wup/includes/grafiek.html``.
"""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from uitwerking.models.organisatie import HOOG_RISICO
from wup.charts import (
    ASKLEUR,
    BREEDTE,
    LETTER,
    MARGE,
    RASTERKLEUR,
    STIJLEN,
    Grafiek,
    Tabel,
    _afbreken,
    _breedte,
    _c,
    _grafiek_id,
    _Svg,
    _zinnen,
    jaartal,
    schoon,
)

SCHAAL = (1, 2, 3, 4, 5)


def _aantal(n: int) -> str:
    return ngettext("%(n)d risico", "%(n)d risico's", n) % {"n": n}


def risicomatrix(punten: Sequence[tuple[int, int]], *, id: str | None = None) -> Grafiek:
    """The risk matrix: per (kans, impact) cell the number of risks. ``punten`` is one
    ``(kans, impact)`` per risk. The cells with a score of 15 or more (high) are hatched and
    outlined thickly, and their count says "hoog" in the text alternative and table."""
    tellingen = {(k, i): 0 for k in SCHAAL for i in SCHAAL}
    for kans, impact in punten:
        if (kans, impact) in tellingen:
            tellingen[(kans, impact)] += 1
    titel = _("Risicomatrix: aantal risico's per kans en impact")
    gevuld = [(k, i, n) for k in reversed(SCHAAL) for i in SCHAAL if (n := tellingen[(k, i)])]
    hoog = sum(n for k, i, n in gevuld if k * i >= HOOG_RISICO)
    beschrijving = _zinnen(
        _(
            "Risicomatrix van 5 bij 5: kans van 1 tot 5 (verticaal), impact van 1 tot 5 "
            "(horizontaal)."
        ),
        _(
            "Gearceerde vakken met een dikke rand zijn hoge risico's: kans maal impact is %(g)d "
            "of meer."
        )
        % {"g": HOOG_RISICO},
        _("In totaal %(n)s, waarvan %(h)d hoog.") % {"n": _aantal(len(punten)), "h": hoog},
        "; ".join(
            _("kans %(k)d, impact %(i)d%(hoog)s: %(n)s")
            % {
                "k": k,
                "i": i,
                "hoog": _(" (hoog)") if k * i >= HOOG_RISICO else "",
                "n": _aantal(n),
            }
            for k, i, n in gevuld
        )
        + ("." if gevuld else ""),
    )
    gid = _grafiek_id("risicomatrix", titel, tuple(sorted(tellingen.items())), id)
    svg = _Svg(gid, titel, beschrijving, "risicomatrix")

    cel = 64
    links = MARGE + LETTER * 4.5
    boven = MARGE + LETTER
    x0 = links + (BREEDTE - links - MARGE - 5 * cel) / 2
    raster = ET.SubElement(svg.root, "g", {"class": "wup-grafiek__data"})
    arcering = svg.patroon(1)
    kleur = STIJLEN[1][0]
    for rij, kans in enumerate(reversed(SCHAAL)):
        y = boven + rij * cel
        for kolom, impact in enumerate(SCHAAL):
            x = x0 + kolom * cel
            is_hoog = kans * impact >= HOOG_RISICO
            attrs = {
                "x": _c(x),
                "y": _c(y),
                "width": _c(cel),
                "height": _c(cel),
                "fill": arcering if is_hoog else "#ffffff",
                "stroke": kleur if is_hoog else ASKLEUR,
                "stroke-width": "3" if is_hoog else "1",
                "class": "wup-grafiek__vak" + (" wup-grafiek__vak--hoog" if is_hoog else ""),
            }
            ET.SubElement(raster, "rect", attrs)
            n = tellingen[(kans, impact)]
            if n:
                svg.tekst(
                    raster,
                    x + cel / 2,
                    y + cel / 2 + LETTER * 0.5,
                    str(n),
                    klasse="wup-grafiek__waarde",
                    anker="middle",
                    vet=True,
                    halo=True,
                )
    assen = ET.SubElement(svg.root, "g", {"class": "wup-grafiek__as", "aria-hidden": "true"})
    onder = boven + 5 * cel
    for kolom, impact in enumerate(SCHAAL):
        svg.tekst(
            assen,
            x0 + kolom * cel + cel / 2,
            onder + LETTER + 4,
            str(impact),
            klasse="wup-grafiek__streepje",
            anker="middle",
        )
    for rij, kans in enumerate(reversed(SCHAAL)):
        svg.tekst(
            assen,
            x0 - 6,
            boven + rij * cel + cel / 2 + LETTER * 0.35,
            str(kans),
            klasse="wup-grafiek__streepje",
            anker="end",
        )
    svg.tekst(
        assen,
        x0 + 2.5 * cel,
        onder + 2 * LETTER + 10,
        _("Impact (1 = heel klein, 5 = heel groot)"),
        klasse="wup-grafiek__label",
        anker="middle",
    )
    svg.tekst(
        assen,
        x0 - 24,
        boven + 2.5 * cel + LETTER * 0.35,
        _("Kans"),
        klasse="wup-grafiek__label",
        anker="end",
    )
    # Legend: a hatched square with its meaning.
    ly = onder + 3 * LETTER + 16
    ET.SubElement(
        assen,
        "rect",
        {
            "x": _c(x0),
            "y": _c(ly - LETTER),
            "width": _c(LETTER + 2),
            "height": _c(LETTER + 2),
            "fill": arcering,
            "stroke": kleur,
            "stroke-width": "3",
        },
    )
    svg.tekst(
        assen,
        x0 + LETTER + 10,
        ly,
        _("gearceerd met dikke rand: hoog risico (score %(g)d of meer)") % {"g": HOOG_RISICO},
        klasse="wup-grafiek__legenda",
    )
    tabel = Tabel(
        kolommen=(_("Kans \\ impact"), *(_("Impact %(i)d") % {"i": i} for i in SCHAAL)),
        rijen=tuple(
            (
                _("Kans %(k)d") % {"k": k},
                tuple(
                    f"{tellingen[(k, i)]}" + (_(" (hoog)") if k * i >= HOOG_RISICO else "")
                    for i in SCHAAL
                ),
            )
            for k in reversed(SCHAAL)
        ),
    )
    return Grafiek(
        gid,
        schoon(titel),
        beschrijving,
        svg.af(ly + MARGE + 4),
        tabel,
        _("Vervallen risico's tellen niet mee."),
        "",
        "risicomatrix",
    )


@dataclass(frozen=True)
class Balk:
    """One phase of the timeline."""

    naam: str
    begin: datetime.date
    eind: datetime.date
    verantwoordelijke: str = ""
    mijlpaal: str = ""


def _datum(d: datetime.date) -> str:
    return d.strftime("%d-%m-%Y")


def tijdlijn(balken: Sequence[Balk], *, id: str | None = None) -> Grafiek | None:
    """A Gantt-like timeline: one bar per phase from its start to its end date, with a year
    axis. None without phases."""
    if not balken:
        return None
    titel = _("Realisatieplanning: de fasen in de tijd")
    begin = min(b.begin for b in balken)
    eind = max(b.eind for b in balken)
    beschrijving = _zinnen(
        _("Tijdlijn met een balk per fase, van %(begin)s tot en met %(eind)s.")
        % {"begin": _datum(begin), "eind": _datum(eind)},
        "; ".join(
            _("%(naam)s: %(begin)s tot en met %(eind)s")
            % {
                "naam": schoon(b.naam),
                "begin": _datum(b.begin),
                "eind": _datum(b.eind),
            }
            for b in balken
        )
        + ".",
    )
    gid = _grafiek_id(
        "tijdlijn",
        titel,
        tuple((b.naam, b.begin.isoformat(), b.eind.isoformat()) for b in balken),
        id,
    )
    svg = _Svg(gid, titel, beschrijving, "tijdlijn")
    as_begin = datetime.date(begin.year, 1, 1)
    as_eind = datetime.date(eind.year + 1, 1, 1)
    dagen = (as_eind - as_begin).days
    label_b = min(max(_breedte(b.naam) for b in balken) + 10, BREEDTE * 0.35)
    x0 = MARGE + label_b
    x1 = BREEDTE - MARGE

    def x(d: datetime.date) -> float:
        return x0 + (d - as_begin).days / dagen * (x1 - x0)

    y = MARGE + LETTER + 6
    posities = []
    for b in balken:
        regels = _afbreken(schoon(b.naam), label_b - 10)
        hoogte = max(28.0, LETTER * 1.2 * len(regels) + 10)
        posities.append((b, y, regels, hoogte))
        y += hoogte
    onder = y + 4
    raster = ET.SubElement(svg.root, "g", {"class": "wup-grafiek__raster", "aria-hidden": "true"})
    jaren = list(range(as_begin.year, as_eind.year + 1))
    stap = max(1, len(jaren) // 8 + (1 if len(jaren) > 8 else 0))
    for jaar in jaren:
        xs = x(datetime.date(jaar, 1, 1))
        ET.SubElement(
            raster,
            "line",
            {
                "x1": _c(xs),
                "y1": _c(MARGE + LETTER + 2),
                "x2": _c(xs),
                "y2": _c(onder),
                "stroke": RASTERKLEUR,
                "stroke-width": "1",
            },
        )
        if (jaar - jaren[0]) % stap == 0 and jaar < as_eind.year:
            svg.tekst(
                raster,
                xs + 4,
                MARGE + LETTER,
                jaartal(jaar),
                klasse="wup-grafiek__streepje",
            )
    data = ET.SubElement(svg.root, "g", {"class": "wup-grafiek__data"})
    for i, (b, top, regels, hoogte) in enumerate(posities):
        midden = top + hoogte / 2
        svg.tekstregels(
            data,
            MARGE,
            midden + LETTER * 0.35 - (len(regels) - 1) * LETTER * 0.6,
            regels,
            klasse="wup-grafiek__label",
        )
        links, rechts = x(b.begin), x(b.eind + datetime.timedelta(days=1))
        ET.SubElement(
            data,
            "rect",
            {
                "x": _c(links),
                "y": _c(midden - 8),
                "width": _c(max(rechts - links, 2)),
                "height": "16",
                "fill": svg.patroon(i),
                "stroke": STIJLEN[i % len(STIJLEN)][0],
                "stroke-width": "1.5",
                "class": f"wup-grafiek__balk wup-grafiek__reeks-{i % len(STIJLEN) + 1}",
            },
        )
    tabel = Tabel(
        kolommen=(
            _("Fase"),
            _("Begindatum"),
            _("Einddatum"),
            _("Verantwoordelijke partij"),
            _("Mijlpaal"),
        ),
        rijen=tuple(
            (
                schoon(b.naam),
                (
                    _datum(b.begin),
                    _datum(b.eind),
                    schoon(b.verantwoordelijke) or "–",
                    schoon(b.mijlpaal) or "–",
                ),
            )
            for b in balken
        ),
    )
    return Grafiek(
        gid, schoon(titel), beschrijving, svg.af(onder + MARGE), tabel, "", "", "tijdlijn"
    )
