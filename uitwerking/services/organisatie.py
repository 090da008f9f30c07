"""Writes of step 5's part 'organisatie': parties, activities and their roles (RACI), the
agreement on the roles, the governance choice, the risk register and the realisation planning.

Only the plan's projectleider writes, never in a frozen plan. Bad input raises a
``ValidationError`` with a Dutch message per field, and nothing is saved; each write is one
transaction. The agreement on the roles and the governance choice go into the plan's decisions
log; they are never changed afterwards, a new one supersedes them.
"""

from __future__ import annotations

import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from uitwerking.models.organisatie import (
    Activiteit,
    GovernanceKeuze,
    Partij,
    Realisatiefase,
    Risico,
    Rol,
    RollenAkkoord,
)
from uitwerking.selectors import organisatie as selectors
from wup import schrijven
from wup.models import Besluit, Wijkplan
from wup.schrijven import tekst, uit_lijst, verzamel

MAX_TEKST = 5000
MIN_MOTIVATIE = 20
#: ``bron`` of the rows this part writes into the decisions log.
BRON_ROLLEN = "uitwerking_rollen"
BRON_GOVERNANCE = "uitwerking_governance"

#: The parties offered with one click: (name, kind).
STANDAARD_PARTIJEN = (
    ("Gemeente", Partij.Soort.GEMEENTE),
    ("Warmtebedrijf", Partij.Soort.WARMTEBEDRIJF),
    ("Netbeheerder", Partij.Soort.NETBEHEERDER),
    ("Woningcorporatie", Partij.Soort.WONINGCORPORATIE),
    ("Bewoners en VvE's", Partij.Soort.BEWONERS),
)
#: The activities of a heat network or all-electric realisation, offered with one click.
STANDAARD_ACTIVITEITEN = (
    ("Ontwerp warmtesysteem", "Het technisch ontwerp van bron, net en aansluitingen."),
    ("Financiering", "De businesscase rond krijgen: investeringen, subsidies en leningen."),
    ("Vergunningen", "Omgevingsvergunning, melding en afspraken over de openbare ruimte."),
    ("Aanleg warmtenet", "Het leggen van het net en de bouw van de bron of het station."),
    ("Aansluiten woningen", "Aansluiten van de woningen en verwijderen van de gasaansluiting."),
    ("Isolatie woningen", "Woningen geschikt maken: isolatie en aanpassingen binnen."),
    ("Communicatie bewoners", "Informeren en betrekken van bewoners, voor en tijdens de aanleg."),
    ("Beheer en onderhoud", "Het systeem na de aanleg beheren, onderhouden en storingen oplossen."),
)


def _schrijfbaar(plan: Wijkplan, user: AbstractBaseUser) -> Wijkplan:
    return schrijven.schrijfbaar(
        plan,
        user,
        niet_toegestaan=_("Alleen de projectleider van dit plan kan de organisatie uitwerken."),
    )


def _volgende(model, plan: Wijkplan) -> int:
    return (model.objects.filter(wijkplan=plan).aggregate(m=Max("volgorde"))["m"] or 0) + 1


def _datum_verleden(waarde, veld: str, leeg: str) -> datetime.date:
    if waarde is None or waarde == "":
        raise ValidationError({veld: leeg})
    if not isinstance(waarde, datetime.date) or isinstance(waarde, datetime.datetime):
        raise ValidationError({veld: _("Vul een geldige datum in, bijvoorbeeld 14-03-2027.")})
    if waarde > timezone.localdate():
        raise ValidationError({veld: _("Deze datum kan niet in de toekomst liggen.")})
    return waarde


def _datum(waarde, veld: str, leeg: str) -> datetime.date:
    if waarde is None or waarde == "":
        raise ValidationError({veld: leeg})
    if not isinstance(waarde, datetime.date) or isinstance(waarde, datetime.datetime):
        raise ValidationError({veld: _("Vul een geldige datum in, bijvoorbeeld 14-03-2027.")})
    return waarde


def _geheel(waarde, veld: str, laag: int, hoog: int, melding: str) -> int:
    if isinstance(waarde, bool):
        raise ValidationError({veld: melding})
    if isinstance(waarde, str):
        waarde = waarde.strip()
    try:
        getal = int(waarde)
    except (TypeError, ValueError):
        raise ValidationError({veld: melding}) from None
    if isinstance(waarde, float) and waarde != getal:
        raise ValidationError({veld: melding})
    if not laag <= getal <= hoog:
        raise ValidationError({veld: melding})
    return getal


def _partij_van_plan(plan: Wijkplan, partij_id, veld: str, melding: str) -> Partij | None:
    """The party with this id in this plan; None for an empty value."""
    if partij_id in (None, ""):
        return None
    try:
        pk = int(partij_id)
    except (TypeError, ValueError):
        raise ValidationError({veld: melding}) from None
    partij = selectors.partij_by_pk(plan, pk) if not isinstance(partij_id, bool) else None
    if partij is None:
        raise ValidationError({veld: melding})
    return partij


def _naam_vrij(model, plan: Wijkplan, naam: str, melding: str, behalve: int | None = None):
    qs = model.objects.filter(wijkplan=plan, naam__iexact=naam)
    if behalve is not None:
        qs = qs.exclude(pk=behalve)
    if qs.exists():
        raise ValidationError({"naam": melding})


# --- Parties ------------------------------------------------------------------------------------


def _partij_velden(naam, soort) -> dict:
    return verzamel(
        [
            (
                "naam",
                lambda: tekst(
                    naam, "naam", verplicht=_("Geef de partij een naam."), max_lengte=120
                ),
            ),
            (
                "soort",
                lambda: uit_lijst(
                    soort, "soort", Partij.Soort.choices, _("Kies wat voor partij het is.")
                ),
            ),
        ]
    )


def partij_toevoegen(*, wijkplan: Wijkplan, user: AbstractBaseUser, naam, soort) -> Partij:
    velden = _partij_velden(naam, soort)
    with transaction.atomic():
        plan = _schrijfbaar(wijkplan, user)
        _naam_vrij(Partij, plan, velden["naam"], _("Dit plan heeft al een partij met deze naam."))
        return Partij.objects.create(
            wijkplan=plan, volgorde=_volgende(Partij, plan), gewijzigd_door=user, **velden
        )


def partij_wijzigen(*, partij: Partij, user: AbstractBaseUser, naam, soort) -> Partij:
    velden = _partij_velden(naam, soort)
    with transaction.atomic():
        plan = _schrijfbaar(partij.wijkplan, user)
        partij = Partij.objects.select_for_update().get(pk=partij.pk, wijkplan=plan)
        _naam_vrij(
            Partij,
            plan,
            velden["naam"],
            _("Dit plan heeft al een partij met deze naam."),
            behalve=partij.pk,
        )
        for veld, waarde in velden.items():
            setattr(partij, veld, waarde)
        partij.gewijzigd_door = user
        partij.save()
        return partij


def partij_verwijderen(*, partij: Partij, user: AbstractBaseUser) -> None:
    """Remove a party with its roles; the risks and phases it owned keep no owner."""
    with transaction.atomic():
        plan = _schrijfbaar(partij.wijkplan, user)
        Partij.objects.filter(pk=partij.pk, wijkplan=plan).delete()


def standaardpartijen_toevoegen(*, wijkplan: Wijkplan, user: AbstractBaseUser) -> list[Partij]:
    """Add the standard parties the plan does not have yet (by name)."""
    with transaction.atomic():
        plan = _schrijfbaar(wijkplan, user)
        bestaand = {
            n.lower() for n in Partij.objects.filter(wijkplan=plan).values_list("naam", flat=True)
        }
        volgorde = _volgende(Partij, plan)
        nieuw = [
            Partij(
                wijkplan=plan, naam=naam, soort=soort, volgorde=volgorde + i, gewijzigd_door=user
            )
            for i, (naam, soort) in enumerate(
                (n, s) for n, s in STANDAARD_PARTIJEN if n.lower() not in bestaand
            )
        ]
        return Partij.objects.bulk_create(nieuw)


# --- Activities ---------------------------------------------------------------------------------


def _activiteit_velden(naam, omschrijving) -> dict:
    return verzamel(
        [
            (
                "naam",
                lambda: tekst(
                    naam, "naam", verplicht=_("Geef de activiteit een naam."), max_lengte=120
                ),
            ),
            (
                "omschrijving",
                lambda: tekst(omschrijving, "omschrijving", max_lengte=MAX_TEKST),
            ),
        ]
    )


def activiteit_toevoegen(
    *, wijkplan: Wijkplan, user: AbstractBaseUser, naam, omschrijving=""
) -> Activiteit:
    velden = _activiteit_velden(naam, omschrijving)
    with transaction.atomic():
        plan = _schrijfbaar(wijkplan, user)
        _naam_vrij(
            Activiteit, plan, velden["naam"], _("Dit plan heeft al een activiteit met deze naam.")
        )
        return Activiteit.objects.create(
            wijkplan=plan, volgorde=_volgende(Activiteit, plan), gewijzigd_door=user, **velden
        )


def activiteit_wijzigen(
    *, activiteit: Activiteit, user: AbstractBaseUser, naam, omschrijving=""
) -> Activiteit:
    velden = _activiteit_velden(naam, omschrijving)
    with transaction.atomic():
        plan = _schrijfbaar(activiteit.wijkplan, user)
        activiteit = Activiteit.objects.select_for_update().get(pk=activiteit.pk, wijkplan=plan)
        _naam_vrij(
            Activiteit,
            plan,
            velden["naam"],
            _("Dit plan heeft al een activiteit met deze naam."),
            behalve=activiteit.pk,
        )
        for veld, waarde in velden.items():
            setattr(activiteit, veld, waarde)
        activiteit.gewijzigd_door = user
        activiteit.save()
        return activiteit


def activiteit_verwijderen(*, activiteit: Activiteit, user: AbstractBaseUser) -> None:
    with transaction.atomic():
        plan = _schrijfbaar(activiteit.wijkplan, user)
        Activiteit.objects.filter(pk=activiteit.pk, wijkplan=plan).delete()


def standaardactiviteiten_toevoegen(
    *, wijkplan: Wijkplan, user: AbstractBaseUser
) -> list[Activiteit]:
    """Add the standard activities the plan does not have yet (by name)."""
    with transaction.atomic():
        plan = _schrijfbaar(wijkplan, user)
        bestaand = {
            n.lower()
            for n in Activiteit.objects.filter(wijkplan=plan).values_list("naam", flat=True)
        }
        volgorde = _volgende(Activiteit, plan)
        nieuw = [
            Activiteit(
                wijkplan=plan,
                naam=naam,
                omschrijving=omschrijving,
                volgorde=volgorde + i,
                gewijzigd_door=user,
            )
            for i, (naam, omschrijving) in enumerate(
                (n, o) for n, o in STANDAARD_ACTIVITEITEN if n.lower() not in bestaand
            )
        ]
        return Activiteit.objects.bulk_create(nieuw)


# --- The RACI matrix ------------------------------------------------------------------------------


def raci_opslaan(
    *, wijkplan: Wijkplan, user: AbstractBaseUser, rollen: dict[tuple[int, int], str]
) -> selectors.Raci:
    """Replace the whole matrix: ``{(activiteit_id, partij_id): "R" | "A" | "C" | "I" | ""}``
    (empty or missing: no role). Every activity needs exactly one A and at least one R; when
    one does not, the error names it (``activiteit_<id>``) and nothing is saved."""
    with transaction.atomic():
        plan = _schrijfbaar(wijkplan, user)
        raci = selectors.raci_van(plan)
        activiteiten = {a.pk for a in raci.activiteiten}
        partijen = {p.pk for p in raci.partijen}
        if any(a not in activiteiten or p not in partijen for a, p in rollen):
            raise ValidationError(
                _("Een van de activiteiten of partijen hoort niet (meer) bij dit plan.")
            )
        fouten: dict[str, str] = {}
        cellen: dict[tuple[int, int], str] = {}
        geldig = {c for c, _label in Rol.Soort.choices}
        for (a, p), rol in rollen.items():
            rol = (rol or "").strip().upper() if isinstance(rol, str) or rol is None else rol
            if rol == "":
                continue
            if rol not in geldig:
                fouten[f"rol_{a}_{p}"] = _("Kies R, A, C, I of laat leeg.")
                continue
            cellen[(a, p)] = rol
        if fouten:
            raise ValidationError(fouten)
        per_activiteit = selectors.raci_fouten(raci.activiteiten, cellen, raci.namen)
        if per_activiteit:
            raise ValidationError({f"activiteit_{a}": m for a, m in per_activiteit.items()})
        Rol.objects.filter(activiteit__wijkplan=plan).delete()
        Rol.objects.bulk_create(
            Rol(activiteit_id=a, partij_id=p, rol=r) for (a, p), r in sorted(cellen.items())
        )
        return selectors.raci_van(plan)


def rollen_akkoord_vastleggen(
    *,
    wijkplan: Wijkplan,
    user: AbstractBaseUser,
    datum: datetime.date,
    orgaan: str,
    kenmerk: str = "",
) -> RollenAkkoord:
    """Record that the parties agreed on the roles as they are now, with the matrix kept as it
    is, and add it to the plan's decisions log."""
    from wup.services import besluit_vastleggen

    velden = verzamel(
        [
            (
                "datum",
                lambda: _datum_verleden(
                    datum, "datum", _("Vul de datum in waarop de rollen zijn afgesproken.")
                ),
            ),
            (
                "orgaan",
                lambda: uit_lijst(
                    orgaan,
                    "orgaan",
                    Besluit.Orgaan.choices,
                    _("Kies waar de rollen zijn afgesproken."),
                ),
            ),
            ("kenmerk", lambda: tekst(kenmerk, "kenmerk", max_lengte=100)),
        ]
    )
    with transaction.atomic():
        plan = _schrijfbaar(wijkplan, user)
        raci = selectors.raci_van(plan)
        if not raci.activiteiten:
            raise ValidationError(
                _(
                    "Er zijn nog geen activiteiten met rollen. Verdeel eerst de rollen en leg "
                    "daarna het akkoord vast."
                )
            )
        if raci.fouten:
            raise ValidationError(
                _("De rolverdeling is nog niet compleet: %(fouten)s")
                % {"fouten": " ".join(raci.fouten.values())}
            )
        vorige = RollenAkkoord.objects.filter(wijkplan=plan).first()
        if vorige is not None and vorige.vingerafdruk == raci.vingerafdruk:
            raise ValidationError(
                _(
                    "Over de rollen zoals ze nu zijn, is al een akkoord vastgelegd (%(datum)s). "
                    "Een nieuw akkoord is pas nodig als de rollen veranderen."
                )
                % {"datum": vorige.datum.strftime("%d-%m-%Y")}
            )
        besluit = besluit_vastleggen(
            wijkplan=plan,
            user=user,
            datum=velden["datum"],
            orgaan=velden["orgaan"],
            besluit=(
                _(
                    "Akkoord over de rollen en verantwoordelijkheden bij de uitvoering "
                    "(%(n)d activiteiten, %(p)d partijen); vervangt het akkoord van %(vorige)s."
                )
                % {
                    "n": len(raci.activiteiten),
                    "p": len({p for _a, p in raci.cellen}),
                    "vorige": vorige.datum.strftime("%d-%m-%Y"),
                }
                if vorige
                else _(
                    "Akkoord over de rollen en verantwoordelijkheden bij de uitvoering "
                    "(%(n)d activiteiten, %(p)d partijen)."
                )
                % {"n": len(raci.activiteiten), "p": len({p for _a, p in raci.cellen})}
            ),
            kenmerk=velden["kenmerk"],
            bron=BRON_ROLLEN,
        )
        return RollenAkkoord.objects.create(
            wijkplan=plan,
            vingerafdruk=raci.vingerafdruk,
            momentopname=raci.als_momentopname(),
            besluit=besluit,
            vastgelegd_door=user,
            **velden,
        )


# --- Governance ---------------------------------------------------------------------------------


def governance_vastleggen(
    *,
    wijkplan: Wijkplan,
    user: AbstractBaseUser,
    model: str,
    motivatie: str,
    datum: datetime.date,
    orgaan: str,
    kenmerk: str = "",
) -> GovernanceKeuze:
    """Record the model of ownership and governance of the heat system and add it to the
    plan's decisions log; it supersedes the choice before."""
    from wup.services import besluit_vastleggen

    def motivatie_check():
        waarde = tekst(
            motivatie,
            "motivatie",
            verplicht=_("Schrijf op waarom voor dit model van eigendom en governance is gekozen."),
            max_lengte=MAX_TEKST,
        )
        if len(waarde) < MIN_MOTIVATIE:
            raise ValidationError(
                {
                    "motivatie": _("Leg het iets uitgebreider uit: gebruik minstens %(n)d tekens.")
                    % {"n": MIN_MOTIVATIE}
                }
            )
        return waarde

    velden = verzamel(
        [
            (
                "model",
                lambda: uit_lijst(
                    model,
                    "model",
                    GovernanceKeuze.Model.choices,
                    _("Kies een model van eigendom en governance."),
                ),
            ),
            ("motivatie", motivatie_check),
            (
                "datum",
                lambda: _datum_verleden(datum, "datum", _("Vul de datum van het besluit in.")),
            ),
            (
                "orgaan",
                lambda: uit_lijst(
                    orgaan,
                    "orgaan",
                    Besluit.Orgaan.choices,
                    _("Kies wie het besluit heeft genomen."),
                ),
            ),
            ("kenmerk", lambda: tekst(kenmerk, "kenmerk", max_lengte=100)),
        ]
    )
    with transaction.atomic():
        plan = _schrijfbaar(wijkplan, user)
        vorige = GovernanceKeuze.objects.filter(wijkplan=plan).first()
        naam = GovernanceKeuze.Model(velden["model"]).label
        besluit = besluit_vastleggen(
            wijkplan=plan,
            user=user,
            datum=velden["datum"],
            orgaan=velden["orgaan"],
            besluit=(
                _("Eigendom en governance van het warmtesysteem: %(naam)s (vervangt: %(vorige)s).")
                % {"naam": naam, "vorige": vorige.get_model_display()}
                if vorige
                else _("Eigendom en governance van het warmtesysteem: %(naam)s.") % {"naam": naam}
            ),
            kenmerk=velden["kenmerk"],
            bron=BRON_GOVERNANCE,
        )
        return GovernanceKeuze.objects.create(
            wijkplan=plan, besluit=besluit, vastgelegd_door=user, **velden
        )


# --- Risks --------------------------------------------------------------------------------------


def _risico_velden(plan: Wijkplan, d: dict) -> dict:
    schaal = _("Kies een getal van 1 (heel klein) tot en met 5 (heel groot).")
    velden = verzamel(
        [
            (
                "titel",
                lambda: tekst(
                    d.get("titel"),
                    "titel",
                    verplicht=_("Geef het risico een korte titel."),
                    max_lengte=150,
                ),
            ),
            (
                "omschrijving",
                lambda: tekst(d.get("omschrijving"), "omschrijving", max_lengte=MAX_TEKST),
            ),
            (
                "categorie",
                lambda: uit_lijst(
                    d.get("categorie"),
                    "categorie",
                    Risico.Categorie.choices,
                    _("Kies bij welke categorie het risico hoort."),
                ),
            ),
            ("kans", lambda: _geheel(d.get("kans"), "kans", 1, 5, schaal)),
            ("impact", lambda: _geheel(d.get("impact"), "impact", 1, 5, schaal)),
            (
                "eigenaar",
                lambda: _partij_van_plan(
                    plan,
                    d.get("eigenaar"),
                    "eigenaar",
                    _("Kies een eigenaar uit de partijen van dit plan."),
                ),
            ),
            (
                "beheersmaatregel",
                lambda: tekst(d.get("beheersmaatregel"), "beheersmaatregel", max_lengte=MAX_TEKST),
            ),
            (
                "status",
                lambda: uit_lijst(
                    d.get("status") or Risico.Status.OPEN,
                    "status",
                    Risico.Status.choices,
                    _("Kies de status van het risico."),
                ),
            ),
        ]
    )
    return velden


RISICO_VELDEN = (
    "titel",
    "omschrijving",
    "categorie",
    "kans",
    "impact",
    "eigenaar",
    "beheersmaatregel",
    "status",
)


def risico_toevoegen(*, wijkplan: Wijkplan, user: AbstractBaseUser, **invoer) -> Risico:
    """Add a risk: ``titel``, ``omschrijving``, ``categorie``, ``kans`` and ``impact`` (1–5),
    ``eigenaar`` (id of one of the plan's parties, or empty), ``beheersmaatregel``, ``status``."""
    with transaction.atomic():
        plan = _schrijfbaar(wijkplan, user)
        velden = _risico_velden(plan, invoer)
        return Risico.objects.create(wijkplan=plan, gewijzigd_door=user, **velden)


def risico_wijzigen(*, risico: Risico, user: AbstractBaseUser, **invoer) -> Risico:
    with transaction.atomic():
        plan = _schrijfbaar(risico.wijkplan, user)
        risico = Risico.objects.select_for_update().get(pk=risico.pk, wijkplan=plan)
        velden = _risico_velden(plan, invoer)
        for veld, waarde in velden.items():
            setattr(risico, veld, waarde)
        risico.gewijzigd_door = user
        risico.save()
        return risico


def risico_verwijderen(*, risico: Risico, user: AbstractBaseUser) -> None:
    with transaction.atomic():
        plan = _schrijfbaar(risico.wijkplan, user)
        Risico.objects.filter(pk=risico.pk, wijkplan=plan).delete()


# --- Planning -----------------------------------------------------------------------------------


FASE_VELDEN = ("naam", "begindatum", "einddatum", "mijlpaal", "verantwoordelijke")


def _fase_velden(plan: Wijkplan, d: dict) -> dict:
    velden = verzamel(
        [
            (
                "naam",
                lambda: tekst(
                    d.get("naam"), "naam", verplicht=_("Geef de fase een naam."), max_lengte=120
                ),
            ),
            (
                "begindatum",
                lambda: _datum(d.get("begindatum"), "begindatum", _("Vul de begindatum in.")),
            ),
            (
                "einddatum",
                lambda: _datum(d.get("einddatum"), "einddatum", _("Vul de einddatum in.")),
            ),
            ("mijlpaal", lambda: tekst(d.get("mijlpaal"), "mijlpaal", max_lengte=300)),
            (
                "verantwoordelijke",
                lambda: _partij_van_plan(
                    plan,
                    d.get("verantwoordelijke"),
                    "verantwoordelijke",
                    _("Kies een verantwoordelijke uit de partijen van dit plan."),
                ),
            ),
        ]
    )
    if velden["einddatum"] < velden["begindatum"]:
        raise ValidationError({"einddatum": _("De einddatum kan niet voor de begindatum liggen.")})
    return velden


def fase_toevoegen(*, wijkplan: Wijkplan, user: AbstractBaseUser, **invoer) -> Realisatiefase:
    """Add a phase: ``naam``, ``begindatum``, ``einddatum`` (not before the start),
    ``mijlpaal`` and ``verantwoordelijke`` (id of one of the plan's parties, or empty)."""
    with transaction.atomic():
        plan = _schrijfbaar(wijkplan, user)
        velden = _fase_velden(plan, invoer)
        return Realisatiefase.objects.create(wijkplan=plan, gewijzigd_door=user, **velden)


def fase_wijzigen(*, fase: Realisatiefase, user: AbstractBaseUser, **invoer) -> Realisatiefase:
    with transaction.atomic():
        plan = _schrijfbaar(fase.wijkplan, user)
        fase = Realisatiefase.objects.select_for_update().get(pk=fase.pk, wijkplan=plan)
        velden = _fase_velden(plan, invoer)
        for veld, waarde in velden.items():
            setattr(fase, veld, waarde)
        fase.gewijzigd_door = user
        fase.save()
        return fase


def fase_verwijderen(*, fase: Realisatiefase, user: AbstractBaseUser) -> None:
    with transaction.atomic():
        plan = _schrijfbaar(fase.wijkplan, user)
        Realisatiefase.objects.filter(pk=fase.pk, wijkplan=plan).delete()
