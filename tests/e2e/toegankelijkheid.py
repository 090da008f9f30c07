"""axe-core in the page under test: the WCAG 2.1 A/AA violations, reported readably."""

from __future__ import annotations

from pathlib import Path

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
#: The success criteria the municipality must meet (the Dutch standard follows EN 301 549).
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _leesbaar(titel: str, schendingen: list[dict]) -> str:
    regels = [f"{titel}: {len(schendingen)} WCAG-schending(en)"]
    for v in schendingen:
        regels.append(f"  - {v['id']} ({v.get('impact')}): {v['help']} <{v['helpUrl']}>")
        for node in v["nodes"][:5]:
            regels.append(f"      {' '.join(node['target'])}: {node['html'][:160]}")
            if node.get("failureSummary"):
                regels.append("        " + node["failureSummary"].replace("\n", "\n        "))
    return "\n".join(regels)


def axe(page) -> list[dict]:
    """Run axe-core on the page as it is now; the WCAG 2.1 A/AA violations."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated through the browser's debugging protocol, not as a <script> in the page: the
        # product's Content-Security-Policy (rightly) blocks inline scripts, and the pages are
        # checked under that very policy.
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    resultaat = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG
    )
    return resultaat["violations"]


class Toegankelijkheid:
    """Collects the violations of every page a test visits, to report them all at once."""

    def __init__(self, page) -> None:
        self.page = page
        self.bevindingen: list[str] = []
        self.bezocht: list[str] = []

    def controleer(self, titel: str) -> None:
        self.bezocht.append(titel)
        schendingen = axe(self.page)
        if schendingen:
            self.bevindingen.append(_leesbaar(f"{titel} ({self.page.url})", schendingen))

    def geen_schendingen(self) -> None:
        assert not self.bevindingen, "\n\n".join(self.bevindingen)
