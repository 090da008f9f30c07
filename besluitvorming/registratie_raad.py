"""What step 6's part 'raad' registers with the core (gates, chapters, demo preparers)."""


def register() -> None:
    pass
