"""Step 5 finance: the heat company's business case and the households' monthly costs.

Pure computation (numpy, pandas, dataclasses), without Django or the database.
"""

from .businesscase import (
    KOLOMMEN,
    BusinesscaseInvoer,
    BusinesscaseResultaat,
    Investering,
    Subsidie,
    Tariefplafond,
    Tarieven,
    bereken_businesscase,
    bereken_scenarios,
)
from .fouten import FinancienFout, Probleem
from .rekenkunde import annuiteit, irr, irr_met_reden, npv, terugverdientijd
from .woonlasten import (
    EIGENDOMSVORMEN,
    HuishoudenInvoer,
    Huurverhoging,
    Lening,
    Maandlasten,
    Regel,
    WoonlastenResultaat,
    bereken_woonlasten,
)

__all__ = [
    "EIGENDOMSVORMEN",
    "KOLOMMEN",
    "BusinesscaseInvoer",
    "BusinesscaseResultaat",
    "FinancienFout",
    "HuishoudenInvoer",
    "Huurverhoging",
    "Investering",
    "Lening",
    "Maandlasten",
    "Probleem",
    "Regel",
    "Subsidie",
    "Tariefplafond",
    "Tarieven",
    "WoonlastenResultaat",
    "annuiteit",
    "bereken_businesscase",
    "bereken_scenarios",
    "bereken_woonlasten",
    "irr",
    "irr_met_reden",
    "npv",
    "terugverdientijd",
]
