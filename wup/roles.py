"""The three roles as Django groups with their model permissions.

Which plans and municipalities a member works on is not decided here: a beheerder assigns
object permissions per gemeente and per plan in the admin (see :mod:`wup.permissions`).
"""

from django.contrib.auth.models import Group, Permission

from wup.constants import Rol

ROL_PERMISSIES: dict[Rol, list[str]] = {
    Rol.PROJECTLEIDER: [
        "wup.add_wijkplan",
        "wup.view_gemeente",
        "wup.view_wijk",
        "wup.view_buurt",
    ],
    Rol.GRIFFIER: [
        "wup.besluit_wijkplan",
        "wup.view_gemeente",
        "wup.view_wijk",
        "wup.view_buurt",
    ],
    Rol.BEHEERDER: [
        "wup.view_wijkplan",
        "wup.view_faseovergang",
        "wup.view_besluit",
        *(
            f"wup.{a}_{m}"
            for m in ("gemeente", "wijk", "buurt")
            for a in ("add", "change", "delete", "view")
        ),
        *(f"auth.{a}_{m}" for m in ("user", "group") for a in ("add", "change", "view")),
        "authtoken.add_tokenproxy",
        "authtoken.view_tokenproxy",
        "authtoken.delete_tokenproxy",
    ],
}


def ensure_roles(**kwargs) -> None:
    """Create or update the role groups (run after every migrate)."""
    for rol, namen in ROL_PERMISSIES.items():
        groep, _ = Group.objects.get_or_create(name=rol.value)
        perms = []
        for naam in namen:
            app_label, codename = naam.split(".")
            perms += list(
                Permission.objects.filter(content_type__app_label=app_label, codename=codename)
            )
        groep.permissions.add(*perms)


def grant(rol: Rol, *permissies: str) -> None:
    """Let a step app give a role the model permissions of its own models (from ``ready()``)."""
    for permissie in permissies:
        if permissie not in ROL_PERMISSIES[rol]:
            ROL_PERMISSIES[rol].append(permissie)
