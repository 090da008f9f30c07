"""Writes of the core: creating and editing plans, the one way to move a plan's phase, and the
plan's decisions log."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_fsm import ConcurrentTransition, can_proceed
from guardian.shortcuts import assign_perm, get_users_with_perms

from wup import permissions, schrijven
from wup.constants import Fase
from wup.exceptions import GatesNotMet, PlanFrozen, StaleVersion, TransitionConflict
from wup.models import Besluit, Buurt, Faseovergang, Gemeente, Melding, Wijk, Wijkplan
from wup.models.gebieden import (
    buurtcode_validator,
    gemeentecode_validator,
    normalise_cbs_code,
    wijkcode_validator,
)
from wup.schrijven import tekst, uit_lijst, verzamel
from wup.workflow import OVERGANGEN, TERUGSTUUR_FASEN, gates

#: Plan fields a projectleider edits in the plan form and the API.
BEWERKBARE_VELDEN = (
    "naam",
    "omschrijving",
    "bestuurlijk_opdrachtgever",
    "ambtelijk_opdrachtgever",
    "beoogde_raadsdatum",
)


def _unique_slug(naam: str) -> str:
    base = slugify(naam)[:70] or "wijkplan"
    slug, n = base, 2
    while Wijkplan.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _check_buurten(gemeente: Gemeente, buurten: list[Buurt]) -> None:
    if not buurten:
        raise ValidationError({"buurten": _("Kies minstens één buurt waar het plan over gaat.")})
    vreemd = [b for b in buurten if b.wijk.gemeente_id != gemeente.pk]
    if vreemd:
        raise ValidationError(
            {
                "buurten": _("Deze buurten liggen niet in %(gemeente)s: %(buurten)s.")
                % {"gemeente": gemeente.naam, "buurten": ", ".join(str(b) for b in vreemd)}
            }
        )


def wijkplan_create(
    *,
    user: AbstractBaseUser,
    gemeente: Gemeente,
    naam: str,
    buurten: Iterable[Buurt],
    omschrijving: str = "",
    bestuurlijk_opdrachtgever: str = "",
    ambtelijk_opdrachtgever: str = "",
    beoogde_raadsdatum: date | None = None,
) -> Wijkplan:
    """Create a plan in the wijktoets phase; its creator becomes its projectleider."""
    if not permissions.may_create_in(gemeente, user):
        raise PermissionDenied(
            _("U mag geen wijkplannen aanmaken in %(gemeente)s.") % {"gemeente": gemeente.naam}
        )
    buurten = list(Buurt.objects.select_related("wijk").filter(pk__in=[b.pk for b in buurten]))
    _check_buurten(gemeente, buurten)
    plan = Wijkplan(
        naam=naam.strip(),
        gemeente=gemeente,
        omschrijving=omschrijving.strip(),
        bestuurlijk_opdrachtgever=bestuurlijk_opdrachtgever.strip(),
        ambtelijk_opdrachtgever=ambtelijk_opdrachtgever.strip(),
        beoogde_raadsdatum=beoogde_raadsdatum,
        aangemaakt_door=user,
    )
    with transaction.atomic():
        plan.slug = _unique_slug(plan.naam)
        plan.full_clean()
        plan.save()
        plan.buurten.set(buurten)
        for perm in ("wup.view_wijkplan", "wup.change_wijkplan"):
            assign_perm(perm, user, plan)
        Faseovergang.objects.create(
            wijkplan=plan,
            overgang="aanmaken",
            van_fase=Fase.WIJKTOETS,
            naar_fase=Fase.WIJKTOETS,
            motivatie=_("Plan aangemaakt."),
            door=user,
        )
    return plan


def wijkplan_update(
    *,
    wijkplan: Wijkplan,
    user: AbstractBaseUser,
    versie: int,
    buurten: Iterable[Buurt] | None = None,
    **velden,
) -> Wijkplan:
    """Edit a plan's details, refusing the edit if someone else saved in the meantime."""
    onbekend = set(velden) - set(BEWERKBARE_VELDEN)
    if onbekend:
        raise ValueError(f"Niet bewerkbaar: {', '.join(sorted(onbekend))}")
    if not permissions.is_projectleider(wijkplan, user):
        raise PermissionDenied(_("Alleen de projectleider van dit plan kan het wijzigen."))
    with transaction.atomic():
        plan = Wijkplan.objects.select_for_update().get(pk=wijkplan.pk)
        if plan.bevroren:
            raise PlanFrozen(
                _("Dit plan is %(fase)s en kan niet meer worden gewijzigd.")
                % {"fase": plan.get_fase_display().lower()}
            )
        if plan.versie != versie:
            raise StaleVersion(
                _(
                    "Iemand anders heeft dit plan gewijzigd nadat u het opende. Uw wijzigingen "
                    "zijn niet opgeslagen; bekijk de nieuwe versie en voer ze opnieuw in."
                )
            )
        for naam, waarde in velden.items():
            setattr(plan, naam, waarde.strip() if isinstance(waarde, str) else waarde)
        plan.full_clean()
        plan.versie += 1
        plan.save()
        if buurten is not None:
            buurten = list(
                Buurt.objects.select_related("wijk").filter(pk__in=[b.pk for b in buurten])
            )
            _check_buurten(plan.gemeente, buurten)
            plan.buurten.set(buurten)
    return plan


def wijkplan_transition(
    *,
    wijkplan: Wijkplan,
    overgang: str,
    user: AbstractBaseUser,
    motivatie: str = "",
    naar: str | None = None,
    verwachte_fase: str | None = None,
) -> Faseovergang:
    """Move a plan to another phase: the only path for the UI, the API, the admin and tasks.

    Locks the plan's row, checks permission, phase and the registered conditions, runs the
    transition, appends a history row and schedules the notifications after commit.
    ``verwachte_fase`` is the phase the user saw; if the plan moved since, the request is
    refused instead of doing something the user did not intend.
    """
    meta = OVERGANGEN.get(overgang)
    if meta is None:
        raise ValidationError({"overgang": _("Onbekende overgang: %(o)s.") % {"o": overgang}})
    motivatie = (motivatie or "").strip()
    if meta.motivatie_verplicht and not motivatie:
        raise ValidationError(
            {"motivatie": _("Geef een motivatie: die komt in de historie van het plan.")}
        )
    if meta.kies_doel and naar not in TERUGSTUUR_FASEN:
        keuzes = ", ".join(str(Fase(f).label).lower() for f in TERUGSTUUR_FASEN)
        raise ValidationError(
            {
                "naar": _("Kies de fase waarnaar het plan teruggaat: %(keuzes)s.")
                % {"keuzes": keuzes}
            }
        )
    if not permissions.may_view(wijkplan, user):
        raise PermissionDenied(_("U heeft geen toegang tot dit plan."))

    with transaction.atomic():
        plan = Wijkplan.objects.select_for_update().select_related("gemeente").get(pk=wijkplan.pk)
        method = getattr(plan, overgang)
        huidige = Fase(plan.fase)
        if verwachte_fase and verwachte_fase != plan.fase:
            raise TransitionConflict(
                _(
                    "Het plan is intussen in de fase ‘%(fase)s’ gekomen. Er is niets gewijzigd; "
                    "bekijk de nieuwe situatie en kies opnieuw."
                )
                % {"fase": huidige.label}
            )
        if not can_proceed(method, check_conditions=False):
            raise TransitionConflict(
                _("‘%(overgang)s’ is niet mogelijk in de fase ‘%(fase)s’.")
                % {"overgang": meta.label, "fase": huidige.label}
            )
        if not method._django_fsm.has_transition_perm(plan, plan.fase, user):
            wie = _("de griffier") if meta.rol == "Griffier" else _("de projectleider")
            raise PermissionDenied(
                _("Alleen %(wie)s van dit plan kan ‘%(overgang)s’ uitvoeren.")
                % {"wie": wie, "overgang": meta.label}
            )
        results = gates.evaluate(plan, overgang)
        unmet = [r for r in results if not r.met]
        if unmet:
            raise GatesNotMet(
                _("Het plan kan nog niet verder. Wat ontbreekt: %(lijst)s")
                % {"lijst": " ".join(r.message for r in unmet)},
                unmet,
            )
        van = plan.fase
        try:
            method(naar) if meta.kies_doel else method()
            plan.save()
        except ConcurrentTransition as exc:
            raise TransitionConflict(
                _(
                    "Iemand anders heeft het plan tegelijk naar een andere fase gezet. Er is niets "
                    "gewijzigd; bekijk de nieuwe situatie en kies opnieuw."
                )
            ) from exc
        rij = Faseovergang.objects.create(
            wijkplan=plan,
            overgang=overgang,
            van_fase=van,
            naar_fase=plan.fase,
            motivatie=motivatie,
            door=user,
            voorwaarden=[r.as_dict() for r in results],
        )
        from wup.tasks import meldingen_versturen  # tasks import services; avoid the cycle

        transaction.on_commit(lambda: meldingen_versturen.delay(rij.pk))
    wijkplan.refresh_from_db()
    return rij


def meldingen_maken(*, faseovergang_id: int) -> list[Melding]:
    """Notify the people involved of a transition, in the app and by e-mail.

    Projectleiders of the plan hear of every transition made by someone else; the griffiers of
    the municipality hear when a plan reaches the council. Safe to run twice (a redelivered
    task): each person is notified once per transition.
    """
    rij = Faseovergang.objects.select_related("wijkplan__gemeente", "door").get(pk=faseovergang_id)
    plan = rij.wijkplan
    ontvangers = set(
        get_users_with_perms(plan, only_with_perms_in=["change_wijkplan"], with_group_users=False)
    )
    if rij.naar_fase == Fase.TER_BESLUITVORMING:
        ontvangers |= set(
            get_users_with_perms(
                plan.gemeente, only_with_perms_in=["griffie_gemeente"], with_group_users=False
            )
        )
    ontvangers.discard(rij.door)
    tekst = _("%(plan)s: van ‘%(van)s’ naar ‘%(naar)s’%(door)s.") % {
        "plan": plan.naam,
        "van": rij.get_van_fase_display(),
        "naar": rij.get_naar_fase_display(),
        "door": (
            _(" door %(naam)s") % {"naam": rij.door.get_full_name() or rij.door.get_username()}
        )
        if rij.door
        else "",
    }
    nieuw: list[Melding] = []
    for ontvanger in sorted(ontvangers, key=lambda u: u.pk):
        if not ontvanger.is_active:
            continue
        melding, created = Melding.objects.get_or_create(
            ontvanger=ontvanger, faseovergang=rij, defaults={"tekst": tekst[:300]}
        )
        if created:
            nieuw.append(melding)
            if ontvanger.email:
                send_mail(
                    subject=_("Wijkplan %(plan)s") % {"plan": plan.naam},
                    message=tekst + "\n\n" + (rij.motivatie or ""),
                    from_email=None,
                    recipient_list=[ontvanger.email],
                    fail_silently=True,
                )
    return nieuw


def meldingen_gelezen(*, user: AbstractBaseUser) -> int:
    return Melding.objects.filter(ontvanger=user, gelezen_op__isnull=True).update(
        gelezen_op=timezone.now()
    )


@dataclass(frozen=True)
class GebiedRegel:
    """One area as a source (e.g. the CBS Kerncijfers) names it."""

    code: str
    naam: str


def gebieden_bijwerken(*, regels: Iterable[GebiedRegel]) -> dict[str, int]:
    """Create or rename gemeenten, wijken and buurten by CBS code, in one transaction.

    Used by imports that know the official area names. A wijk's gemeente and a buurt's wijk
    follow from the code itself (CBS numbering), so an area whose parent is missing from the
    source still lands in the right place. Areas are never deleted (plans may refer to them).
    Returns the number of areas per kind ("GM", "WK", "BU"). Raises ``ValidationError`` naming
    every bad code; then nothing is saved.
    """
    validators = {"GM": gemeentecode_validator, "WK": wijkcode_validator, "BU": buurtcode_validator}
    per_soort: dict[str, dict[str, str]] = {"GM": {}, "WK": {}, "BU": {}}
    fouten: list[str] = []
    for regel in regels:
        code = normalise_cbs_code(regel.code)
        try:
            if code[:2] not in validators:
                raise ValidationError(_("dit is geen code van een gemeente, wijk of buurt."))
            validators[code[:2]](code)
        except ValidationError as exc:
            fouten.append(f"{code or '(leeg)'}: {exc.messages[0]}")
            continue
        per_soort[code[:2]][code] = regel.naam.strip()
    if fouten:
        raise ValidationError(fouten)
    for code in list(per_soort["BU"]):
        per_soort["WK"].setdefault(f"WK{code[2:8]}", "")
    for code in list(per_soort["WK"]):
        per_soort["GM"].setdefault(f"GM{code[2:6]}", "")

    def upsert(model, namen: dict[str, str], ouder: tuple[str, dict[str, int], int] | None):
        bestaand = dict(model.objects.filter(code__in=list(namen)).values_list("code", "naam"))
        objecten = []
        for code, naam in namen.items():
            obj = model(code=code, naam=naam or bestaand.get(code) or code)
            if ouder:
                veld, ids, lengte = ouder
                setattr(obj, veld, ids[code[2:lengte]])
            objecten.append(obj)
        model.objects.bulk_create(
            objecten,
            update_conflicts=True,
            unique_fields=["code"],
            update_fields=["naam", *([ouder[0]] if ouder else [])],
            batch_size=2000,
        )
        return {
            code[2:]: pk
            for code, pk in model.objects.filter(code__in=list(namen)).values_list("code", "pk")
        }

    with transaction.atomic():
        gm = upsert(Gemeente, per_soort["GM"], None)
        wk = upsert(Wijk, per_soort["WK"], ("gemeente_id", gm, 6))
        upsert(Buurt, per_soort["BU"], ("wijk_id", wk, 8))
    return {soort: len(namen) for soort, namen in per_soort.items()}


# --- The decisions log ---------------------------------------------------------------------

MAX_BESLUIT = 5000
MAX_KENMERK = Besluit._meta.get_field("kenmerk").max_length
MAX_BRON = Besluit._meta.get_field("bron").max_length


def _besluit_datum(waarde) -> date:
    if waarde is None or waarde == "":
        raise ValidationError({"datum": _("Vul de datum van het besluit in.")})
    if not isinstance(waarde, date) or isinstance(waarde, datetime):
        raise ValidationError(
            {"datum": _("Vul een geldige datum in, bijvoorbeeld %(d)s.") % {"d": "2026-03-17"}}
        )
    if waarde > timezone.localdate():
        raise ValidationError(
            {"datum": _("De datum van het besluit kan niet in de toekomst liggen.")}
        )
    return waarde


def _besluit_bron(waarde) -> str:
    bron = tekst(waarde, "bron", max_lengte=MAX_BRON)
    if bron and not bron.replace("_", "").isalnum():
        raise ValidationError(
            {"bron": _("De bron is de korte naam van een stap, bijvoorbeeld ‘keuze’.")}
        )
    return bron.lower()


def besluit_vastleggen(
    *,
    wijkplan: Wijkplan,
    user: AbstractBaseUser,
    datum: date,
    orgaan: str,
    besluit: str,
    kenmerk: str = "",
    bron: str = "",
    vervangt: Besluit | int | None = None,
) -> Besluit:
    """Add a decision to the plan's decisions log (only its projectleider, never in a frozen
    plan; a council decision also by the griffier while the plan is before the council).
    ``bron`` is the step app that records it (empty: entered by hand). A correction names the
    row it supersedes in ``vervangt``: that row stays as it was, marked as replaced;
    it must belong to this plan and not have been superseded before."""
    velden = verzamel(
        [
            ("datum", lambda: _besluit_datum(datum)),
            (
                "orgaan",
                lambda: uit_lijst(
                    orgaan,
                    "orgaan",
                    Besluit.Orgaan.choices,
                    _("Kies wie het besluit heeft genomen."),
                ),
            ),
            (
                "besluit",
                lambda: tekst(
                    besluit,
                    "besluit",
                    verplicht=_("Schrijf op wat er is besloten."),
                    max_lengte=MAX_BESLUIT,
                ),
            ),
            ("kenmerk", lambda: tekst(kenmerk, "kenmerk", max_lengte=MAX_KENMERK)),
            ("bron", lambda: _besluit_bron(bron)),
        ]
    )
    with transaction.atomic():
        if velden["orgaan"] == Besluit.Orgaan.GEMEENTERAAD and permissions.is_griffier(
            wijkplan, user
        ):
            # The griffier records the council's decision on a plan that is before the council.
            plan = Wijkplan.objects.select_for_update().get(pk=wijkplan.pk)
            if plan.fase != Fase.TER_BESLUITVORMING:
                raise TransitionConflict(
                    _("De griffier legt alleen een raadsbesluit vast over een plan bij de raad.")
                )
        else:
            plan = schrijven.schrijfbaar(
                wijkplan,
                user,
                niet_toegestaan=_("Alleen de projectleider van dit plan kan besluiten vastleggen."),
            )
        vorige = None
        if vervangt is not None:
            vorige_pk = vervangt.pk if isinstance(vervangt, Besluit) else vervangt
            # Locked: two corrections of the same row at once cannot both succeed.
            vorige = (
                Besluit.objects.select_for_update().filter(pk=vorige_pk, wijkplan=plan).first()
                if isinstance(vorige_pk, int) and 0 < vorige_pk < 2**63
                else None
            )
            if vorige is None:
                raise ValidationError(
                    {"vervangt": _("Het besluit dat u wilt corrigeren hoort niet bij dit plan.")}
                )
            opvolger = Besluit.objects.filter(vervangt=vorige).first()
            if opvolger is not None:
                raise ValidationError(
                    {
                        "vervangt": _(
                            "Dit besluit is al vervangen door het besluit van %(datum)s. "
                            "Corrigeer dat besluit als het niet klopt."
                        )
                        % {"datum": date_format(opvolger.datum, "j F Y")}
                    }
                )
        rij = Besluit(wijkplan=plan, vervangt=vorige, vastgelegd_door=user, **velden)
        rij.full_clean(validate_unique=False)
        rij.save()
    return rij
