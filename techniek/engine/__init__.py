"""Pure calculation engine of step 2: heat demand and supply of a plan area, hour by hour.

No Django here: plain dataclasses, numpy arrays and pandas DataFrames in and out. The method,
formulas, units and sources are in ``docs/engine.md``. The Django side calls:

* stock: :func:`voorraad_uit_cbs` (:class:`CbsSchatting`, :class:`UtiliteitInvoer`) or
  :func:`voorraad_uit_tabel`; :meth:`Gebouwvoorraad.naar_tabellen` to store it;
* parameters: :func:`parameter_definities` (name, default, unit, range, source of every
  parameter), :meth:`Parameters.uit_dict`, :func:`standaard_parameters`;
  :func:`energieprijzen_pbl` / :func:`energieprijzen_uit_tabellen` (year :data:`PRIJSJAAR`) /
  :meth:`Energieprijzen.uit_dict`; :func:`bouwkentallen_pbl` / :func:`bouwkentallen_uit_tabellen`;
* alternatives: :data:`STANDAARD_ALTERNATIEVEN`, :data:`REFERENTIE`, :meth:`Alternatief.variant`;
* weather: :func:`weerjaar_knmi`, :func:`weerjaar_uit_reeks`;
* compute: :func:`bereken` (one plan area, hourly detail) and :func:`bereken_buurten` (many
  buurten, indicators only);
* errors: every bad input raises :class:`InvoerFout` with a list of :class:`Probleem`.
"""

from .alternatieven import (
    REFERENTIE,
    STANDAARD_ALTERNATIEVEN,
    Alternatief,
    Bron,
    Gebouwsysteem,
    Net,
    valideer_alternatief,
)
from .constanten import (
    BOUWPERIODEN,
    DOELLABELS,
    LABELS,
    UTILITEIT_BOUWPERIODEN,
    UTILITEITSFUNCTIES,
    WONINGTYPEN,
)
from .fouten import InvoerFout, Probleem
from .kentallen import Bouwkentallen, bouwkentallen_pbl, bouwkentallen_uit_tabellen
from .kosten import annuiteitsfactor
from .parameters import ParameterDefinitie, Parameters, parameter_definities, standaard_parameters
from .prijzen import (
    PRIJSJAAR,
    SCENARIOS,
    Energieprijzen,
    energieprijzen_pbl,
    energieprijzen_uit_tabellen,
)
from .rekenen import (
    AlternatiefResultaat,
    Berekening,
    Energie,
    Jaarvraagresultaat,
    Kostenregel,
    Uurreeksen,
    Warmte,
    bereken,
    bereken_buurten,
)
from .voorraad import (
    CbsSchatting,
    Gebouwvoorraad,
    UtiliteitInvoer,
    Voorraadbatch,
    voorraad_uit_cbs,
    voorraad_uit_tabel,
)
from .vraag import segmentvraag
from .weer import KNMI_JAREN, Weerjaar, cop, weerjaar_knmi, weerjaar_uit_reeks

__all__ = [
    "BOUWPERIODEN",
    "DOELLABELS",
    "KNMI_JAREN",
    "LABELS",
    "PRIJSJAAR",
    "REFERENTIE",
    "SCENARIOS",
    "STANDAARD_ALTERNATIEVEN",
    "UTILITEITSFUNCTIES",
    "UTILITEIT_BOUWPERIODEN",
    "WONINGTYPEN",
    "Alternatief",
    "AlternatiefResultaat",
    "Berekening",
    "Bouwkentallen",
    "Bron",
    "CbsSchatting",
    "Energie",
    "Energieprijzen",
    "Gebouwsysteem",
    "Gebouwvoorraad",
    "InvoerFout",
    "Jaarvraagresultaat",
    "Kostenregel",
    "Net",
    "ParameterDefinitie",
    "Parameters",
    "Probleem",
    "UtiliteitInvoer",
    "Uurreeksen",
    "Voorraadbatch",
    "Warmte",
    "Weerjaar",
    "annuiteitsfactor",
    "bereken",
    "bereken_buurten",
    "bouwkentallen_pbl",
    "bouwkentallen_uit_tabellen",
    "cop",
    "energieprijzen_pbl",
    "energieprijzen_uit_tabellen",
    "parameter_definities",
    "segmentvraag",
    "standaard_parameters",
    "valideer_alternatief",
    "voorraad_uit_cbs",
    "voorraad_uit_tabel",
    "weerjaar_knmi",
    "weerjaar_uit_reeks",
]
