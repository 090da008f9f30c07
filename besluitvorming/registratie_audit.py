"""Step 6's models in the audit trail (see wup.audit)."""

from django.utils.translation import gettext as _


def _wens(obj) -> str:
    return _("Vraag van belanghebbenden %(nummer)s") % {"nummer": obj.pk}


def register() -> None:
    from besluitvorming.models import (
        Aanbieding,
        Belanghebbendenwens,
        BenodigdBesluit,
        Documentversie,
        Processtap,
        Raadsbesluit,
        Randvoorwaarde,
        Uitvoeringsplan,
        Waarborg,
    )
    from wup.audit import audit

    for model in (
        Documentversie,
        Aanbieding,
        Raadsbesluit,
        Uitvoeringsplan,
        Randvoorwaarde,
        Processtap,
        BenodigdBesluit,
        Waarborg,
    ):
        audit.register(model, plan="wijkplan")
    # A resident's question taken into the plan: its text is the resident's own words.
    audit.register(Belanghebbendenwens, plan="wijkplan", afschermen=("vraag",), omschrijving=_wens)
