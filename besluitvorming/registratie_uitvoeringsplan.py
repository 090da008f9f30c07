"""What step 6's part 'uitvoeringsplan' registers with the core (gates, chapters, demo)."""


def register() -> None:
    pass
