"""Who may do what with a wijkplan.

Roles are Django groups (``Rol``) holding model permissions; *which* plans and municipalities a
user works on are django-guardian object permissions, assigned by a beheerder in the admin:

* projectleider of a plan: ``wup.change_wijkplan`` on that plan (given to whoever creates it);
* may create plans in a municipality: ``wup.wijkplannen_gemeente`` on that gemeente;
* griffier: ``wup.griffie_gemeente`` on the gemeente; sees its plans once they reach the council;
* beheerder: the global model permissions of the group, and access to the admin.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

if TYPE_CHECKING:
    from wup.models import Gemeente, Wijkplan

User = AbstractBaseUser | AnonymousUser

#: Where a request's user keeps its memo of object permissions (see ``per_verzoek``).
_MEMO = "_wup_objectrechten"


def per_verzoek(user: User) -> None:
    """Remember this user's object permissions for the rest of the request.

    A plan page asks the same questions many times (may view, leads the plan, may each
    transition): without a memo every answer costs two queries. The memo is a guardian
    ``ObjectPermissionChecker``, which loads a user's permissions on an object once and answers
    the same as ``user.has_perm(perm, obj)``. It lives on the user object of one request, so a
    permission granted or withdrawn shows from the next request on; code outside a request
    (services, tasks, tests) keeps asking the database each time.
    """
    if user.is_authenticated and getattr(user, _MEMO, None) is None:
        from guardian.core import ObjectPermissionChecker

        setattr(user, _MEMO, ObjectPermissionChecker(user))


def _heeft_objectrecht(user: User, perm: str, obj) -> bool:
    memo = getattr(user, _MEMO, None)
    if memo is None:
        return user.has_perm(perm, obj)
    return user.is_active and memo.has_perm(perm, obj)


def is_projectleider(plan: Wijkplan, user: User) -> bool:
    """The user leads this plan (holds the change permission on it)."""
    return bool(user.is_active and _heeft_objectrecht(user, "wup.change_wijkplan", plan))


def is_griffier(plan: Wijkplan, user: User) -> bool:
    """The user is council clerk of the plan's municipality."""
    return bool(user.is_active and _heeft_objectrecht(user, "wup.griffie_gemeente", plan.gemeente))


def may_create_in(gemeente: Gemeente, user: User) -> bool:
    return bool(
        user.is_active
        and user.has_perm("wup.add_wijkplan")
        and (
            user.has_perm("wup.wijkplannen_gemeente", gemeente)
            or user.has_perm("wup.wijkplannen_gemeente")
        )
    )


def may_view(plan: Wijkplan, user: User) -> bool:
    if not user.is_active:
        return False
    if user.has_perm("wup.view_wijkplan") or _heeft_objectrecht(user, "wup.view_wijkplan", plan):
        return True
    return is_griffier(plan, user) and plan.bij_de_raad_geweest
