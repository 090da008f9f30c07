"""Models of step 6's part 'raad' (submission, the griffier's inbox, the council's decision)."""

__all__: list[str] = []
