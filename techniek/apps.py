from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TechniekConfig(AppConfig):
    name = "techniek"
    verbose_name = _("Stap 2: Technisch-economische mogelijkheden")

    def ready(self) -> None:
        from techniek import registratie
        from wup.constants import Fase, Spoor
        from wup.registry import Step, steps

        registratie.register()

        steps.register(
            Step(
                number=2,
                app_label=self.label,
                title=_("Technisch-economische mogelijkheden"),
                purpose=_(
                    "Een technische schets van het warmtesysteem voor dit gebied, waarin vraag en "
                    "aanbod in de tijd aan elkaar worden gekoppeld. Een paar alternatieven worden "
                    "uitgewerkt en ook in de participatie besproken."
                ),
                fasen=(Fase.VERKENNING,),
                sporen=(Spoor.TECHNISCH_ECONOMISCH,),
                template="wup/stap.html",
                urls="techniek.urls",
                api_urls="techniek.api.urls",
            )
        )
