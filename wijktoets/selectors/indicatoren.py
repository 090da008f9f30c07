"""Reads of the indicators of a plan area: the CBS Kerncijfers of its buurten, compared with its
municipality and the Netherlands.

The computation itself is pure (:mod:`wijktoets.indicatoren`); this module only gathers its
input: the plan's buurten and gemeente as the core's selector loaded them
(``wup.selectors.wijkplan_by_pk`` prefetches both) and the figures through
``wijktoets.selectors.kerncijfers``. A fixed number of queries, however many buurten or years.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wijktoets.indicatoren import (
    NEDERLAND,
    EnergiearmoedeRegel,
    Indicatoren,
    OnbekendJaar,
    bereken_indicatoren,
)
from wijktoets.selectors import kerncijfers

if TYPE_CHECKING:
    from wup.models import Wijkplan

__all__ = ["Indicatoren", "OnbekendJaar", "indicatoren_voor_plan", "plan_buurten"]


def plan_buurten(plan: Wijkplan) -> dict[str, str]:
    """The plan's buurten, code -> name, in code order (from the prefetched relation)."""
    return {b.code: b.naam for b in sorted(plan.buurten.all(), key=lambda b: b.code)}


def indicatoren_voor_plan(
    plan: Wijkplan, jaar: int | None = None, *, regel: EnergiearmoedeRegel | None = None
) -> Indicatoren:
    """The plan area's indicators for ``jaar`` (default: the newest year with figures).

    Raises :class:`~wijktoets.indicatoren.OnbekendJaar` if ``jaar`` has no figures for the
    plan's buurten. All years are read at once, for the trends.
    """
    buurten = plan_buurten(plan)
    gemeente = plan.gemeente
    frame = kerncijfers.kerncijfers_frame([*buurten, gemeente.code, NEDERLAND])
    return bereken_indicatoren(
        frame,
        buurten=buurten,
        gemeentecode=gemeente.code,
        gemeentenaam=gemeente.naam,
        jaar=jaar,
        regel=regel,
    )
