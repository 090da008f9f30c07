"""What step 6's part 'raad' registers with the core: its conditions, the public block of an
adopted plan and the demo preparer that makes a PDF before the plan goes to the council."""

from __future__ import annotations

from django.utils.translation import gettext_lazy


def publiek_blok(plan) -> dict:
    """The council's adoption for residents: date, decision number and the final PDF's
    address. Never the name of a person (two queries)."""
    from django.urls import reverse

    from besluitvorming import selectors_raad as selectors

    rb = selectors.vastgesteld_besluit(plan)
    if rb is None:
        return {"raad_publiek": None}
    versie = selectors.definitieve_versie(plan)
    return {
        "raad_publiek": {
            "datum": rb.besluitdatum,
            "besluitnummer": rb.besluitnummer,
            "download_url": reverse("besluitvorming-raad-publiek-pdf", args=[plan.slug])
            if versie
            else None,
            "grootte": versie.grootte if versie else None,
        }
    }


def demo_pdf(stdout, plan, overgang: str, projectleider) -> None:
    """Before a demo plan goes to the council, make a PDF of it and record the submission, as
    the projectleider would on the page 'Aanbieden aan de raad'. The demo runs in one
    transaction, so the queued task would only start after it: make it now (the task is
    idempotent and skips a finished version)."""
    if overgang != "aanbieden_aan_raad":
        return
    from besluitvorming import selectors_raad as selectors
    from besluitvorming import services, services_raad

    if selectors.aan_te_bieden_versie(plan) is None:
        versie = services.documentversie_aanvragen(plan=plan, user=projectleider)
        services.documentversie_maken(versie_id=versie.pk)
    from besluitvorming.gates_raad import aanbieding_vastgelegd

    if not aanbieding_vastgelegd([plan])[plan.pk].met:
        services_raad.aanbieding_vastleggen(plan=plan, user=projectleider)


def register() -> None:
    from besluitvorming import gates_raad
    from participatie import publiek_blokken
    from wup.constants import Spoor
    from wup.registry import demo_preparers
    from wup.workflow import gates

    gates.register(
        key="besluitvorming.pdf",
        transition="aanbieden_aan_raad",
        spoor=Spoor.ORGANISATORISCH,
        label=gettext_lazy("PDF van het plan gemaakt"),
        url_name="besluitvorming-versies",
    )(gates_raad.pdf_gemaakt)
    gates.register(
        key="besluitvorming.aanbieding",
        transition="aanbieden_aan_raad",
        spoor=Spoor.ORGANISATORISCH,
        label=gettext_lazy("Aanbieding met de PDF vastgelegd"),
        url_name="besluitvorming-raad-aanbieden",
    )(gates_raad.aanbieding_vastgelegd)
    gates.register(
        key="besluitvorming.raadsbesluit",
        transition="vaststellen",
        spoor=Spoor.ORGANISATORISCH,
        label=gettext_lazy("Raadsbesluit vastgelegd door de griffier"),
        url_name="besluitvorming-raad-besluit",
    )(gates_raad.raadsbesluit_vastgesteld)
    gates.register(
        key="besluitvorming.raadsbesluit.terugsturen",
        transition="terugsturen",
        spoor=Spoor.ORGANISATORISCH,
        label=gettext_lazy("Raadsbesluit vastgelegd door de griffier"),
        url_name="besluitvorming-raad-besluit",
    )(gates_raad.raadsbesluit_teruggestuurd)
    publiek_blokken.register(publiek_blok, template="besluitvorming/raad/publiek_blok.html")
    demo_preparers.register("besluitvorming.pdf", demo_pdf)
