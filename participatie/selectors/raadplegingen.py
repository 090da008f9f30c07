"""Reads of a plan's consultations, each in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from participatie.models import EmailDeelname, Raadpleging, Respons, Responscode, Vraag
from wup.models import Wijkplan


def raadplegingen_van(plan: Wijkplan) -> list[Raadpleging]:
    """The plan's consultations, newest first, with ``aantal_responsen``, ``aantal_vragen`` and
    ``aantal_codes`` (not revoked), in one query."""
    return list(
        Raadpleging.objects.filter(wijkplan=plan).annotate(
            aantal_responsen=Count("responsen", distinct=True),
            aantal_vragen=Count("vragen", distinct=True),
            aantal_codes=Count(
                "codes", filter=Q(codes__ingetrokken_op__isnull=True), distinct=True
            ),
        )
    )


def raadpleging_by_pk(plan: Wijkplan, pk: int) -> Raadpleging | None:
    return Raadpleging.objects.filter(wijkplan=plan, pk=pk).first()


def publieke_raadpleging(slug: str, pk: int) -> Raadpleging | None:
    """A released consultation of the plan with this web address, with its plan."""
    if not 0 < pk < 2**63:
        return None
    return (
        Raadpleging.objects.filter(wijkplan__slug=slug, pk=pk, vrijgegeven_op__isnull=False)
        .select_related("wijkplan")
        .first()
    )


def open_raadplegingen(plan: Wijkplan) -> list[Raadpleging]:
    """Released consultations that are open now, closing soonest first."""
    nu = timezone.now()
    return list(
        Raadpleging.objects.filter(
            wijkplan=plan, vrijgegeven_op__isnull=False, opent_op__lte=nu, sluit_op__gt=nu
        ).order_by("sluit_op", "pk")
    )


def geplande_raadplegingen(plan: Wijkplan) -> list[Raadpleging]:
    """Released consultations that open later, soonest first."""
    return list(
        Raadpleging.objects.filter(
            wijkplan=plan, vrijgegeven_op__isnull=False, opent_op__gt=timezone.now()
        ).order_by("opent_op", "pk")
    )


def publiek_blok(plan: Wijkplan) -> dict:
    """The open and coming consultations for the plan's public page (two queries)."""
    return {
        "open_raadplegingen": open_raadplegingen(plan),
        "geplande_raadplegingen": geplande_raadplegingen(plan),
    }


def gesloten_raadplegingen(plan: Wijkplan) -> list[Raadpleging]:
    """Released consultations that have closed, most recent first."""
    return list(
        Raadpleging.objects.filter(
            wijkplan=plan, vrijgegeven_op__isnull=False, sluit_op__lte=timezone.now()
        ).order_by("-sluit_op", "-pk")
    )


def vragen_van(raadpleging: Raadpleging) -> list[Vraag]:
    return list(raadpleging.vragen.all())


def vraag_by_pk(raadpleging: Raadpleging, pk: int) -> Vraag | None:
    return Vraag.objects.filter(raadpleging=raadpleging, pk=pk).first()


def codes_van(raadpleging: Raadpleging) -> list[Responscode]:
    """The codes with their buurt and whether they were used (one query)."""
    return list(
        Responscode.objects.filter(raadpleging=raadpleging)
        .select_related("buurt")
        .annotate(gebruikt=Count("respons"))
    )


def code_by_pk(raadpleging: Raadpleging, pk: int) -> Responscode | None:
    return Responscode.objects.filter(raadpleging=raadpleging, pk=pk).first()


def werkende_code(raadpleging: Raadpleging, pk: int | None) -> Responscode | None:
    """The code of this consultation with this id, if it is not revoked."""
    if pk is None:
        return None
    return (
        Responscode.objects.filter(raadpleging=raadpleging, pk=pk, ingetrokken_op__isnull=True)
        .select_related("buurt")
        .first()
    )


def werkende_email_deelname(raadpleging: Raadpleging, pk: int | None) -> EmailDeelname | None:
    if pk is None:
        return None
    return EmailDeelname.objects.filter(
        raadpleging=raadpleging, pk=pk, geanonimiseerd_op__isnull=True
    ).first()


def respons_van(*, responscode=None, email_deelname=None) -> Respons | None:
    """The household's earlier response with its answers (two queries), to fill the form."""
    qs = Respons.objects.prefetch_related("antwoorden")
    if responscode is not None:
        return qs.filter(responscode=responscode).first()
    if email_deelname is not None:
        return qs.filter(email_deelname=email_deelname).first()
    return None


@dataclass(frozen=True)
class BuurtAantal:
    code: str
    naam: str
    codes: int
    responsen: int

    @property
    def respons_procent(self) -> float | None:
        """Responses per issued code in percent; unknown without codes."""
        return round(100 * self.responsen / self.codes, 1) if self.codes else None


@dataclass(frozen=True)
class GroepAantal:
    groep: str
    label: str
    responsen: int


@dataclass(frozen=True)
class Aantallen:
    totaal: int
    per_buurt: list[BuurtAantal]
    per_groep: list[GroepAantal]


def aantallen_per_buurt_en_groep(raadpleging: Raadpleging) -> Aantallen:
    """Responses per buurt (with the codes issued there) and per group, in three queries.

    Responses without a buurt (e-mail, "weet ik niet") count under "Buurt onbekend"."""
    responsen = dict(
        Respons.objects.filter(raadpleging=raadpleging)
        .values_list("buurt")
        .annotate(n=Count("pk"))
        .order_by()
    )
    codes = dict(
        Responscode.objects.filter(raadpleging=raadpleging, ingetrokken_op__isnull=True)
        .values_list("buurt")
        .annotate(n=Count("pk"))
        .order_by()
    )
    per_buurt = [
        BuurtAantal(b.code, b.naam, codes.get(b.pk, 0), responsen.get(b.pk, 0))
        for b in raadpleging.wijkplan.buurten.order_by("naam")
    ]
    if responsen.get(None) or codes.get(None):
        per_buurt.append(
            BuurtAantal("", _("Buurt onbekend"), codes.get(None, 0), responsen.get(None, 0))
        )
    groepen = dict(
        Respons.objects.filter(raadpleging=raadpleging)
        .values_list("groep")
        .annotate(n=Count("pk"))
        .order_by()
    )
    per_groep = [GroepAantal(g, label, groepen.get(g, 0)) for g, label in Respons.Groep.choices]
    return Aantallen(sum(responsen.values()), per_buurt, per_groep)
