"""Generate docs/workflow.md from the state machine, so the diagram never drifts from the code.

The transitions come from django-fsm-2 (``Wijkplan.fase``), their labels and roles from
``wup.workflow.OVERGANGEN`` and their conditions from the gate registry, as the step apps
registered them at start-up. ``--check`` fails when the committed file is out of date.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from wup.constants import Fase, Rol, Spoor
from wup.models import Wijkplan
from wup.workflow import OVERGANGEN, VORIGE_FASE, gates

WIE = {
    Rol.PROJECTLEIDER: "Projectleider van het plan",
    Rol.GRIFFIER: "Griffier van de gemeente van het plan",
    Rol.BEHEERDER: "Beheerder",
}

DEFAULT_OUTPUT = Path(settings.BASE_DIR) / "docs" / "workflow.md"

#: Transitions whose RETURN_VALUE target is fixed per source phase. Without this the diagram
#: would draw every allowed target from every source (e.g. keuze → uitwerking via terugzetten).
DOEL_PER_BRON: dict[str, dict[str, str]] = {"terugzetten": VORIGE_FASE}


def _order(fase: str) -> int:
    return list(Fase).index(Fase(fase))


def transitions() -> dict[str, list[tuple[str, str]]]:
    """Per transition name, its (source, target) pairs in phase order."""
    field = Wijkplan._meta.get_field("fase")
    pairs: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for t in field.get_all_transitions(Wijkplan):
        if isinstance(t.target, str):
            targets = [t.target]
        elif t.name in DOEL_PER_BRON:
            targets = [DOEL_PER_BRON[t.name][t.source]]
        else:
            targets = [s for s in t.target.allowed_states if s != t.source]
        for target in targets:
            pairs[t.name].add((str(t.source), str(target)))
    unknown = set(pairs) - set(OVERGANGEN)
    if unknown:
        namen = ", ".join(sorted(unknown))
        raise CommandError(f"Overgangen zonder beschrijving in wup.workflow.OVERGANGEN: {namen}")
    return {
        naam: sorted(pairs[naam], key=lambda p: (_order(p[0]), _order(p[1])))
        for naam in OVERGANGEN
        if naam in pairs
    }


def _fasen(namen) -> str:
    return ", ".join(f"{Fase(f).label} (`{f}`)" for f in sorted(set(namen), key=_order))


def _van_naar(pairs: list[tuple[str, str]]) -> list[str]:
    bronnen = {b for b, _ in pairs}
    doelen = {d for _, d in pairs}
    if len(bronnen) == 1 or len(doelen) == 1:
        return [f"| Van | {_fasen(bronnen)} |", f"| Naar | {_fasen(doelen)} |"]
    # Each source has its own target (e.g. terugzetten): list the pairs.
    paren = "; ".join(f"{Fase(b).label} → {Fase(d).label}" for b, d in pairs)
    return [f"| Van → naar | {paren} |"]


def _mermaid(per_overgang: dict[str, list[tuple[str, str]]]) -> list[str]:
    lines = ["```mermaid", "stateDiagram-v2", "    direction LR"]
    for fase in Fase:
        lines.append(f'    state "{fase.label}" as {fase.value}')
    initial = Wijkplan._meta.get_field("fase").default
    lines.append(f"    [*] --> {initial}")
    for naam, pairs in per_overgang.items():
        for bron, doel in pairs:
            lines.append(f"    {bron} --> {doel} : {naam}")
    eindfasen = set(Fase) - {b for pairs in per_overgang.values() for b, _ in pairs}
    for fase in sorted(eindfasen, key=_order):
        lines.append(f"    {fase.value} --> [*]")
    lines.append("```")
    return lines


def _voorwaarden(naam: str) -> list[str]:
    per_spoor: dict[str, list[str]] = defaultdict(list)
    for c in gates.conditions(naam):
        per_spoor[c.spoor].append(f"{c.label} (`{c.key}`)")
    if not per_spoor:
        return ["- Geen voorwaarden: alleen de rol en de fase tellen."]
    return [
        f"- **{Spoor(spoor).label}**: " + "; ".join(per_spoor[spoor])
        for spoor in Spoor
        if spoor in per_spoor
    ]


def render() -> str:
    """The complete docs/workflow.md, deterministic for a given code base."""
    with translation.override("nl"):
        per_overgang = transitions()
        lines = [
            "# Workflow van een wijkplan",
            "",
            "<!-- Gegenereerd door `python manage.py workflow_diagram` uit de code "
            "(Wijkplan.fase, wup.workflow.OVERGANGEN en de voorwaarden die de apps registreren). "
            "Niet met de hand bewerken: CI controleert met `workflow_diagram --check` of dit "
            "bestand actueel is. -->",
            "",
            "Een wijkplan doorloopt de fasen hieronder. Elke pijl is een overgang; een overgang "
            "gaat alleen door als de gebruiker de juiste rol heeft voor dit plan en als alle "
            "voorwaarden van de drie sporen (technisch-economisch, participatie, organisatorisch) "
            "zijn vervuld. Elke overgang komt in de historie van het plan, met wie, wanneer en "
            "waarom.",
            "",
            *_mermaid(per_overgang),
            "",
            "## Fasen",
            "",
            "| Fase | Code |",
            "| --- | --- |",
            *(f"| {f.label} | `{f.value}` |" for f in Fase),
            "",
            "## Overgangen",
        ]
        for naam, pairs in per_overgang.items():
            meta = OVERGANGEN[naam]
            lines += [
                "",
                f"### {meta.label} (`{naam}`)",
                "",
                str(meta.uitleg),
                "",
                "| | |",
                "| --- | --- |",
                *_van_naar(pairs),
                f"| Wie | {WIE[meta.rol]} |",
                f"| Motivatie verplicht | {'ja' if meta.motivatie_verplicht else 'nee'} |",
                "",
                "Voorwaarden per spoor:",
                "",
                *_voorwaarden(naam),
            ]
        return "\n".join(lines) + "\n"


class Command(BaseCommand):
    help = "Schrijf het workflowdiagram (docs/workflow.md) uit de code, of controleer het."
    # Reads only the models and registries; CI runs `check` separately.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="Schrijf niets; stop met een fout als het bestand niet actueel is.",
        )
        parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)

    def handle(self, *args, check: bool, output: Path, **options):
        content = render()
        current = output.read_text(encoding="utf-8") if output.is_file() else None
        if check:
            if current != content:
                raise CommandError(
                    f"{output} is niet actueel met de workflow in de code. "
                    "Voer `python manage.py workflow_diagram` uit en neem het resultaat op."
                )
            self.stdout.write(f"{output} is actueel.")
            return
        if current == content:
            self.stdout.write(f"{output} was al actueel.")
            return
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(content, encoding="utf-8")
        self.stdout.write(self.style.SUCCESS(f"{output} geschreven."))
