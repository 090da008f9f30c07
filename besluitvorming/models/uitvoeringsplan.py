"""Models of step 6's part 'uitvoeringsplan' (composition and the Wgiw safeguards)."""

__all__: list[str] = []
