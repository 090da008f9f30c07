"""Errors the services raise; the UI turns them into messages, the API into problem+json."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wup.workflow import GateResult


class WupError(Exception):
    """A request that cannot be carried out, with a message in plain Dutch."""

    #: HTTP status the API answers with.
    status = 400
    #: Short title for problem+json.
    title = "Verzoek kan niet worden uitgevoerd"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class TransitionConflict(WupError):
    """The plan is not (or no longer) in a phase from which this transition is possible."""

    status = 409
    title = "Overgang niet mogelijk in de huidige fase"


class GatesNotMet(WupError):
    """One or more conditions of the transition are not met."""

    status = 409
    title = "Niet aan alle voorwaarden voldaan"

    def __init__(self, message: str, unmet: list[GateResult]) -> None:
        super().__init__(message)
        self.unmet = unmet


class StaleVersion(WupError):
    """The plan was changed by someone else since the user loaded it."""

    status = 409
    title = "Het plan is intussen gewijzigd"


class PlanFrozen(WupError):
    """An adopted or stopped plan cannot change."""

    status = 409
    title = "Het plan kan niet meer worden gewijzigd"
