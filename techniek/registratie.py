"""What the parameters and the Startanalyse of step 2 register with the core (called from the
AppConfig):

* the beheerder's model permissions: edit and publish parameter sets, import the Startanalyse;
* ``manage.py demo_data`` loads PBL's 2025 key figures as the first parameter set, and imports
  the Hilversum sample of the Startanalyse (see ``techniek/data/startanalyse/README.md``).

Reading published parameter sets needs no permission: everyone who sees results may see where
their figures come from.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wup.constants import Rol, Spoor
from wup.models import Wijkplan
from wup.registry import demo_loaders
from wup.roles import grant
from wup.workflow import GateOutcome, gates

DATA = Path(__file__).resolve().parent / "data"
DEMO_STARTANALYSE = "pbl_startanalyse2019_strategie6_hoofdindicatoren_hilversum_GM0402.csv"


def demo_parameters(stdout) -> None:
    from techniek.services.pbl_kentallen import pbl_kentallen_laden

    parameterset, nieuw = pbl_kentallen_laden()
    if nieuw:
        stdout.write(f"Parameters: {parameterset} geladen.")


def demo_startanalyse(stdout) -> None:
    """Import the sample once; a file that was imported before is skipped."""
    from techniek.models import StartanalyseImport
    from techniek.services.startanalyse import (
        startanalyse_import_aanmaken,
        startanalyse_import_uitvoeren,
    )

    pad = DATA / "startanalyse" / DEMO_STARTANALYSE
    sha256 = hashlib.sha256(pad.read_bytes()).hexdigest()
    klaar = (StartanalyseImport.Status.GESLAAGD, StartanalyseImport.Status.ONGEWIJZIGD)
    if StartanalyseImport.objects.filter(sha256=sha256, status__in=klaar).exists():
        return
    with pad.open("rb") as f:
        imp = startanalyse_import_aanmaken(
            bestand=f, bestandsnaam=pad.name, gemeente="GM0402", in_wachtrij=False
        )
    imp = startanalyse_import_uitvoeren(import_id=imp.pk)
    stdout.write(f"Startanalyse PBL: {pad.name}: {imp.samenvatting}")


BEHEERDER_RECHTEN = (
    "techniek.view_parameterset",
    "techniek.add_parameterset",
    "techniek.change_parameterset",
    "techniek.delete_parameterset",
    "techniek.vaststellen_parameterset",
    "techniek.view_parameter",
    "techniek.change_parameter",
    "techniek.view_parametertabel",
    "techniek.change_parametertabel",
    "techniek.add_startanalyseimport",
    "techniek.view_startanalyseimport",
    "techniek.view_startanalyseresultaat",
)


def rechten_toekennen() -> None:
    """Give the beheerder role the permissions of this part (idempotent)."""
    grant(Rol.BEHEERDER, *BEHEERDER_RECHTEN)


MIN_ALTERNATIEVEN = 2


def alternatieven_doorgerekend(plans: Sequence[Wijkplan]) -> dict[int, GateOutcome]:
    """At least two alternatives calculated with the current parameter set and the plan's
    current building stock, each with its technical sketch described (fixed number of queries
    for any number of plans)."""
    from techniek.selectors.alternatieven import alternatieven_many

    standen = alternatieven_many(plans)
    uitkomst: dict[int, GateOutcome] = {}
    for plan in plans:
        eigen = standen.get(plan.pk, [])
        klaar = [s for s in eigen if s.doorgerekend]
        zonder_schets = [s.alternatief.naam for s in klaar if not s.alternatief.schets.strip()]
        met_schets = len(klaar) - len(zonder_schets)
        if met_schets >= MIN_ALTERNATIEVEN:
            uitkomst[plan.pk] = GateOutcome(
                True,
                _(
                    "%(n)d alternatieven zijn doorgerekend met de huidige parameterset en "
                    "gebouwvoorraad en hebben een technische schets."
                )
                % {"n": met_schets},
            )
            continue
        delen = [
            _(
                "er zijn %(n)d van de minstens %(min)d alternatieven doorgerekend met de huidige "
                "parameterset en gebouwvoorraad"
            )
            % {"n": len(klaar), "min": MIN_ALTERNATIEVEN}
        ]
        delen += [
            _("‘%(naam)s’ heeft nog geen technische schets") % {"naam": naam}
            for naam in zonder_schets
        ]
        nieuwe_set = [
            s.alternatief.naam for s in eigen if s.laatste_klaar and s.parameterset_verouderd
        ]
        andere_voorraad = [
            s.alternatief.naam
            for s in eigen
            if s.laatste_klaar and s.voorraad_verouderd and not s.parameterset_verouderd
        ]
        if nieuwe_set:
            delen.append(
                _("opnieuw doorrekenen met de nieuwe parameterset: %(namen)s")
                % {"namen": ", ".join(f"‘{n}’" for n in nieuwe_set)}
            )
        if andere_voorraad:
            delen.append(
                _("opnieuw doorrekenen met de gewijzigde gebouwvoorraad: %(namen)s")
                % {"namen": ", ".join(f"‘{n}’" for n in andere_voorraad)}
            )
        uitkomst[plan.pk] = GateOutcome(False, "; ".join(delen) + ".")
    return uitkomst


#: The example stock of a demo plan (a fictional neighbourhood, like the demo plans themselves).
DEMO_WONINGEN = [
    {
        "type": "rijwoning tussen",
        "bouwperiode": 1965,
        "label": "E",
        "aantal": 120,
        "oppervlakte": 98.5,
    },
    {
        "type": "rijwoning hoek",
        "bouwperiode": 1965,
        "label": "E",
        "aantal": 40,
        "oppervlakte": 110.0,
    },
    {
        "type": "meergezins: laag en midden",
        "bouwperiode": "1930 - 1945",
        "label": "",
        "aantal": 40,
        "oppervlakte": 70.0,
    },
]
DEMO_ALTERNATIEVEN = {
    "S1a_B_LuchtWP": "Voorbeeld: elke woning krijgt een luchtwarmtepomp na isolatie tot label B; "
    "het elektriciteitsnet in de straat wordt verzwaard.",
    "S2a_B_Restwarmte": "Voorbeeld: een warmtenet van 70 graden op restwarmte, met een buffer "
    "en een gasketel voor de piek; woningen geïsoleerd tot label B.",
}


def demo_alternatieven(stdout, plan: Wijkplan, overgang: str, projectleider) -> None:
    """Before a demo plan leaves the exploration, give it a stock and two calculated
    alternatives with their sketches, through the same services a user would use."""
    if overgang != "start_keuze":
        return
    import pandas as pd
    from django.contrib.auth import get_user_model

    from techniek.selectors.alternatieven import alternatieven_van
    from techniek.selectors.parameters import huidige_parameterset
    from techniek.services import alternatieven as services
    from techniek.services.parameters import parameterset_aanvullen_met_rekenkern

    beheerder = get_user_model().objects.filter(groups__name=Rol.BEHEERDER).first()
    huidige = huidige_parameterset()
    if beheerder is not None and huidige is not None:
        parameterset_aanvullen_met_rekenkern(bron=huidige, user=beheerder)
    if not alternatieven_van(plan):
        services.gebouwvoorraad_uit_tabel(
            wijkplan=plan, user=projectleider, woningen=pd.DataFrame(DEMO_WONINGEN)
        )
        for sjabloon, schets in DEMO_ALTERNATIEVEN.items():
            alt = services.alternatief_toevoegen(
                wijkplan=plan, user=projectleider, sjabloon=sjabloon, schets=schets
            )
            berekening = services.berekening_starten(alternatief=alt, user=projectleider)
            # The demo runs in one transaction, so the queued task would only start after it:
            # compute now (the task is idempotent and skips a finished calculation).
            services.berekening_uitvoeren(berekening_id=berekening.pk)


def register() -> None:
    from wup.registry import demo_preparers

    demo_preparers.register("techniek.alternatieven", demo_alternatieven)
    gates.register(
        key="techniek.alternatieven",
        transition="start_keuze",
        spoor=Spoor.TECHNISCH_ECONOMISCH,
        label=gettext_lazy("Alternatieven doorgerekend en beschreven"),
    )(alternatieven_doorgerekend)
    rechten_toekennen()
    demo_loaders.register("techniek.parameters", demo_parameters)
    demo_loaders.register("techniek.startanalyse", demo_startanalyse)
