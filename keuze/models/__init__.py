from keuze.models.kader import Criterium, Score
from keuze.models.keuze import Keuze

__all__ = ["Criterium", "Keuze", "Score"]
