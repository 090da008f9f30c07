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
        post_migrate.connect(ensure_roles, sender=self, dispatch_uid="wup.ensure_roles")
