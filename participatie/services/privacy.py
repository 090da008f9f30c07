"""Writes of residents' personal data under the AVG.

* ``anonimiseren``: after a plan's retention period (counted from the decision to adopt or stop
  it) the names, e-mail addresses and postal addresses of its residents are emptied and the
  link between a household and its answers is cut. Answers and counts stay. Run daily by a
  Celery task; idempotent.
* ``persoon_exporteren`` and ``persoon_wissen``: the beheerder hands a person their data or
  erases it, on their request.

Every run that touches personal data appends one ``Verwerking`` row; the log names a person
only by the hash of their address, and application logs get counts only.
"""

from __future__ import annotations

import datetime
import logging

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from participatie.models import (
    Aanmelding,
    EmailDeelname,
    Inbreng,
    Respons,
    Responscode,
    Verwerking,
)
from participatie.selectors import privacy as selectors
from wup.models import Wijkplan

logger = logging.getLogger(__name__)


def _leeg_maken(*, aanmeldingen, inbreng, deelnames, codes=None, nu: datetime.datetime) -> int:
    """Empty the personal data of these rows (querysets) and cut the household-answer links;
    the number of rows that held personal data."""
    aantal = aanmeldingen.filter(geanonimiseerd_op__isnull=True).update(
        naam="", email="", geanonimiseerd_op=nu
    )
    aantal += inbreng.filter(geanonimiseerd_op__isnull=True).update(
        naam="", email="", geanonimiseerd_op=nu
    )
    deelnames = deelnames.filter(geanonimiseerd_op__isnull=True)
    Respons.objects.filter(email_deelname__in=deelnames).update(email_deelname=None)
    aantal += deelnames.update(email="", geanonimiseerd_op=nu)
    if codes is not None:
        code_ids = list(codes.values_list("pk", flat=True))
        Respons.objects.filter(responscode__in=code_ids).update(responscode=None)
        Responscode.objects.filter(pk__in=code_ids).update(adres="")
        aantal += len(code_ids)
    return aantal


# --- Retention --------------------------------------------------------------------------------


def _plan_anonimiseren(plan: Wijkplan, nu: datetime.datetime) -> int:
    return _leeg_maken(
        aanmeldingen=Aanmelding.objects.filter(bijeenkomst__wijkplan=plan),
        # a question sent without name or address holds nothing to remove
        inbreng=Inbreng.objects.filter(wijkplan=plan).exclude(naam="", email=""),
        deelnames=EmailDeelname.objects.filter(raadpleging__wijkplan=plan),
        codes=Responscode.objects.filter(
            Q(raadpleging__wijkplan=plan) & (~Q(adres="") | Q(respons__isnull=False))
        ),
        nu=nu,
    )


def anonimiseren(nu: datetime.datetime | None = None) -> list[Verwerking]:
    """Anonymise every plan past its retention period; one log row per plan that changed.

    Each plan is its own transaction, so one plan's failure leaves the others done; a second
    run finds nothing left and logs nothing."""
    nu = nu or timezone.now()
    verwerkingen = []
    for plan in selectors.termijn_verstreken(nu):
        with transaction.atomic():
            aantal = _plan_anonimiseren(plan, nu)
            if not aantal:
                continue
            termijn = selectors.bewaartermijn_van(plan)
            verwerkingen.append(
                Verwerking.objects.create(
                    soort=Verwerking.Soort.ANONIMISEREN,
                    wijkplan=plan,
                    aantal=aantal,
                    omschrijving=_(
                        "Bewaartermijn van %(n)d maanden na het besluit verstreken: namen, "
                        "e-mailadressen en adressen gewist, de antwoorden blijven anoniem."
                    )
                    % {"n": termijn},
                )
            )
        logger.info("Persoonsgegevens geanonimiseerd: wijkplan %s, %d gegevens", plan.pk, aantal)
    return verwerkingen


# --- Requests of a person ---------------------------------------------------------------------


def _adres(email: str, user: AbstractBaseUser) -> str:
    if not selectors.mag_behandelen(user):
        raise PermissionDenied(_("Alleen een beheerder behandelt verzoeken over persoonsgegevens."))
    adres = selectors.normaliseer(email)
    try:
        validate_email(adres)
    except ValidationError:
        raise ValidationError(
            {"email": _("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.")}
        ) from None
    return adres


def persoon_exporteren(*, email: str, user: AbstractBaseUser) -> dict:
    """Everything held about this address as JSON-ready data; logged as an inspection."""
    adres = _adres(email, user)
    with transaction.atomic():
        gegevens = selectors.gegevens_van(adres)
        Verwerking.objects.create(
            soort=Verwerking.Soort.INZAGE,
            kenmerk=selectors.kenmerk(adres),
            aantal=gegevens.aantal,
            door=user,
            omschrijving=_("Op verzoek van de persoon: de gegevens als bestand uitgegeven."),
        )
    return selectors.export(gegevens)


def persoon_wissen(*, email: str, user: AbstractBaseUser, bevestigd: bool) -> Verwerking:
    """Erase the name and address from this person's sign-ups and questions, and cut their
    e-mail participations from their responses (which stay, anonymous). Published questions
    stay published, without the name. Logged with the number of rows."""
    adres = _adres(email, user)
    if not bevestigd:
        raise ValidationError(
            {"bevestigd": _("Vink aan dat u de gegevens van deze persoon wilt wissen.")}
        )
    with transaction.atomic():
        aantal = _leeg_maken(
            aanmeldingen=Aanmelding.objects.filter(email=adres),
            inbreng=Inbreng.objects.filter(email=adres),
            deelnames=EmailDeelname.objects.filter(email=adres),
            nu=timezone.now(),
        )
        verwerking = Verwerking.objects.create(
            soort=Verwerking.Soort.WISSEN,
            kenmerk=selectors.kenmerk(adres),
            aantal=aantal,
            door=user,
            omschrijving=_("Op verzoek van de persoon: naam en e-mailadres gewist."),
        )
    logger.info("Persoonsgegevens gewist op verzoek: %d gegevens", aantal)
    return verwerking
