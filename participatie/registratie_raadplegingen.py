"""Demo data of the consultations: one demo plan with alternatives gets a closed consultation
with responses, made through the same services a projectleider and residents use, so the
results pages have something to show."""

from __future__ import annotations

import datetime
import random

from django.utils import timezone

from wup.registry import demo_loaders, demo_preparers

TITEL = "Voorbeeld: welk warmtealternatief past bij uw buurt?"
AANTAL_CODES = 30
AANTAL_RESPONSEN = 20


def demo_raadpleging(stdout, plan, projectleider) -> bool:
    """Give ``plan`` the demo consultation, once, if it has two alternatives and is not frozen.
    True when it has (or already had) one."""
    from participatie.models import Raadpleging
    from participatie.services import raadplegingen as services
    from techniek.selectors.alternatieven import alternatieven_van

    if Raadpleging.objects.filter(wijkplan=plan, titel=TITEL).exists():
        return True
    if plan.bevroren or len(alternatieven_van(plan)) < 2:
        return False
    nu = timezone.now()
    dag = datetime.timedelta(days=1)
    r = services.raadpleging_toevoegen(
        wijkplan=plan,
        user=projectleider,
        titel=TITEL,
        inleiding="We vroegen de bewoners welk alternatief uit de verkenning hun voorkeur heeft.",
        deelname="codes",
        opent_op=nu - 30 * dag,
        sluit_op=nu - 2 * dag,
    )
    voorkeur = services.vraag_toevoegen(
        raadpleging=r,
        user=projectleider,
        soort="voorkeur",
        tekst="Welk alternatief heeft uw voorkeur?",
        verplicht=True,
    )
    stelling = services.vraag_toevoegen(
        raadpleging=r,
        user=projectleider,
        soort="likert",
        tekst="Ik weet genoeg over de alternatieven om te kiezen.",
    )
    buurten = list(plan.buurten.order_by("code"))
    per_buurt = {b.pk: AANTAL_CODES // len(buurten) for b in buurten}
    per_buurt[buurten[0].pk] += AANTAL_CODES - sum(per_buurt.values())
    services.codes_per_buurt(raadpleging=r, user=projectleider, aantallen=per_buurt)
    r = services.raadpleging_vrijgeven(raadpleging=r, user=projectleider, nu=nu - 31 * dag)
    toeval = random.Random(plan.pk)  # noqa: S311 - demo answers, the same on every run
    groepen = ["eigenaar_bewoner"] * 3 + ["huurder_corporatie"] * 2 + ["anders", "onbekend"]
    for code in list(r.codes.order_by("pk"))[:AANTAL_RESPONSEN]:
        services.respons_opslaan(
            raadpleging=r,
            responscode=code,
            groep=toeval.choice(groepen),
            antwoorden={
                voorkeur.pk: toeval.choice(voorkeur.opties)["sleutel"],
                stelling.pk: toeval.choice(["1", "2", "3", "4", "4", "5", services.WEET_NIET]),
            },
            nu=nu - toeval.randint(3, 28) * dag,
        )
    stdout.write(f"  {plan.naam}: een gesloten raadpleging met {AANTAL_RESPONSEN} reacties")
    return True


def demo_raadplegingen(stdout) -> None:
    """The plans of an earlier run: the first plan that can get the demo consultation."""
    from participatie.models import Raadpleging
    from participatie.registratie_publiek import _projectleider
    from wup.models import Wijkplan

    if Raadpleging.objects.filter(titel=TITEL).exists():
        return
    for plan in Wijkplan.objects.order_by("pk"):
        projectleider = _projectleider(plan)
        if projectleider is not None and demo_raadpleging(stdout, plan, projectleider):
            return


def demo_voor_overgang(stdout, plan, overgang: str, projectleider) -> None:
    # After the choice has started the plan has its calculated alternatives.
    from participatie.models import Raadpleging

    if overgang == "start_uitwerking" and not Raadpleging.objects.filter(titel=TITEL).exists():
        demo_raadpleging(stdout, plan, projectleider)


def register() -> None:
    demo_loaders.register("participatie.raadplegingen", demo_raadplegingen)
    demo_preparers.register("participatie.raadplegingen", demo_voor_overgang)
