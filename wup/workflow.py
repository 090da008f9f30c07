"""The wijkplan workflow: transition metadata and the gate registry.

The state machine itself lives on :class:`wup.models.Wijkplan` (django-fsm-2 needs the
transitions as methods of the model). This module holds what surrounds it:

* ``OVERGANGEN``: per transition its label, whether a motivation is required and who may run it;
* ``gates``: the registry in which the core and the step apps register the *conditions* of a
  transition, each belonging to one track (spoor) and explaining itself in plain Dutch.

Conditions are evaluated for a *batch* of plans at once, so the dashboard can show the
progress of every plan with a fixed number of queries, however many plans there are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from wup.constants import WERKFASEN, Fase, Rol, Spoor

if TYPE_CHECKING:
    from django.utils.functional import Promise

    from wup.models import Wijkplan


@dataclass(frozen=True)
class Overgang:
    """What the UI, API and service need to know of one transition."""

    naam: str
    label: Promise
    uitleg: Promise
    rol: Rol
    motivatie_verplicht: bool = False
    #: A forward step in the main flow (shown as "volgende stap", with progress per track).
    vooruit: bool = False
    #: The user picks the target phase (e.g. the council sends a plan back to a phase).
    kies_doel: bool = False


OVERGANGEN: dict[str, Overgang] = {
    o.naam: o
    for o in (
        Overgang(
            "start_verkenning",
            _("Wijktoets afronden en de verkenning starten"),
            _("De technisch-economische verkenning en de participatie gaan van start."),
            Rol.PROJECTLEIDER,
            vooruit=True,
        ),
        Overgang(
            "start_keuze",
            _("Verkenning afronden en de keuze voorbereiden"),
            _("De alternatieven en de uitkomsten van de participatie gaan naar de keuze."),
            Rol.PROJECTLEIDER,
            vooruit=True,
        ),
        Overgang(
            "start_uitwerking",
            _("Keuze vastleggen en de uitwerking starten"),
            _("De gekozen warmteoplossing wordt in detail uitgewerkt, met businesscase."),
            Rol.PROJECTLEIDER,
            vooruit=True,
        ),
        Overgang(
            "start_uitvoeringsplan",
            _("Uitwerking afronden en het uitvoeringsplan opstellen"),
            _("Alle uitkomsten komen samen in het uitvoeringsplan voor de raad."),
            Rol.PROJECTLEIDER,
            vooruit=True,
        ),
        Overgang(
            "aanbieden_aan_raad",
            _("Uitvoeringsplan aanbieden aan de gemeenteraad"),
            _("Het plan gaat naar de griffie en ligt ter besluitvorming bij de raad."),
            Rol.PROJECTLEIDER,
            vooruit=True,
        ),
        Overgang(
            "vaststellen",
            _("Raadsbesluit vastleggen: vastgesteld"),
            _("De raad heeft het plan vastgesteld. Daarna kan het plan niet meer veranderen."),
            Rol.GRIFFIER,
            motivatie_verplicht=True,
            vooruit=True,
        ),
        Overgang(
            "terugsturen",
            _("Raadsbesluit vastleggen: teruggestuurd"),
            _("De raad stuurt het plan terug naar de fase waar de bezwaren over gaan."),
            Rol.GRIFFIER,
            motivatie_verplicht=True,
            kies_doel=True,
        ),
        Overgang(
            "intrekken",
            _("Aanbieding aan de raad intrekken"),
            _("Het plan gaat terug naar het opstellen van het uitvoeringsplan."),
            Rol.PROJECTLEIDER,
            motivatie_verplicht=True,
        ),
        Overgang(
            "terugzetten",
            _("Terug naar de vorige fase"),
            _("Het plan gaat een fase terug, bijvoorbeeld om een alternatief opnieuw te bekijken."),
            Rol.PROJECTLEIDER,
            motivatie_verplicht=True,
        ),
        Overgang(
            "pauzeren",
            _("Plan pauzeren"),
            _("Het werk aan het plan stopt tijdelijk. Later kunt u verder in dezelfde fase."),
            Rol.PROJECTLEIDER,
            motivatie_verplicht=True,
        ),
        Overgang(
            "hervatten",
            _("Plan hervatten"),
            _("Het plan gaat verder in de fase waarin het werd gepauzeerd."),
            Rol.PROJECTLEIDER,
            motivatie_verplicht=True,
        ),
        Overgang(
            "stoppen",
            _("Plan stoppen"),
            _("Het plan stopt definitief. Dit kan niet ongedaan worden gemaakt."),
            Rol.PROJECTLEIDER,
            motivatie_verplicht=True,
        ),
    )
}

#: The phase that comes after each working phase in the main flow.
VOLGENDE_FASE: dict[str, str] = {
    Fase.WIJKTOETS: Fase.VERKENNING,
    Fase.VERKENNING: Fase.KEUZE,
    Fase.KEUZE: Fase.UITWERKING,
    Fase.UITWERKING: Fase.UITVOERINGSPLAN,
    Fase.UITVOERINGSPLAN: Fase.TER_BESLUITVORMING,
    Fase.TER_BESLUITVORMING: Fase.VASTGESTELD,
}
#: The phase before each working phase, for ``terugzetten``.
VORIGE_FASE: dict[str, str] = {WERKFASEN[i]: WERKFASEN[i - 1] for i in range(1, len(WERKFASEN))}
#: Where the council can send a plan back to.
TERUGSTUUR_FASEN: tuple[str, ...] = (
    Fase.VERKENNING,
    Fase.KEUZE,
    Fase.UITWERKING,
    Fase.UITVOERINGSPLAN,
)


# --- Gate registry ---------------------------------------------------------------------------


@dataclass(frozen=True)
class GateOutcome:
    """A condition's answer for one plan: met or not, and why, in plain Dutch."""

    met: bool
    reason: str


@dataclass(frozen=True)
class GateCondition:
    key: str
    transition: str
    spoor: Spoor
    label: Promise | str
    check: Callable[[Sequence[Wijkplan]], Mapping[int, GateOutcome]]
    #: Name of the URL (taking the plan's pk) where the user can fix what is missing.
    url_name: str | None = None


@dataclass(frozen=True)
class GateResult:
    condition: GateCondition
    outcome: GateOutcome

    @property
    def met(self) -> bool:
        return self.outcome.met

    @property
    def reason(self) -> str:
        return self.outcome.reason

    @property
    def spoor(self) -> Spoor:
        return self.condition.spoor

    @property
    def message(self) -> str:
        """The reason prefixed by its track, as shown to a blocked user."""
        return f"{Spoor(self.condition.spoor).label}: {self.outcome.reason}"

    def as_dict(self) -> dict[str, object]:
        return {
            "sleutel": self.condition.key,
            "spoor": str(self.condition.spoor),
            "voldaan": self.outcome.met,
            "reden": self.outcome.reason,
        }


@dataclass
class GateRegistry:
    """Conditions per transition, registered by the core and the step apps in ``ready()``."""

    _conditions: dict[str, GateCondition] = field(default_factory=dict)

    def register(
        self,
        *,
        key: str,
        transition: str,
        spoor: Spoor,
        label: Promise | str,
        url_name: str | None = None,
    ) -> Callable[[Callable[[Sequence[Wijkplan]], Mapping[int, GateOutcome]]], Callable]:
        """Decorator: register ``check(plans) -> {plan.pk: GateOutcome}`` for a transition.

        The check receives every plan being evaluated at once and must answer for each, using a
        fixed number of queries.
        """
        if transition not in OVERGANGEN:
            raise ValueError(f"Onbekende overgang {transition!r} voor voorwaarde {key!r}.")

        def decorator(check):
            if key in self._conditions:
                raise ValueError(f"Voorwaarde {key!r} is al geregistreerd.")
            self._conditions[key] = GateCondition(key, transition, spoor, label, check, url_name)
            return check

        return decorator

    def unregister(self, key: str) -> None:
        self._conditions.pop(key, None)

    def conditions(self, transition: str | None = None) -> list[GateCondition]:
        return [
            c for c in self._conditions.values() if transition is None or c.transition == transition
        ]

    def evaluate_many(
        self, plans: Iterable[Wijkplan], transition: str
    ) -> dict[int, list[GateResult]]:
        plans = list(plans)
        results: dict[int, list[GateResult]] = {p.pk: [] for p in plans}
        if not plans:
            return results
        for condition in self.conditions(transition):
            outcomes = condition.check(plans)
            for plan in plans:
                results[plan.pk].append(GateResult(condition, outcomes[plan.pk]))
        return results

    def evaluate(self, plan: Wijkplan, transition: str) -> list[GateResult]:
        return self.evaluate_many([plan], transition)[plan.pk]


gates = GateRegistry()


def gates_met(transition: str) -> Callable[[Wijkplan], bool]:
    """An FSM condition: every registered condition of ``transition`` is met."""

    def condition(plan: Wijkplan) -> bool:
        return all(r.met for r in gates.evaluate(plan, transition))

    condition.__name__ = f"gates_met_{transition}"
    condition.__doc__ = f"Alle voorwaarden van de overgang {transition} zijn vervuld."
    return condition
