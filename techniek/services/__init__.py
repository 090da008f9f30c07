"""Writes of step 2. Import from the submodules: ``techniek.services.parameters`` (versioned
parameter sets), ``techniek.services.pbl_kentallen`` (the first set, from PBL's 2025 key figures),
``techniek.services.startanalyse`` (import of PBL's Startanalyse per buurt) and
``techniek.services.alternatieven`` (a plan's stock, alternatives and calculations)."""
