"""Step 5's models in the audit trail (see wup.audit)."""


def register() -> None:
    from uitwerking.models import (
        Activiteit,
        Businesscase,
        GovernanceKeuze,
        Partij,
        Realisatiefase,
        Risico,
        Rol,
        RollenAkkoord,
        Woonlastenberekening,
    )
    from wup.audit import audit

    # Results are derived from the inputs, which are recorded; the calculation keeps them.
    audit.register(Businesscase, plan="wijkplan", exclude=("resultaat", "scenarios"))
    audit.register(
        Woonlastenberekening,
        plan="wijkplan",
        exclude=("huishoudtypen", "resultaten", "gebruikte_parameters", "aannames"),
    )
    for model in (Partij, Activiteit, GovernanceKeuze, Risico, Realisatiefase):
        audit.register(model, plan="wijkplan")
    audit.register(Rol, plan="activiteit__wijkplan")
    # The snapshot of the RACI matrix repeats rows that the trail records one by one.
    audit.register(RollenAkkoord, plan="wijkplan", exclude=("momentopname",))
