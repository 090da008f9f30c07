"""What the pages and the chapter of step 5's part 'organisatie' show, read in a fixed number
of queries: the matrix with its agreement, the governance choice, the risks with their matrix
and the planning with its timeline."""

from __future__ import annotations

from uitwerking import grafieken_organisatie as grafieken
from uitwerking.models.organisatie import HOOG_RISICO, Risico
from uitwerking.selectors import organisatie as selectors
from wup.models import Besluit, Wijkplan


def orgaan_label(orgaan: str) -> str:
    return str(dict(Besluit.Orgaan.choices).get(orgaan, orgaan))


def raci_context(plan: Wijkplan) -> dict:
    raci = selectors.raci_van(plan)
    akkoorden = selectors.akkoorden_van(plan)
    for a in akkoorden:
        a.orgaan_label = orgaan_label(a.orgaan)
    stand = selectors.akkoord_stand(raci, akkoorden[0] if akkoorden else None)
    return {"raci": raci, "akkoord": stand, "akkoorden": akkoorden}


def governance_context(plan: Wijkplan) -> dict:
    keuzes = selectors.governance_van(plan)
    for k in keuzes:
        k.orgaan_label = orgaan_label(k.orgaan)
        k.uitleg = selectors.GOVERNANCE_UITLEG.get(k.model, "")
    return {"governance": keuzes[0] if keuzes else None, "governance_eerder": keuzes[1:]}


def risico_context(plan: Wijkplan, grafiek_id: str = "pagina") -> dict:
    risicos = selectors.risicos_van(plan)
    for r in risicos:
        r.zonder_maatregel = selectors.hoog_zonder_maatregel(r)
    tellend = [r for r in risicos if r.status != Risico.Status.VERVALLEN]
    return {
        "risicos": risicos,
        "hoog_grens": HOOG_RISICO,
        "risicomatrix": grafieken.risicomatrix(
            [(r.kans, r.impact) for r in tellend], id=f"risicomatrix-{grafiek_id}"
        ),
    }


def planning_context(plan: Wijkplan, grafiek_id: str = "pagina") -> dict:
    fasen = selectors.fasen_van(plan)
    return {
        "fasen": fasen,
        "tijdlijn": grafieken.tijdlijn(
            [
                grafieken.Balk(
                    f.naam,
                    f.begindatum,
                    f.einddatum,
                    f.verantwoordelijke.naam if f.verantwoordelijke else "",
                    f.mijlpaal,
                )
                for f in fasen
            ],
            id=f"tijdlijn-{grafiek_id}",
        ),
    }


def organisatie_context(plan: Wijkplan, grafiek_id: str = "pagina") -> dict:
    return {
        **raci_context(plan),
        **governance_context(plan),
        **risico_context(plan, grafiek_id),
        **planning_context(plan, grafiek_id),
    }
