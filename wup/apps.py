from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class WupConfig(AppConfig):
    name = "wup"
    verbose_name = _("Wijkuitvoeringsplannen")

    def ready(self) -> None:
        from wup import gates
        from wup.roles import ensure_roles

        gates.register()
        # After every app's migrations (no sender): a step app's permissions exist only after
        # its own migrations, and its grants must reach the role groups on a fresh database.
        post_migrate.connect(ensure_roles, dispatch_uid="wup.ensure_roles")
