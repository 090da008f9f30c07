"""Registries through which the step apps plug into the core (filled in ``AppConfig.ready``).

* ``gates`` (in :mod:`wup.workflow`): conditions per transition and track;
* ``steps``: each step's section of the plan page, and its pages in the plan navigation;
* ``chapters``: each step's chapter(s) of the plan document.

The core never imports a step app; it only iterates over what was registered.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from wup.constants import Fase, Spoor

if TYPE_CHECKING:
    from django.http import HttpRequest
    from django.utils.functional import Promise

    from wup.models import Wijkplan

T = TypeVar("T")
ContextFunc = Callable[["HttpRequest | None", "Wijkplan"], dict[str, Any]]


@dataclass(frozen=True)
class PlanPage:
    """A page of a step app in the plan's navigation, e.g. "Indicatoren"."""

    label: Promise | str
    url_name: str  # reversed with the plan's pk


@dataclass(frozen=True)
class Step:
    """One of the six WUP steps, as a step app contributes it to the plan page."""

    number: int
    app_label: str
    title: Promise | str
    purpose: Promise | str
    fasen: tuple[Fase, ...]
    sporen: tuple[Spoor, ...]
    #: Template included in the plan page, rendered with ``plan`` and ``context(request, plan)``.
    template: str
    context: ContextFunc | None = None
    pages: tuple[PlanPage, ...] = ()


@dataclass(frozen=True)
class Chapter:
    """A chapter of the plan document."""

    order: int
    app_label: str
    title: Promise | str
    template: str
    context: ContextFunc | None = None


@dataclass
class _Registry(Generic[T]):
    _items: dict[str, T] = field(default_factory=dict)

    def _add(self, key: str, item: T) -> T:
        if key in self._items:
            raise ValueError(f"{key!r} is al geregistreerd.")
        self._items[key] = item
        return item

    def unregister(self, key: str) -> None:
        self._items.pop(key, None)


@dataclass
class StepRegistry(_Registry[Step]):
    def register(self, step: Step) -> Step:
        return self._add(f"{step.app_label}:{step.number}", step)

    def all(self) -> list[Step]:
        return sorted(self._items.values(), key=lambda s: s.number)


@dataclass
class ChapterRegistry(_Registry[Chapter]):
    def register(self, chapter: Chapter) -> Chapter:
        return self._add(f"{chapter.app_label}:{chapter.order}", chapter)

    def all(self) -> list[Chapter]:
        return sorted(self._items.values(), key=lambda c: c.order)


steps = StepRegistry()
chapters = ChapterRegistry()
