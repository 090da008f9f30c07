"""The engine's one error type: every problem with the input, said in Dutch, with its place."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Probleem:
    """One thing wrong with the input.

    ``plaats`` says where (e.g. "woningen, rij 3" or "parameter Ki_verzw_e_min"); ``melding`` says
    what, in plain Dutch, so the Django side can show it as it is.
    """

    plaats: str
    melding: str

    def __str__(self) -> str:
        return f"{self.plaats}: {self.melding}" if self.plaats else self.melding


class InvoerFout(ValueError):
    """Input the engine cannot compute with; carries every problem found, not only the first."""

    def __init__(self, problemen: list[Probleem] | tuple[Probleem, ...]) -> None:
        self.problemen: tuple[Probleem, ...] = tuple(problemen)
        super().__init__("; ".join(str(p) for p in self.problemen))


def controleer(problemen: list[Probleem]) -> None:
    """Raise :class:`InvoerFout` when the list is not empty."""
    if problemen:
        raise InvoerFout(problemen)
