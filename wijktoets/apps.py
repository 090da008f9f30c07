from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WijktoetsConfig(AppConfig):
    name = "wijktoets"
    verbose_name = _("Stap 1: Wijktoets")

    def ready(self) -> None:
        from wijktoets import (
            registratie_audit,
            registratie_indicatoren,
            registratie_kerncijfers,
            registratie_wijktoets,
        )
        from wijktoets.views.wijktoets import stap_context
        from wup.constants import Fase, Spoor
        from wup.registry import PlanPage, Step, steps

        registratie_kerncijfers.register()
        registratie_indicatoren.register()
        registratie_wijktoets.register()
        registratie_audit.register()

        steps.register(
            Step(
                number=1,
                app_label=self.label,
                title=_("Wijktoets"),
                purpose=_(
                    "Een verdiepende analyse van de wijk: welke sociale en maatschappelijke "
                    "uitdagingen en kansen er zijn, met welke economische omstandigheden bewoners "
                    "te maken hebben, en of de wijk geschikt is voor een wijkgerichte aanpak. De "
                    "uitkomst bepaalt hoe de volgende stappen worden gezet."
                ),
                fasen=(Fase.WIJKTOETS,),
                sporen=(Spoor.ORGANISATORISCH, Spoor.PARTICIPATIE),
                template="wijktoets/wijktoets_stap.html",
                context=stap_context,
                pages=(
                    PlanPage(_("Wijktoets"), "wijktoets"),
                    PlanPage(_("Kerncijfers van het plangebied"), "wijktoets-indicatoren"),
                ),
                urls="wijktoets.urls",
                api_urls="wijktoets.api.urls",
            )
        )
