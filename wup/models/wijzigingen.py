"""The audit trail: every change to plan content, roles and parameters, append-only.

Recorded by django-auditlog (this is its log-entry model, ``AUDITLOG_LOGENTRY_MODEL``) for the
models each app declares in :mod:`wup.audit`. Besides what django-auditlog keeps (who, when,
which object, the action and per field before/after), a row knows the plan it belongs to and
the part of the platform (a step app, ``rollen``, ``parameters``), so a plan's trail is one
indexed query. A row is written once: the model, its queryset and on PostgreSQL a trigger
refuse every change and removal.
"""

from auditlog.models import AbstractLogEntry, LogEntryManager
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wup.models.historie import HistoryIsImmutable
from wup.models.wijkplan import Wijkplan

ONVERANDERLIJK = _("Het wijzigingenlogboek kan niet worden gewijzigd of verwijderd.")


class WijzigingQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise HistoryIsImmutable(ONVERANDERLIJK)

    def delete(self):
        raise HistoryIsImmutable(ONVERANDERLIJK)


class WijzigingManager(LogEntryManager.from_queryset(WijzigingQuerySet)):
    """django-auditlog's manager, adding the plan, the part and a repr without personal data."""

    def log_create(self, instance, force_log: bool = False, **kwargs):
        from wup import audit

        kwargs.update(audit.kenmerken(instance))
        return super().log_create(instance, force_log=force_log, **kwargs)

    def log_m2m_changes(self, changed_queryset, instance, operation, field_name, **kwargs):
        from wup import audit

        kwargs.update(audit.kenmerken(instance))
        return super().log_m2m_changes(changed_queryset, instance, operation, field_name, **kwargs)


class Wijziging(AbstractLogEntry):
    # Who acted stays known: a user with entries in the trail is deactivated, not deleted.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        blank=True,
        null=True,
        related_name="+",
        verbose_name=_("door"),
    )
    # No database constraint: the trail of a plan outlives the plan itself.
    wijkplan = models.ForeignKey(
        Wijkplan,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("wijkplan"),
    )
    onderdeel = models.CharField(_("onderdeel"), max_length=40, blank=True, db_index=True)
    #: Where the change came from: ``web``, ``api``, ``taak <name>`` or ``systeem``.
    bron = models.CharField(_("bron"), max_length=120, default="systeem")

    objects = WijzigingManager()

    class Meta(AbstractLogEntry.Meta):
        verbose_name = _("wijziging")
        verbose_name_plural = _("wijzigingen")
        ordering = ["-timestamp", "-pk"]
        default_permissions = ("view",)
        indexes = [models.Index(fields=["wijkplan", "-timestamp"], name="wijziging_plan_tijd")]

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise HistoryIsImmutable(ONVERANDERLIJK)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise HistoryIsImmutable(ONVERANDERLIJK)
