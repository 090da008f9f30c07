"""Writes of step 1. Import from the submodules: ``wijktoets.services.kerncijfers`` (CBS import)
and ``wijktoets.services.wijktoets`` (the qualitative analysis and its verdict)."""
