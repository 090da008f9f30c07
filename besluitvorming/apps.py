from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BesluitvormingConfig(AppConfig):
    name = "besluitvorming"
    verbose_name = _("Stap 6: Uitvoeringsplan en besluitvorming")

    def ready(self) -> None:
        from besluitvorming import (
            registratie_audit,
            registratie_raad,
            registratie_uitvoeringsplan,
        )
        from besluitvorming.urls import PAGES
        from wup.constants import Fase, Rol, Spoor
        from wup.registry import Step, steps
        from wup.roles import grant

        for deel in (registratie_uitvoeringsplan, registratie_raad):
            deel.register()
        registratie_audit.register()

        # A beheerder may have a PDF made of any plan (a projectleider of his own plans).
        grant(Rol.BEHEERDER, "besluitvorming.add_documentversie")
        steps.register(
            Step(
                number=6,
                app_label=self.label,
                title=_("Uitvoeringsplan en besluitvorming"),
                purpose=_(
                    "Het uitvoeringsplan beschrijft de randvoorwaarden, processtappen en besluiten "
                    "die nodig zijn om het warmtesysteem te realiseren, met de wensen en eisen van "
                    "de betrokkenen en andere opgaven in de wijk, zoals leefbaarheid, armoede en "
                    "klimaatadaptatie. De gemeenteraad neemt er een besluit over."
                ),
                fasen=(Fase.UITVOERINGSPLAN, Fase.TER_BESLUITVORMING, Fase.VASTGESTELD),
                sporen=(Spoor.ORGANISATORISCH,),
                template="wup/stap.html",
                pages=PAGES,
                urls="besluitvorming.urls",
                api_urls="besluitvorming.api.urls",
            )
        )
