"""Reads of residents' personal data: which plans are past their retention period, everything
held about one e-mail address (for a request under the AVG), and the processing log.

A person is found by their e-mail address as the public forms store it (trimmed, lower case);
the log names them only by :func:`kenmerk`.
"""

from __future__ import annotations

import calendar
import datetime
import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _

from participatie.models import (
    Aanmelding,
    Antwoord,
    EmailDeelname,
    Inbreng,
    Respons,
    Verwerking,
    Vraag,
)
from participatie.services.raadplegingen import LIKERT
from wup import selectors as wup_selectors
from wup.constants import BEVROREN_FASEN
from wup.models import Wijkplan

#: Handling requests and reading the log is the beheerder's (granted to the role at start-up).
PERM = "participatie.view_verwerking"


def mag_behandelen(user: AbstractBaseUser | AnonymousUser) -> bool:
    return bool(user.is_authenticated and user.is_active and user.has_perm(PERM))


def normaliseer(email: str | None) -> str:
    """The address as the public forms store it."""
    return (email or "").strip().lower()


def kenmerk(email: str | None) -> str:
    """Names a person in the log without their address: SHA-256 of the normalised address."""
    return hashlib.sha256(normaliseer(email).encode()).hexdigest()


# --- Retention --------------------------------------------------------------------------------


def maanden_later(moment: datetime.datetime, maanden: int) -> datetime.datetime:
    """The same moment ``maanden`` calendar months later (31 January + 1 = 28/29 February)."""
    jaar, maand = divmod(moment.month - 1 + maanden, 12)
    jaar += moment.year
    dag = min(moment.day, calendar.monthrange(jaar, maand + 1)[1])
    return moment.replace(year=jaar, month=maand + 1, day=dag)


def bewaartermijn_van(plan: Wijkplan) -> int:
    """Months after the decision that personal data is kept: the page's own term, or the
    platform's default for a plan without a public page."""
    publicatie = getattr(plan, "publicatie", None)
    if publicatie is not None:
        return publicatie.bewaartermijn_maanden
    return settings.WUP_BEWAARTERMIJN_MAANDEN


def termijn_verstreken(nu: datetime.datetime) -> list[Wijkplan]:
    """Decided plans (adopted or stopped) whose retention period has passed at ``nu``.

    The decision date is the moment the plan's history moved it into its current phase; a plan
    whose history does not record that is left alone rather than guessed about."""
    plannen = wup_selectors.wijkplannen_in_fase(BEVROREN_FASEN).select_related("publicatie")
    return [
        plan
        for plan in plannen.order_by("pk")
        if plan.fase_sinds is not None
        and maanden_later(plan.fase_sinds, bewaartermijn_van(plan)) <= nu
    ]


# --- One person's data ------------------------------------------------------------------------


@dataclass(frozen=True)
class Gegevens:
    """Everything held about one address, over all plans."""

    email: str
    aanmeldingen: list[Aanmelding]
    inbreng: list[Inbreng]
    deelnames: list[EmailDeelname]

    @property
    def aantal(self) -> int:
        return len(self.aanmeldingen) + len(self.inbreng) + len(self.deelnames)


def gegevens_van(email: str) -> Gegevens:
    """Sign-ups, questions and reactions, and e-mail participations (with the response and its
    answers) of this address, in a fixed number of queries."""
    adres = normaliseer(email)
    if not adres:
        return Gegevens(adres, [], [], [])
    antwoorden = Antwoord.objects.select_related("vraag").order_by("vraag__volgorde", "pk")
    respons = Respons.objects.select_related("buurt").prefetch_related(
        Prefetch("antwoorden", queryset=antwoorden)
    )
    return Gegevens(
        email=adres,
        aanmeldingen=list(
            Aanmelding.objects.filter(email=adres)
            .select_related("bijeenkomst__wijkplan")
            .order_by("aangemeld_op", "pk")
        ),
        inbreng=list(
            Inbreng.objects.filter(email=adres)
            .select_related("wijkplan")
            .order_by("ingediend_op", "pk")
        ),
        deelnames=list(
            EmailDeelname.objects.filter(email=adres)
            .select_related("raadpleging__wijkplan")
            .prefetch_related(Prefetch("respons", queryset=respons))
            .order_by("aangevraagd_op", "pk")
        ),
    )


def respons_van(deelname: EmailDeelname) -> Respons | None:
    try:
        return deelname.respons
    except Respons.DoesNotExist:
        return None


def antwoord_tekst(vraag: Vraag, waarde) -> str:
    """An answer as the resident saw it on the form: option labels, not their keys."""
    labels = {o["sleutel"]: o["label"] for o in vraag.opties}
    if waarde is None:
        return _("Weet ik niet")
    if vraag.soort == Vraag.Soort.LIKERT:
        return str(dict(LIKERT).get(waarde, waarde))
    if isinstance(waarde, list):
        return ", ".join(str(labels.get(w, w)) for w in waarde)
    return str(labels.get(waarde, waarde))


def _moment(waarde: datetime.datetime | None) -> str | None:
    return waarde.isoformat() if waarde else None


def export(gegevens: Gegevens) -> dict:
    """The person's data as plain JSON-ready data, including their own answers."""
    return {
        "emailadres": gegevens.email,
        "aanmeldingen": [
            {
                "wijkplan": a.bijeenkomst.wijkplan.naam,
                "bijeenkomst": a.bijeenkomst.titel,
                "begint_op": _moment(a.bijeenkomst.begint_op),
                "naam": a.naam,
                "emailadres": a.email,
                "aantal_personen": a.aantal_personen,
                "aangemeld_op": _moment(a.aangemeld_op),
                "afgemeld_op": _moment(a.afgemeld_op),
            }
            for a in gegevens.aanmeldingen
        ],
        "vragen_en_reacties": [
            {
                "wijkplan": i.wijkplan.naam,
                "soort": i.get_soort_display(),
                "tekst": i.tekst,
                "naam": i.naam,
                "emailadres": i.email,
                "status": i.get_status_display(),
                "antwoord": i.antwoord,
                "ingediend_op": _moment(i.ingediend_op),
            }
            for i in gegevens.inbreng
        ],
        "raadplegingen": [_deelname_export(d) for d in gegevens.deelnames],
    }


def _deelname_export(deelname: EmailDeelname) -> dict:
    respons = respons_van(deelname)
    uit = {
        "wijkplan": deelname.raadpleging.wijkplan.naam,
        "raadpleging": deelname.raadpleging.titel,
        "emailadres": deelname.email,
        "aangevraagd_op": _moment(deelname.aangevraagd_op),
        "bevestigd_op": _moment(deelname.bevestigd_op),
        "reactie": None,
    }
    if respons is not None:
        uit["reactie"] = {
            "ingediend_op": _moment(respons.ingediend_op),
            "gewijzigd_op": _moment(respons.gewijzigd_op),
            "woonsituatie": respons.get_groep_display(),
            "buurt": respons.buurt.naam if respons.buurt else None,
            "antwoorden": [
                {"vraag": a.vraag.tekst, "antwoord": antwoord_tekst(a.vraag, a.waarde)}
                for a in respons.antwoorden.all()
            ],
        }
    return uit


# --- The log ----------------------------------------------------------------------------------


def logboek(limit: int = 500) -> QuerySet[Verwerking]:
    """The latest processings, newest first."""
    return Verwerking.objects.select_related("wijkplan", "door").order_by("-op", "-pk")[:limit]
