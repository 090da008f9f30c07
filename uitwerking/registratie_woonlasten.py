"""What step 5's part 'woonlasten' registers with the core and with step 3 (called from the
AppConfig):

* the condition ``uitwerking.woonlasten`` of ``start_uitvoeringsplan`` (technisch-economisch,
  :mod:`uitwerking.gates_woonlasten`);
* the plan document's chapter "Woonlasten voor bewoners" (order 51,
  :mod:`uitwerking.hoofdstuk_woonlasten`);
* the block "Wat gaat het u per maand kosten?" on the public participation page
  (:func:`publiek_blok`);
* the demo preparer ``uitwerking.woonlasten``: before a demo plan leaves the elaboration, the
  housing costs with prefilled inputs, through the services.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from wup.constants import Spoor
from wup.models import Wijkplan


def publiek_blok(plan: Wijkplan) -> dict:
    """Per household type the monthly costs now and after the switch (fixed queries). Only
    figures per kind of household: never anything about a person."""
    from uitwerking.selectors import woonlasten as selectors

    stand = selectors.stand_van(plan)
    if stand is None:
        return {"woonlasten_publiek": None}
    return {
        "woonlasten_publiek": {
            "alternatief": stand.berekening.alternatief_naam,
            "verouderd": stand.verouderd,
            "rijen": [
                {
                    "naam": r["naam"],
                    "voor": r["voor"],
                    "na": r["na"],
                    "verschil": r["verschil"],
                    "neutraal": r["neutraal"],
                    "financiering": r["financiering"],
                    "huurder": r["eigendom"] != "eigenaar-bewoner",
                }
                for r in selectors.rijen(stand)
            ],
        }
    }


def demo_woonlasten(stdout, plan: Wijkplan, overgang: str, projectleider) -> None:
    """Before a demo plan leaves the elaboration: the finance figures loaded when there are
    none, and the housing costs computed with the defaults (shares from CBS or an even split,
    no rent increase, the ACM cap as the heat tariff)."""
    if overgang != "start_uitvoeringsplan":
        return
    from django.core.exceptions import ValidationError

    from uitwerking import parameters
    from uitwerking.selectors import woonlasten as selectors
    from uitwerking.services import woonlasten as services

    stand = selectors.stand_van(plan)
    if stand is not None and not stand.verouderd:
        return
    if parameters.financiele_parameters() is None:
        from uitwerking.services.parameters import financiele_kentallen_laden

        financiele_kentallen_laden()
    velden = services.velden_van(stand.berekening if stand else None)
    if not velden.get("aandelen") and selectors.gebiedscijfers(plan).aandelen is None:
        velden["aandelen"] = DEMO_AANDELEN
    try:
        services.woonlasten_berekenen(wijkplan=plan, user=projectleider, **velden)
    except ValidationError as e:
        # The demo's CBS figures may lack energy use for a type: fill in typical values.
        fouten = e.message_dict if hasattr(e, "error_dict") else {}
        verbruik = dict(velden.get("verbruik") or {})
        for veld in fouten:
            deel = veld.split(".")
            if deel[0] == "verbruik" and len(deel) == 3:
                verbruik.setdefault(deel[1], {})[deel[2]] = DEMO_VERBRUIK[deel[2]]
        if not verbruik:
            stdout.write(f"  {plan.naam}: woonlasten niet berekend ({'; '.join(e.messages)})")
            return
        velden["verbruik"] = verbruik
        services.woonlasten_berekenen(wijkplan=plan, user=projectleider, **velden)
    stdout.write(f"  {plan.naam}: woonlasten berekend")


#: Tenure shares of the demo when CBS has none (about the Dutch average).
DEMO_AANDELEN = {"eigenaar-bewoner": 57.0, "huurder corporatie": 29.0, "particuliere huurder": 14.0}
#: Typical yearly use of a Dutch dwelling, when CBS has none for the demo's area.
DEMO_VERBRUIK = {"gas_m3": 1100.0, "elektriciteit_kwh": 2500.0}


def register() -> None:
    from participatie import publiek_blokken
    from uitwerking import gates_woonlasten
    from uitwerking.hoofdstuk_woonlasten import hoofdstuk_context
    from wup.registry import Chapter, chapters, demo_preparers
    from wup.workflow import gates

    gates.register(
        key="uitwerking.woonlasten",
        transition="start_uitvoeringsplan",
        spoor=Spoor.TECHNISCH_ECONOMISCH,
        label=gettext_lazy("Woonlasten berekend voor elk type huishouden"),
        url_name="uitwerking-woonlasten",
    )(gates_woonlasten.woonlasten_berekend)
    chapters.register(
        Chapter(
            order=51,
            app_label="uitwerking",
            title=gettext_lazy("Woonlasten voor bewoners"),
            template="uitwerking/woonlasten/hoofdstuk.html",
            context=hoofdstuk_context,
        )
    )
    publiek_blokken.register(publiek_blok, template="uitwerking/woonlasten/publiek_blok.html")
    demo_preparers.register("uitwerking.woonlasten", demo_woonlasten)
