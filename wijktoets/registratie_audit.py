"""Step 1's models in the audit trail (see wup.audit)."""


def register() -> None:
    from wijktoets.models import (
        Bevinding,
        KerncijferImport,
        KerncijferRegio,
        Partij,
        Wijktoets,
        WijktoetsVersie,
    )
    from wup.audit import audit

    audit.register(Wijktoets, plan="wijkplan")
    audit.register(Bevinding, plan="wijktoets__wijkplan")
    audit.register(Partij, plan="wijktoets__wijkplan")
    # A finished version is a frozen copy of the wijktoets; the trail has its fields already.
    audit.register(WijktoetsVersie, plan="wijktoets__wijkplan", exclude=("inhoud",))
    # A CBS import is one event (who, when, which file, its status); its regions are bulk data.
    audit.register(
        KerncijferImport,
        plan=None,
        onderdeel="gegevensimport",
        exclude=("fouten", "opmerkingen"),
    )
    audit.exempt(KerncijferRegio, "bulkgegevens van een CBS-import: de import zelf is vastgelegd")
