from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _besluitenlijst_context(request, plan) -> dict:
    from wup.views_besluiten import rijen

    return {"rijen": rijen(plan), "corrigeren": False}


def register_besluitenlijst() -> None:
    """The core's own annex of the plan document: the plan's decisions log."""
    from wup.registry import Chapter, chapters

    chapters.register(
        Chapter(
            order=90,
            app_label="wup",
            title=_("Besluitenlijst"),
            template="plan/besluitenlijst.html",
            context=_besluitenlijst_context,
            annex=True,
        )
    )


class WupConfig(AppConfig):
    name = "wup"
    verbose_name = _("Wijkuitvoeringsplannen")

    def ready(self) -> None:
        from wup import checks, gates  # noqa: F401 (checks registers itself)
        from wup.audit import register_core
        from wup.roles import ensure_roles

        gates.register()
        register_core()
        register_besluitenlijst()
        # After every app's migrations (no sender): a step app's permissions exist only after
        # its own migrations, and its grants must reach the role groups on a fresh database.
        post_migrate.connect(ensure_roles, dispatch_uid="wup.ensure_roles")
