from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UitwerkingConfig(AppConfig):
    name = "uitwerking"
    verbose_name = _("Stap 5: Uitwerking warmteoplossing en organisatie")

    def ready(self) -> None:
        from uitwerking import (
            registratie_audit,
            registratie_businesscase,
            registratie_organisatie,
            registratie_parameters,
            registratie_woonlasten,
        )
        from uitwerking.urls import PAGES
        from wup.constants import Fase, Spoor
        from wup.registry import Step, steps

        registratie_parameters.register()
        registratie_audit.register()
        for deel in (registratie_businesscase, registratie_woonlasten, registratie_organisatie):
            deel.register()
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
                pages=PAGES,
                urls="uitwerking.urls",
                api_urls="uitwerking.api.urls",
            )
        )
