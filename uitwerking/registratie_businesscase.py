"""What step 5's part 'businesscase' registers with the core (gates, chapters, demo preparers)."""


def register() -> None:
    pass
