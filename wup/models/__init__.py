from wup.models.besluiten import Besluit
from wup.models.gebieden import Buurt, Gemeente, Wijk
from wup.models.historie import Faseovergang, HistoryIsImmutable, Melding
from wup.models.wijkplan import Wijkplan
from wup.models.wijzigingen import Wijziging

__all__ = [
    "Besluit",
    "Buurt",
    "Faseovergang",
    "Gemeente",
    "HistoryIsImmutable",
    "Melding",
    "Wijk",
    "Wijkplan",
    "Wijziging",
]
