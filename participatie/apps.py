from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipatieConfig(AppConfig):
    name = "participatie"
    verbose_name = _("Stap 3: Participatie")

    def ready(self) -> None:
        from wup.constants import Fase, Spoor
        from wup.registry import Step, steps

        steps.register(
            Step(
                number=3,
                app_label=self.label,
                title=_("Participatie"),
                purpose=_(
                    "Bewoners, gebouweigenaren, bedrijven en organisaties zoals de netbeheerder en "
                    "de woningcorporatie denken mee. We bouwen een netwerk in de wijk op, kijken "
                    "welke gedragsveranderingen passen en zorgen met een zorgvuldig proces voor "
                    "betrokkenheid."
                ),
                fasen=(Fase.VERKENNING,),
                sporen=(Spoor.PARTICIPATIE,),
                template="wup/stap.html",
            )
        )
