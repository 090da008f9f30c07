"""What the indicatoren part of step 1 registers with the core (called from the AppConfig):
the annex "Kerncijfers van het plangebied" of the plan document."""

from django.utils.translation import gettext_lazy as _

from wup.registry import Chapter, chapters


def _bijlage_context(request, plan) -> dict:
    from wijktoets.views.indicatoren import bijlage_context

    return bijlage_context(request, plan)


def register() -> None:
    chapters.register(
        Chapter(
            order=11,
            app_label="wijktoets",
            title=_("Kerncijfers van het plangebied"),
            template="wijktoets/indicatoren_bijlage.html",
            context=_bijlage_context,
            annex=True,
        )
    )
