"""Accessible charts as server-rendered SVG, shared by every step of the platform.

Pure Python (no database, no request): each function takes plain values and returns a
:class:`Grafiek` -- the SVG markup plus its title, its text alternative (in Dutch) and the same
figures as a table. Templates show it with ``{% include "wup/includes/grafiek.html" %}``, which
puts the SVG in a ``<figure>`` with a caption and the data table.

What every chart does, so that it works for everyone and under a strict CSP:

* ``role="img"`` with ``<title>`` and ``<desc>`` (the text alternative) and ``aria-labelledby``;
* no colour alone: every series has its own fill pattern (and, in line charts, marker and dash),
  and values are written next to the bars;
* a missing value is written as "onbekend" and never drawn as 0;
* numbers the Dutch way: decimal comma, a dot between thousands;
* scalable: a ``viewBox`` and no fixed width; the font comes from the page's CSS;
* no ``style`` attributes: colours are presentation attributes (``fill``, ``stroke``) with
  classes that ``static/css/wup.css`` may override (e.g. for forced colours);
* every label is escaped (it may be text a user typed) and the output is well-formed XML;
* the same input gives byte-for-byte the same output.
"""

from __future__ import annotations

import hashlib
import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

SVG_NS = "http://www.w3.org/2000/svg"
ONBEKEND = "onbekend"

#: Width of the drawing in user units; the SVG scales to its container.
BREEDTE = 640
#: Font size in user units (a fallback: the page's CSS may set its own).
LETTER = 13
MARGE = 8
TEKSTKLEUR = "#1f1f1f"
RASTERKLEUR = "#c8c8c8"
ASKLEUR = "#595959"

#: Colour and fill pattern per series. All colours reach 4.5:1 against white, so bar outlines
#: and lines meet WCAG 1.4.11; the pattern tells the series apart without colour.
STIJLEN: tuple[tuple[str, str], ...] = (
    ("#4b2e83", "vol"),
    ("#0a5ea8", "schuin"),
    ("#a34a00", "stippen"),
    ("#00705a", "ruit"),
    ("#5c5c5c", "horizontaal"),
    ("#9c1f61", "verticaal"),
)
MARKERS = ("cirkel", "vierkant", "driehoek", "ruit", "kruis", "cirkel")
STREEPJES = ("", "7 4", "2 3", "9 3 2 3", "4 2", "1 2")
PATROON_UITLEG = {
    "vol": "effen",
    "schuin": "schuin gearceerd",
    "stippen": "gestippeld",
    "ruit": "geruit",
    "horizontaal": "horizontaal gestreept",
    "verticaal": "verticaal gestreept",
}

_XML_ONGELDIG = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ID_ONGELDIG = re.compile(r"[^A-Za-z0-9_-]")


# --- Numbers the Dutch way -------------------------------------------------------------------


def ontbreekt(waarde: object) -> bool:
    """None, NaN, infinity or pandas' NA: a value we do not know."""
    if waarde is None:
        return True
    try:
        return not math.isfinite(float(waarde))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return True


def getal(waarde: float | int | None, decimalen: int = 0, *, scheiding: bool = True) -> str:
    """``1234.5`` -> ``"1.234,5"``; a missing value -> ``"onbekend"``.

    Rounds half away from zero (as people do, not banker's rounding). ``scheiding=False``
    leaves out the thousands dot, for years.
    """
    if ontbreekt(waarde):
        return ONBEKEND
    try:
        d = Decimal(repr(float(waarde))).quantize(  # type: ignore[arg-type]
            Decimal(1).scaleb(-decimalen), rounding=ROUND_HALF_UP
        )
    except InvalidOperation:
        return ONBEKEND
    if d == 0:
        d = abs(d)  # no "-0"
    tekst = f"{d:,.{decimalen}f}" if scheiding else f"{d:.{decimalen}f}"
    return tekst.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def met_eenheid(waarde: float | int | None, eenheid: str = "", decimalen: int = 0) -> str:
    """A number with its unit: ``"45%"``, ``"1.234 m³"``, ``"32.100 euro"``; or "onbekend"."""
    if ontbreekt(waarde):
        return ONBEKEND
    tekst = getal(waarde, decimalen)
    if not eenheid or eenheid == "aantal":
        return tekst
    if eenheid == "%":
        return f"{tekst}%"
    return f"{tekst}\u00a0{eenheid}"


def jaartal(waarde: float | None) -> str:
    """A year on an axis: ``2024``, never ``2.024``."""
    return getal(waarde, 0, scheiding=False)


# --- What a chart is -------------------------------------------------------------------------


class SvgMarkup(str):
    """SVG markup that templates may output as is (``__html__``, like Django's SafeString).

    Only this module creates it, from a tree in which every text and attribute was escaped.
    """

    __slots__ = ()

    def __html__(self) -> str:
        return self


@dataclass(frozen=True)
class Reeks:
    """A named series: one value per category (``None`` or NaN = unknown)."""

    naam: str
    waarden: Sequence[float | None]


@dataclass(frozen=True)
class LijnReeks:
    """A series of a line chart: ``(x, y)`` points; a missing ``y`` breaks the line."""

    naam: str
    punten: Sequence[tuple[float, float | None]]


@dataclass(frozen=True)
class Tabel:
    """The chart's figures as a table: a header row, then one row per row header."""

    kolommen: tuple[str, ...]
    rijen: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class Grafiek:
    """A rendered chart. ``{{ grafiek.svg }}`` (or ``str(grafiek)``) gives the SVG markup."""

    id: str
    titel: str
    beschrijving: str
    svg: SvgMarkup
    tabel: Tabel
    toelichting: str = ""
    bron: str = ""
    soort: str = field(default="staaf")

    def __str__(self) -> str:
        return self.svg

    def __html__(self) -> str:
        return self.svg


def render_figuur(grafiek: Grafiek, *, tabel_open: bool = False) -> str:
    """The chart with caption, source and data table, as the include template renders it."""
    from django.template.loader import render_to_string  # only where Django is set up

    return render_to_string(
        "wup/includes/grafiek.html", {"grafiek": grafiek, "tabel_open": tabel_open}
    )


# --- SVG building blocks ---------------------------------------------------------------------


def schoon(tekst: object) -> str:
    """Text that can go into XML: characters XML 1.0 forbids (e.g. NUL) are dropped."""
    return _XML_ONGELDIG.sub("", str(tekst))


def _c(v: float) -> str:
    """A coordinate, short and deterministic."""
    v = round(v, 1)
    return str(int(v)) if v == int(v) else f"{v:.1f}"


def _breedte(tekst: str, grootte: float = LETTER, vet: bool = False) -> float:
    """Estimated width of a text (no font metrics on the server; errs on the wide side)."""
    return len(tekst) * grootte * (0.62 if vet else 0.57)


def _afbreken(tekst: str, breedte: float, grootte: float = LETTER, vet: bool = False) -> list[str]:
    """Words over lines that fit ``breedte``; a single over-long word keeps its own line."""
    per_regel = max(8, int(breedte / (grootte * (0.62 if vet else 0.57))))
    regels: list[str] = []
    huidig = ""
    for woord in tekst.split():
        kandidaat = f"{huidig} {woord}" if huidig else woord
        if len(kandidaat) <= per_regel or not huidig:
            huidig = kandidaat
        else:
            regels.append(huidig)
            huidig = woord
    if huidig or not regels:
        regels.append(huidig)
    return regels


def _grafiek_id(soort: str, titel: str, data: object, id: str | None) -> str:
    if id:
        schoon_id = _ID_ONGELDIG.sub("-", id)
        return schoon_id if schoon_id[:1].isalpha() else f"g-{schoon_id}"
    digest = hashlib.sha1(repr((soort, titel, data)).encode(), usedforsecurity=False)
    return f"grafiek-{digest.hexdigest()[:10]}"


class _Svg:
    """Builds the SVG tree; ElementTree escapes every text and attribute value."""

    def __init__(self, gid: str, titel: str, beschrijving: str, soort: str) -> None:
        self.gid = gid
        self.root = ET.Element(
            "svg",
            {
                "xmlns": SVG_NS,
                "class": f"wup-grafiek wup-grafiek--{soort}",
                "role": "img",
                "aria-labelledby": f"{gid}-titel {gid}-desc",
                "focusable": "false",
                "font-size": str(LETTER),
            },
        )
        ET.SubElement(self.root, "title", {"id": f"{gid}-titel"}).text = schoon(titel)
        ET.SubElement(self.root, "desc", {"id": f"{gid}-desc"}).text = schoon(beschrijving)
        self.defs = ET.SubElement(self.root, "defs")
        self.patronen: set[int] = set()

    def patroon(self, index: int) -> str:
        """The fill of series ``index``: its colour, or a pattern in its colour."""
        kleur, soort = STIJLEN[index % len(STIJLEN)]
        if soort == "vol":
            return kleur
        pid = f"{self.gid}-patroon-{index}"
        if index not in self.patronen:
            self.patronen.add(index)
            attrs = {"id": pid, "patternUnits": "userSpaceOnUse", "width": "6", "height": "6"}
            if soort == "schuin":
                attrs["patternTransform"] = "rotate(45)"
            p = ET.SubElement(self.defs, "pattern", attrs)
            ET.SubElement(p, "rect", {"width": "6", "height": "6", "fill": "#ffffff"})
            lijn = {"stroke": kleur, "stroke-width": "2.5"}
            if soort in ("schuin", "verticaal"):
                ET.SubElement(p, "line", {"x1": "3", "y1": "0", "x2": "3", "y2": "6", **lijn})
            elif soort == "horizontaal":
                ET.SubElement(p, "line", {"x1": "0", "y1": "3", "x2": "6", "y2": "3", **lijn})
            elif soort == "stippen":
                ET.SubElement(p, "circle", {"cx": "3", "cy": "3", "r": "1.8", "fill": kleur})
            elif soort == "ruit":
                lijn["stroke-width"] = "1.5"
                ET.SubElement(p, "line", {"x1": "0", "y1": "3", "x2": "6", "y2": "3", **lijn})
                ET.SubElement(p, "line", {"x1": "3", "y1": "0", "x2": "3", "y2": "6", **lijn})
        return f"url(#{pid})"

    def tekst(
        self,
        parent: ET.Element,
        x: float,
        y: float,
        tekst: str,
        *,
        klasse: str,
        anker: str = "start",
        vet: bool = False,
        halo: bool = False,
    ) -> ET.Element:
        attrs = {"x": _c(x), "y": _c(y), "class": klasse, "fill": TEKSTKLEUR}
        if anker != "start":
            attrs["text-anchor"] = anker
        if vet:
            attrs["font-weight"] = "bold"
        if halo:
            # A white outline behind the letters keeps them readable on any fill.
            attrs.update({"stroke": "#ffffff", "stroke-width": "3", "paint-order": "stroke"})
        el = ET.SubElement(parent, "text", attrs)
        el.text = schoon(tekst)
        return el

    def tekstregels(
        self,
        parent: ET.Element,
        x: float,
        y: float,
        regels: list[str],
        *,
        klasse: str,
        vet: bool = False,
        halo: bool = False,
    ) -> None:
        """Several lines (``tspan``), the first on baseline ``y``."""
        el = self.tekst(parent, x, y, regels[0], klasse=klasse, vet=vet, halo=halo)
        if len(regels) == 1:
            return
        el.text = None
        for i, regel in enumerate(regels):
            ET.SubElement(
                el, "tspan", {"x": _c(x), "dy": "0" if i == 0 else _c(LETTER * 1.2)}
            ).text = schoon(regel)

    def af(self, hoogte: float) -> SvgMarkup:
        self.root.set("viewBox", f"0 0 {BREEDTE} {_c(hoogte)}")
        # Put viewBox right after xmlns for readability; attribute order stays deterministic.
        attrs = dict(self.root.attrib)
        self.root.attrib.clear()
        self.root.attrib.update(
            {"xmlns": attrs.pop("xmlns"), "viewBox": attrs.pop("viewBox"), **attrs}
        )
        if not len(self.defs):
            self.root.remove(self.defs)
        return SvgMarkup(ET.tostring(self.root, encoding="unicode"))


def _mooie_stap(bereik: float, max_streepjes: int = 5) -> float:
    ruw = bereik / max_streepjes
    macht = 10 ** math.floor(math.log10(ruw))
    for factor in (1, 2, 2.5, 5, 10):
        if ruw <= factor * macht * (1 + 1e-9):
            return factor * macht
    return 10 * macht


def _schaal(laag: float, hoog: float, max_streepjes: int = 5) -> tuple[float, float, list[float]]:
    """A rounded axis range that contains [laag, hoog], with its tick values."""
    if laag == hoog:
        if laag == 0:
            hoog = 1.0
        elif laag > 0:
            laag = 0.0
        else:
            hoog = 0.0
    stap = _mooie_stap(hoog - laag, max_streepjes)
    begin = math.floor(laag / stap + 1e-9) * stap
    eind = math.ceil(hoog / stap - 1e-9) * stap
    aantal = round((eind - begin) / stap)
    return begin, eind, [round(begin + i * stap, 10) for i in range(aantal + 1)]


def _passende_schaal(
    laag: float, hoog: float, lengte: float, eenheid: str = ""
) -> tuple[float, float, list[float]]:
    """The axis with the most ticks (at most 5) whose labels do not overlap in ``lengte``."""
    for aantal in (5, 4, 3, 2):
        begin, eind, streepjes = _schaal(laag, hoog, aantal)
        dec = _decimalen_van(streepjes)
        breedste = max(_breedte(met_eenheid(v, eenheid, dec)) for v in streepjes)
        if len(streepjes) < 2 or lengte / (len(streepjes) - 1) >= breedste + 10:
            break
    return begin, eind, streepjes


def _decimalen_van(stap_of_waarden: Sequence[float]) -> int:
    """Decimals needed to write every tick value exactly (at most 3)."""
    for d in range(4):
        if all(abs(v * 10**d - round(v * 10**d)) < 1e-6 for v in stap_of_waarden):
            return d
    return 3


# --- Horizontal bar charts (single and grouped) ----------------------------------------------


@dataclass
class _Rij:
    label: str
    waarde: float | None = None
    reeks: int = 0
    kop: bool = False


def _balken(
    gid: str,
    titel: str,
    beschrijving: str,
    rijen: list[_Rij],
    *,
    eenheid: str,
    decimalen: int,
    soort: str,
) -> SvgMarkup:
    svg = _Svg(gid, titel, beschrijving, soort)
    bekend = [r.waarde for r in rijen if not r.kop and not ontbreekt(r.waarde)]
    negatief = min(bekend, default=0.0) < 0

    waarde_teksten = [met_eenheid(r.waarde, eenheid, decimalen) for r in rijen if not r.kop]
    waarde_b = max((_breedte(t) for t in waarde_teksten), default=0) + 8
    labels = [r.label for r in rijen if not r.kop]
    label_b = min(max((_breedte(t) for t in labels), default=0) + 10, BREEDTE * 0.38)
    x0 = MARGE + label_b + (waarde_b if negatief else 0)
    x1 = BREEDTE - MARGE - waarde_b
    streep_eenheid = eenheid if eenheid == "%" else ""
    laag, hoog, streepjes = _passende_schaal(
        min([0.0, *bekend]), max([0.0, *bekend]), x1 - x0, streep_eenheid
    )

    def x(v: float) -> float:
        return x0 + (v - laag) / (hoog - laag) * (x1 - x0)

    y = MARGE
    posities = []
    for r in rijen:
        if r.kop:
            regels = _afbreken(r.label, BREEDTE - 2 * MARGE, vet=True)
            posities.append((r, y, regels))
            y += 8 + LETTER * 1.2 * len(regels)
        else:
            regels = _afbreken(r.label, label_b - 10)
            hoogte = max(24.0, LETTER * 1.2 * len(regels) + 8)
            posities.append((r, y, regels))
            y += hoogte
    plot_onder = y + 4

    raster = ET.SubElement(svg.root, "g", {"class": "wup-grafiek__raster", "aria-hidden": "true"})
    assen = ET.SubElement(svg.root, "g", {"class": "wup-grafiek__as", "aria-hidden": "true"})
    streep_dec = _decimalen_van(streepjes)
    for s in streepjes:
        xs = x(s)
        ET.SubElement(
            raster,
            "line",
            {
                "x1": _c(xs),
                "y1": _c(MARGE),
                "x2": _c(xs),
                "y2": _c(plot_onder),
                "stroke": ASKLEUR if s == 0 else RASTERKLEUR,
                "stroke-width": "1.5" if s == 0 else "1",
            },
        )
        svg.tekst(
            assen,
            xs,
            plot_onder + LETTER + 4,
            met_eenheid(s, streep_eenheid, streep_dec),
            klasse="wup-grafiek__streepje",
            anker="middle",
        )

    data = ET.SubElement(svg.root, "g", {"class": "wup-grafiek__data"})
    for r, top, regels in posities:
        if r.kop:
            svg.tekstregels(
                data,
                MARGE,
                top + LETTER + 2,
                regels,
                klasse="wup-grafiek__kop",
                vet=True,
                halo=True,
            )
            continue
        midden = top + 12
        svg.tekstregels(
            data,
            MARGE,
            midden + LETTER * 0.35,
            regels,
            klasse="wup-grafiek__label",
        )
        tekst = met_eenheid(r.waarde, eenheid, decimalen)
        if ontbreekt(r.waarde):
            # Unknown is not zero: no bar, just the word.
            svg.tekst(
                data,
                x(0) + 6,
                midden + LETTER * 0.35,
                tekst,
                klasse="wup-grafiek__onbekend",
            )
            continue
        v = float(r.waarde)  # type: ignore[arg-type]
        links, rechts = sorted((x(0), x(v)))
        kleur = STIJLEN[r.reeks % len(STIJLEN)][0]
        ET.SubElement(
            data,
            "rect",
            {
                "x": _c(links),
                "y": _c(midden - 8),
                "width": _c(max(rechts - links, 0)),
                "height": "16",
                "fill": svg.patroon(r.reeks),
                "stroke": kleur,
                "stroke-width": "1.5",
                "class": f"wup-grafiek__balk wup-grafiek__reeks-{r.reeks % len(STIJLEN) + 1}",
            },
        )
        if v >= 0:
            svg.tekst(data, rechts + 5, midden + LETTER * 0.35, tekst, klasse="wup-grafiek__waarde")
        else:
            svg.tekst(
                data,
                links - 5,
                midden + LETTER * 0.35,
                tekst,
                klasse="wup-grafiek__waarde",
                anker="end",
            )
    return svg.af(plot_onder + LETTER + 4 + MARGE)


def staafdiagram(
    titel: str,
    labels: Sequence[str],
    waarden: Sequence[float | None],
    *,
    eenheid: str = "",
    decimalen: int = 0,
    toelichting: str = "",
    bron: str = "",
    kolomkop: str = "",
    id: str | None = None,
) -> Grafiek:
    """Horizontal bars, one per label, each with its value written beside it."""
    if len(labels) != len(waarden):
        raise ValueError("Evenveel labels als waarden nodig.")
    labels = [schoon(label) for label in labels]
    gid = _grafiek_id("staaf", titel, (list(labels), list(waarden), eenheid, decimalen), id)
    teksten = [met_eenheid(v, eenheid, decimalen) for v in waarden]
    beschrijving = _zinnen(
        "Staafdiagram.",
        toelichting,
        "; ".join(f"{label}: {t}" for label, t in zip(labels, teksten, strict=True)) + ".",
    )
    rijen = [_Rij(label, v) for label, v in zip(labels, waarden, strict=True)]
    svg = _balken(
        gid, titel, beschrijving, rijen, eenheid=eenheid, decimalen=decimalen, soort="staaf"
    )
    tabel = Tabel(
        kolommen=(kolomkop, schoon(titel)),
        rijen=tuple((label, (t,)) for label, t in zip(labels, teksten, strict=True)),
    )
    return Grafiek(gid, schoon(titel), beschrijving, svg, tabel, toelichting, bron, "staaf")


def gegroepeerd_staafdiagram(
    titel: str,
    categorieen: Sequence[str],
    reeksen: Sequence[Reeks],
    *,
    eenheid: str = "",
    decimalen: int = 0,
    toelichting: str = "",
    bron: str = "",
    kolomkop: str = "",
    id: str | None = None,
) -> Grafiek:
    """Per category a group of bars, one per series (e.g. plangebied, gemeente, Nederland).

    Each bar carries its series name on its own line and its value beside it, so neither the
    colour nor a legend is needed to read it.
    """
    for reeks in reeksen:
        if len(reeks.waarden) != len(categorieen):
            raise ValueError(f"Reeks {reeks.naam!r} heeft niet één waarde per categorie.")
    categorieen = [schoon(c) for c in categorieen]
    namen = [schoon(r.naam) for r in reeksen]
    gid = _grafiek_id(
        "groep",
        titel,
        (categorieen, [(r.naam, list(r.waarden)) for r in reeksen], eenheid, decimalen),
        id,
    )
    rijen: list[_Rij] = []
    zinnen = []
    tabelrijen = []
    for i, categorie in enumerate(categorieen):
        rijen.append(_Rij(categorie, kop=True))
        teksten = [met_eenheid(r.waarden[i], eenheid, decimalen) for r in reeksen]
        for j, reeks in enumerate(reeksen):
            rijen.append(_Rij(namen[j], reeks.waarden[i], reeks=j))
        zinnen.append(
            f"{categorie}: " + ", ".join(f"{n} {t}" for n, t in zip(namen, teksten, strict=True))
        )
        tabelrijen.append((categorie, tuple(teksten)))
    beschrijving = _zinnen("Staafdiagram per groep.", toelichting, "; ".join(zinnen) + ".")
    svg = _balken(
        gid, titel, beschrijving, rijen, eenheid=eenheid, decimalen=decimalen, soort="groep"
    )
    tabel = Tabel(kolommen=(kolomkop, *namen), rijen=tuple(tabelrijen))
    return Grafiek(gid, schoon(titel), beschrijving, svg, tabel, toelichting, bron, "groep")


# --- Stacked bars (shares) -------------------------------------------------------------------


def _legenda(svg: _Svg, items: list[tuple[str, Callable[[ET.Element, float, float], None]]]):
    """A row (or rows) of swatch + name; returns the height used."""
    g = ET.SubElement(svg.root, "g", {"class": "wup-grafiek__legenda"})
    x, y = MARGE, MARGE
    for naam, teken in items:
        breedte = 22 + _breedte(naam) + 16
        if x + breedte > BREEDTE - MARGE and x > MARGE:
            x, y = MARGE, y + 22
        teken(g, x, y)
        svg.tekst(g, x + 22, y + 12, naam, klasse="wup-grafiek__legenda-naam")
        x += breedte
    return y + 22 - MARGE


def gestapeld_staafdiagram(
    titel: str,
    balken: Sequence[str],
    delen: Sequence[Reeks],
    *,
    eenheid: str = "%",
    decimalen: int = 0,
    maximum: float | None = 100.0,
    toelichting: str = "",
    bron: str = "",
    kolomkop: str = "",
    id: str | None = None,
) -> Grafiek:
    """One horizontal bar per row (e.g. plangebied, gemeente, Nederland) split into parts.

    ``delen`` are the parts (e.g. koop, corporatie, overige verhuurders), each with one value
    per bar. A bar whose parts are all unknown shows "onbekend"; unknown parts are left out
    (and named in the text alternative), never drawn as 0. ``maximum`` is the full length of a
    bar (100 for percentages); ``None`` scales to the largest total.
    """
    for deel in delen:
        if len(deel.waarden) != len(balken):
            raise ValueError(f"Deel {deel.naam!r} heeft niet één waarde per balk.")
    balken = [schoon(b) for b in balken]
    namen = [schoon(d.naam) for d in delen]
    gid = _grafiek_id(
        "stapel",
        titel,
        (balken, [(d.naam, list(d.waarden)) for d in delen], eenheid, decimalen, maximum),
        id,
    )
    zinnen = []
    for i, balk in enumerate(balken):
        teksten = [met_eenheid(d.waarden[i], eenheid, decimalen) for d in delen]
        if all(ontbreekt(d.waarden[i]) for d in delen):
            zinnen.append(f"{balk}: {ONBEKEND}")
        else:
            zinnen.append(
                f"{balk}: " + ", ".join(f"{n} {t}" for n, t in zip(namen, teksten, strict=True))
            )
    beschrijving = _zinnen(
        "Gestapeld staafdiagram.",
        toelichting,
        "Patronen: "
        + ", ".join(
            f"{n} {PATROON_UITLEG[STIJLEN[j % len(STIJLEN)][1]]}" for j, n in enumerate(namen)
        )
        + ".",
        "; ".join(zinnen) + ".",
    )
    svg = _Svg(gid, titel, beschrijving, "stapel")

    def swatch(j: int):
        def teken(g: ET.Element, x: float, y: float) -> None:
            ET.SubElement(
                g,
                "rect",
                {
                    "x": _c(x),
                    "y": _c(y),
                    "width": "16",
                    "height": "16",
                    "fill": svg.patroon(j),
                    "stroke": STIJLEN[j % len(STIJLEN)][0],
                    "stroke-width": "1.5",
                },
            )

        return teken

    legenda_h = _legenda(svg, [(n, swatch(j)) for j, n in enumerate(namen)])
    totalen = [
        sum(float(d.waarden[i]) for d in delen if not ontbreekt(d.waarden[i]))
        for i in range(len(balken))
    ]
    schaal_max = maximum if maximum is not None else max([*totalen, 1.0])
    schaal_max = max(schaal_max, *totalen) if totalen else schaal_max
    label_b = min(max((_breedte(b) for b in balken), default=0) + 10, BREEDTE * 0.3)
    x0, x1 = MARGE + label_b, BREEDTE - MARGE - 4

    def x(v: float) -> float:
        return x0 + v / schaal_max * (x1 - x0)

    data = ET.SubElement(svg.root, "g", {"class": "wup-grafiek__data"})
    y = MARGE + legenda_h + 10
    for i, balk in enumerate(balken):
        regels = _afbreken(balk, label_b - 10)
        hoogte = max(34.0, LETTER * 1.2 * len(regels) + 10)
        midden = y + hoogte / 2
        svg.tekstregels(
            data,
            MARGE,
            midden + LETTER * 0.35 - (len(regels) - 1) * LETTER * 0.6,
            regels,
            klasse="wup-grafiek__label",
        )
        if all(ontbreekt(d.waarden[i]) for d in delen):
            svg.tekst(
                data, x0 + 6, midden + LETTER * 0.35, ONBEKEND, klasse="wup-grafiek__onbekend"
            )
            y += hoogte
            continue
        links = 0.0
        for j, deel in enumerate(delen):
            v = deel.waarden[i]
            if ontbreekt(v) or float(v) <= 0:  # type: ignore[arg-type]
                continue
            v = float(v)  # type: ignore[arg-type]
            xa, xb = x(links), x(links + v)
            rect = ET.SubElement(
                data,
                "rect",
                {
                    "x": _c(xa),
                    "y": _c(midden - 11),
                    "width": _c(xb - xa),
                    "height": "22",
                    "fill": svg.patroon(j),
                    "stroke": STIJLEN[j % len(STIJLEN)][0],
                    "stroke-width": "1.5",
                    "class": f"wup-grafiek__balk wup-grafiek__reeks-{j % len(STIJLEN) + 1}",
                },
            )
            ET.SubElement(
                rect, "title"
            ).text = f"{balk}, {namen[j]}: {met_eenheid(v, eenheid, decimalen)}"
            tekst = met_eenheid(v, eenheid, decimalen)
            if _breedte(tekst) + 6 <= xb - xa:
                vol = STIJLEN[j % len(STIJLEN)][1] == "vol"
                label = svg.tekst(
                    data,
                    (xa + xb) / 2,
                    midden + LETTER * 0.35,
                    tekst,
                    klasse="wup-grafiek__waarde",
                    anker="middle",
                    halo=not vol,
                )
                if vol:
                    # White on the solid dark fill (contrast above 7:1); patterns get a halo.
                    label.set("fill", "#ffffff")
            links += v
        y += hoogte
    tabel = Tabel(
        kolommen=(kolomkop, *namen),
        rijen=tuple(
            (balk, tuple(met_eenheid(d.waarden[i], eenheid, decimalen) for d in delen))
            for i, balk in enumerate(balken)
        ),
    )
    return Grafiek(
        gid, schoon(titel), beschrijving, svg.af(y + MARGE), tabel, toelichting, bron, "stapel"
    )


# --- Line chart -----------------------------------------------------------------------------


def _marker(g: ET.Element, soort: str, x: float, y: float, kleur: str) -> None:
    r = 4.0
    gemeen = {"fill": kleur, "stroke": "#ffffff", "stroke-width": "1"}
    if soort == "cirkel":
        ET.SubElement(g, "circle", {"cx": _c(x), "cy": _c(y), "r": _c(r), **gemeen})
    elif soort == "vierkant":
        ET.SubElement(
            g,
            "rect",
            {"x": _c(x - r), "y": _c(y - r), "width": _c(2 * r), "height": _c(2 * r), **gemeen},
        )
    elif soort == "driehoek":
        punten = f"{_c(x)},{_c(y - r - 1)} {_c(x + r + 1)},{_c(y + r)} {_c(x - r - 1)},{_c(y + r)}"
        ET.SubElement(g, "polygon", {"points": punten, **gemeen})
    elif soort == "ruit":
        punten = f"{_c(x)},{_c(y - r - 1)} {_c(x + r + 1)},{_c(y)} {_c(x)},{_c(y + r + 1)} " + (
            f"{_c(x - r - 1)},{_c(y)}"
        )
        ET.SubElement(g, "polygon", {"points": punten, **gemeen})
    else:  # kruis
        pad = f"M{_c(x - r)} {_c(y - r)}L{_c(x + r)} {_c(y + r)}M{_c(x - r)} {_c(y + r)}L" + (
            f"{_c(x + r)} {_c(y - r)}"
        )
        ET.SubElement(g, "path", {"d": pad, "stroke": kleur, "stroke-width": "2.5"})


def lijndiagram(
    titel: str,
    reeksen: Sequence[LijnReeks],
    *,
    x_titel: str,
    y_eenheid: str = "",
    y_decimalen: int = 0,
    x_eenheid: str = "",
    x_decimalen: int = 0,
    x_is_jaar: bool = False,
    y_vanaf_nul: bool = True,
    hoogte: float = 240,
    toelichting: str = "",
    bron: str = "",
    id: str | None = None,
) -> Grafiek:
    """Lines over a numeric x axis (years, hours, load duration, ...), one per series.

    Every series has its own colour, dash pattern and marker, a legend and its name at its last
    point. A missing y value breaks the line; it is never drawn as 0. ``x_is_jaar`` writes the
    x values as years (2024, not 2.024); ``hoogte`` is the height of the plot area.
    """
    namen = [schoon(r.naam) for r in reeksen]
    gid = _grafiek_id(
        "lijn",
        titel,
        ([(r.naam, [tuple(p) for p in r.punten]) for r in reeksen], x_titel, y_eenheid),
        id,
    )

    def fx(v: float | None) -> str:
        return jaartal(v) if x_is_jaar else met_eenheid(v, x_eenheid, x_decimalen)

    def fy(v: float | None) -> str:
        return met_eenheid(v, y_eenheid, y_decimalen)

    zinnen = []
    for naam, reeks in zip(namen, reeksen, strict=True):
        bekend = [(px, py) for px, py in reeks.punten if not ontbreekt(py) and not ontbreekt(px)]
        onbekend = [px for px, py in reeks.punten if ontbreekt(py) and not ontbreekt(px)]
        if not bekend:
            zinnen.append(f"{naam}: {ONBEKEND}")
            continue
        hoogste = max(bekend, key=lambda p: p[1])
        laagste = min(bekend, key=lambda p: p[1])
        zin = (
            f"{naam}: van {fy(bekend[0][1])} bij {fx(bekend[0][0])} tot {fy(bekend[-1][1])} bij "
            f"{fx(bekend[-1][0])}; hoogste {fy(hoogste[1])} bij {fx(hoogste[0])}, laagste "
            f"{fy(laagste[1])} bij {fx(laagste[0])}"
        )
        if onbekend:
            zin += f"; onbekend bij {', '.join(fx(v) for v in onbekend)}"
        zinnen.append(zin)
    beschrijving = _zinnen(
        f"Lijndiagram met {x_titel} op de horizontale as.",
        toelichting,
        "; ".join(zinnen) + "." if zinnen else "Geen gegevens.",
    )
    svg = _Svg(gid, titel, beschrijving, "lijn")

    def swatch(j: int):
        kleur = STIJLEN[j % len(STIJLEN)][0]

        def teken(g: ET.Element, x: float, y: float) -> None:
            attrs = {
                "x1": _c(x),
                "y1": _c(y + 8),
                "x2": _c(x + 18),
                "y2": _c(y + 8),
                "stroke": kleur,
                "stroke-width": "2.5",
            }
            if STREEPJES[j % len(STREEPJES)]:
                attrs["stroke-dasharray"] = STREEPJES[j % len(STREEPJES)]
            ET.SubElement(g, "line", attrs)
            _marker(g, MARKERS[j % len(MARKERS)], x + 9, y + 8, kleur)

        return teken

    legenda_h = _legenda(svg, [(n, swatch(j)) for j, n in enumerate(namen)]) if reeksen else 0
    xs = [float(px) for r in reeksen for px, _ in r.punten if not ontbreekt(px)]
    ys = [float(py) for r in reeksen for px, py in r.punten if not ontbreekt(py)]
    if y_vanaf_nul:
        ys_bereik = [min([0.0, *ys]), max([0.0, *ys])]
    else:
        ys_bereik = [min(ys, default=0.0), max(ys, default=1.0)]
    y_laag, y_hoog, y_streepjes = _schaal(*ys_bereik)
    if x_is_jaar and xs:
        x_laag, x_hoog = min(xs), max(xs)
        if x_laag == x_hoog:
            x_laag, x_hoog = x_laag - 1, x_hoog + 1
        stap = max(1, math.ceil((x_hoog - x_laag) / 8))
        x_streepjes = [float(v) for v in range(int(x_laag), int(x_hoog) + 1, stap)]
    else:
        x_laag, x_hoog, x_streepjes = _schaal(min(xs, default=0.0), max(xs, default=1.0), 8)
        x_dec = _decimalen_van(x_streepjes)
        breedste = max(_breedte(met_eenheid(v, x_eenheid, x_dec)) for v in x_streepjes)
        ruimte = BREEDTE * 0.6
        if ruimte / max(len(x_streepjes) - 1, 1) < breedste + 10:
            x_laag, x_hoog, x_streepjes = _schaal(x_laag, x_hoog, 4)
    y_dec = max(_decimalen_van(y_streepjes), 0)
    y_label_b = max(_breedte(met_eenheid(v, y_eenheid, y_dec)) for v in y_streepjes) + 10
    naam_b = min(max((_breedte(n) for n in namen), default=0) + 14, BREEDTE * 0.25)
    px0, px1 = MARGE + y_label_b, BREEDTE - MARGE - naam_b
    py0 = MARGE + legenda_h + 14
    py1 = py0 + hoogte

    def x(v: float) -> float:
        return px0 + (v - x_laag) / (x_hoog - x_laag) * (px1 - px0)

    def y(v: float) -> float:
        return py1 - (v - y_laag) / (y_hoog - y_laag) * (py1 - py0)

    raster = ET.SubElement(svg.root, "g", {"class": "wup-grafiek__raster", "aria-hidden": "true"})
    assen = ET.SubElement(svg.root, "g", {"class": "wup-grafiek__as", "aria-hidden": "true"})
    for v in y_streepjes:
        ET.SubElement(
            raster,
            "line",
            {
                "x1": _c(px0),
                "y1": _c(y(v)),
                "x2": _c(px1),
                "y2": _c(y(v)),
                "stroke": ASKLEUR if v == 0 else RASTERKLEUR,
                "stroke-width": "1.5" if v == 0 else "1",
            },
        )
        svg.tekst(
            assen,
            px0 - 6,
            y(v) + LETTER * 0.35,
            met_eenheid(v, y_eenheid, y_dec),
            klasse="wup-grafiek__streepje",
            anker="end",
        )
    x_dec = 0 if x_is_jaar else _decimalen_van(x_streepjes)
    for v in x_streepjes:
        ET.SubElement(
            raster,
            "line",
            {
                "x1": _c(x(v)),
                "y1": _c(py1),
                "x2": _c(x(v)),
                "y2": _c(py1 + 4),
                "stroke": ASKLEUR,
                "stroke-width": "1",
            },
        )
        svg.tekst(
            assen,
            x(v),
            py1 + LETTER + 6,
            jaartal(v) if x_is_jaar else met_eenheid(v, x_eenheid, x_dec),
            klasse="wup-grafiek__streepje",
            # The last label ends at its tick, clear of the series names on the right.
            anker="end" if v == x_streepjes[-1] and len(x_streepjes) > 1 else "middle",
        )
    svg.tekst(
        assen,
        (px0 + px1) / 2,
        py1 + 2 * LETTER + 12,
        x_titel,
        klasse="wup-grafiek__astitel",
        anker="middle",
    )

    data = ET.SubElement(svg.root, "g", {"class": "wup-grafiek__data"})
    eindlabels: list[tuple[float, str, int]] = []
    for j, reeks in enumerate(reeksen):
        kleur = STIJLEN[j % len(STIJLEN)][0]
        g = ET.SubElement(data, "g", {"class": f"wup-grafiek__reeks-{j % len(STIJLEN) + 1}"})
        stukken: list[list[tuple[float, float]]] = [[]]
        punten = sorted(
            ((float(px), py) for px, py in reeks.punten if not ontbreekt(px)), key=lambda p: p[0]
        )
        for px, py in punten:
            if ontbreekt(py):
                if stukken[-1]:
                    stukken.append([])
                continue
            stukken[-1].append((x(px), y(float(py))))
        for stuk in stukken:
            if len(stuk) >= 2:
                attrs = {
                    "points": " ".join(f"{_c(a)},{_c(b)}" for a, b in stuk),
                    "fill": "none",
                    "stroke": kleur,
                    "stroke-width": "2.5",
                    "class": "wup-grafiek__lijn",
                }
                if STREEPJES[j % len(STREEPJES)]:
                    attrs["stroke-dasharray"] = STREEPJES[j % len(STREEPJES)]
                ET.SubElement(g, "polyline", attrs)
        alle = [p for stuk in stukken for p in stuk]
        # Many points: a marker on every few, enough to tell the series apart.
        elke = max(1, math.ceil(len(alle) / 12))
        for k, (a, b) in enumerate(alle):
            losstaand = any(len(stuk) == 1 and stuk[0] == (a, b) for stuk in stukken)
            if k % elke == 0 or k == len(alle) - 1 or losstaand:
                _marker(g, MARKERS[j % len(MARKERS)], a, b, kleur)
        if alle:
            eindlabels.append((alle[-1][1], namen[j], j))
    # Names at the end of the lines, wrapped and nudged apart so they do not overlap.
    eindlabels.sort()
    vorige = -math.inf
    for ly, naam, _j in eindlabels:
        regels = _afbreken(naam, naam_b - 10)
        ly = max(ly, vorige + LETTER * 1.1)
        vorige = ly + (len(regels) - 1) * LETTER * 1.2
        svg.tekstregels(data, px1 + 8, ly + LETTER * 0.35, regels, klasse="wup-grafiek__label")
    if not ys:
        svg.tekst(
            data,
            (px0 + px1) / 2,
            (py0 + py1) / 2,
            "Geen gegevens (onbekend)",
            klasse="wup-grafiek__onbekend",
            anker="middle",
        )

    alle_x = sorted({float(px) for r in reeksen for px, _ in r.punten if not ontbreekt(px)})
    tabel = Tabel(
        kolommen=(x_titel, *namen),
        rijen=tuple(
            (
                fx(xv),
                tuple(
                    fy(next((py for px, py in r.punten if not ontbreekt(px) and px == xv), None))
                    for r in reeksen
                ),
            )
            for xv in alle_x
        ),
    )
    totaal = max(py1 + 2 * LETTER + 12 + MARGE, vorige + LETTER + MARGE)
    return Grafiek(
        gid, schoon(titel), beschrijving, svg.af(totaal), tabel, toelichting, bron, "lijn"
    )


def _zinnen(*delen: str) -> str:
    return " ".join(schoon(d).strip() for d in delen if d and d.strip())
