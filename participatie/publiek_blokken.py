"""Blocks that other parts of step 3 add to the public participation page.

The public view (``participatie.views.publiek.pagina``) builds its own context and then merges
in what every registered block returns, so a part such as the open consultations or the
published results plugs in without editing that view::

    from participatie import publiek_blokken

    def mijn_blok(plan) -> dict:
        return {"open_raadplegingen": ...}

    publiek_blokken.register(mijn_blok)      # in AppConfig.ready() or a registration module

The page template includes ``participatie/publiek/blok_raadplegingen.html`` and
``participatie/publiek/blok_resultaten.html``; those templates read the keys their block added.
A block of another step can name its own template, which the page includes after those, in the
order of registration::

    publiek_blokken.register(keuze_blok, template="keuze/publiek_blok.html")
A block must keep its number of queries fixed (not grow with the rows) and must never return
personal data: the page is public. Later blocks overwrite keys of earlier ones.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Blok = Callable[[Any], dict]

_blokken: list[Blok] = []
#: The template a block named, if any.
_templates: dict[Blok, str] = {}


def register(blok: Blok, template: str | None = None) -> Blok:
    """Add a block (once; registering the same callable again changes nothing). ``template``:
    the block's own template, included by the page after step 3's blocks."""
    if blok not in _blokken:
        _blokken.append(blok)
        if template:
            _templates[blok] = template
    return blok


def unregister(blok: Blok) -> None:
    if blok in _blokken:
        _blokken.remove(blok)
    _templates.pop(blok, None)


def context(plan) -> dict:
    """The context keys of all registered blocks for this plan's public page, and under
    ``publiek_blok_templates`` the templates the blocks named, in order."""
    uitkomst: dict = {}
    for blok in _blokken:
        uitkomst.update(blok(plan) or {})
    uitkomst["publiek_blok_templates"] = [_templates[b] for b in _blokken if b in _templates]
    return uitkomst
