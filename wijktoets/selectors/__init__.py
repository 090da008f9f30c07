"""Reads of step 1, for this app and for other apps: ``wijktoets.selectors.kerncijfers``,
``wijktoets.selectors.indicatoren`` and ``wijktoets.selectors.wijktoets``."""
