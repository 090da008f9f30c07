"""What the wijktoets part of step 1 registers with the core (called from the AppConfig).

Two conditions on leaving the wijktoets phase (``start_verkenning``):

* organisational track: the wijktoets is completed with a verdict and its motivation, and the
  verdict lets the approach go ahead. "(Nog) niet geschikt" blocks and says to pause or stop;
* participation track: the wijktoets says how intensively residents take part (the rung of the
  participation ladder). The participation work (step 3) starts in the next phase in parallel
  with the technical exploration and is designed around that choice; as a separate condition it
  also shows on the dashboard, in the participation column, what that track still waits for.

Both answer for any number of plans with one query each.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wijktoets.constants import Oordeel, Participatieniveau, Thema
from wijktoets.selectors.wijktoets import stand_many
from wup.constants import Spoor
from wup.registry import Chapter, chapters
from wup.workflow import GateOutcome, gates

if TYPE_CHECKING:
    from wup.models import Wijkplan

TOTAAL = len(Thema)


def wijktoets_afgerond(plans: Sequence[Wijkplan]) -> dict[int, GateOutcome]:
    """The wijktoets is completed with a verdict and motivation that let the approach go ahead."""
    uitkomst = {}
    standen = stand_many(plans)
    for plan in plans:
        s = standen[plan.pk]
        telling = {"n": s.themas_ingevuld, "totaal": TOTAAL}
        if not s.bestaat:
            uitkomst[plan.pk] = GateOutcome(
                False,
                _("de wijktoets is nog niet begonnen (%(n)d van %(totaal)d thema's ingevuld).")
                % telling,
            )
        elif not s.afgerond:
            reden = (
                _(
                    "de wijktoets is heropend en nog niet opnieuw afgerond (versie %(v)d; "
                    "%(n)d van %(totaal)d thema's ingevuld)."
                )
                if s.versienummer > 1
                else _("de wijktoets is nog niet afgerond (%(n)d van %(totaal)d thema's ingevuld).")
            )
            uitkomst[plan.pk] = GateOutcome(False, reden % {**telling, "v": s.versienummer})
        elif s.oordeel == Oordeel.NIET_GESCHIKT:
            uitkomst[plan.pk] = GateOutcome(
                False,
                _(
                    "volgens de wijktoets is de wijk (nog) niet geschikt voor een wijkgerichte "
                    "aanpak. Pauzeer of stop het plan; of herzie de wijktoets als de situatie "
                    "is veranderd."
                ),
            )
        elif not s.oordeel or not s.motivatie_gegeven:
            uitkomst[plan.pk] = GateOutcome(
                False, _("de wijktoets heeft geen oordeel met motivatie.")
            )
        else:
            uitkomst[plan.pk] = GateOutcome(
                True,
                _("de wijktoets is afgerond (versie %(v)d): %(oordeel)s.")
                % {"v": s.versienummer, "oordeel": str(Oordeel(s.oordeel).label).lower()},
            )
    return uitkomst


def participatieniveau_gekozen(plans: Sequence[Wijkplan]) -> dict[int, GateOutcome]:
    """The wijktoets says how intensively residents take part in the approach."""
    uitkomst = {}
    for pk, s in stand_many(plans).items():
        if s.participatieniveau in Participatieniveau.values:
            uitkomst[pk] = GateOutcome(
                True,
                _("participatieniveau %(niveau)s; %(n)d prioritaire doelgroep(en).")
                % {
                    "niveau": str(Participatieniveau(s.participatieniveau).label).lower(),
                    "n": s.aantal_doelgroepen,
                },
            )
        else:
            uitkomst[pk] = GateOutcome(
                False,
                _(
                    "de wijktoets zegt nog niet hoe intensief bewoners meedoen (het "
                    "participatieniveau, van informeren tot meebeslissen)."
                ),
            )
    return uitkomst


#: Demo text: what a finding per theme looks like. Qualitative, with no figures of its own; the
#: indicators it names are the CBS figures of the plan area on the indicator page.
_DEMO_BEVINDINGEN = {
    Thema.LEEFBAARHEID: (
        "Voorbeeld: bewoners noemen de wijk rustig en groen. Enkele portiekflats vragen om "
        "onderhoud; dat nemen we mee in de gesprekken met de corporatie.",
        ["onbewoonde_woningen_pct", "gemiddelde_woz_waarde"],
        "kans",
    ),
    Thema.ARMOEDE: (
        "Voorbeeld: een deel van de huishoudens heeft een laag inkomen en woont in een huurwoning "
        "met een hoog gasverbruik. Zij hebben weinig ruimte om zelf te investeren.",
        ["huishoudens_laag_inkomen_pct", "aardgas_huurwoning_m3"],
        "uitdaging",
    ),
    Thema.GEZONDHEID: (
        "Voorbeeld: er wonen relatief veel ouderen. Overlast door werk in en om de woning vraagt "
        "om persoonlijke begeleiding.",
        ["leeftijd_65_en_ouder", "wmo_clienten_relatief"],
        "uitdaging",
    ),
    Thema.VEILIGHEID: (
        "Voorbeeld: geen bijzondere zorgen over veiligheid volgens de wijkagent.",
        [],
        "neutraal",
    ),
    Thema.KLIMAATADAPTATIE: (
        "Voorbeeld: bij hevige buien staat water op straat. De gemeente wil regenwater afkoppelen "
        "als de straat open gaat.",
        [],
        "kans",
    ),
    Thema.ANDERE_WERKEN: (
        "Voorbeeld: de riolering wordt de komende jaren vervangen en de corporatie plant "
        "renovatie. Werk met werk maken scheelt overlast en kosten.",
        ["corporatiewoningen_pct", "bouwjaar_voor_2000_pct"],
        "kans",
    ),
    Thema.SOCIALE_SAMENHANG: (
        "Voorbeeld: er is een actieve buurtvereniging en een groep bewoners die al "
        "energiecoaches inzet.",
        [],
        "kans",
    ),
}


def demo_wijktoets(*, plan: Wijkplan, user, afronden: bool = True) -> None:
    """Demo content for a plan's wijktoets, for ``manage.py demo_data``; idempotent.

    Fills every theme, the verdict "geschikt" and its consequences, and (``afronden``)
    completes it, so the demo plans that are past the wijktoets phase got there properly.
    Call it before the plan's ``start_verkenning``.
    """
    from wijktoets.selectors.wijktoets import wijktoets_voor
    from wijktoets.services.wijktoets import (
        BevindingInvoer,
        PartijInvoer,
        wijktoets_afronden,
        wijktoets_opslaan,
    )

    toets = wijktoets_voor(plan)
    if toets is not None and (toets.afgerond or not afronden):
        return
    toets = wijktoets_opslaan(
        wijkplan=plan,
        user=user,
        versie=toets.versie if toets else 1,
        samenvatting="Voorbeeld: een woonwijk met vooral eengezinswoningen en enkele flats.",
        economische_randvoorwaarden=(
            "Voorbeeld: een deel van de bewoners kan niet zelf investeren; een lening of "
            "subsidie en een aanpak zonder voorschot zijn nodig."
        ),
        bronnen="CBS Kerncijfers wijken en buurten; gesprekken met de wijkagent en de corporatie.",
        oordeel=Oordeel.GESCHIKT,
        motivatie=(
            "Voorbeeld: de werkzaamheden aan riool en corporatiewoningen bieden een goed moment, "
            "en actieve bewoners willen meedenken."
        ),
        participatieniveau=Participatieniveau.ADVISEREN,
        doelgroepen=["laag_inkomen", "ouderen", "huurders_corporatie"],
        timing="meekoppelen",
        timing_toelichting="Voorbeeld: beginnen in de straten waar het riool als eerste open gaat.",
        bevindingen={
            thema: BevindingInvoer(tekst=tekst, indicatoren=indicatoren, beoordeling=beoordeling)
            for thema, (tekst, indicatoren, beoordeling) in _DEMO_BEVINDINGEN.items()
        },
        partijen=[
            PartijInvoer("woningcorporatie", "De woningcorporatie in de wijk", "Plant renovatie."),
            PartijInvoer("bewonersgroep", "Buurtvereniging", "Wil meedenken."),
            PartijInvoer("school", "Basisschool in de wijk"),
        ],
    )
    if afronden:
        wijktoets_afronden(wijkplan=plan, user=user, versie=toets.versie)


def _demo_voorbereiden(stdout, plan: Wijkplan, overgang: str, projectleider) -> None:
    """Before a demo plan leaves the wijktoets phase, complete its wijktoets as a user would."""
    if overgang == "start_verkenning":
        demo_wijktoets(plan=plan, user=projectleider)


def register() -> None:
    from wijktoets.views.wijktoets import hoofdstuk_context
    from wup.registry import demo_preparers

    demo_preparers.register("wijktoets.wijktoets", _demo_voorbereiden)

    gates.register(
        key="wijktoets.afgerond",
        transition="start_verkenning",
        spoor=Spoor.ORGANISATORISCH,
        label=gettext_lazy("Wijktoets afgerond met oordeel"),
        url_name="wijktoets",
    )(wijktoets_afgerond)
    gates.register(
        key="wijktoets.participatieniveau",
        transition="start_verkenning",
        spoor=Spoor.PARTICIPATIE,
        label=gettext_lazy("Participatieniveau gekozen"),
        url_name="wijktoets-oordeel",
    )(participatieniveau_gekozen)
    chapters.register(
        Chapter(
            order=10,
            app_label="wijktoets",
            title=gettext_lazy("Wijktoets"),
            template="wijktoets/wijktoets_hoofdstuk.html",
            context=hoofdstuk_context,
        )
    )
