"""Step 2's models and the technical parameters in the audit trail (see wup.audit)."""


def register() -> None:
    from techniek.models import (
        Alternatief,
        Berekening,
        Gebouwvoorraad,
        Parameter,
        Parameterset,
        Parametertabel,
        StartanalyseImport,
        StartanalyseResultaat,
    )
    from wup.audit import audit

    audit.register(Gebouwvoorraad, plan="wijkplan")
    audit.register(Alternatief, plan="wijkplan")
    # A calculation's results are derived from its inputs (kept with the calculation itself);
    # the trail records that it was started, by whom, on which parameter set, and its status.
    audit.register(
        Berekening,
        plan="alternatief__wijkplan",
        exclude=("voorraad", "samenvatting", "reeksen", "aannames", "problemen"),
    )
    audit.register(Parameterset, plan=None, onderdeel="parameters")
    audit.register(Parameter, plan=None, onderdeel="parameters")
    # A cell change is appended to ``wijzigingen`` (cell, old, new, source); the full table of
    # rows is not copied into the trail on every change.
    audit.register(Parametertabel, plan=None, onderdeel="parameters", exclude=("rijen",))
    audit.register(
        StartanalyseImport,
        plan=None,
        onderdeel="gegevensimport",
        exclude=("fouten", "opmerkingen"),
    )
    audit.exempt(
        StartanalyseResultaat, "bulkgegevens van een PBL-import: de import zelf is vastgelegd"
    )
