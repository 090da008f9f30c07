"""Reads of step 2, for this app and for other apps: ``techniek.selectors.parameters``
(parameter sets and the tables the engine computes with), ``techniek.selectors.alternatieven``
(a plan's stock, alternatives and their latest calculations, outdated or not),
``techniek.selectors.startanalyse`` (PBL's figures per buurt) and
``techniek.selectors.vergelijking`` (PBL's figures beside the plan's own)."""
