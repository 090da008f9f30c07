"""Reads of step 2, for this app and for other apps: ``techniek.selectors.parameters`` and
``techniek.selectors.startanalyse``."""
