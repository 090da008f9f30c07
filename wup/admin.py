"""The beheerder's admin: areas, roles per gemeente and per plan, and read-only plans and history.

Plans change only through the app's services (so every change is checked and recorded); here
a beheerder only *reads* them and assigns who works on them. Roles per gemeente and per plan are
django-guardian object permissions, assigned on each object's "Objectpermissies" page.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, User
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from guardian.admin import AdminUserObjectPermissionsForm, GuardedModelAdmin
from guardian.shortcuts import assign_perm, remove_perm

from wup.models import (
    Besluit,
    Buurt,
    Faseovergang,
    Gemeente,
    Melding,
    Wijk,
    Wijkplan,
    Wijziging,
)

#: Assigning an object permission changes what a user may do, just as editing their groups
#: does; Django guards the latter with this permission, so we guard the former with it too.
ROLLEN_TOEKENNEN = "auth.change_user"


class ObjectRolesAdmin(GuardedModelAdmin):
    """Object-permission pages limited to the permissions that mean a role for this object.

    Roles are given to people, not groups: the core reads them per user (notifications, the
    "projectleider aanwezig" condition), so group object permissions would silently not count.
    """

    #: codename -> label shown to the beheerder.
    object_roles: dict[str, str] = {}
    #: codename -> codenames that always go with it.
    implied: dict[str, tuple[str, ...]] = {}

    def may_assign_roles(self, request) -> bool:
        return request.user.has_perm(ROLLEN_TOEKENNEN)

    def obj_perms_manage_view(self, request, object_pk):
        if not self.may_assign_roles(request):
            raise PermissionDenied
        return super().obj_perms_manage_view(request, object_pk)

    def obj_perms_manage_user_view(self, request, object_pk, user_id):
        if not self.may_assign_roles(request):
            raise PermissionDenied
        return super().obj_perms_manage_user_view(request, object_pk, user_id)

    def obj_perms_manage_group_view(self, request, object_pk, group_id):
        messages.error(
            request,
            _("Rollen per gemeente en per plan geeft u aan personen, niet aan groepen."),
        )
        info = self.model._meta.app_label, self.model._meta.model_name
        return redirect(reverse("admin:{}_{}_permissions".format(*info), args=[object_pk]))

    def get_obj_perms_manage_user_form(self, request):
        roles, implied = self.object_roles, self.implied

        class ObjectRolesForm(AdminUserObjectPermissionsForm):
            def get_obj_perms_field_label(self):
                return _("Rollen")

            def get_obj_perms_field_widget(self):
                return forms.CheckboxSelectMultiple  # two or three choices: plain checkboxes

            def get_obj_perms_field_choices(self):
                return list(roles.items())

            def save_obj_perms(self):
                super().save_obj_perms()
                chosen = set(self.cleaned_data[self.get_obj_perms_field_name()])
                for perm, extra in implied.items():
                    for codename in extra:
                        if perm in chosen:
                            assign_perm(codename, self.user, self.obj)
                        elif codename not in roles:  # an offered choice speaks for itself
                            remove_perm(codename, self.user, self.obj)

        return ObjectRolesForm


@admin.register(Gemeente)
class GemeenteAdmin(ObjectRolesAdmin):
    list_display = ("naam", "code", "aantal_wijken")
    search_fields = ("code", "naam")
    object_roles = {
        "wijkplannen_gemeente": _("Projectleider: mag wijkplannen aanmaken in deze gemeente"),
        "griffie_gemeente": _("Griffier van deze gemeente"),
    }

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_aantal_wijken=Count("wijken"))

    @admin.display(description=_("wijken"), ordering="_aantal_wijken")
    def aantal_wijken(self, obj) -> int:
        return obj._aantal_wijken


@admin.register(Wijk)
class WijkAdmin(admin.ModelAdmin):
    list_display = ("code", "naam", "gemeente")
    list_filter = ("gemeente",)
    list_select_related = ("gemeente",)
    search_fields = ("code", "naam", "gemeente__naam")
    autocomplete_fields = ("gemeente",)


@admin.register(Buurt)
class BuurtAdmin(admin.ModelAdmin):
    list_display = ("code", "naam", "wijk", "gemeente")
    list_filter = ("wijk__gemeente", "wijk")
    list_select_related = ("wijk__gemeente",)
    search_fields = ("code", "naam", "wijk__code", "wijk__naam")
    autocomplete_fields = ("wijk",)

    @admin.display(description=_("gemeente"), ordering="wijk__gemeente__naam")
    def gemeente(self, obj) -> Gemeente:
        return obj.wijk.gemeente


class HistorieInline(admin.TabularInline):
    """The plan's append-only history, shown with the plan; never edited here."""

    model = Faseovergang
    fields = ("op", "overgang", "van_fase", "naar_fase", "door", "motivatie")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Wijkplan)
class WijkplanAdmin(ObjectRolesAdmin):
    list_display = ("naam", "gemeente", "fase", "beoogde_raadsdatum", "gewijzigd_op")
    list_filter = ("fase", "gemeente")
    list_select_related = ("gemeente",)
    search_fields = ("naam", "slug", "buurten__code", "buurten__naam")
    readonly_fields = [f.name for f in Wijkplan._meta.get_fields() if f.concrete and f.name != "id"]
    inlines = (HistorieInline,)
    object_roles = {
        "change_wijkplan": _("Projectleider van dit plan (werkt eraan en zet het verder)"),
        "view_wijkplan": _("Mag dit plan bekijken"),
    }
    implied = {"change_wijkplan": ("view_wijkplan",)}

    def has_add_permission(self, request) -> bool:
        return False  # a plan starts in the app, so its creator becomes its projectleider

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        # A plan's content is never changed here (only the services may). "Change" on the
        # model as a whole only opens the object-permission pages, to assign projectleiders.
        return obj is None and self.may_assign_roles(request)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Faseovergang)
class FaseovergangAdmin(ReadOnlyAdmin):
    list_display = ("op", "wijkplan", "overgang", "van_fase", "naar_fase", "door")
    list_filter = ("overgang", "naar_fase", "wijkplan__gemeente")
    list_select_related = ("wijkplan", "door")
    search_fields = ("wijkplan__naam", "motivatie", "door__username")
    date_hierarchy = "op"


@admin.register(Besluit)
class BesluitAdmin(ReadOnlyAdmin):
    """The decisions log is read here; a decision is recorded or corrected in the app."""

    list_display = ("datum", "wijkplan", "orgaan", "kenmerk", "bron", "vastgelegd_door")
    list_filter = ("orgaan", "bron", "wijkplan__gemeente")
    list_select_related = ("wijkplan", "vastgelegd_door")
    search_fields = ("wijkplan__naam", "besluit", "kenmerk")
    date_hierarchy = "datum"


@admin.register(Melding)
class MeldingAdmin(ReadOnlyAdmin):
    list_display = ("aangemaakt_op", "ontvanger", "tekst", "gelezen_op")
    list_filter = ("gelezen_op",)
    list_select_related = ("ontvanger",)
    search_fields = ("tekst", "ontvanger__username")


# --- The audit trail ----------------------------------------------------------------------------
# Read-only for everyone, superusers included: no add, change or delete (not even the cascade
# django-auditlog's own admin allows). Role changes of a gemeente and parameter changes are read
# here; a plan's changes also on its page "Wijzigingen".

if admin.site.is_registered(Wijziging):
    admin.site.unregister(Wijziging)  # django-auditlog's own admin


@admin.register(Wijziging)
class WijzigingAdmin(ReadOnlyAdmin):
    list_display = ("timestamp", "onderdeel", "object_repr", "action", "actor", "bron", "wijkplan")
    list_filter = ("onderdeel", "action", "bron", "content_type")
    list_select_related = ("actor", "wijkplan", "content_type")
    search_fields = ("object_repr", "actor__username")
    date_hierarchy = "timestamp"
    readonly_fields = (
        "timestamp",
        "onderdeel",
        "wijkplan",
        "content_type",
        "object_pk",
        "object_repr",
        "action",
        "actor",
        "actor_email",
        "bron",
        "cid",
        "changes",
    )
    fields = readonly_fields


# --- Users and roles ----------------------------------------------------------------------------
# A beheerder manages users and their roles (groups), but may not make anyone superuser or hand
# out loose permissions: the roles and their permissions are defined in code (wup.roles).

admin.site.unregister(User)
admin.site.unregister(Group)


@admin.register(User)
class GebruikerAdmin(UserAdmin):
    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            readonly += ["is_superuser", "user_permissions"]
        return readonly


@admin.register(Group)
class RolAdmin(GroupAdmin):
    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            readonly += ["name", "permissions"]
        return readonly
