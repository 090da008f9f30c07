"""Step 4's models in the audit trail (see wup.audit)."""


def register() -> None:
    from keuze.models import Criterium, Keuze, Score
    from wup.audit import audit

    audit.register(Criterium, plan="wijkplan")
    audit.register(Score, plan="criterium__wijkplan")
    # The analysis a choice rested on is kept with the choice itself, which never changes.
    audit.register(Keuze, plan="wijkplan", exclude=("analyse",))
