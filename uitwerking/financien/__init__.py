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

__all__ = [
    "KOLOMMEN",
    "BusinesscaseInvoer",
    "BusinesscaseResultaat",
    "FinancienFout",
    "Investering",
    "Probleem",
    "Subsidie",
    "Tariefplafond",
    "Tarieven",
    "annuiteit",
    "bereken_businesscase",
    "bereken_scenarios",
    "irr",
    "irr_met_reden",
    "npv",
    "terugverdientijd",
]
