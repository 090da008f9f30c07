from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KeuzeConfig(AppConfig):
    name = "keuze"
    verbose_name = _("Stap 4: Keuze warmteoplossing")

    def ready(self) -> None:
        from keuze import registratie, registratie_audit

        registratie.register()
        registratie_audit.register()
        from keuze.views import stap_context
        from wup.constants import Fase, Spoor
        from wup.registry import PlanPage, Step, steps

        steps.register(
            Step(
                number=4,
                app_label=self.label,
                title=_("Keuze warmteoplossing"),
                purpose=_(
                    "Op basis van de uitgewerkte alternatieven en de uitkomsten van de participatie"
                    " wordt de beste warmteoplossing gekozen, met een motivatie die bewoners en "
                    "raad kunnen volgen."
                ),
                fasen=(Fase.KEUZE,),
                sporen=(Spoor.TECHNISCH_ECONOMISCH, Spoor.PARTICIPATIE, Spoor.ORGANISATORISCH),
                template="keuze/keuze_stap.html",
                context=stap_context,
                pages=(PlanPage(_("Beoordeling en keuze"), "keuze-overzicht"),),
                urls="keuze.urls",
                api_urls="keuze.api.urls",
            )
        )
