"""Composition of the plan document from the chapters the step apps registered.

The same composition feeds the HTML preview now and the council PDF later: chapters in their
registered order, numbered 1, 2, …; annexes after them, lettered A, B, ….
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from wup.registry import Chapter, chapters

if TYPE_CHECKING:
    from django.http import HttpRequest

    from wup.models import Wijkplan


@dataclass(frozen=True)
class Hoofdstuk:
    nummer: str
    titel: str
    anker: str
    bijlage: bool
    html: SafeString


def _nummers(items: list[Chapter]) -> list[str]:
    hoofdstukken = iter(range(1, len(items) + 1))
    bijlagen = iter(string.ascii_uppercase)
    return [next(bijlagen) if c.annex else str(next(hoofdstukken)) for c in items]


def samenstellen(plan: Wijkplan, request: HttpRequest | None = None) -> list[Hoofdstuk]:
    """Render every registered chapter for ``plan``; user text is escaped by the templates."""
    items = chapters.all()
    resultaat = []
    for chapter, nummer in zip(items, _nummers(items), strict=True):
        context = {
            "plan": plan,
            "hoofdstuknummer": nummer,
            **(chapter.context(request, plan) if chapter.context else {}),
        }
        resultaat.append(
            Hoofdstuk(
                nummer=nummer,
                titel=str(chapter.title),
                anker=f"{'bijlage' if chapter.annex else 'hoofdstuk'}-{nummer.lower()}",
                bijlage=chapter.annex,
                html=render_to_string(chapter.template, context),
            )
        )
    return resultaat
