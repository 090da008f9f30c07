from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TechniekConfig(AppConfig):
    name = "techniek"
    verbose_name = _("Stap 2: Technisch-economische mogelijkheden")

    def ready(self) -> None:
        from techniek import registratie, registratie_audit
        from techniek.views.alternatieven import hoofdstuk_context, stap_context
        from wup.constants import Fase, Spoor
        from wup.registry import Chapter, PlanPage, Step, chapters, steps

        registratie.register()
        registratie_audit.register()

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
                template="techniek/techniek_stap.html",
                context=stap_context,
                pages=(
                    PlanPage(_("Gebouwvoorraad"), "techniek-gebouwvoorraad"),
                    PlanPage(_("Alternatieven"), "techniek-alternatieven"),
                    PlanPage(
                        _("Vergelijking van de alternatieven"),
                        "techniek-alternatieven-vergelijking",
                    ),
                ),
                urls="techniek.urls",
                api_urls="techniek.api.urls",
            )
        )
        chapters.register(
            Chapter(
                order=20,
                app_label=self.label,
                title=_("Technisch-economische mogelijkheden"),
                template="techniek/techniek_hoofdstuk.html",
                context=hoofdstuk_context,
            )
        )
