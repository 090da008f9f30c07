"""The finance module's one error type: every problem with the input, in Dutch, with its place.

Same pattern as the technical engine's ``InvoerFout``, kept separate so this package stays free
of the engine and of Django.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Probleem:
    """One thing wrong with the input: ``plaats`` says where, ``melding`` says what, in Dutch."""

    plaats: str
    melding: str

    def __str__(self) -> str:
        return f"{self.plaats}: {self.melding}" if self.plaats else self.melding


class FinancienFout(ValueError):
    """Input the finance module cannot compute with; carries every problem found."""

    def __init__(self, problemen: list[Probleem] | tuple[Probleem, ...]) -> None:
        self.problemen: tuple[Probleem, ...] = tuple(problemen)
        super().__init__("; ".join(str(p) for p in self.problemen))


def controleer(problemen: list[Probleem]) -> None:
    """Raise :class:`FinancienFout` when the list is not empty."""
    if problemen:
        raise FinancienFout(problemen)
