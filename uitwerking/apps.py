from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UitwerkingConfig(AppConfig):
    name = "uitwerking"
    verbose_name = _("Stap 5: Uitwerking warmteoplossing en organisatie")

    def ready(self) -> None:
        from wup.constants import Fase, Spoor
        from wup.registry import Step, steps

        steps.register(
            Step(
                number=5,
                app_label=self.label,
                title=_("Uitwerking warmteoplossing en organisatie"),
                purpose=_(
                    "De gekozen warmteoplossing wordt in detail uitgewerkt: de businesscase, de "
                    "kosten voor de ontwikkelaar en voor de bewoners, en wie waarvoor "
                    "verantwoordelijk is."
                ),
                fasen=(Fase.UITWERKING,),
                sporen=(Spoor.TECHNISCH_ECONOMISCH, Spoor.ORGANISATORISCH),
                template="wup/stap.html",
            )
        )
