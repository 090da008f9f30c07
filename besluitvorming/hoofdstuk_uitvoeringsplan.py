"""The plan document's chapters of step 6's part 'uitvoeringsplan':

* "Uitvoeringsplan" (order 60): preconditions, process steps, decisions needed (with those
  already taken), the wishes and requirements taken in with their answers, the broader agenda
  and the timeline with the date after which the gas supply ends and the notice period;
* "Wettelijke waarborgen (Wgiw)" (order 61): the checklist with answers and evidence;
* "Ontwerp-raadsbesluit" (order 90): a draft council decision composed from the plan's data;
* the annex "Rekenparameters en bronnen": the finance parameters with their sources and the
  version of step 2's parameter set.

No names of people: only parties and the bodies that decided.
"""

from __future__ import annotations

from django.http import HttpRequest

from besluitvorming import selectors_uitvoeringsplan as selectors
from besluitvorming.models.uitvoeringsplan import Waarborg
from wup.models import Wijkplan


def _samenstelling(plan: Wijkplan) -> dict:
    s = selectors.samenstelling_van(plan)
    return {
        "samenstelling": s,
        "themas": [
            {"label": label, "tekst": getattr(s, veld)} for veld, label, _t in selectors.THEMAS
        ],
        "termijn_waarschuwing": selectors.termijn_waarschuwing(s.aankondigingstermijn_jaren),
    }


def uitvoeringsplan_context(request: HttpRequest | None, plan: Wijkplan) -> dict:
    return {
        **_samenstelling(plan),
        "randvoorwaarden": selectors.randvoorwaarden_van(plan),
        "processtappen": selectors.processtappen_van(plan),
        "benodigde_besluiten": selectors.benodigde_besluiten_van(plan),
        "besluitenlijst": selectors.besluitenlijst(plan),
        "wensen": selectors.opgenomen_wensen(plan),
        "fasen": selectors.realisatiefasen(plan),
    }


def waarborgen_context(request: HttpRequest | None, plan: Wijkplan) -> dict:
    return {"punten": selectors.checklist(plan)}


def raadsbesluit_context(request: HttpRequest | None, plan: Wijkplan) -> dict:
    antwoorden = selectors.waarborgen_van(plan)
    return {
        **_samenstelling(plan),
        "gemeente": plan.gemeente,
        "randvoorwaarden": selectors.randvoorwaarden_van(plan),
        "benodigde_besluiten": selectors.benodigde_besluiten_van(plan),
        "waarborgen": [antwoorden[p] for p in Waarborg.Punt.values if p in antwoorden],
    }


def bijlage_context(request: HttpRequest | None, plan: Wijkplan) -> dict:
    from techniek.selectors.parameters import huidige_parameterset
    from uitwerking.parameters import financiele_parameters

    fp = financiele_parameters()
    return {
        "bronnen": fp.bronnen() if fp is not None else [],
        "parameterset": huidige_parameterset(),
    }
