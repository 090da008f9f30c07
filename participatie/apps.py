from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipatieConfig(AppConfig):
    name = "participatie"
    verbose_name = _("Stap 3: Participatie")

    def ready(self) -> None:
        from participatie import gates, publiek_blokken, registratie_audit
        from participatie.hoofdstuk import hoofdstuk_context
        from participatie.views import resultaten
        from participatie.views.participatie import stap_context
        from wup.constants import Fase, Spoor
        from wup.registry import Chapter, PlanPage, Step, chapters, steps

        gates.register()
        registratie_audit.register()
        publiek_blokken.register(resultaten.publiek_blok)
        chapters.register(
            Chapter(
                order=30,
                app_label=self.label,
                title=_("Participatie"),
                template="participatie/hoofdstuk.html",
                context=hoofdstuk_context,
            )
        )

        from participatie import publiek_blokken
        from participatie.selectors.raadplegingen import publiek_blok

        publiek_blokken.register(publiek_blok)
        from participatie import registratie_publiek

        registratie_publiek.register()
        from participatie import registratie_raadplegingen

        registratie_raadplegingen.register()
        from participatie import registratie_privacy

        registratie_privacy.register()

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
                template="participatie/participatie_stap.html",
                context=stap_context,
                pages=(
                    PlanPage(_("Partijen en participatieplan"), "participatie-overzicht"),
                    PlanPage(_("Raadplegingen"), "participatie-raadplegingen"),
                    PlanPage(_("Publieke pagina"), "participatie-publiek-beheer"),
                ),
                urls="participatie.urls",
                api_urls="participatie.api.urls",
            )
        )
