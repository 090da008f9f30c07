"""Writes of step 4: the assessment framework (criteria, weights, expert scores) and the choice.

Only the plan's projectleider writes, never in a frozen plan. Bad input raises a
``ValidationError`` with a Dutch message per field, and nothing is saved; each write is one
transaction. A recorded choice is never changed: a new choice supersedes it, and the analysis
it rested on is stored with it as it was.
"""

from __future__ import annotations

import datetime
import math
import re

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from keuze import bronnen, selectors
from keuze.models import Criterium, Keuze, Score
from wup import schrijven
from wup.constants import Fase
from wup.models import Wijkplan
from wup.schrijven import tekst, uit_lijst, verzamel

MAX_TOELICHTING = 5000
MIN_MOTIVATIE = 20
MAX_GEWICHT = 1000.0
#: A unit like "score 1–5" bounds an expert's scores.
SCHAAL = re.compile(r"^score\s+(-?\d+(?:[.,]\d+)?)\s*[–-]\s*(-?\d+(?:[.,]\d+)?)$", re.IGNORECASE)


def _schrijfbaar(plan: Wijkplan, user: AbstractBaseUser) -> Wijkplan:
    return schrijven.schrijfbaar(
        plan,
        user,
        niet_toegestaan=_("Alleen de projectleider van dit plan kan de keuze voorbereiden."),
    )


def _getal(waarde, veld: str, melding: str) -> float:
    if isinstance(waarde, bool):
        raise ValidationError({veld: melding})
    if isinstance(waarde, str):
        waarde = waarde.strip().replace(",", ".")
    try:
        getal = float(waarde)
    except (TypeError, ValueError):
        raise ValidationError({veld: melding}) from None
    if not math.isfinite(getal):
        raise ValidationError({veld: melding})
    return getal


def _gewicht(waarde, veld: str = "gewicht") -> float:
    melding = _("Vul een gewicht in van 0 tot en met %(max)d, bijvoorbeeld 20.") % {
        "max": MAX_GEWICHT
    }
    gewicht = _getal(waarde, veld, melding)
    if not 0 <= gewicht <= MAX_GEWICHT:
        raise ValidationError({veld: melding})
    return gewicht


def schaal_van(eenheid: str) -> tuple[float, float] | None:
    """``(1.0, 5.0)`` for "score 1–5"; None for a unit without bounds."""
    m = SCHAAL.match((eenheid or "").strip())
    if not m:
        return None
    laag, hoog = (float(g.replace(",", ".")) for g in m.groups())
    return (laag, hoog) if laag < hoog else None


# --- Criteria -----------------------------------------------------------------------------------


def _criterium_velden(*, naam, toelichting, gewicht, richting, eenheid, bron, zekerheid) -> dict:
    return verzamel(
        [
            (
                "naam",
                lambda: tekst(
                    naam, "naam", verplicht=_("Geef het criterium een naam."), max_lengte=120
                ),
            ),
            (
                "toelichting",
                lambda: tekst(
                    toelichting,
                    "toelichting",
                    verplicht=_(
                        "Schrijf op waarom dit criterium meetelt en waarom het dit gewicht krijgt."
                    ),
                    max_lengte=MAX_TOELICHTING,
                ),
            ),
            ("gewicht", lambda: _gewicht(gewicht)),
            (
                "richting",
                lambda: uit_lijst(
                    richting,
                    "richting",
                    Criterium.Richting.choices,
                    _("Kies of een hogere of een lagere waarde beter is."),
                ),
            ),
            (
                "eenheid",
                lambda: tekst(
                    eenheid,
                    "eenheid",
                    verplicht=_("Vul de eenheid in, bijvoorbeeld ‘euro per jaar’ of ‘score 1–5’."),
                    max_lengte=60,
                ),
            ),
            (
                "bron",
                lambda: uit_lijst(
                    bron,
                    "bron",
                    bronnen.bronkeuzes(),
                    _("Kies waar de scores vandaan komen."),
                ),
            ),
            (
                "zekerheid",
                lambda: uit_lijst(
                    zekerheid,
                    "zekerheid",
                    Criterium.Zekerheid.choices,
                    _("Kies hoe zeker de scores van dit criterium zijn."),
                ),
            ),
        ]
    )


def _naam_vrij(plan: Wijkplan, naam: str, behalve: int | None = None) -> None:
    qs = Criterium.objects.filter(wijkplan=plan, naam__iexact=naam)
    if behalve is not None:
        qs = qs.exclude(pk=behalve)
    if qs.exists():
        raise ValidationError({"naam": _("Dit plan heeft al een criterium met deze naam.")})


def criterium_toevoegen(
    *,
    wijkplan: Wijkplan,
    user: AbstractBaseUser,
    naam: str,
    toelichting: str,
    gewicht,
    richting: str,
    eenheid: str,
    bron: str = bronnen.HANDMATIG,
    zekerheid: str,
) -> Criterium:
    velden = _criterium_velden(
        naam=naam,
        toelichting=toelichting,
        gewicht=gewicht,
        richting=richting,
        eenheid=eenheid,
        bron=bron,
        zekerheid=zekerheid,
    )
    with transaction.atomic():
        plan = _schrijfbaar(wijkplan, user)
        _naam_vrij(plan, velden["naam"])
        volgorde = (
            Criterium.objects.filter(wijkplan=plan).aggregate(m=Max("volgorde"))["m"] or 0
        ) + 1
        return Criterium.objects.create(
            wijkplan=plan, volgorde=volgorde, gewijzigd_door=user, **velden
        )


def criterium_wijzigen(
    *,
    criterium: Criterium,
    user: AbstractBaseUser,
    naam: str,
    toelichting: str,
    gewicht,
    richting: str,
    eenheid: str,
    bron: str,
    zekerheid: str,
) -> Criterium:
    """Change a criterion. Changing its source to an automatic one drops its expert scores
    (they no longer count); the choices recorded before keep what they rested on."""
    velden = _criterium_velden(
        naam=naam,
        toelichting=toelichting,
        gewicht=gewicht,
        richting=richting,
        eenheid=eenheid,
        bron=bron,
        zekerheid=zekerheid,
    )
    with transaction.atomic():
        plan = _schrijfbaar(criterium.wijkplan, user)
        criterium = Criterium.objects.select_for_update().get(pk=criterium.pk, wijkplan=plan)
        _naam_vrij(plan, velden["naam"], behalve=criterium.pk)
        for veld, waarde in velden.items():
            setattr(criterium, veld, waarde)
        criterium.gewijzigd_door = user
        criterium.save()
        if not criterium.handmatig:
            criterium.scores.all().delete()
        return criterium


def criterium_verwijderen(*, criterium: Criterium, user: AbstractBaseUser) -> None:
    with transaction.atomic():
        plan = _schrijfbaar(criterium.wijkplan, user)
        Criterium.objects.filter(pk=criterium.pk, wijkplan=plan).delete()


def standaardkader_toevoegen(*, wijkplan: Wijkplan, user: AbstractBaseUser) -> list[Criterium]:
    """Start the framework from the standard criteria (only while the plan has none)."""
    with transaction.atomic():
        plan = _schrijfbaar(wijkplan, user)
        if Criterium.objects.filter(wijkplan=plan).exists():
            raise ValidationError(
                _(
                    "Dit plan heeft al criteria. Het standaardkader kan alleen een leeg kader "
                    "vullen; voeg ontbrekende criteria één voor één toe."
                )
            )
        return Criterium.objects.bulk_create(
            Criterium(wijkplan=plan, volgorde=i, gewijzigd_door=user, **velden)
            for i, velden in enumerate(bronnen.standaardkader(), start=1)
        )


def gewichten_opslaan(
    *, wijkplan: Wijkplan, user: AbstractBaseUser, gewichten: dict[int, object]
) -> list[Criterium]:
    """Set the weights of the plan's criteria at once (``{criterium_id: gewicht}``)."""
    with transaction.atomic():
        plan = _schrijfbaar(wijkplan, user)
        criteria = list(Criterium.objects.select_for_update().filter(wijkplan=plan))
        bekend = {c.pk for c in criteria}
        onbekend = set(gewichten) - bekend
        if onbekend:
            raise ValidationError(_("Een van de criteria hoort niet (meer) bij dit plan."))
        nieuw = verzamel(
            (f"gewicht_{pk}", lambda pk=pk, w=w: _gewicht(w, f"gewicht_{pk}"))
            for pk, w in gewichten.items()
        )
        for c in criteria:
            if f"gewicht_{c.pk}" in nieuw:
                c.gewicht = nieuw[f"gewicht_{c.pk}"]
                c.gewijzigd_door = user
        Criterium.objects.bulk_update(criteria, ["gewicht", "gewijzigd_door"])
        return criteria


# --- Expert scores -----------------------------------------------------------------------------


def scores_opslaan(
    *,
    criterium: Criterium,
    user: AbstractBaseUser,
    scores: dict[int, tuple[object, str]],
) -> list[Score]:
    """Set an expert criterion's scores: ``{alternatief_id: (waarde, toelichting)}``; an empty
    value removes the score. Every score needs its explanation; a unit "score 1–5" bounds it."""
    from techniek.selectors.alternatieven import alternatieven_van

    with transaction.atomic():
        plan = _schrijfbaar(criterium.wijkplan, user)
        criterium = Criterium.objects.select_for_update().get(pk=criterium.pk, wijkplan=plan)
        if not criterium.handmatig:
            raise ValidationError(
                _(
                    "De scores van ‘%(naam)s’ komen automatisch uit %(bron)s; die vult u niet "
                    "zelf in."
                )
                % {"naam": criterium.naam, "bron": bronnen.bronnen()[criterium.bron].titel}
            )
        alternatieven = {s.alternatief.pk: s.alternatief for s in alternatieven_van(plan)}
        if set(scores) - set(alternatieven):
            raise ValidationError(_("Een van de alternatieven hoort niet (meer) bij dit plan."))
        schaal = schaal_van(criterium.eenheid)

        def controleer(pk: int, waarde, toelichting: str):
            veld = f"score_{pk}"
            if waarde is None or (isinstance(waarde, str) and not waarde.strip()):
                return None
            melding = (
                _("Vul een getal in van %(laag)s tot en met %(hoog)s.")
                % {"laag": f"{schaal[0]:g}", "hoog": f"{schaal[1]:g}"}
                if schaal
                else _("Vul een getal in, bijvoorbeeld 3 of 12,5.")
            )
            getal = _getal(waarde, veld, melding)
            if schaal and not schaal[0] <= getal <= schaal[1]:
                raise ValidationError({veld: melding})
            uitleg = tekst(
                toelichting,
                f"toelichting_{pk}",
                verplicht=_("Leg uit waarom dit alternatief deze score krijgt."),
                max_lengte=MAX_TOELICHTING,
            )
            return getal, uitleg

        gecontroleerd = verzamel(
            (str(pk), lambda pk=pk, w=w, t=t: controleer(pk, w, t)) for pk, (w, t) in scores.items()
        )
        bestaand = {s.alternatief_id: s for s in Score.objects.filter(criterium=criterium)}
        weg = [pk for pk, v in gecontroleerd.items() if v is None and int(pk) in bestaand]
        Score.objects.filter(criterium=criterium, alternatief_id__in=weg).delete()
        opgeslagen = []
        for pk, v in gecontroleerd.items():
            if v is None:
                continue
            score, _nieuw = Score.objects.update_or_create(
                criterium=criterium,
                alternatief=alternatieven[int(pk)],
                defaults={"waarde": v[0], "toelichting": v[1], "gewijzigd_door": user},
            )
            opgeslagen.append(score)
        return opgeslagen


# --- The choice ---------------------------------------------------------------------------------


def _besluitdatum(waarde) -> datetime.date:
    if not isinstance(waarde, datetime.date):
        raise ValidationError({"besluitdatum": _("Vul de datum van het besluit in.")})
    if waarde > timezone.localdate():
        raise ValidationError(
            {"besluitdatum": _("De datum van het besluit kan niet in de toekomst liggen.")}
        )
    return waarde


def keuze_vastleggen(
    *,
    wijkplan: Wijkplan,
    user: AbstractBaseUser,
    alternatief_id: int,
    motivatie: str,
    participatie_afweging: str,
    orgaan: str,
    besluitdatum: datetime.date,
    kenmerk: str = "",
    reden_zonder_participatie: str = "",
    afwijkende_standpunten: str = "",
    voorwaarden: str = "",
    verouderd_bevestigd: bool = False,
    vorige_keuze_id: int | None = None,
) -> Keuze:
    """Record the choice of a heat solution, with the analysis as it is now, and add it to the
    plan's decisions log. ``vorige_keuze_id`` is the current choice the user saw (None: none):
    when another choice was recorded meanwhile (or the same form is sent twice) nothing is
    saved and the user is told."""
    from wup.models import Besluit
    from wup.services import besluit_vastleggen

    def lang_genoeg(waarde, veld, verplicht):
        waarde = tekst(waarde, veld, verplicht=verplicht, max_lengte=MAX_TOELICHTING)
        if len(waarde) < MIN_MOTIVATIE:
            raise ValidationError(
                {
                    veld: _("Leg het iets uitgebreider uit: gebruik minstens %(n)d tekens.")
                    % {"n": MIN_MOTIVATIE}
                }
            )
        return waarde

    velden = verzamel(
        [
            (
                "motivatie",
                lambda: lang_genoeg(
                    motivatie,
                    "motivatie",
                    _("Schrijf op waarom dit alternatief de beste warmteoplossing is."),
                ),
            ),
            (
                "participatie_afweging",
                lambda: lang_genoeg(
                    participatie_afweging,
                    "participatie_afweging",
                    _(
                        "Schrijf op hoe de uitkomsten van de participatie zijn meegewogen: wat "
                        "bewoners vonden en wat daarmee is gedaan."
                    ),
                ),
            ),
            (
                "reden_zonder_participatie",
                lambda: tekst(
                    reden_zonder_participatie,
                    "reden_zonder_participatie",
                    max_lengte=MAX_TOELICHTING,
                ),
            ),
            (
                "afwijkende_standpunten",
                lambda: tekst(
                    afwijkende_standpunten, "afwijkende_standpunten", max_lengte=MAX_TOELICHTING
                ),
            ),
            (
                "voorwaarden",
                lambda: tekst(voorwaarden, "voorwaarden", max_lengte=MAX_TOELICHTING),
            ),
            (
                "orgaan",
                lambda: uit_lijst(
                    orgaan,
                    "orgaan",
                    Besluit.Orgaan.choices,
                    _("Kies wie de keuze heeft gemaakt."),
                ),
            ),
            ("besluitdatum", lambda: _besluitdatum(besluitdatum)),
            ("kenmerk", lambda: tekst(kenmerk, "kenmerk", max_lengte=100)),
        ]
    )
    with transaction.atomic():
        plan = _schrijfbaar(wijkplan, user)
        if plan.fase != Fase.KEUZE:
            raise ValidationError(
                _("Een keuze legt u vast in de fase ‘keuze’. Dit plan is in de fase ‘%(fase)s’.")
                % {"fase": plan.get_fase_display().lower()}
            )
        huidige = selectors.huidige_keuze(plan)
        if (huidige.pk if huidige else None) != vorige_keuze_id:
            raise ValidationError(
                _(
                    "Intussen is er een keuze vastgelegd (of dit formulier is al verstuurd). "
                    "Bekijk de huidige keuze voordat u een nieuwe vastlegt."
                )
            )
        analyse = selectors.analyse_van(plan)
        fouten: dict[str, str] = {}
        if analyse.uitkomst is None:
            raise ValidationError(analyse.fout or _("De alternatieven zijn nog niet beoordeeld."))
        volledig = analyse.volledig_beoordeeld
        if len(volledig) < 2:
            raise ValidationError(
                _(
                    "Een keuze rust op minstens twee volledig beoordeelde alternatieven. Nu is "
                    "dat er %(n)d. Vul de ontbrekende scores in."
                )
                % {"n": len(volledig)}
            )
        if alternatief_id not in volledig:
            fouten["alternatief"] = _("Kies een alternatief dat op alle criteria is beoordeeld.")
        elif analyse.verouderd(alternatief_id) and not verouderd_bevestigd:
            fouten["verouderd_bevestigd"] = _(
                "De berekening van dit alternatief is verouderd: er is een nieuwere "
                "parameterset of de gebouwvoorraad is veranderd. Reken het opnieuw door, of "
                "bevestig dat u toch op deze uitkomsten kiest."
            )
        if not analyse.heeft_steun and not velden["reden_zonder_participatie"]:
            fouten["reden_zonder_participatie"] = _(
                "De beoordeling heeft geen steunscores uit een raadpleging van bewoners. "
                "Schrijf op waarom de keuze toch zonder die cijfers gemaakt wordt."
            )
        if fouten:
            raise ValidationError(fouten)
        alternatief = analyse.alternatief(alternatief_id)
        keuze = Keuze.objects.create(
            wijkplan=plan,
            alternatief=alternatief,
            alternatief_naam=alternatief.naam,
            verouderd_bevestigd=bool(verouderd_bevestigd and analyse.verouderd(alternatief_id)),
            analyse=analyse.als_momentopname(),
            vervangt=huidige,
            vastgelegd_door=user,
            **velden,
        )
        besluit_vastleggen(
            wijkplan=plan,
            user=user,
            datum=velden["besluitdatum"],
            orgaan=velden["orgaan"],
            besluit=(
                _("Keuze warmteoplossing: %(naam)s (vervangt de keuze voor %(vorige)s).")
                % {"naam": alternatief.naam, "vorige": huidige.alternatief_naam}
                if huidige
                else _("Keuze warmteoplossing: %(naam)s.") % {"naam": alternatief.naam}
            ),
            kenmerk=velden["kenmerk"],
            bron="keuze",
        )
        return keuze
