"""What step 5's part 'organisatie' registers with the core (gates, chapters, demo preparers)."""


def register() -> None:
    pass
