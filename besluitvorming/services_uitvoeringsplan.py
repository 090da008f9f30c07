"""Writes of step 6's part 'uitvoeringsplan': the composition (broader agenda and timeline),
its preconditions, process steps and decisions needed, the wishes of stakeholders taken into
the plan, and the answers to the Wgiw safeguards.

Only the plan's projectleider writes, never in a frozen plan. Bad input raises a
``ValidationError`` with a Dutch message per field, and nothing is saved; each write is one
transaction.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from besluitvorming import selectors_uitvoeringsplan as selectors
from besluitvorming.models.uitvoeringsplan import (
    Belanghebbendenwens,
    BenodigdBesluit,
    Processtap,
    Randvoorwaarde,
    Uitvoeringsplan,
    Waarborg,
)
from wup import schrijven
from wup.models import Besluit, Wijkplan
from wup.schrijven import tekst, uit_lijst, verzamel

MAX_TEKST = 5000
MAX_JAREN = 50
NVT = re.compile(r"^\s*n(iet)?\.?\s*v(an)?\.?\s*t(oepassing)?\.?\s*[.!:;,-]*\s*$", re.IGNORECASE)


def _schrijfbaar(plan: Wijkplan, user: AbstractBaseUser) -> Wijkplan:
    return schrijven.schrijfbaar(
        plan,
        user,
        niet_toegestaan=_(
            "Alleen de projectleider van dit plan kan het uitvoeringsplan opstellen."
        ),
    )


def _volgende(model, plan: Wijkplan) -> int:
    return (model.objects.filter(wijkplan=plan).aggregate(m=Max("volgorde"))["m"] or 0) + 1


def _datum(waarde, veld: str, *, leeg_mag: bool = True) -> datetime.date | None:
    if waarde is None or waarde == "":
        if leeg_mag:
            return None
        raise ValidationError({veld: _("Vul een datum in.")})
    if isinstance(waarde, str):
        try:
            return datetime.date.fromisoformat(waarde.strip())
        except ValueError:
            raise ValidationError(
                {veld: _("Vul een geldige datum in, bijvoorbeeld 14-03-2027.")}
            ) from None
    if not isinstance(waarde, datetime.date) or isinstance(waarde, datetime.datetime):
        raise ValidationError({veld: _("Vul een geldige datum in, bijvoorbeeld 14-03-2027.")})
    return waarde


def _jaren(waarde, veld: str) -> int | None:
    if waarde is None or waarde == "":
        return None
    melding = _("Vul een heel aantal jaren in, van 0 tot en met %(n)d.") % {"n": MAX_JAREN}
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
    if not 0 <= getal <= MAX_JAREN:
        raise ValidationError({veld: melding})
    return getal


def _thema(waarde, veld: str) -> str:
    t = tekst(waarde, veld, max_lengte=MAX_TEKST)
    if t and NVT.match(t):
        raise ValidationError(
            {
                veld: _(
                    "Schrijf er ook bij waarom dit thema niet van toepassing is, bijvoorbeeld: "
                    "‘Niet van toepassing: er zijn geen andere werken gepland.’"
                )
            }
        )
    return t


# --- The composition --------------------------------------------------------------------------


@dataclass(frozen=True)
class Opgeslagen:
    """The saved composition with warnings that do not stop the save (in Dutch)."""

    samenstelling: Uitvoeringsplan
    waarschuwingen: tuple[str, ...] = ()


SAMENSTELLING_VELDEN = (
    "einddatum_gaslevering",
    "aankondigingstermijn_jaren",
    *selectors.THEMA_VELDEN,
)


def samenstelling_opslaan(*, wijkplan: Wijkplan, user: AbstractBaseUser, **invoer) -> Opgeslagen:
    """Save the timeline (``einddatum_gaslevering``, ``aankondigingstermijn_jaren``) and the
    text per theme of the broader agenda. The end date may not lie before the end of step 5's
    realisation planning; a notice period shorter than the Wgiw norm is saved with a warning."""
    with transaction.atomic():
        plan = _schrijfbaar(wijkplan, user)
        stappen = [
            (
                "einddatum_gaslevering",
                lambda: _datum(invoer.get("einddatum_gaslevering"), "einddatum_gaslevering"),
            ),
            (
                "aankondigingstermijn_jaren",
                lambda: _jaren(
                    invoer.get("aankondigingstermijn_jaren"), "aankondigingstermijn_jaren"
                ),
            ),
        ]
        stappen += [(v, lambda v=v: _thema(invoer.get(v), v)) for v in selectors.THEMA_VELDEN]
        velden = verzamel(stappen)
        eind = velden["einddatum_gaslevering"]
        realisatie = selectors.realisatie_eind(plan)
        if eind is not None and realisatie is not None and eind < realisatie:
            raise ValidationError(
                {
                    "einddatum_gaslevering": _(
                        "De gaslevering kan niet stoppen voordat de realisatie klaar is: de "
                        "planning van stap 5 loopt tot en met %(datum)s. Kies een latere datum "
                        "of pas de realisatieplanning aan."
                    )
                    % {"datum": realisatie.strftime("%d-%m-%Y")}
                }
            )
        samenstelling, _nieuw = Uitvoeringsplan.objects.select_for_update().get_or_create(
            wijkplan=plan
        )
        for veld, waarde in velden.items():
            setattr(samenstelling, veld, waarde)
        samenstelling.gewijzigd_door = user
        samenstelling.save()
    waarschuwingen = [selectors.termijn_waarschuwing(samenstelling.aankondigingstermijn_jaren)]
    jaren = samenstelling.aankondigingstermijn_jaren
    if eind is not None and jaren:
        vandaag = timezone.localdate()
        try:
            uiterlijk = vandaag.replace(year=vandaag.year + jaren)
        except ValueError:  # 29 February
            uiterlijk = vandaag.replace(year=vandaag.year + jaren, day=28)
        if eind < uiterlijk:
            waarschuwingen.append(
                _(
                    "De gaslevering stopt op %(datum)s, minder dan %(n)d jaar na vandaag. Met "
                    "deze einddatum kunnen de bewoners de aankondigingstermijn niet meer krijgen."
                )
                % {"datum": eind.strftime("%d-%m-%Y"), "n": jaren}
            )
    return Opgeslagen(samenstelling, tuple(w for w in waarschuwingen if w))


# --- Items: preconditions, process steps, decisions needed ----------------------------------


def _randvoorwaarde_velden(plan, d: dict) -> dict:
    return verzamel(
        [
            (
                "tekst",
                lambda: tekst(
                    d.get("tekst"),
                    "tekst",
                    verplicht=_("Beschrijf de randvoorwaarde."),
                    max_lengte=MAX_TEKST,
                ),
            )
        ]
    )


def _processtap_velden(plan, d: dict) -> dict:
    return verzamel(
        [
            (
                "naam",
                lambda: tekst(
                    d.get("naam"), "naam", verplicht=_("Geef de stap een naam."), max_lengte=200
                ),
            ),
            (
                "omschrijving",
                lambda: tekst(d.get("omschrijving"), "omschrijving", max_lengte=MAX_TEKST),
            ),
            (
                "verantwoordelijke",
                lambda: tekst(
                    d.get("verantwoordelijke"),
                    "verantwoordelijke",
                    verplicht=_("Vul in welke partij verantwoordelijk is voor deze stap."),
                    max_lengte=200,
                ),
            ),
        ]
    )


def _besluit_velden(plan, d: dict) -> dict:
    return verzamel(
        [
            (
                "orgaan",
                lambda: uit_lijst(
                    d.get("orgaan"),
                    "orgaan",
                    Besluit.Orgaan.choices,
                    _("Kies wie het besluit neemt."),
                ),
            ),
            (
                "onderwerp",
                lambda: tekst(
                    d.get("onderwerp"),
                    "onderwerp",
                    verplicht=_("Beschrijf waarover besloten moet worden."),
                    max_lengte=300,
                ),
            ),
            ("beoogde_datum", lambda: _datum(d.get("beoogde_datum"), "beoogde_datum")),
        ]
    )


def _toevoegen(model, velden_van, wijkplan, user, invoer):
    with transaction.atomic():
        plan = _schrijfbaar(wijkplan, user)
        velden = velden_van(plan, invoer)
        return model.objects.create(
            wijkplan=plan, volgorde=_volgende(model, plan), gewijzigd_door=user, **velden
        )


def _wijzigen(model, velden_van, obj, user, invoer):
    with transaction.atomic():
        plan = _schrijfbaar(obj.wijkplan, user)
        obj = model.objects.select_for_update().get(pk=obj.pk, wijkplan=plan)
        for veld, waarde in velden_van(plan, invoer).items():
            setattr(obj, veld, waarde)
        obj.gewijzigd_door = user
        obj.save()
        return obj


def _verwijderen(model, obj, user) -> None:
    with transaction.atomic():
        plan = _schrijfbaar(obj.wijkplan, user)
        model.objects.filter(pk=obj.pk, wijkplan=plan).delete()


def randvoorwaarde_toevoegen(*, wijkplan, user, **invoer) -> Randvoorwaarde:
    return _toevoegen(Randvoorwaarde, _randvoorwaarde_velden, wijkplan, user, invoer)


def randvoorwaarde_wijzigen(*, randvoorwaarde, user, **invoer) -> Randvoorwaarde:
    return _wijzigen(Randvoorwaarde, _randvoorwaarde_velden, randvoorwaarde, user, invoer)


def randvoorwaarde_verwijderen(*, randvoorwaarde, user) -> None:
    _verwijderen(Randvoorwaarde, randvoorwaarde, user)


def processtap_toevoegen(*, wijkplan, user, **invoer) -> Processtap:
    return _toevoegen(Processtap, _processtap_velden, wijkplan, user, invoer)


def processtap_wijzigen(*, processtap, user, **invoer) -> Processtap:
    return _wijzigen(Processtap, _processtap_velden, processtap, user, invoer)


def processtap_verwijderen(*, processtap, user) -> None:
    _verwijderen(Processtap, processtap, user)


def benodigd_besluit_toevoegen(*, wijkplan, user, **invoer) -> BenodigdBesluit:
    return _toevoegen(BenodigdBesluit, _besluit_velden, wijkplan, user, invoer)


def benodigd_besluit_wijzigen(*, benodigd_besluit, user, **invoer) -> BenodigdBesluit:
    return _wijzigen(BenodigdBesluit, _besluit_velden, benodigd_besluit, user, invoer)


def benodigd_besluit_verwijderen(*, benodigd_besluit, user) -> None:
    _verwijderen(BenodigdBesluit, benodigd_besluit, user)


# --- Wishes and requirements of stakeholders ----------------------------------------------------


def wens_vastleggen(
    *, wijkplan: Wijkplan, user: AbstractBaseUser, inbreng_id, opgenomen, notitie=""
) -> Belanghebbendenwens:
    """Mark a resident's published question (step 3) as taken into the plan or not; taken in
    needs a short note on how. The question and answer are kept as they are now."""
    with transaction.atomic():
        plan = _schrijfbaar(wijkplan, user)
        try:
            pk = int(inbreng_id)
        except (TypeError, ValueError):
            pk = 0
        vraag = (
            selectors.gepubliceerde_vraag(plan, pk) if not isinstance(inbreng_id, bool) else None
        )
        bestaand = Belanghebbendenwens.objects.filter(wijkplan=plan, inbreng_id=pk).first()
        if vraag is None and bestaand is None:
            raise ValidationError(
                {"inbreng_id": _("Kies een gepubliceerde vraag van bewoners uit dit plan.")}
            )
        if not isinstance(opgenomen, bool):
            raise ValidationError({"opgenomen": _("Geef aan of de wens in het plan is opgenomen.")})
        n = tekst(notitie, "notitie", max_lengte=500)
        if opgenomen and not n:
            raise ValidationError(
                {"notitie": _("Schrijf kort op hoe deze wens in het plan is opgenomen.")}
            )
        wens = bestaand or Belanghebbendenwens(wijkplan=plan, inbreng_id=pk)
        if vraag is not None:
            wens.vraag, wens.antwoord = vraag.tekst, vraag.antwoord
        wens.opgenomen, wens.notitie, wens.gewijzigd_door = opgenomen, n, user
        wens.save()
        return wens


# --- The Wgiw safeguards ------------------------------------------------------------------------


def waarborg_opslaan(
    *, wijkplan: Wijkplan, user: AbstractBaseUser, punt, antwoord, status
) -> Waarborg:
    """Answer one point of the Wgiw checklist; the evidence from the steps as it is now is kept
    with the answer."""
    velden = verzamel(
        [
            (
                "punt",
                lambda: uit_lijst(punt, "punt", Waarborg.Punt.choices, _("Kies een waarborg.")),
            ),
            (
                "antwoord",
                lambda: tekst(
                    antwoord,
                    "antwoord",
                    verplicht=_("Beschrijf hoe het plan aan deze waarborg voldoet."),
                    max_lengte=MAX_TEKST,
                ),
            ),
            (
                "status",
                lambda: uit_lijst(
                    status,
                    "status",
                    Waarborg.Status.choices,
                    _("Kies of aan de waarborg is voldaan."),
                ),
            ),
        ]
    )
    with transaction.atomic():
        plan = _schrijfbaar(wijkplan, user)
        bewijs = selectors.bewijs(plan, velden["punt"])
        waarborg, _nieuw = Waarborg.objects.select_for_update().get_or_create(
            wijkplan=plan,
            punt=velden["punt"],
            defaults={"antwoord": velden["antwoord"], "status": velden["status"]},
        )
        waarborg.antwoord, waarborg.status = velden["antwoord"], velden["status"]
        waarborg.bewijs, waarborg.gewijzigd_door = bewijs.tekst, user
        waarborg.save()
        return waarborg
