"""The indicator panel of a plan, its CSV/Excel export and the annex of the plan document.

Thin: the figures come from ``wijktoets.selectors.indicatoren``; this module only arranges them
into tables and charts (``wup.charts``) for the templates.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from wijktoets import exports
from wijktoets.indicatoren import (
    BEVOLKING,
    ENERGIE,
    INKOMEN,
    WONEN,
    Indicator,
    Indicatoren,
    Signaal,
    Trend,
    Verdeling,
)
from wijktoets.selectors.indicatoren import OnbekendJaar, indicatoren_voor_plan
from wup import charts, toegang
from wup import exports as wup_exports
from wup.charts import Grafiek, LijnReeks, Reeks

#: The charts per group: title, unit, decimals, and (indicator, label) per category.
STAAFGRAFIEKEN: dict[str, list[tuple]] = {
    ENERGIE: [
        (
            gettext_lazy("Gemiddeld aardgasverbruik per woning"),
            "m³",
            0,
            [
                ("aardgas_totaal_m3", gettext_lazy("Alle woningen")),
                ("aardgas_eigen_woning_m3", gettext_lazy("Koopwoning")),
                ("aardgas_huurwoning_m3", gettext_lazy("Huurwoning")),
                ("aardgas_appartement_m3", gettext_lazy("Appartement")),
                ("aardgas_tussenwoning_m3", gettext_lazy("Tussenwoning")),
                ("aardgas_hoekwoning_m3", gettext_lazy("Hoekwoning")),
                ("aardgas_twee_onder_een_kap_m3", gettext_lazy("Twee-onder-een-kapwoning")),
                ("aardgas_vrijstaand_m3", gettext_lazy("Vrijstaande woning")),
            ],
        ),
        (
            gettext_lazy("Gemiddeld elektriciteitsverbruik per woning"),
            "kWh",
            0,
            [
                ("elektriciteit_totaal_kwh", gettext_lazy("Alle woningen")),
                ("elektriciteit_eigen_woning_kwh", gettext_lazy("Koopwoning")),
                ("elektriciteit_huurwoning_kwh", gettext_lazy("Huurwoning")),
                ("elektriciteit_appartement_kwh", gettext_lazy("Appartement")),
                ("elektriciteit_tussenwoning_kwh", gettext_lazy("Tussenwoning")),
                ("elektriciteit_hoekwoning_kwh", gettext_lazy("Hoekwoning")),
                ("elektriciteit_twee_onder_een_kap_kwh", gettext_lazy("Twee-onder-een-kapwoning")),
                ("elektriciteit_vrijstaand_kwh", gettext_lazy("Vrijstaande woning")),
            ],
        ),
    ],
    INKOMEN: [
        (
            gettext_lazy("Huishoudens met een laag inkomen"),
            "%",
            1,
            [
                ("huishoudens_laag_inkomen_pct", gettext_lazy("Laag inkomen")),
                (
                    "huishoudens_rond_sociaal_minimum_pct",
                    gettext_lazy("Onder of rond het sociaal minimum"),
                ),
            ],
        ),
        (
            gettext_lazy("Gemiddeld inkomen per inwoner"),
            "euro",
            0,
            [("inkomen_per_inwoner", gettext_lazy("Per inwoner"))],
        ),
    ],
}
GROEP_VAN_VERDELING = WONEN

_SIGNAAL_BADGE = {
    Signaal.AANDACHTSPUNT: ("warning", gettext_lazy("Aandachtspunt")),
    Signaal.GEEN: ("neutral", gettext_lazy("Geen aandachtspunt")),
    Signaal.ONBEKEND: ("inactive", gettext_lazy("Onbekend")),
}


@dataclass(frozen=True)
class Rij:
    """One indicator as a table row: texts ready to show."""

    indicator: Indicator
    plangebied: str
    gemeente: str
    nederland: str
    eenheid: str
    vergelijking: str
    toelichting: str
    onvolledig: bool


def _rij(i: Indicator, meerdere_buurten: bool) -> Rij:
    toelichting = []
    if meerdere_buurten and i.plangebied is not None:
        toelichting.append(i.weging + (" (benadering)" if i.benadering else ""))
    if i.dekking.gedeeltelijk:
        toelichting.append(i.dekking.uitleg)
    return Rij(
        indicator=i,
        plangebied=charts.getal(i.plangebied, i.decimalen),
        gemeente=charts.getal(i.gemeente, i.decimalen),
        nederland=charts.getal(i.nederland, i.decimalen),
        eenheid=exports.eenheid_van(i),
        vergelijking=i.vergelijking_tekst,
        toelichting="; ".join(toelichting),
        onvolledig=i.dekking.gedeeltelijk,
    )


def _reeksnamen(uitkomst: Indicatoren) -> tuple[str, str, str]:
    gemeente = (
        _("Gemeente %(naam)s") % {"naam": uitkomst.gemeentenaam}
        if uitkomst.gemeentenaam
        else _("Gemeente")
    )
    return _("Plangebied"), gemeente, _("Nederland")


def _staafgrafiek(
    uitkomst: Indicatoren, titel: str, eenheid: str, dec: int, delen: list[tuple[str, str]]
) -> Grafiek | None:
    aanwezig = [(uitkomst.indicator(s), label) for s, label in delen]
    # A category unknown everywhere says nothing in a chart; the table shows it as "onbekend".
    aanwezig = [
        (i, label)
        for i, label in aanwezig
        if i is not None
        and not (i.plangebied is None and i.gemeente is None and i.nederland is None)
    ]
    if not aanwezig:
        return None
    namen = _reeksnamen(uitkomst)
    return charts.gegroepeerd_staafdiagram(
        str(titel),
        [str(label) for _i, label in aanwezig],
        [
            Reeks(namen[0], [i.plangebied for i, _l in aanwezig]),
            Reeks(namen[1], [i.gemeente for i, _l in aanwezig]),
            Reeks(namen[2], [i.nederland for i, _l in aanwezig]),
        ],
        eenheid=eenheid,
        decimalen=dec,
        kolomkop=_("Soort woning") if eenheid in ("m³", "kWh") else "",
        toelichting=_("Plangebied vergeleken met de gemeente en Nederland, %(jaar)s.")
        % {"jaar": uitkomst.jaar},
        bron=uitkomst.bron,
        id=f"grafiek-{slugify(str(titel))}",
    )


def _verdelingsgrafiek(uitkomst: Indicatoren, v: Verdeling) -> Grafiek:
    return charts.gestapeld_staafdiagram(
        v.titel,
        list(_reeksnamen(uitkomst)),
        [
            Reeks(deel, [v.plangebied[j], v.gemeente[j], v.nederland[j]])
            for j, deel in enumerate(v.delen)
        ],
        eenheid="%",
        toelichting=_("Verdeling in procenten van alle woningen, %(jaar)s.")
        % {"jaar": uitkomst.jaar},
        bron=uitkomst.bron,
        id=f"grafiek-{slugify(v.titel)}",
    )


def _trendgrafiek(uitkomst: Indicatoren, t: Trend) -> Grafiek:
    namen = _reeksnamen(uitkomst)
    reeksen = [LijnReeks(namen[0], list(zip(t.jaren, t.plangebied, strict=True)))]
    if not t.is_telling:
        # Counts of a plan area and its municipality differ in size: one line says more.
        reeksen += [
            LijnReeks(namen[1], list(zip(t.jaren, t.gemeente, strict=True))),
            LijnReeks(namen[2], list(zip(t.jaren, t.nederland, strict=True))),
        ]
    eenheid = "" if t.is_telling else t.eenheid
    return charts.lijndiagram(
        t.titel,
        reeksen,
        x_titel=_("Jaar"),
        x_is_jaar=True,
        y_eenheid=eenheid,
        y_decimalen=t.decimalen,
        y_vanaf_nul=True,
        hoogte=180,
        toelichting=_(
            "Per jaar zoals het CBS het toen publiceerde; buurtgrenzen kunnen tussen jaren "
            "verschillen."
        ),
        bron=f"{_('CBS, Kerncijfers wijken en buurten')} (CC BY 4.0)",
        id=f"trend-{t.sleutel.replace('_', '-')}",
    )


def paneel(uitkomst: Indicatoren) -> dict:
    """Tables and charts of the indicators, per group, for the page and the annex."""
    if uitkomst.leeg:
        return {
            "uitkomst": uitkomst,
            "groepen": [],
            "groepen_zonder_cijfers": [],
            "trends": [],
            "energiearmoede": None,
        }
    meerdere = len(uitkomst.buurten) > 1
    groepen = []
    zonder_cijfers = []
    for groep in uitkomst.groepen:
        if all(
            i.plangebied is None and i.gemeente is None and i.nederland is None
            for i in groep.indicatoren
        ):
            # A table of nothing but "onbekend" hides what matters; one sentence says it.
            zonder_cijfers.append(groep.naam)
            continue
        grafieken = []
        if groep.naam == GROEP_VAN_VERDELING:
            grafieken += [_verdelingsgrafiek(uitkomst, v) for v in uitkomst.verdelingen]
        for titel, eenheid, dec, delen in STAAFGRAFIEKEN.get(groep.naam, []):
            grafiek = _staafgrafiek(uitkomst, titel, eenheid, dec, delen)
            if grafiek is not None:
                grafieken.append(grafiek)
        groepen.append(
            {
                "naam": groep.naam,
                "anker": slugify(groep.naam),
                "rijen": [_rij(i, meerdere) for i in groep.indicatoren],
                "grafieken": grafieken,
            }
        )
    ea = uitkomst.energiearmoede
    energiearmoede = None
    if ea is not None:
        energiearmoede = {
            "ea": ea,
            "rijen": [
                {
                    "gebied": g,
                    "laag_inkomen": charts.met_eenheid(g.laag_inkomen_pct, "%", 1),
                    "aardgas": charts.met_eenheid(g.aardgas_m3, "m³"),
                    "badge": _SIGNAAL_BADGE[g.signaal][0],
                    "signaal": _SIGNAAL_BADGE[g.signaal][1],
                }
                for g in (*ea.buurten, *((ea.plangebied,) if meerdere else ()))
            ],
        }
    return {
        "uitkomst": uitkomst,
        "groepen": groepen,
        "groepen_zonder_cijfers": zonder_cijfers,
        "trends": [_trendgrafiek(uitkomst, t) for t in uitkomst.trends],
        "energiearmoede": energiearmoede,
        "groepnamen": (BEVOLKING, WONEN, ENERGIE, INKOMEN),
    }


# --- Pages -------------------------------------------------------------------------------------


def _jaar(request: HttpRequest) -> tuple[int | None, str | None]:
    """The year asked for in ``?jaar=``, or an error message in plain Dutch."""
    waarde = (request.GET.get("jaar") or "").strip()
    if not waarde:
        return None, None
    if not (waarde.isascii() and waarde.isdigit() and len(waarde) == 4):
        return None, _("‘%(jaar)s’ is geen jaar. Kies een jaar uit de lijst.") % {
            "jaar": waarde[:20]
        }
    return int(waarde), None


def _uitkomst(plan, jaar: int | None, fout: str | None) -> tuple[Indicatoren, str | None]:
    """The indicators for ``jaar``; an unknown year falls back to the newest, with a message."""
    if jaar is not None:
        try:
            return indicatoren_voor_plan(plan, jaar), fout
        except OnbekendJaar as exc:
            fout = str(exc)
    return indicatoren_voor_plan(plan), fout


def _importpagina(request: HttpRequest) -> str | None:
    """Where a beheerder imports CBS files, if this user may and the page exists."""
    if not request.user.has_perm("wijktoets.add_kerncijferimport"):
        return None
    try:
        return reverse("wijktoets-kerncijfer-import-nieuw")
    except NoReverseMatch:
        return None


@login_required
@require_GET
def indicatoren(request: HttpRequest, pk: int, *, fout: str | None = None) -> HttpResponse:
    plan = toegang.zichtbaar_plan(request, pk)
    jaar, jaarfout = _jaar(request)
    uitkomst, jaarfout = _uitkomst(plan, jaar, jaarfout)
    fout = fout or jaarfout
    return render(
        request,
        "wijktoets/indicatoren_paneel.html",
        {
            "plan": plan,
            **paneel(uitkomst),
            "fout": fout,
            "importpagina": _importpagina(request),
        },
        status=400 if fout else 200,
    )


FORMATEN = wup_exports.FORMATEN


@login_required
@require_GET
def indicatoren_export(request: HttpRequest, pk: int) -> HttpResponse:
    """The indicators as CSV (default) or Excel: ``?formaat=csv|xlsx&jaar=2024``."""
    plan = toegang.zichtbaar_plan(request, pk)
    formaat = (request.GET.get("formaat") or "csv").strip().lower()
    if formaat not in FORMATEN:
        return indicatoren(
            request,
            pk,
            fout=_("Kies als formaat csv of xlsx; ‘%(formaat)s’ kan niet.")
            % {"formaat": formaat[:20]},
        )
    jaar, fout = _jaar(request)
    if fout:
        return indicatoren(request, pk)
    try:
        uitkomst = indicatoren_voor_plan(plan, jaar)
    except OnbekendJaar as exc:
        return indicatoren(request, pk, fout=str(exc))
    inhoud = (
        exports.als_csv(uitkomst) if formaat == "csv" else exports.als_excel(uitkomst, plan.naam)
    )
    naam = f"indicatoren-{slugify(plan.slug or plan.pk)}-{uitkomst.jaar or 'geen-cijfers'}"
    response = HttpResponse(inhoud, content_type=FORMATEN[formaat])
    response["Content-Disposition"] = f'attachment; filename="{naam}.{formaat}"'
    return response


# --- Annex of the plan document ---------------------------------------------------------------


def bijlage_context(request: HttpRequest | None, plan) -> dict:
    """The annex shows the newest year, with every chart's table written out."""
    return paneel(indicatoren_voor_plan(plan))
