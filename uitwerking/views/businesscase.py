"""Pages of step 5's business case: the result with its cash-flow charts, scenarios, parameters
and history; the input form; recalculating; the export of cash flows and scenarios.

Whoever may see the plan reads; only its projectleider calculates, never in a frozen plan (the
form shows why, a POST gets 409). Thin: reads through the selectors, writes through the service.
The display helpers here are shared with the plan document's chapter.
"""

from __future__ import annotations

import pandas as pd
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from uitwerking import parameters as financiele
from uitwerking.forms.businesscase import BusinesscaseForm
from uitwerking.selectors import businesscase as selectors
from uitwerking.services import businesscase as services
from wup import charts, toegang
from wup import exports as wup_exports
from wup import selectors as wup_selectors
from wup.exceptions import PlanFrozen
from wup.models import Wijkplan

ALLEEN_PROJECTLEIDER = gettext_lazy(
    "Alleen de projectleider van dit plan kan de businesscase berekenen."
)
BRON = gettext_lazy("Businesscase warmtebedrijf (WUP-platform)")
HISTORIE = 20
MAX_ID = 2**63 - 1

#: Column titles of the cash-flow table and export.
KOLOMTITELS = {
    "jaar": gettext_lazy("Jaar"),
    "investeringen": gettext_lazy("Investeringen"),
    "vervanging": gettext_lazy("Vervanging"),
    "aansluitbijdragen": gettext_lazy("Aansluitbijdragen"),
    "vastrecht": gettext_lazy("Vastrecht"),
    "variabel": gettext_lazy("Variabel tarief"),
    "subsidies": gettext_lazy("Subsidies"),
    "inkoop": gettext_lazy("Inkoop warmte"),
    "beheer_onderhoud": gettext_lazy("Beheer en onderhoud"),
    "restwaarde": gettext_lazy("Restwaarde"),
    "kasstroom": gettext_lazy("Netto kasstroom"),
    "cumulatief": gettext_lazy("Cumulatief"),
    "contant": gettext_lazy("Contante waarde"),
}
SCENARIOKOLOMMEN = {
    "prijsscenario": gettext_lazy("Prijsscenario"),
    "aansluitgraad": gettext_lazy("Aansluitgraad"),
    "npv": gettext_lazy("Netto contante waarde (euro)"),
    "irr": gettext_lazy("Interne rentevoet"),
    "terugverdientijd": gettext_lazy("Terugverdientijd (jaar)"),
    "onrendabele_top": gettext_lazy("Onrendabele top (euro)"),
}


# --- Display --------------------------------------------------------------------------------------


def euro(bedrag) -> str:
    if charts.ontbreekt(bedrag):
        return charts.ONBEKEND
    return f"€\u00a0{charts.getal(bedrag)}"


def procent(fractie, decimalen: int = 1) -> str:
    if charts.ontbreekt(fractie):
        return charts.ONBEKEND
    return charts.met_eenheid(float(fractie) * 100, "%", decimalen)


def jaren(waarde) -> str:
    if charts.ontbreekt(waarde):
        return _("niet binnen de looptijd")
    return _("%(n)s jaar") % {"n": charts.getal(waarde, 1)}


def kerncijfers(resultaat) -> list[dict]:
    return [
        {
            "titel": _("Netto contante waarde"),
            "waarde": euro(resultaat.npv),
            "uitleg": _(
                "Alle kasstromen over de looptijd, teruggerekend naar het startjaar met de "
                "discontovoet van %(d)s."
            )
            % {"d": procent(resultaat.discontovoet)},
        },
        {
            "titel": _("Interne rentevoet"),
            "waarde": procent(resultaat.irr) if resultaat.irr is not None else _("bestaat niet"),
            "uitleg": (resultaat.irr_reden[:1].upper() + resultaat.irr_reden[1:] + ".")
            if resultaat.irr_reden
            else _("Het rendement waarbij de netto contante waarde precies nul is."),
        },
        {
            "titel": _("Terugverdientijd"),
            "waarde": jaren(resultaat.terugverdientijd),
            "uitleg": _(
                "Na hoeveel jaar de opgetelde kasstromen (niet verdisconteerd) nul worden."
            ),
        },
        {
            "titel": _("Onrendabele top"),
            "waarde": euro(resultaat.onrendabele_top),
            "uitleg": _(
                "Het bedrag dat in het startjaar nodig is om de netto contante waarde nul "
                "te maken, bijvoorbeeld uit de WIS of van de gemeente."
            ),
        },
    ]


def grafiek_kasstroom(resultaat, id_naam: str = "", bron: str = "") -> charts.Grafiek:
    k = resultaat.kasstromen
    return charts.staafdiagram(
        _("Netto kasstroom per jaar"),
        [str(int(j)) for j in k["jaar"]],
        [float(v) for v in k["kasstroom"]],
        eenheid="euro",
        kolomkop=str(KOLOMTITELS["jaar"]),
        toelichting=_(
            "Inkomsten min uitgaven van het warmtebedrijf per jaar (niet verdisconteerd). "
            "Negatief: er gaat meer uit dan er binnenkomt."
        ),
        bron=bron or str(BRON),
        id=f"bc-kasstroom{id_naam}",
    )


def grafiek_contant(resultaat, id_naam: str = "", bron: str = "") -> charts.Grafiek:
    k = resultaat.kasstromen
    cumulatief = k["contant"].cumsum()
    return charts.lijndiagram(
        _("Cumulatieve contante kasstroom"),
        [
            charts.LijnReeks(
                _("Opgeteld, verdisconteerd"),
                [(int(j), float(v)) for j, v in zip(k["jaar"], cumulatief, strict=True)],
            )
        ],
        x_titel=_("jaar"),
        x_is_jaar=True,
        y_eenheid="euro",
        y_vanaf_nul=False,
        toelichting=_(
            "De kasstromen tot en met elk jaar opgeteld, teruggerekend naar het startjaar. In het "
            "laatste jaar is dit de netto contante waarde; blijft de lijn onder nul, dan is er "
            "een onrendabele top."
        ),
        bron=bron or str(BRON),
        id=f"bc-contant{id_naam}",
    )


def kasstroomtabel(resultaat) -> dict:
    k = resultaat.kasstromen
    kolommen = [c for c in k.columns if c != "jaar"]
    return {
        "kolommen": [str(KOLOMTITELS[c]) for c in kolommen],
        "rijen": [
            (str(int(rij["jaar"])), [charts.getal(rij[c]) for c in kolommen])
            for _i, rij in k.iterrows()
        ],
    }


def scenariotabel(frame: pd.DataFrame) -> list[dict]:
    labels = dict(selectors.PRIJSSCENARIOS)
    return [
        {
            "scenario": str(labels.get(rij["prijsscenario"], rij["prijsscenario"])),
            "aansluitgraad": procent(rij["aansluitgraad"], 0),
            "npv": euro(rij["npv"]),
            "irr": procent(rij["irr"]) if not charts.ontbreekt(rij["irr"]) else _("bestaat niet"),
            "terugverdientijd": jaren(rij["terugverdientijd"]),
            "onrendabele_top": euro(rij["onrendabele_top"]),
        }
        for rij in frame.to_dict("records")
    ]


def _waarde_tekst(sleutel: str, waarde) -> str:
    if isinstance(waarde, bool):
        return _("ja") if waarde else _("nee")
    if sleutel in ("aansluitgraad", "discontovoet") or sleutel.endswith("onderhoud_fractie"):
        return procent(waarde)
    if isinstance(waarde, list):
        return "; ".join(charts.getal(w, 3) for w in waarde)
    if sleutel in ("startjaar",):
        return charts.jaartal(waarde)
    if sleutel.endswith(("bedrag", "_per_jaar", "_per_gj", "aansluitbijdrage")):
        return euro(waarde) if not sleutel.endswith("_per_gj") else charts.getal(waarde, 2)
    return charts.getal(waarde, 2 if isinstance(waarde, float) and waarde < 1000 else 0)


INVOERLABELS = {
    "aantal_aansluitingen": gettext_lazy("Aantal gebouwen dat kan aansluiten"),
    "aansluitgraad": gettext_lazy("Aansluitgraad"),
    "aansluitfasering": gettext_lazy("Fasering van de aansluitingen"),
    "warmtevraag_gj_per_aansluiting": gettext_lazy("Warmtevraag per aansluiting (GJ per jaar)"),
    "tarieven_volgen_plafond": gettext_lazy("Tarieven volgen elk jaar het ACM-maximum"),
    "vastrecht_per_jaar": gettext_lazy("Vastrecht per jaar"),
    "variabel_per_gj": gettext_lazy("Variabel tarief (euro per GJ)"),
    "aansluitbijdrage": gettext_lazy("Aansluitbijdrage"),
    "inkoopkosten_per_gj": gettext_lazy("Inkoopkosten warmte (euro per GJ, startjaar)"),
    "vaste_beheerkosten_per_jaar": gettext_lazy("Vaste beheerkosten per jaar"),
    "startjaar": gettext_lazy("Startjaar"),
    "looptijd_jaren": gettext_lazy("Looptijd (jaar)"),
    "discontovoet": gettext_lazy("Discontovoet"),
}
POSTVELDLABELS = {
    "bedrag": gettext_lazy("investering"),
    "fasering": gettext_lazy("fasering"),
    "levensduur_jaren": gettext_lazy("levensduur (jaar)"),
    "onderhoud_fractie": gettext_lazy("onderhoud per jaar"),
}


def invoertabel(stand: selectors.Stand) -> list[dict]:
    """The inputs as used, each with where it came from."""
    waarden, herkomst, aangepast = stand.waarden, stand.herkomst, set(stand.aangepast)
    rijen = []
    for post, label, *_rest in selectors.POSTEN:
        w = (waarden.get("investeringen") or {}).get(post) or {}
        for veld, veldlabel in POSTVELDLABELS.items():
            sleutel = f"investeringen.{post}.{veld}"
            rijen.append(
                {
                    "label": f"{label}: {veldlabel}",
                    "waarde": _waarde_tekst(sleutel, w.get(veld)),
                    "herkomst": herkomst.get(sleutel)
                    or herkomst.get(
                        f"investeringen.{post}.fasering"
                        if veld == "fasering"
                        else f"investeringen.{post}",
                        "",
                    ),
                    "aangepast": sleutel in aangepast,
                }
            )
    for sleutel, label in INVOERLABELS.items():
        rijen.append(
            {
                "label": str(label),
                "waarde": _waarde_tekst(sleutel, waarden.get(sleutel)),
                "herkomst": herkomst.get(sleutel, ""),
                "aangepast": sleutel in aangepast,
            }
        )
    for sub in waarden.get("subsidies") or []:
        rijen.append(
            {
                "label": _("Subsidie: %(o)s (%(j)s)")
                % {"o": sub["omschrijving"], "j": sub["jaar"]},
                "waarde": euro(sub["bedrag"]),
                "herkomst": herkomst.get("subsidies", ""),
                "aangepast": True,
            }
        )
    return rijen


def parameters_van(businesscase) -> dict:
    """The finance parameters the calculation used, with their sources and version."""
    fp = financiele.financiele_parameters(businesscase.parameterset_id)
    if fp is None:
        return {"versie": None, "bronnen": [], "plafondbron": "", "prijsbron": ""}
    return {
        "versie": fp.versie,
        "bronnen": [
            {
                **b,
                "waarde_tekst": charts.getal(b.get("waarde"), 4)
                if b.get("waarde") is not None
                else charts.ONBEKEND,
            }
            for b in fp.bronnen()
        ],
        "plafondbron": fp.plafondbron,
        "prijsbron": fp.prijsbron,
    }


def plafondtabel(businesscase) -> list[dict]:
    return [
        {
            "jaar": jaar,
            "vastrecht": euro(p["vastrecht_per_jaar"]),
            "variabel": charts.getal(p["variabel_per_gj"], 2),
            "aansluitbijdrage": euro(p["aansluitbijdrage"]),
            "afgeleid": p.get("afgeleid", False),
        }
        for jaar, p in (businesscase.resultaat.get("plafonds") or {}).items()
    ]


def weergave(stand: selectors.Stand, id_naam: str = "") -> dict:
    """Everything a page or the plan document shows of a stored business case."""
    r = stand.resultaat
    parameters = parameters_van(stand.businesscase)
    bron = str(BRON)
    if parameters["versie"]:
        bron += "; " + _("parameterset versie %(v)s") % {"v": parameters["versie"]}
    return {
        "stand": stand,
        "businesscase": stand.businesscase,
        "kerncijfers": kerncijfers(r),
        "begrensd": list(r.begrensd),
        "notities": list(r.notities),
        "grafiek_kasstroom": grafiek_kasstroom(r, id_naam, bron),
        "grafiek_contant": grafiek_contant(r, id_naam, bron),
        "kasstromen": kasstroomtabel(r),
        "scenarios": scenariotabel(stand.scenarios),
        "invoer": invoertabel(stand),
        "parameters": parameters,
        "plafonds": plafondtabel(stand.businesscase),
        "zonder_warmtenet": (stand.businesscase.invoer or {}).get("zonder_warmtenet", False),
    }


# --- Pages ----------------------------------------------------------------------------------------


def _basis(request: HttpRequest, plan: Wijkplan) -> dict:
    return {
        "plan": plan,
        "mag_wijzigen": wup_selectors.is_projectleider(plan, request.user) and not plan.bevroren,
        "bevroren_melding": _("Dit plan is %(fase)s. De businesscase kan niet meer veranderen.")
        % {"fase": plan.get_fase_display().lower()}
        if plan.bevroren
        else "",
    }


def _fout_url(start: selectors.Startpunt, plan: Wijkplan) -> str:
    if not start.fout_url_naam:
        return ""
    try:
        if start.fout_url_naam.startswith("techniek-parameterset"):
            return reverse(start.fout_url_naam)
        return reverse(start.fout_url_naam, kwargs={"pk": plan.pk})
    except Exception:  # a page of another step that is not installed: no link
        return ""


@login_required
@require_http_methods(["GET", "HEAD"])
def overzicht(request: HttpRequest, pk: int) -> HttpResponse:
    """The current business case; ``?berekening=<id>`` shows an earlier one as it was."""
    plan = toegang.zichtbaar_plan(request, pk)
    basis = _basis(request, plan)
    if "berekening" in request.GET:
        return _berekening(request, plan, basis, request.GET["berekening"])
    stand = selectors.stand(plan)
    start = selectors.startpunt(plan)
    return render(
        request,
        "uitwerking/businesscase/overzicht.html",
        {
            **basis,
            "start": start,
            "fout_url": _fout_url(start, plan),
            "weergave": weergave(stand) if stand else None,
            "historie": [
                {
                    "bc": bc,
                    "npv": euro((bc.resultaat or {}).get("npv")),
                    "top": euro((bc.resultaat or {}).get("onrendabele_top")),
                }
                for bc in selectors.historie(plan, HISTORIE)
            ],
        },
    )


def _beginwaarden(plan: Wijkplan, start: selectors.Startpunt) -> tuple[dict, dict]:
    """The values the form starts from: the current calculation's, when it belongs to the
    current choice; else the prefill from step 2 and the parameters."""
    stand = selectors.stand(plan)
    if stand is not None and not stand.keuze_gewijzigd and stand.waarden:
        return stand.waarden, stand.herkomst
    return start.waarden, start.herkomst


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def invoer(request: HttpRequest, pk: int) -> HttpResponse:
    plan = toegang.plan_van_projectleider(request, pk, ALLEEN_PROJECTLEIDER)
    basis = _basis(request, plan)
    start = selectors.startpunt(plan)
    context = {
        **basis,
        "start": start,
        "fout_url": _fout_url(start, plan),
        "titel": _("Invoer van de businesscase"),
    }
    if plan.bevroren or not start.kan_rekenen:
        status = 409 if request.method == "POST" and plan.bevroren else 200
        if request.method == "POST" and not plan.bevroren:
            status = 400
        return render(request, "uitwerking/businesscase/invoer.html", context, status=status)
    if request.GET.get("opnieuw") == "1":
        waarden, herkomst = start.waarden, start.herkomst
    else:
        waarden, herkomst = _beginwaarden(plan, start)
    status = 200
    if request.method == "POST":
        form = BusinesscaseForm(request.POST, waarden=waarden, herkomst=herkomst)
        if form.is_valid():
            try:
                services.businesscase_berekenen(
                    wijkplan=plan, user=request.user, invoer=form.naar_invoer()
                )
            except ValidationError as exc:
                if hasattr(exc, "error_dict"):
                    form.service_fouten(
                        {
                            (None if k == NON_FIELD_ERRORS else k): v
                            for k, v in exc.message_dict.items()
                        }
                    )
                else:
                    form.add_error(None, exc.messages)
            except PlanFrozen as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("De businesscase is berekend."))
                return redirect("uitwerking-businesscase", pk=plan.pk)
        status = 400
    else:
        form = BusinesscaseForm(waarden=waarden, herkomst=herkomst)
    return render(
        request,
        "uitwerking/businesscase/invoer.html",
        {**context, "form": form},
        status=status,
    )


@login_required
@require_POST
def herberekenen(request: HttpRequest, pk: int) -> HttpResponse:
    plan = toegang.plan_van_projectleider(request, pk, ALLEEN_PROJECTLEIDER)
    if plan.bevroren:
        return render(
            request,
            "uitwerking/businesscase/bevroren_pagina.html",
            {**_basis(request, plan), "titel": _("Businesscase opnieuw berekenen")},
            status=409,
        )
    try:
        services.businesscase_herberekenen(wijkplan=plan, user=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("uitwerking-businesscase-invoer", pk=plan.pk)
    except PlanFrozen as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _(
                "De businesscase is opnieuw berekend met de cijfers van nu. Waarden die u zelf "
                "had aangepast zijn behouden."
            ),
        )
    return redirect("uitwerking-businesscase", pk=plan.pk)


def export_bladen(stand: selectors.Stand) -> dict[str, pd.DataFrame]:
    r = stand.resultaat
    kasstromen = r.kasstromen.rename(columns={k: str(v) for k, v in KOLOMTITELS.items()})
    labels = dict(selectors.PRIJSSCENARIOS)
    s = stand.scenarios.copy()
    s["prijsscenario"] = s["prijsscenario"].map(lambda x: str(labels.get(x, x)))
    scenarios = s.rename(columns={k: str(v) for k, v in SCENARIOKOLOMMEN.items()})
    bc = stand.businesscase
    kenmerken = pd.DataFrame(
        [
            (_("Alternatief"), bc.alternatief_naam),
            (_("Berekend op"), bc.berekend_op.strftime("%d-%m-%Y %H:%M")),
            (_("Parameterset (id)"), bc.parameterset_id),
            (_("Netto contante waarde (euro)"), r.npv),
            (_("Interne rentevoet"), r.irr if r.irr is not None else r.irr_reden),
            (_("Terugverdientijd (jaar)"), r.terugverdientijd),
            (_("Onrendabele top (euro)"), r.onrendabele_top),
            (_("Discontovoet"), r.discontovoet),
            (_("Verouderd"), _("ja") if stand.verouderd else _("nee")),
        ],
        columns=[_("Kenmerk"), _("Waarde")],
    )
    kenmerken[_("Waarde")] = kenmerken[_("Waarde")].astype(object)
    return {
        _("Kasstromen"): kasstromen,
        _("Scenario's"): scenarios,
        _("Kerncijfers"): kenmerken,
    }


def lege_bladen() -> dict[str, pd.DataFrame]:
    """Before a calculation: the sheets with their column titles only."""
    return {
        _("Kasstromen"): pd.DataFrame(columns=[str(v) for v in KOLOMTITELS.values()]),
        _("Scenario's"): pd.DataFrame(columns=[str(v) for v in SCENARIOKOLOMMEN.values()]),
        _("Kerncijfers"): pd.DataFrame(columns=[_("Kenmerk"), _("Waarde")]),
    }


@login_required
@require_http_methods(["GET", "HEAD"])
def export(request: HttpRequest, pk: int) -> HttpResponse:
    """Cash flows and scenarios: ``?formaat=csv`` (cash flows, then scenarios) or ``xlsx``."""
    plan = toegang.zichtbaar_plan(request, pk)
    formaat = (request.GET.get("formaat") or "csv").strip().lower()
    if formaat not in wup_exports.FORMATEN:
        messages.error(
            request,
            _("Kies als formaat csv of xlsx; ‘%(formaat)s’ kan niet.") % {"formaat": formaat[:20]},
        )
        return redirect("uitwerking-businesscase", pk=plan.pk)
    stand = selectors.stand(plan)
    bladen = export_bladen(stand) if stand else lege_bladen()
    if formaat == "csv":
        kasstromen, scenarios = list(bladen.values())[:2]
        # One file, two tables: the cash flows, an empty line, the scenarios (one BOM).
        inhoud = (
            wup_exports.als_csv(kasstromen)
            + b"\r\n"
            + wup_exports.als_csv(scenarios).removeprefix("\ufeff".encode())
        )
    else:
        inhoud = wup_exports.als_excel(bladen)
    naam = f"businesscase-{slugify(plan.slug or plan.pk)}"
    response = HttpResponse(inhoud, content_type=wup_exports.FORMATEN[formaat])
    response["Content-Disposition"] = f'attachment; filename="{naam}.{formaat}"'
    return response


def _berekening(request: HttpRequest, plan: Wijkplan, basis: dict, bc_id: str) -> HttpResponse:
    pk = int(bc_id) if bc_id.isascii() and bc_id.isdigit() else 0
    bc = selectors.businesscase_by_pk(plan, pk) if 0 < pk <= MAX_ID else None
    if bc is None:
        raise Http404(_("Deze berekening hoort niet bij dit plan."))
    huidige = selectors.huidige_businesscase(plan)
    stand = selectors.stand(plan, bc)
    return render(
        request,
        "uitwerking/businesscase/detail.html",
        {
            **basis,
            "weergave": weergave(stand, f"-{bc.pk}"),
            "is_huidig": huidige is not None and huidige.pk == bc.pk,
        },
    )


def berekening_url(plan: Wijkplan, bc) -> str:
    return f"{reverse('uitwerking-businesscase', kwargs={'pk': plan.pk})}?berekening={bc.pk}"
