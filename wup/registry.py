"""Registries through which the step apps plug into the core (filled in ``AppConfig.ready``).

* ``gates`` (in :mod:`wup.workflow`): conditions per transition and track;
* ``steps``: each step's section of the plan page, and its pages in the plan navigation;
* ``chapters``: each step's chapter(s) and annexes of the plan document;
* ``demo_loaders`` and ``demo_preparers``: what a step adds to the demo data of ``make run``.

A step's URLs (web pages under ``/``, API under ``/api/v1/``) are named on its ``Step`` and
included by the project's URLconf.

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
    #: Dotted path of the step's URLconf for web pages (included at the site root).
    urls: str | None = None
    #: Dotted path of the step's API URLconf (included under ``/api/v1/``).
    api_urls: str | None = None


@dataclass(frozen=True)
class Chapter:
    """A chapter of the plan document."""

    order: int
    app_label: str
    title: Promise | str
    template: str
    context: ContextFunc | None = None
    #: An annex (bijlage) after the chapters, e.g. indicator tables.
    annex: bool = False


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
        return sorted(self._items.values(), key=lambda c: (c.annex, c.order))


DemoLoader = Callable[[Any], None]


@dataclass
class DemoRegistry(_Registry[DemoLoader]):
    """Loaders called by ``manage.py demo_data`` after the core's areas, users and plans.

    Each gets the command's stdout writer and must be idempotent.
    """

    def register(self, key: str, loader: DemoLoader) -> DemoLoader:
        return self._add(key, loader)

    def all(self) -> list[tuple[str, DemoLoader]]:
        return sorted(self._items.items())


DemoPreparer = Callable[[Any, "Wijkplan", str, Any], None]


@dataclass
class DemoPreparerRegistry(_Registry[DemoPreparer]):
    """Called by ``demo_data`` before it moves a demo plan through a transition.

    ``preparer(stdout, plan, transition, projectleider)`` does, through the step's own services,
    what that step's conditions for ``transition`` ask (e.g. complete the wijktoets before
    ``start_verkenning``), so the demo plans reach their phase the way a real plan would.
    It must be idempotent and ignore transitions that are not its concern.
    """

    def register(self, key: str, preparer: DemoPreparer) -> DemoPreparer:
        return self._add(key, preparer)

    def all(self) -> list[tuple[str, DemoPreparer]]:
        return sorted(self._items.items())


steps = StepRegistry()
chapters = ChapterRegistry()
demo_loaders = DemoRegistry()
demo_preparers = DemoPreparerRegistry()
