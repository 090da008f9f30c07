"""The core's own conditions: the organisational basics every plan needs.

The step apps register their conditions in the same way, from their ``AppConfig.ready``.
"""

from collections.abc import Sequence

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from guardian.models import UserObjectPermission

from wup.constants import Spoor
from wup.models import Wijkplan
from wup.workflow import OVERGANGEN, GateOutcome, gates


def opdrachtgever_vastgelegd(plans: Sequence[Wijkplan]) -> dict[int, GateOutcome]:
    """A plan needs an accountable alderman before the area work starts."""
    return {
        p.pk: GateOutcome(
            True,
            _("bestuurlijk opdrachtgever is %(naam)s.") % {"naam": p.bestuurlijk_opdrachtgever},
        )
        if p.bestuurlijk_opdrachtgever.strip()
        else GateOutcome(
            False,
            _(
                "de bestuurlijk opdrachtgever (wethouder) is nog niet "
                "vastgelegd bij de gegevens van het plan."
            ),
        )
        for p in plans
    }


def buurten_gekozen(plans: Sequence[Wijkplan]) -> dict[int, GateOutcome]:
    """The plan area is known: one or more buurten."""
    aantallen = dict(
        Wijkplan.objects.filter(pk__in=[p.pk for p in plans])
        .annotate(n=Count("buurten"))
        .values_list("pk", "n")
    )
    return {
        p.pk: GateOutcome(True, _("het plan omvat %(n)d buurt(en).") % {"n": aantallen[p.pk]})
        if aantallen.get(p.pk)
        else GateOutcome(False, _("het plan omvat nog geen buurt."))
        for p in plans
    }


def raadsdatum_gepland(plans: Sequence[Wijkplan]) -> dict[int, GateOutcome]:
    """The griffie needs a target council date to plan the agenda."""
    return {
        p.pk: GateOutcome(
            True,
            _("beoogde raadsbehandeling op %(d)s.")
            % {"d": p.beoogde_raadsdatum.strftime("%d-%m-%Y")},
        )
        if p.beoogde_raadsdatum
        else GateOutcome(
            False,
            _(
                "de beoogde datum van de raadsbehandeling is nog niet "
                "ingevuld bij de gegevens van het plan."
            ),
        )
        for p in plans
    }


def projectleider_aanwezig(plans: Sequence[Wijkplan]) -> dict[int, GateOutcome]:
    """Someone active must lead the plan; a plan whose leader left cannot move on."""
    ct = ContentType.objects.get_for_model(Wijkplan)
    actieve = set(
        UserObjectPermission.objects.filter(
            content_type=ct,
            permission__codename="change_wijkplan",
            object_pk__in=[str(p.pk) for p in plans],
            user__in=get_user_model().objects.filter(is_active=True),
        ).values_list("object_pk", flat=True)
    )
    return {
        p.pk: GateOutcome(True, _("er is een projectleider."))
        if str(p.pk) in actieve
        else GateOutcome(
            False,
            _(
                "er is geen actieve projectleider aan het plan gekoppeld; "
                "vraag de beheerder er een toe te wijzen."
            ),
        )
        for p in plans
    }


def register() -> None:
    gates.register(
        key="wup.opdrachtgever",
        transition="start_verkenning",
        spoor=Spoor.ORGANISATORISCH,
        label=gettext_lazy("Bestuurlijk opdrachtgever vastgelegd"),
        url_name="wijkplan-bewerken",
    )(opdrachtgever_vastgelegd)
    gates.register(
        key="wup.buurten",
        transition="start_verkenning",
        spoor=Spoor.ORGANISATORISCH,
        label=gettext_lazy("Plangebied vastgelegd"),
        url_name="wijkplan-bewerken",
    )(buurten_gekozen)
    gates.register(
        key="wup.raadsdatum",
        transition="aanbieden_aan_raad",
        spoor=Spoor.ORGANISATORISCH,
        label=gettext_lazy("Raadsbehandeling gepland"),
        url_name="wijkplan-bewerken",
    )(raadsdatum_gepland)
    for naam, overgang in OVERGANGEN.items():
        if overgang.vooruit and overgang.rol == "Projectleider":
            gates.register(
                key=f"wup.projectleider.{naam}",
                transition=naam,
                spoor=Spoor.ORGANISATORISCH,
                label=gettext_lazy("Projectleider aanwezig"),
            )(projectleider_aanwezig)
