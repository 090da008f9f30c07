"""The workflow diagram in docs/ is generated from the code and kept up to date by CI."""

import re

import pytest
from django.core.management import CommandError, call_command

from wup.constants import Fase, Spoor
from wup.management.commands.workflow_diagram import render
from wup.workflow import OVERGANGEN, GateOutcome, gates


def _edges(markdown: str) -> set[tuple[str, str, str]]:
    return set(re.findall(r"^    (\w+) --> (\w+) : (\w+)$", markdown, flags=re.MULTILINE))


pytestmark = pytest.mark.all_gates


def test_every_transition_of_the_state_machine_is_drawn_with_its_label():
    doc = render()
    edges = _edges(doc)
    assert {naam for _, _, naam in edges} == set(OVERGANGEN)
    for overgang in OVERGANGEN.values():
        assert f"### {overgang.label} (`{overgang.naam}`)" in doc
    for fase in Fase:
        assert f'state "{fase.label}" as {fase.value}' in doc
    assert ("uitvoeringsplan", "ter_besluitvorming", "aanbieden_aan_raad") in edges
    assert "    [*] --> wijktoets" in doc
    assert "    vastgesteld --> [*]" in doc


def test_return_value_targets_are_expanded_but_only_where_the_code_can_go():
    edges = _edges(render())
    terugsturen = {doel for bron, doel, naam in edges if naam == "terugsturen"}
    assert terugsturen == {"verkenning", "keuze", "uitwerking", "uitvoeringsplan"}
    # terugzetten goes one phase back, never forward.
    terugzetten = {(bron, doel) for bron, doel, naam in edges if naam == "terugzetten"}
    assert terugzetten == {
        ("verkenning", "wijktoets"),
        ("keuze", "verkenning"),
        ("uitwerking", "keuze"),
        ("uitvoeringsplan", "uitwerking"),
    }


def test_the_table_names_role_motivation_and_the_conditions_per_track():
    key = "test.diagram.consultatie"
    gates.register(
        key=key,
        transition="start_keuze",
        spoor=Spoor.PARTICIPATIE,
        label="Consultatie over de alternatieven gesloten",
    )(lambda plans: {p.pk: GateOutcome(True, "") for p in plans})
    try:
        doc = render()
    finally:
        gates.unregister(key)
    section = doc.split("(`start_keuze`)")[1].split("### ")[0]
    assert "| Wie | Projectleider van het plan |" in section
    assert "| Motivatie verplicht | nee |" in section
    participatie = next(r for r in section.splitlines() if r.startswith("- **Participatie**: "))
    assert f"Consultatie over de alternatieven gesloten (`{key}`)" in participatie
    vaststellen = doc.split("(`vaststellen`)")[1].split("### ")[0]
    assert "| Wie | Griffier van de gemeente van het plan |" in vaststellen
    assert "| Motivatie verplicht | ja |" in vaststellen


def test_the_committed_diagram_is_up_to_date():
    call_command("workflow_diagram", "--check")


def test_check_fails_with_a_clear_message_when_the_file_is_stale(tmp_path):
    output = tmp_path / "workflow.md"
    output.write_text(render().replace("start_keuze", "oude_naam"), encoding="utf-8")
    with pytest.raises(CommandError, match="niet actueel"):
        call_command("workflow_diagram", "--check", output=output)

    call_command("workflow_diagram", output=output)
    assert output.read_text(encoding="utf-8") == render()
    call_command("workflow_diagram", "--check", output=output)
