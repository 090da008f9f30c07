"""Pages of the parameter sets.

Everyone logged in reads the published versions with the source of every figure; the beheerder
also sees the concept, changes figures in it (each new value with its source), publishes it,
or throws it away. Thin: forms check input, services write, selectors read.
"""

from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from techniek.forms import (
    ConceptForm,
    ParameterWijzigenForm,
    ParameterZoekForm,
    TabelCelForm,
    VergelijkForm,
)
from techniek.models import Parameterset
from techniek.selectors import parameters as selectors
from techniek.services import parameters as services
from techniek.services.pbl_kentallen import pbl_kentallen_laden
from wup.exceptions import WupError

#: A table is shown whole up to this many rows (the largest PBL table has 213).
MAX_TABELRIJEN = 1000
#: The comparison page lists this many changed cells per table.
MAX_CELLEN = 300


def weergave(waarde: Decimal | float | None, tekst: str = "") -> str:
    """A figure as the source writes it, with a decimal comma; "–" when there is none."""
    if waarde is None:
        return tekst or "–"
    if isinstance(waarde, float):
        return repr(waarde).replace(".", ",").removesuffix(",0")
    getal = waarde.normalize()
    tekst_ = format(getal, "f")
    return tekst_.replace(".", ",")


def _set(request: HttpRequest, pk: int) -> Parameterset:
    parameterset = selectors.parameterset_by_pk(pk) if 0 < pk < 2**63 else None
    if parameterset is None:
        raise Http404(_("Deze parameterset bestaat niet."))
    if not selectors.mag_zien(parameterset, request.user):
        raise PermissionDenied(_("Alleen een beheerder ziet een parameterset in concept."))
    return parameterset


def _mag_wijzigen(request: HttpRequest) -> None:
    if not selectors.mag_wijzigen(request.user):
        raise PermissionDenied(_("Alleen een beheerder kan parametersets wijzigen."))


def _alleen_concept(request: HttpRequest, parameterset: Parameterset) -> HttpResponse | None:
    """A page that only makes sense for a concept sends a published set back to its page."""
    if parameterset.is_concept:
        return None
    messages.info(
        request,
        _(
            "Versie %(v)d is vastgesteld en verandert niet meer. Maak een nieuwe versie om "
            "cijfers aan te passen."
        )
        % {"v": parameterset.versie},
    )
    return redirect("techniek-parameterset", pk=parameterset.pk)


def _met_weergave(verschil: selectors.Verschillen) -> selectors.Verschillen:
    """Give each difference the texts the page shows (figures with a decimal comma)."""
    for p in verschil.parameters:
        p.weergave = [
            (
                veld,
                weergave(oud) if veld == "waarde" else (oud or "–"),
                weergave(nieuw) if veld == "waarde" else (nieuw or "–"),
            )
            for veld, oud, nieuw in p.velden
        ]
    for t in verschil.tabellen:
        t.getoond = t.cellen[:MAX_CELLEN]
    return verschil


def _bron(tekst: str) -> str:
    return tekst or _("geen bron in het PBL-bestand")


@login_required
@require_http_methods(["GET", "HEAD"])
def parametersets(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "techniek/parametersets.html",
        {
            "versies": selectors.parametersets_voor(request.user),
            "huidig": selectors.huidige_parameterset(),
            "mag_wijzigen": selectors.mag_wijzigen(request.user),
        },
    )


def _detail(request: HttpRequest, parameterset: Parameterset | None) -> HttpResponse:
    if parameterset is None:
        return render(
            request,
            "techniek/parameterset_detail.html",
            {"parameterset": None, "mag_wijzigen": selectors.mag_wijzigen(request.user)},
        )
    groepen = selectors.groepen(parameterset)
    form = ParameterZoekForm(request.GET or None, groepen=groepen)
    zoek = groep = ""
    if form.is_bound and form.is_valid():
        zoek, groep = form.cleaned_data["zoek"], form.cleaned_data["groep"]
    gevonden = list(selectors.parameters(parameterset, groep=groep or None, zoek=zoek or None))
    per_groep: dict[str, dict] = {}
    titels = {g["groep"]: g["titel"] for g in groepen}
    for p in gevonden:
        p.weergave = weergave(p.waarde, p.waarde_tekst)
        p.bron_weergave = _bron(p.bron)
        per_groep.setdefault(
            p.groep, {"groep": p.groep, "titel": titels.get(p.groep, p.groep), "parameters": []}
        )["parameters"].append(p)
    huidig = selectors.huidige_parameterset()
    concept = selectors.concept()
    mag_vaststellen = selectors.mag_vaststellen(request.user)
    # the beheerder may complete the current set with the engine's defaults, when it lacks any
    ontbrekend = (
        selectors.ontbrekend_voor_rekenkern(parameterset)
        if mag_vaststellen
        and selectors.mag_wijzigen(request.user)
        and concept is None
        and huidig is not None
        and parameterset.pk == huidig.pk
        else []
    )
    return render(
        request,
        "techniek/parameterset_detail.html",
        {
            "parameterset": parameterset,
            "form": form,
            "groepen": [per_groep[g["groep"]] for g in groepen if g["groep"] in per_groep],
            "aantal_gevonden": len(gevonden),
            "gefilterd": bool(zoek or groep),
            "tabellen": selectors.tabellen(parameterset) if not (zoek or groep) else [],
            "huidig": huidig,
            "concept": concept,
            "mag_wijzigen": selectors.mag_wijzigen(request.user),
            "mag_vaststellen": mag_vaststellen,
            "concept_form": ConceptForm(),
            "ontbrekend_voor_rekenkern": ontbrekend,
        },
    )


@login_required
@require_http_methods(["GET", "HEAD"])
def parameterset_huidig(request: HttpRequest) -> HttpResponse:
    return _detail(request, selectors.huidige_parameterset())


@login_required
@require_http_methods(["GET", "HEAD"])
def parameterset_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, _set(request, pk))


@login_required
@require_http_methods(["GET", "HEAD"])
def parametertabel(request: HttpRequest, pk: int, tabel: str) -> HttpResponse:
    parameterset = _set(request, pk)
    t = selectors.parametertabel(parameterset, tabel)
    if t is None:
        raise Http404(_("Deze tabel bestaat niet in deze versie."))
    rijen = [
        [weergave(v) if isinstance(v, float) else (v if v is not None else "–") for v in r]
        for r in t.rijen[:MAX_TABELRIJEN]
    ]
    return render(
        request,
        "techniek/parametertabel.html",
        {
            "parameterset": parameterset,
            "tabel": t,
            "rijen": rijen,
            "afgekapt": len(t.rijen) > MAX_TABELRIJEN,
            "mag_wijzigen": selectors.mag_wijzigen(request.user) and parameterset.is_concept,
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def parameter_wijzigen(request: HttpRequest, pk: int, sleutel: str) -> HttpResponse:
    _mag_wijzigen(request)
    parameterset = _set(request, pk)
    if (terug := _alleen_concept(request, parameterset)) is not None:
        return terug
    parameter = selectors.parameter(parameterset, sleutel)
    if parameter is None:
        raise Http404(_("Deze parameter bestaat niet in deze versie."))
    huidig = {
        "waarde": "" if parameter.waarde is None else weergave(parameter.waarde),
        "eenheid": parameter.eenheid,
        "bron": parameter.bron,
        "omschrijving": parameter.omschrijving,
    }
    form = ParameterWijzigenForm(request.POST or None, initial=huidig)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            waarde = ... if data["waarde"].strip() == huidig["waarde"] else data["waarde"]
            try:
                services.parameter_wijzigen(
                    parameterset=parameterset,
                    sleutel=sleutel,
                    user=request.user,
                    waarde=waarde,
                    eenheid=data["eenheid"],
                    bron=data["bron"],
                    omschrijving=data["omschrijving"],
                )
            except ValidationError as exc:
                for veld, fouten in exc.message_dict.items():
                    form.add_error(veld if veld in form.fields else None, fouten)
            except WupError as exc:
                messages.error(request, exc.message)
                return redirect("techniek-parameterset", pk=parameterset.pk)
            else:
                messages.success(
                    request,
                    _("%(sleutel)s is gewijzigd in versie %(v)d.")
                    % {"sleutel": sleutel, "v": parameterset.versie},
                )
                return redirect(
                    reverse("techniek-parameterset", kwargs={"pk": parameterset.pk})
                    + f"?groep={parameter.groep}#p-{parameter.pk}"
                )
        status = 400
    return render(
        request,
        "techniek/parameter_wijzigen.html",
        {
            "parameterset": parameterset,
            "parameter": parameter,
            "huidig": huidig,
            "bron_weergave": _bron(parameter.bron),
            "form": form,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def parametertabel_wijzigen(request: HttpRequest, pk: int, tabel: str) -> HttpResponse:
    _mag_wijzigen(request)
    parameterset = _set(request, pk)
    if (terug := _alleen_concept(request, parameterset)) is not None:
        return terug
    t = selectors.parametertabel(parameterset, tabel)
    if t is None:
        raise Http404(_("Deze tabel bestaat niet in deze versie."))
    form = TabelCelForm(request.POST or None, tabel=t)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.parametertabel_cel_wijzigen(
                    parameterset=parameterset,
                    tabel=tabel,
                    rij=form.cleaned_data["rij"],
                    kolom=form.cleaned_data["kolom"],
                    waarde=form.cleaned_data["waarde"],
                    bron=form.cleaned_data["bron"],
                    user=request.user,
                )
            except ValidationError as exc:
                for veld, fouten in exc.message_dict.items():
                    form.add_error(veld if veld in form.fields else None, fouten)
            except WupError as exc:
                messages.error(request, exc.message)
                return redirect("techniek-parameterset", pk=parameterset.pk)
            else:
                messages.success(request, _("De waarde in %(t)s is gewijzigd.") % {"t": t.titel})
                return redirect("techniek-parametertabel", pk=parameterset.pk, tabel=tabel)
        status = 400
    return render(
        request,
        "techniek/parametertabel_wijzigen.html",
        {"parameterset": parameterset, "tabel": t, "form": form},
        status=status,
    )


@login_required
@require_http_methods(["POST"])
def parameterset_concept(request: HttpRequest, pk: int) -> HttpResponse:
    _mag_wijzigen(request)
    bron = _set(request, pk)
    form = ConceptForm(request.POST)
    omschrijving = form.cleaned_data["omschrijving"] if form.is_valid() else ""
    try:
        concept = services.parameterset_concept_maken(
            bron=bron, user=request.user, omschrijving=omschrijving
        )
    except WupError as exc:
        messages.error(request, exc.message)
        return redirect("techniek-parameterset", pk=bron.pk)
    messages.success(
        request,
        _(
            "Versie %(v)d is gemaakt als concept, op basis van versie %(b)d. Pas de cijfers "
            "aan en stel de versie vast."
        )
        % {"v": concept.versie, "b": bron.versie},
    )
    return redirect("techniek-parameterset", pk=concept.pk)


@login_required
@require_http_methods(["POST"])
def parameterset_aanvullen(request: HttpRequest, pk: int) -> HttpResponse:
    """Publish a new version of the set with every figure the engine needs: each missing one
    gets the engine's documented default with its source and status."""
    _mag_wijzigen(request)
    if not selectors.mag_vaststellen(request.user):
        raise PermissionDenied(_("Alleen een beheerder kan een parameterset vaststellen."))
    bron = _set(request, pk)
    aantal = len(selectors.ontbrekend_voor_rekenkern(bron))
    try:
        nieuw = services.parameterset_aanvullen_met_rekenkern(bron=bron, user=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("techniek-parameterset", pk=bron.pk)
    except WupError as exc:
        messages.error(request, exc.message)
        return redirect("techniek-parameterset", pk=bron.pk)
    if nieuw.pk == bron.pk:
        messages.info(
            request,
            _("Versie %(v)d heeft al alle cijfers die de rekenkern nodig heeft.")
            % {"v": bron.versie},
        )
        return redirect("techniek-parameterset", pk=bron.pk)
    messages.success(
        request,
        ngettext(
            "Versie %(v)d is vastgesteld. Dit is versie %(b)d, aangevuld met %(n)d "
            "standaardwaarde van de rekenkern, met bron en status. Nieuwe berekeningen gebruiken "
            "versie %(v)d.",
            "Versie %(v)d is vastgesteld. Dit is versie %(b)d, aangevuld met %(n)d "
            "standaardwaarden van de rekenkern, elk met bron en status. Nieuwe berekeningen "
            "gebruiken versie %(v)d.",
            aantal,
        )
        % {"v": nieuw.versie, "b": bron.versie, "n": aantal},
    )
    return redirect("techniek-parameterset", pk=nieuw.pk)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def parameterset_vaststellen(request: HttpRequest, pk: int) -> HttpResponse:
    if not selectors.mag_vaststellen(request.user):
        raise PermissionDenied(_("Alleen een beheerder kan een parameterset vaststellen."))
    parameterset = _set(request, pk)
    if (terug := _alleen_concept(request, parameterset)) is not None:
        return terug
    if request.method == "POST":
        try:
            services.parameterset_vaststellen(parameterset=parameterset, user=request.user)
        except WupError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(
                request,
                _(
                    "Versie %(v)d is vastgesteld en is nu de huidige parameterset. Resultaten die "
                    "met een eerdere versie zijn berekend, zijn verouderd."
                )
                % {"v": parameterset.versie},
            )
        return redirect("techniek-parameterset", pk=parameterset.pk)
    verschil = (
        _met_weergave(selectors.verschillen(parameterset.gebaseerd_op, parameterset))
        if parameterset.gebaseerd_op
        else None
    )
    return render(
        request,
        "techniek/parameterset_vaststellen.html",
        {"parameterset": parameterset, "verschil": verschil},
    )


@login_required
@require_http_methods(["POST"])
def parameterset_verwijderen(request: HttpRequest, pk: int) -> HttpResponse:
    _mag_wijzigen(request)
    parameterset = _set(request, pk)
    try:
        services.parameterset_verwijderen(parameterset=parameterset, user=request.user)
    except WupError as exc:
        messages.error(request, exc.message)
        return redirect("techniek-parameterset", pk=parameterset.pk)
    messages.success(
        request, _("Het concept (versie %(v)d) is verwijderd.") % {"v": parameterset.versie}
    )
    return redirect("techniek-parametersets")


@login_required
@require_http_methods(["POST"])
def parameters_pbl_laden(request: HttpRequest) -> HttpResponse:
    _mag_wijzigen(request)
    parameterset, nieuw = pbl_kentallen_laden(user=request.user)
    if nieuw:
        messages.success(
            request,
            _("De kentallen van PBL zijn geladen als versie %(v)d.") % {"v": parameterset.versie},
        )
    else:
        messages.info(request, _("De kentallen van PBL waren al geladen."))
    return redirect("techniek-parameterset", pk=parameterset.pk)


@login_required
@require_http_methods(["GET", "HEAD"])
def parametersets_vergelijken(request: HttpRequest) -> HttpResponse:
    versies = list(selectors.parametersets_voor(request.user))
    form = VergelijkForm(request.GET or None, versies=versies)
    verschil = None
    status = 200
    if form.is_bound:
        if form.is_valid():
            per_pk = {v.pk: v for v in versies}
            verschil = _met_weergave(
                selectors.verschillen(
                    per_pk[form.cleaned_data["van"]], per_pk[form.cleaned_data["naar"]]
                )
            )
        else:
            status = 400
    return render(
        request,
        "techniek/parametersets_vergelijken.html",
        {"form": form, "verschil": verschil, "max_cellen": MAX_CELLEN},
        status=status,
    )
