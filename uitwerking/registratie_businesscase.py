"""What step 5's part 'businesscase' registers with the core:

* the condition ``uitwerking.businesscase`` of ``start_uitvoeringsplan`` (technisch-economisch,
  :mod:`uitwerking.gates_businesscase`);
* the plan document's chapter "Businesscase warmtebedrijf" (order 50,
  :mod:`uitwerking.hoofdstuk_businesscase`);
* the demo preparer ``uitwerking.businesscase``: the business case with the prefilled inputs
  before a demo plan leaves the elaboration phase.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy

from wup.constants import Spoor
from wup.models import Wijkplan


def demo_businesscase(stdout, plan: Wijkplan, overgang: str, projectleider) -> None:
    """Before a demo plan leaves the elaboration: calculate the business case of the chosen
    alternative with the prefilled inputs, through the service (idempotent)."""
    if overgang != "start_uitvoeringsplan":
        return
    from uitwerking import gates_businesscase
    from uitwerking.parameters import financiele_parameters
    from uitwerking.services import businesscase as services
    from uitwerking.services.parameters import financiele_kentallen_laden

    if gates_businesscase.businesscase_berekend([plan])[plan.pk].met:
        return
    if financiele_parameters() is None:
        financiele_kentallen_laden()
    try:
        bc = services.businesscase_berekenen(wijkplan=plan, user=projectleider, invoer={})
    except ValidationError as fout:
        stdout.write(f"  {plan.naam}: geen businesscase: {' '.join(fout.messages)}")
        return
    stdout.write(f"  {plan.naam}: businesscase voor {bc.alternatief_naam} berekend")


def register() -> None:
    from uitwerking import gates_businesscase
    from uitwerking.hoofdstuk_businesscase import hoofdstuk_context
    from wup.registry import Chapter, chapters, demo_preparers
    from wup.workflow import gates as registry

    registry.register(
        key="uitwerking.businesscase",
        transition="start_uitvoeringsplan",
        spoor=Spoor.TECHNISCH_ECONOMISCH,
        label=gettext_lazy("Businesscase van het gekozen alternatief berekend"),
        url_name="uitwerking-businesscase",
    )(gates_businesscase.businesscase_berekend)
    chapters.register(
        Chapter(
            order=50,
            app_label="uitwerking",
            title=gettext_lazy("Businesscase warmtebedrijf"),
            template="uitwerking/businesscase/hoofdstuk.html",
            context=hoofdstuk_context,
        )
    )
    demo_preparers.register("uitwerking.businesscase", demo_businesscase)
