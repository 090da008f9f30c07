"""What the kerncijfers part of step 1 registers with the core (called from the AppConfig)."""


def register() -> None:
    pass
