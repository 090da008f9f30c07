"""Pages of a plan's building stock: what it is and where it came from, and the projectleider's
three ways to set it (estimate from CBS figures, upload a table, edit the rows), plus the table
as a file to start from.

Thin: reads through ``techniek.selectors.alternatieven``, writes through
``techniek.services.alternatieven``. The upload is limited in size before its body is read (as
every import in the product, see ``wup.uploads``).
"""

from __future__ import annotations

import math

import pandas as pd
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import formats
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods

from techniek.engine.constanten import (
    BOUWPERIODEN,
    LABELS,
    UTILITEIT_BOUWPERIODEN,
    UTILITEITSFUNCTIES,
    WONINGTYPEN,
)
from techniek.forms_voorraad import (
    GEEN_LABEL,
    CbsSchattingForm,
    VoorraadFormulier,
    VoorraadUploadForm,
)
from techniek.models import Gebouwvoorraad
from techniek.selectors import alternatieven as selectors
from techniek.services import alternatieven as services
from wup import exports, toegang, uploads
from wup import selectors as wup_selectors
from wup.exceptions import PlanFrozen
from wup.models import Wijkplan

KOLOMMEN = ("bouwperiode", "label", "aantal", "oppervlakte")
#: The example table of the upload page and of the template file (a fictional neighbourhood).
VOORBEELD_WONINGEN = (
    {
        "type": "rijwoning tussen",
        "bouwperiode": "1965 - 1974",
        "label": "E",
        "aantal": 120,
        "oppervlakte": 98.5,
    },
    {
        "type": "rijwoning hoek",
        "bouwperiode": "1965",
        "label": "D",
        "aantal": 40,
        "oppervlakte": 110,
    },
    {
        "type": "meergezins: laag en midden",
        "bouwperiode": "1930 - 1945",
        "label": "",
        "aantal": 40,
        "oppervlakte": 70,
    },
)
VOORBEELD_UTILITEIT = (
    {
        "functie": "Winkel",
        "bouwperiode": "1920<=1975",
        "label": "",
        "aantal": 6,
        "oppervlakte": 250,
    },
)


def _alleen_projectleider() -> str:
    return _("Alleen de projectleider van dit plan kan de gebouwvoorraad wijzigen.")


def _projectleider_plan(request: HttpRequest, pk: int) -> Wijkplan:
    return toegang.plan_van_projectleider(request, pk, _alleen_projectleider())


def _bevroren_melding(plan: Wijkplan) -> str:
    return _("Dit plan is %(fase)s. De gebouwvoorraad kan niet meer veranderen.") % {
        "fase": plan.get_fase_display().lower()
    }


def _aantal(x: float) -> str:
    """A count as a Dutch number: whole, or with one decimal for an estimate's share."""
    x = float(x)
    return formats.number_format(
        round(x, 1), decimal_pos=0 if round(x, 1).is_integer() else 1, force_grouping=True
    )


def _rond(x: float) -> float:
    """For the page only: an estimate's shares add up to 399.99999999999994, shown as 400."""
    return round(x, 6)


def voorraad_rijen(records: list[dict], soort: str) -> dict:
    """The rows of one table for the page, with their totals (counts, floor area)."""
    aantallen = [float(r.get("aantal") or 0) for r in records]
    oppervlakken = [float(r.get("oppervlakte") or 0) for r in records]
    rijen = [
        {
            "soort": r.get(soort, ""),
            "bouwperiode": r.get("bouwperiode", ""),
            "label": "" if str(r.get("label") or "") in ("", GEEN_LABEL) else r["label"],
            "aantal": _rond(a),
            "oppervlakte": _rond(o),
        }
        for r, a, o in zip(records, aantallen, oppervlakken, strict=True)
    ]
    aantal = math.fsum(aantallen)
    m2 = math.fsum(a * o for a, o in zip(aantallen, oppervlakken, strict=True))
    return {
        "rijen": rijen,
        "aantal": _rond(aantal),
        "oppervlakte_totaal": m2,
        "oppervlakte_gemiddeld": _rond(m2 / aantal) if aantal else None,
        "gebroken": any(not r["aantal"].is_integer() for r in rijen),
        "standaardlabel": any(not r["label"] for r in rijen),
    }


def _met_andere_voorraad(plan: Wijkplan, voorraad: Gebouwvoorraad | None) -> tuple[int, list]:
    """How many alternatives have a finished calculation, and the names of those whose latest
    one used a different stock than the current one (fixed queries, see the selector)."""
    standen = [s for s in selectors.alternatieven_van(plan) if s.laatste_klaar is not None]
    return len(standen), [s.alternatief.naam for s in standen if s.voorraad_verouderd]


def _basis(request: HttpRequest, plan: Wijkplan, voorraad: Gebouwvoorraad | None) -> dict:
    projectleider = wup_selectors.is_projectleider(plan, request.user)
    return {
        "plan": plan,
        "voorraad": voorraad,
        "is_projectleider": projectleider,
        "mag_wijzigen": projectleider and not plan.bevroren,
        "bevroren_melding": _bevroren_melding(plan) if plan.bevroren else "",
    }


# --- The stock -------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD"])
def gebouwvoorraad(request: HttpRequest, pk: int) -> HttpResponse:
    plan = toegang.zichtbaar_plan(request, pk)
    voorraad = selectors.gebouwvoorraad(plan)
    aantal_berekend, andere_voorraad = _met_andere_voorraad(plan, voorraad)
    return render(
        request,
        "techniek/voorraad.html",
        {
            **_basis(request, plan, voorraad),
            "woningen": voorraad_rijen(voorraad.woningen if voorraad else [], "type"),
            "utiliteit": voorraad_rijen(voorraad.utiliteit if voorraad else [], "functie"),
            "gewijzigd_door": (
                (voorraad.gewijzigd_door.get_full_name() or voorraad.gewijzigd_door.get_username())
                if voorraad and voorraad.gewijzigd_door
                else ""
            ),
            "aantal_berekend": aantal_berekend,
            "andere_voorraad": andere_voorraad,
        },
    )


def _frame(records, soort: str) -> pd.DataFrame:
    """A stock table as the upload reads it back; a row without a label gets an empty cell."""
    return pd.DataFrame(
        [
            {
                soort: r.get(soort, ""),
                "bouwperiode": r.get("bouwperiode", ""),
                "label": "" if r.get("label") in (None, "", GEEN_LABEL) else r["label"],
                "aantal": r.get("aantal"),
                "oppervlakte": r.get("oppervlakte"),
            }
            for r in records
        ],
        columns=[soort, *KOLOMMEN],
    )


def _bestandsnaam(plan: Wijkplan, voorraad: Gebouwvoorraad | None, extensie: str) -> str:
    if voorraad is None:
        return f"voorbeeld-gebouwvoorraad.{extensie}"
    return f"gebouwvoorraad-{slugify(plan.slug or plan.naam) or plan.pk}.{extensie}"


@login_required
@require_http_methods(["GET", "HEAD"])
def gebouwvoorraad_voorbeeld(request: HttpRequest, pk: int) -> HttpResponse:
    """The dwellings of the plan's stock as a CSV to edit and upload again, or an example table
    when there is no stock yet."""
    plan = toegang.zichtbaar_plan(request, pk)
    voorraad = selectors.gebouwvoorraad(plan)
    woningen = voorraad.woningen if voorraad else VOORBEELD_WONINGEN
    response = HttpResponse(
        exports.als_csv(_frame(woningen, "type")), content_type=exports.CSV_MEDIA_TYPE
    )
    naam = _bestandsnaam(plan, voorraad, "csv")
    response["Content-Disposition"] = f'attachment; filename="{naam}"'
    return response


@login_required
@require_http_methods(["GET", "HEAD"])
def gebouwvoorraad_voorbeeld_excel(request: HttpRequest, pk: int) -> HttpResponse:
    """The whole stock (dwellings and non-residential buildings, one sheet each) as an Excel
    file, or the example when there is no stock yet."""
    plan = toegang.zichtbaar_plan(request, pk)
    voorraad = selectors.gebouwvoorraad(plan)
    bladen = {
        "woningen": _frame(voorraad.woningen if voorraad else VOORBEELD_WONINGEN, "type"),
        "utiliteit": _frame(voorraad.utiliteit if voorraad else VOORBEELD_UTILITEIT, "functie"),
    }
    response = HttpResponse(exports.als_excel(bladen), content_type=exports.XLSX_MEDIA_TYPE)
    naam = _bestandsnaam(plan, voorraad, "xlsx")
    response["Content-Disposition"] = f'attachment; filename="{naam}"'
    return response


# --- Setting it ------------------------------------------------------------------------------


def _opgeslagen(request: HttpRequest, plan: Wijkplan, voorraad: Gebouwvoorraad) -> HttpResponse:
    woningen = voorraad_rijen(voorraad.woningen, "type")["aantal"]
    utiliteit = voorraad_rijen(voorraad.utiliteit, "functie")["aantal"]
    messages.success(
        request,
        _("De gebouwvoorraad is opgeslagen: %(w)s woningen en %(u)s utiliteitspanden.")
        % {"w": _aantal(woningen), "u": _aantal(utiliteit)},
    )
    return redirect("techniek-gebouwvoorraad", pk=plan.pk)


def _pagina(
    request: HttpRequest,
    plan: Wijkplan,
    template: str,
    form,
    *,
    status: int = 200,
    fout: str = "",
    voorraad: Gebouwvoorraad | None = None,
    **extra,
) -> HttpResponse:
    return render(
        request,
        template,
        {**_basis(request, plan, voorraad), "form": form, "fout": fout, **extra},
        status=status,
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def gebouwvoorraad_cbs(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    voorraad = selectors.gebouwvoorraad(plan)
    template = "techniek/voorraad_cbs.html"
    if request.method != "POST":
        return _pagina(request, plan, template, CbsSchattingForm(), voorraad=voorraad)
    form = CbsSchattingForm(request.POST)
    if plan.bevroren:
        return _pagina(
            request,
            plan,
            "techniek/voorraad_cbs.html",
            form,
            status=409,
            fout=_bevroren_melding(plan),
            voorraad=voorraad,
        )
    status, fout = 400, ""
    if form.is_valid():
        try:
            nieuw = services.gebouwvoorraad_uit_cbs(
                wijkplan=plan,
                user=request.user,
                gemiddelde_oppervlakte=form.cleaned_data["gemiddelde_oppervlakte"],
            )
        except ValidationError as exc:
            toegang.service_fouten(form, exc)
        except PlanFrozen as exc:
            status, fout = 409, exc.message
        else:
            return _opgeslagen(request, plan, nieuw)
    return _pagina(
        request,
        plan,
        "techniek/voorraad_cbs.html",
        form,
        status=status,
        fout=fout,
        voorraad=voorraad,
    )


def _upload_pagina(request, plan, form, *, status=200, fout="") -> HttpResponse:
    return _pagina(
        request,
        plan,
        "techniek/voorraad_upload.html",
        form,
        status=status,
        fout=fout,
        voorraad=selectors.gebouwvoorraad(plan),
        voorbeeld=voorraad_rijen(list(VOORBEELD_WONINGEN), "type")["rijen"],
        woningtypen=WONINGTYPEN,
        bouwperioden=BOUWPERIODEN,
        functies=UTILITEITSFUNCTIES,
        utiliteit_bouwperioden=UTILITEIT_BOUWPERIODEN,
        labels=[lb for lb in LABELS if lb != GEEN_LABEL],
    )


def _te_groot() -> str:
    return _(
        "Het bestand is groter dan 5 MB en is niet gelezen. Verdeel het, of laat kolommen en "
        "rijen weg die niet nodig zijn."
    )


@csrf_exempt  # the size limit must be in place before CSRF reads the body; checked below
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def gebouwvoorraad_upload(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    if request.method != "POST":
        return _upload_pagina(request, plan, VoorraadUploadForm())
    if plan.bevroren:
        # Refused before the body is read: nothing of the file is needed to say no.
        return _upload_pagina(
            request, plan, VoorraadUploadForm(), status=409, fout=_bevroren_melding(plan)
        )
    return _upload_verwerken(
        request, plan, uploads.begrens_upload(request, limiet=services.MAX_BESTAND)
    )


@csrf_protect
def _upload_verwerken(
    request: HttpRequest, plan: Wijkplan, begrenzer: uploads.BegrensdeUpload
) -> HttpResponse:
    form = VoorraadUploadForm(request.POST, request.FILES)
    if begrenzer.te_groot:
        return _upload_pagina(request, plan, VoorraadUploadForm(), status=413, fout=_te_groot())
    if form.is_valid():
        bestand = form.cleaned_data["bestand"]
        try:
            nieuw = services.gebouwvoorraad_uit_bestand(
                wijkplan=plan, user=request.user, bestand=bestand, bestandsnaam=bestand.name
            )
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                toegang.service_fouten(form, exc)
            else:
                form.add_error("bestand", exc.messages)  # what is wrong with the file
        except PlanFrozen as exc:
            return _upload_pagina(request, plan, form, status=409, fout=exc.message)
        else:
            return _opgeslagen(request, plan, nieuw)
    return _upload_pagina(request, plan, form, status=400)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def gebouwvoorraad_wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    voorraad = selectors.gebouwvoorraad(plan)
    huidig = {
        "woningen": voorraad.woningen if voorraad else [],
        "utiliteit": voorraad.utiliteit if voorraad else [],
    }
    template = "techniek/voorraad_wijzigen.html"
    if request.method != "POST":
        return _pagina(request, plan, template, VoorraadFormulier(**huidig), voorraad=voorraad)
    formulier = VoorraadFormulier(request.POST, **huidig)
    if plan.bevroren:
        return _pagina(
            request,
            plan,
            template,
            formulier,
            status=409,
            fout=_bevroren_melding(plan),
            voorraad=voorraad,
        )
    status, fout = 400, ""
    if formulier.is_valid():
        woningen, utiliteit = formulier.tabellen()
        try:
            nieuw = services.gebouwvoorraad_uit_tabel(
                wijkplan=plan,
                user=request.user,
                woningen=woningen,
                utiliteit=utiliteit,
                bron=Gebouwvoorraad.Bron.HANDMATIG,
            )
        except ValidationError as exc:
            formulier.service_fout(" ".join(exc.messages))
        except PlanFrozen as exc:
            status, fout = 409, exc.message
        else:
            return _opgeslagen(request, plan, nieuw)
    return _pagina(request, plan, template, formulier, status=status, fout=fout, voorraad=voorraad)
