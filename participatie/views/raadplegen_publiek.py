"""The residents' side of a consultation (no login): enter the code from the letter or ask for
an e-mail link, then answer all questions on one page, and change them until it closes.

Which household is answering lives in the session (the code's or the e-mail participation's
id), never in the URL. Every POST passes ``publiek_formulier`` (size, rate, honeypot); CSRF
stays on.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from participatie.misbruik import publiek_formulier
from participatie.models import Raadpleging, Respons, Vraag
from participatie.selectors import raadplegingen as selectors
from participatie.services import raadplegingen as services

#: Room for a few long open answers, far below what a bot would send.
MAX_BYTES = 256 * 1024


def _raadpleging(slug: str, raadpleging_id: int) -> Raadpleging:
    raadpleging = selectors.publieke_raadpleging(slug, raadpleging_id)
    if raadpleging is None:
        raise Http404(_("Deze raadpleging bestaat niet of is nog niet bekendgemaakt."))
    return raadpleging


def _sessiesleutel(raadpleging: Raadpleging) -> str:
    return f"raadpleging-{raadpleging.pk}"


def _pagina(request, raadpleging, *, fout: str = "", fouten=None, invoer="", status=200):
    return render(
        request,
        "participatie/raadpleging/raadplegen.html",
        {
            "plan": raadpleging.wijkplan,
            "raadpleging": raadpleging,
            "stand": raadpleging.stand(),
            "Stand": Raadpleging.Stand,
            "fout": fout,
            "fouten": fouten or {},
            "invoer": invoer,
        },
        status=status,
    )


def _veldfouten(exc: ValidationError) -> tuple[dict, str]:
    if hasattr(exc, "error_dict"):
        return exc.message_dict, ""
    return {}, " ".join(exc.messages)


@require_http_methods(["GET", "HEAD", "POST"])
@publiek_formulier("raadpleging-toegang", rate="30/h")
def raadplegen(request: HttpRequest, slug: str, raadpleging_id: int) -> HttpResponse:
    """The consultation's page: what it is about, and the door (code or e-mail)."""
    raadpleging = _raadpleging(slug, raadpleging_id)
    if request.method != "POST":
        return _pagina(request, raadpleging)
    if raadpleging.deelname == Raadpleging.Deelname.CODES:
        invoer = request.POST.get("code", "")
        try:
            code = services.code_controleren(raadpleging=raadpleging, code=invoer)
        except ValidationError as exc:
            fouten, fout = _veldfouten(exc)
            return _pagina(
                request, raadpleging, fouten=fouten, fout=fout, invoer=invoer, status=400
            )
        request.session.cycle_key()
        request.session[_sessiesleutel(raadpleging)] = {"code": code.pk}
        return redirect(
            "participatie-raadplegen-formulier", slug=slug, raadpleging_id=raadpleging.pk
        )
    invoer = request.POST.get("email", "")
    try:
        services.email_link_aanvragen(
            raadpleging=raadpleging,
            email=invoer,
            link=lambda sleutel: request.build_absolute_uri(
                reverse("participatie-raadplegen-email", args=[slug, raadpleging.pk, sleutel])
            ),
        )
    except ValidationError as exc:
        fouten, fout = _veldfouten(exc)
        return _pagina(request, raadpleging, fouten=fouten, fout=fout, invoer=invoer, status=400)
    return render(
        request,
        "participatie/raadpleging/mail_verstuurd.html",
        {"plan": raadpleging.wijkplan, "raadpleging": raadpleging},
    )


@require_http_methods(["GET", "HEAD"])
def raadplegen_email(
    request: HttpRequest, slug: str, raadpleging_id: int, sleutel: str
) -> HttpResponse:
    """The personal link from the mail: remember the participation and go to the questions."""
    raadpleging = _raadpleging(slug, raadpleging_id)
    try:
        deelname = services.email_deelname_bevestigen(raadpleging=raadpleging, sleutel=sleutel)
    except ValidationError as exc:
        return _pagina(request, raadpleging, fout=" ".join(exc.messages), status=400)
    request.session.cycle_key()
    request.session[_sessiesleutel(raadpleging)] = {"email": deelname.pk}
    return redirect("participatie-raadplegen-formulier", slug=slug, raadpleging_id=raadpleging.pk)


def _deelnemer(request: HttpRequest, raadpleging: Raadpleging):
    """(code, e-mail participation) of this session; both None when it has neither."""
    sessie = request.session.get(_sessiesleutel(raadpleging)) or {}
    code = selectors.werkende_code(raadpleging, sessie.get("code"))
    deelname = None if code else selectors.werkende_email_deelname(raadpleging, sessie.get("email"))
    return code, deelname


def _uit_post(post, vragen: list[Vraag]) -> dict[int, object]:
    """The raw answers of the form, per question id, for the service to check."""
    antwoorden: dict[int, object] = {}
    for vraag in vragen:
        naam = f"vraag-{vraag.pk}"
        if vraag.soort == Vraag.Soort.RANGORDE:
            antwoorden[vraag.pk] = {
                o["sleutel"]: post.get(f"{naam}-{o['sleutel']}", "") for o in vraag.opties
            }
        elif vraag.soort == Vraag.Soort.MEERKEUZE and vraag.meerdere:
            antwoorden[vraag.pk] = post.getlist(naam)
        else:
            antwoorden[vraag.pk] = post.get(naam, "")
    return antwoorden


def _uit_respons(respons: Respons | None, vragen: list[Vraag]) -> dict[int, object]:
    """An earlier response in the shape of the form's answers."""
    if respons is None:
        return {}
    opgeslagen = {a.vraag_id: a.waarde for a in respons.antwoorden.all()}
    antwoorden: dict[int, object] = {}
    for vraag in vragen:
        if vraag.pk not in opgeslagen:
            continue
        waarde = opgeslagen[vraag.pk]
        if vraag.soort == Vraag.Soort.RANGORDE:
            antwoorden[vraag.pk] = {k: str(i) for i, k in enumerate(waarde, start=1)}
        elif vraag.soort == Vraag.Soort.LIKERT:
            antwoorden[vraag.pk] = services.WEET_NIET if waarde is None else str(waarde)
        else:
            antwoorden[vraag.pk] = waarde
    return antwoorden


def _vragen_weergave(vragen: list[Vraag], antwoorden: dict, fouten: dict) -> list[dict]:
    """Each question with its options marked as chosen, its error and its entered text."""
    weergave = []
    for vraag in vragen:
        waarde = antwoorden.get(vraag.pk)
        gekozen = set(waarde) if isinstance(waarde, list) else {str(waarde)}
        if vraag.soort == Vraag.Soort.LIKERT:
            opties = [{"sleutel": str(n), "label": label} for n, label in services.LIKERT]
            opties.append({"sleutel": services.WEET_NIET, "label": _("Weet ik niet")})
        else:
            opties = vraag.opties
        posities = waarde if isinstance(waarde, dict) else {}
        weergave.append(
            {
                "vraag": vraag,
                "naam": f"vraag-{vraag.pk}",
                "fouten": fouten.get(f"vraag-{vraag.pk}", []),
                "tekst": waarde if isinstance(waarde, str) else "",
                "opties": [
                    {
                        **o,
                        "gekozen": o["sleutel"] in gekozen,
                        "positie": str(posities.get(o["sleutel"], "")),
                    }
                    for o in opties
                ],
                "posities": [str(n) for n in range(1, len(opties) + 1)],
            }
        )
    return weergave


@require_http_methods(["GET", "HEAD", "POST"])
@publiek_formulier("raadpleging-respons", rate="60/h", max_bytes=MAX_BYTES)
def raadplegen_formulier(request: HttpRequest, slug: str, raadpleging_id: int) -> HttpResponse:
    raadpleging = _raadpleging(slug, raadpleging_id)
    code, deelname = _deelnemer(request, raadpleging)
    if code is None and deelname is None:
        return redirect("participatie-raadplegen", slug=slug, raadpleging_id=raadpleging.pk)
    if raadpleging.stand() != Raadpleging.Stand.OPEN:
        try:
            services.open_of_fout(raadpleging)
        except ValidationError as exc:
            status = 400 if request.method == "POST" else 200
            return _pagina(request, raadpleging, fout=" ".join(exc.messages), status=status)
    vragen = selectors.vragen_van(raadpleging)
    eerder = selectors.respons_van(responscode=code, email_deelname=deelname)
    fouten: dict = {}
    fout, status = "", 200
    if request.method == "POST":
        antwoorden = _uit_post(request.POST, vragen)
        groep, buurt = request.POST.get("groep", ""), request.POST.get("buurt", "")
        try:
            services.respons_opslaan(
                raadpleging=raadpleging,
                antwoorden=antwoorden,
                groep=groep,
                buurt=buurt,
                responscode=code,
                email_deelname=deelname,
            )
        except ValidationError as exc:
            fouten, fout = _veldfouten(exc)
            status = 400
        else:
            return redirect(
                "participatie-raadplegen-bedankt", slug=slug, raadpleging_id=raadpleging.pk
            )
    else:
        antwoorden = _uit_respons(eerder, vragen)
        groep = eerder.groep if eerder else ""
        buurt = (str(eerder.buurt_id or services.ONBEKENDE_BUURT)) if eerder else ""
    return render(
        request,
        "participatie/raadpleging/formulier_bewoner.html",
        {
            "plan": raadpleging.wijkplan,
            "raadpleging": raadpleging,
            "vragen": _vragen_weergave(vragen, antwoorden, fouten),
            "fouten": fouten,
            "fout": fout,
            "aantal_fouten": len(fouten),
            "groep": groep,
            "groepen": Respons.Groep.choices,
            "met_buurt": code is None,
            "buurt": buurt,
            "buurten": raadpleging.wijkplan.buurten.order_by("naam"),
            "onbekende_buurt": services.ONBEKENDE_BUURT,
            "code_buurt": code.buurt if code else None,
            "eerder": eerder,
            "max_tekst": services.MAX_TEKST,
        },
        status=status,
    )


@require_http_methods(["GET", "HEAD"])
def raadplegen_bedankt(request: HttpRequest, slug: str, raadpleging_id: int) -> HttpResponse:
    raadpleging = _raadpleging(slug, raadpleging_id)
    code, deelname = _deelnemer(request, raadpleging)
    return render(
        request,
        "participatie/raadpleging/bedankt.html",
        {
            "plan": raadpleging.wijkplan,
            "raadpleging": raadpleging,
            "met_code": raadpleging.deelname == Raadpleging.Deelname.CODES,
            "kan_wijzigen": code is not None or deelname is not None,
        },
    )
