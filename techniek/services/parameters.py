"""Writes of the parameter sets: a new version (concept), editing it, publishing it.

Copy-on-write: a published set never changes. A beheerder makes a concept based on a version,
changes figures in it -- each new value with its source -- and publishes it, after which it is
the current set. There is at most one concept at a time. The checks are here and in the models;
on PostgreSQL the database refuses changes to published sets as well.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from techniek.models import Parameter, Parameterset, ParametersetOnveranderlijk, Parametertabel
from techniek.models.parameters import DECIMALEN, MAX_DIGITS
from wup.exceptions import WupError

PERM_WIJZIGEN = "techniek.change_parameterset"
PERM_VASTSTELLEN = "techniek.vaststellen_parameterset"

MAX_BRON = 2000
MAX_EENHEID = 40


class ConceptBestaatAl(WupError):
    status = 409
    title = "Er is al een concept"


def _mag(user: AbstractBaseUser, perm: str) -> None:
    if not (user and user.is_active and user.has_perm(perm)):
        raise PermissionDenied(_("Alleen een beheerder kan parametersets wijzigen."))


def _concept(parameterset: Parameterset) -> Parameterset:
    """The set, locked, if it is still a concept."""
    set_ = Parameterset.objects.select_for_update().get(pk=parameterset.pk)
    if not set_.is_concept:
        raise ParametersetOnveranderlijk(
            _(
                "Versie %(v)d is vastgesteld en kan niet meer veranderen. Maak een nieuwe versie "
                "(concept) op basis van deze versie."
            )
            % {"v": set_.versie}
        )
    return set_


def parameterset_concept_maken(
    *, bron: Parameterset, user: AbstractBaseUser, omschrijving: str = ""
) -> Parameterset:
    """A new version (concept) with a copy of every figure and table of ``bron``."""
    _mag(user, PERM_WIJZIGEN)
    return _kopie_als_concept(bron=bron, user=user, omschrijving=omschrijving)


def _kopie_als_concept(
    *, bron: Parameterset, user: AbstractBaseUser | None, omschrijving: str
) -> Parameterset:
    with transaction.atomic():
        bestaand = Parameterset.objects.filter(status=Parameterset.Status.CONCEPT).first()
        if bestaand is not None:
            raise ConceptBestaatAl(
                _(
                    "Er is al een concept: versie %(v)d. Werk daarin verder, stel het vast of "
                    "verwijder het voordat u een nieuwe versie maakt."
                )
                % {"v": bestaand.versie}
            )
        bron = Parameterset.objects.get(pk=bron.pk)
        hoogste = Parameterset.objects.aggregate(m=Max("versie"))["m"] or 0
        try:
            with transaction.atomic():
                concept = Parameterset.objects.create(
                    naam=bron.naam,
                    versie=hoogste + 1,
                    gebaseerd_op=bron,
                    omschrijving=omschrijving.strip(),
                    aangemaakt_door=user,
                )
        except IntegrityError as exc:  # another beheerder made a concept at the same moment
            raise ConceptBestaatAl(
                _("Er is zojuist al een concept gemaakt. Vernieuw de pagina.")
            ) from exc
        Parameter.objects.bulk_create(
            [
                Parameter(
                    parameterset=concept,
                    sleutel=p.sleutel,
                    naam=p.naam,
                    groep=p.groep,
                    waarde=p.waarde,
                    waarde_tekst=p.waarde_tekst,
                    eenheid=p.eenheid,
                    bron=p.bron,
                    omschrijving=p.omschrijving,
                    herkomst=p.herkomst,
                    volgorde=p.volgorde,
                )
                for p in bron.parameters.all()
            ],
            batch_size=1000,
        )
        Parametertabel.objects.bulk_create(
            [
                Parametertabel(
                    parameterset=concept,
                    sleutel=t.sleutel,
                    titel=t.titel,
                    omschrijving=t.omschrijving,
                    bron=t.bron,
                    herkomst=t.herkomst,
                    sleutelkolommen=t.sleutelkolommen,
                    kolommen=t.kolommen,
                    rijen=t.rijen,
                    volgorde=t.volgorde,
                )
                for t in bron.tabellen.all()
            ]
        )
    return concept


def vastgesteld_markeren(parameterset: Parameterset, user: AbstractBaseUser | None) -> None:
    """Mark a concept published, with the fingerprint of what the step-2 engine reads."""
    from techniek.selectors.parameters import rekenkern_vingerafdruk_berekenen

    # Saved as a model, not a queryset update: the publication lands in the audit trail.
    set_ = Parameterset.objects.get(pk=parameterset.pk)
    set_.status = Parameterset.Status.VASTGESTELD
    set_.vastgesteld_door = user
    set_.vastgesteld_op = timezone.now()
    set_.vingerafdruk_rekenkern = rekenkern_vingerafdruk_berekenen(parameterset)
    set_.save(
        update_fields=["status", "vastgesteld_door", "vastgesteld_op", "vingerafdruk_rekenkern"]
    )


def parameterset_aanvullen(
    *,
    parameters: list[Parameter],
    tabellen: list[Parametertabel],
    omschrijving: str,
    user: AbstractBaseUser | None = None,
) -> tuple[Parameterset, bool]:
    """Publish a new version of the current set with ``parameters`` and ``tabellen`` added
    (replacing rows with the same key), for other steps that bring their own figures.

    A loader's action, like loading PBL's figures: no beheerder is needed, and the user is
    recorded when given. Returns the current set unchanged (and ``False``) when it already
    holds every given key; the rows are unsaved instances without a set.
    """
    from techniek.selectors.parameters import huidige_parameterset

    door = user if getattr(user, "is_authenticated", False) else None
    with transaction.atomic():
        bron = huidige_parameterset()
        if bron is None:
            raise ParametersetOnveranderlijk(
                _("Er is nog geen vastgestelde parameterset om aan te vullen.")
            )
        sleutels = {p.sleutel for p in parameters}
        tabelsleutels = {t.sleutel for t in tabellen}
        if sleutels <= set(
            bron.parameters.filter(sleutel__in=sleutels).values_list("sleutel", flat=True)
        ) and tabelsleutels <= set(
            bron.tabellen.filter(sleutel__in=tabelsleutels).values_list("sleutel", flat=True)
        ):
            return bron, False
        concept = _kopie_als_concept(bron=bron, user=door, omschrijving=omschrijving)
        Parameter.objects.filter(parameterset=concept, sleutel__in=sleutels).delete()
        Parametertabel.objects.filter(parameterset=concept, sleutel__in=tabelsleutels).delete()
        for rij in (*parameters, *tabellen):
            rij.parameterset = concept
        Parameter.objects.bulk_create(parameters)
        Parametertabel.objects.bulk_create(tabellen)
        vastgesteld_markeren(concept, door)
    concept.refresh_from_db()
    return concept, True


def _waarde(waarde) -> Decimal | None:
    """A number as a user types it (decimal comma allowed), or None for "no value"."""
    if waarde is None or (isinstance(waarde, str) and not waarde.strip()):
        return None
    try:
        getal = Decimal(str(waarde).strip().replace(",", "."))
    except InvalidOperation as exc:
        raise ValidationError(
            {"waarde": [_("Vul een getal in, bijvoorbeeld 0,25 of 1200.")]}
        ) from exc
    if not getal.is_finite():
        raise ValidationError({"waarde": [_("Vul een eindig getal in.")]})
    if abs(getal) >= Decimal(10) ** (MAX_DIGITS - DECIMALEN):
        raise ValidationError({"waarde": [_("Dit getal is te groot.")]})
    if getal.as_tuple().exponent < -DECIMALEN:
        getal = getal.quantize(Decimal(1).scaleb(-DECIMALEN))
    return getal


def parameter_wijzigen(
    *,
    parameterset: Parameterset,
    sleutel: str,
    user: AbstractBaseUser,
    bron: str,
    waarde=...,
    eenheid: str | None = None,
    omschrijving: str | None = None,
) -> Parameter:
    """Change a figure of a concept; a new value or unit needs its own source.

    ``waarde`` may be a number, a numeric string (decimal comma allowed) or ``None`` (no value);
    leave it out to keep the value. The source is required: a changed value or unit cannot keep
    the source of the old one.
    """
    _mag(user, PERM_WIJZIGEN)
    bron = (bron or "").strip()
    fouten: dict[str, list[str]] = {}
    if not bron:
        fouten["bron"] = [_("Geef de bron van deze waarde: waar komt het getal vandaan?")]
    elif len(bron) > MAX_BRON:
        fouten["bron"] = [_("Gebruik hoogstens %(n)d tekens.") % {"n": MAX_BRON}]
    if eenheid is not None and len(eenheid.strip()) > MAX_EENHEID:
        fouten["eenheid"] = [_("Gebruik hoogstens %(n)d tekens.") % {"n": MAX_EENHEID}]
    nieuwe_waarde = None
    if waarde is not ...:
        try:
            nieuwe_waarde = _waarde(waarde)
        except ValidationError as exc:
            fouten.update(exc.message_dict)
    if fouten:
        raise ValidationError(fouten)
    with transaction.atomic():
        _concept(parameterset)
        parameter = (
            Parameter.objects.select_for_update()
            .filter(parameterset=parameterset, sleutel=sleutel)
            .first()
        )
        if parameter is None:
            raise ValidationError(
                {
                    "sleutel": [
                        _("Deze parameter bestaat niet in versie %(v)d.")
                        % {"v": parameterset.versie}
                    ]
                }
            )
        waarde_anders = waarde is not ... and nieuwe_waarde != parameter.waarde
        eenheid_anders = eenheid is not None and eenheid.strip() != parameter.eenheid
        if (waarde_anders or eenheid_anders) and bron == parameter.bron:
            raise ValidationError(
                {
                    "bron": [
                        _(
                            "Geef de bron van de nieuwe waarde. De huidige bron hoort bij de oude "
                            "waarde."
                        )
                    ]
                }
            )
        if waarde_anders:
            parameter.waarde = nieuwe_waarde
            parameter.waarde_tekst = ""  # the new value replaces a text such as PBL's "nvt"
        if eenheid is not None:
            parameter.eenheid = eenheid.strip()
        if omschrijving is not None:
            parameter.omschrijving = omschrijving.strip()
        parameter.bron = bron
        parameter.gewijzigd_door = user
        parameter.gewijzigd_op = timezone.now()
        parameter.full_clean(exclude=["parameterset"])
        parameter.save()
        Parameterset.objects.filter(pk=parameterset.pk).update(gewijzigd_op=timezone.now())
    return parameter


def parametertabel_cel_wijzigen(
    *,
    parameterset: Parameterset,
    tabel: str,
    rij: int,
    kolom: str,
    waarde,
    bron: str,
    user: AbstractBaseUser,
) -> Parametertabel:
    """Change one cell of a table in a concept; the change and its source are recorded."""
    _mag(user, PERM_WIJZIGEN)
    bron = (bron or "").strip()
    if not bron:
        raise ValidationError(
            {"bron": [_("Geef de bron van deze waarde: waar komt het getal vandaan?")]}
        )
    nieuw = _waarde(waarde)
    with transaction.atomic():
        _concept(parameterset)
        t = (
            Parametertabel.objects.select_for_update()
            .filter(parameterset=parameterset, sleutel=tabel)
            .first()
        )
        if t is None:
            raise ValidationError({"tabel": [_("Deze tabel bestaat niet in deze versie.")]})
        if kolom not in t.kolomnamen or kolom in t.sleutelkolommen:
            raise ValidationError({"kolom": [_("Kies een kolom met getallen uit de tabel.")]})
        if not 0 <= rij < len(t.rijen):
            raise ValidationError({"rij": [_("Kies een rij uit de tabel.")]})
        i = t.kolomnamen.index(kolom)
        oud = t.rijen[rij][i]
        if isinstance(oud, str):
            raise ValidationError({"kolom": [_("Deze kolom bevat tekst, geen getallen.")]})
        rijen = [list(r) for r in t.rijen]
        rijen[rij][i] = None if nieuw is None else float(nieuw)
        sleutel = {k: rijen[rij][t.kolomnamen.index(k)] for k in t.sleutelkolommen}
        t.rijen = rijen
        t.wijzigingen = [
            *t.wijzigingen,
            {
                "rij": sleutel,
                "kolom": kolom,
                "oud": oud,
                "nieuw": rijen[rij][i],
                "bron": bron[:MAX_BRON],
                "door": user.get_username(),
                "op": timezone.now().isoformat(),
            },
        ]
        t.save()
        Parameterset.objects.filter(pk=parameterset.pk).update(gewijzigd_op=timezone.now())
    return t


def parameterset_vaststellen(*, parameterset: Parameterset, user: AbstractBaseUser) -> Parameterset:
    """Publish a concept: from now on it is the current set and never changes again."""
    _mag(user, PERM_VASTSTELLEN)
    with transaction.atomic():
        set_ = _concept(parameterset)
        vastgesteld_markeren(set_, user)
    parameterset.refresh_from_db()
    return parameterset


def parameterset_verwijderen(*, parameterset: Parameterset, user: AbstractBaseUser) -> None:
    """Throw away a concept (a published set is never deleted)."""
    _mag(user, PERM_WIJZIGEN)
    with transaction.atomic():
        set_ = _concept(parameterset)
        set_.delete()


def parameterset_aanvullen_met_rekenkern(
    *, bron: Parameterset, user: AbstractBaseUser, omschrijving: str = ""
) -> Parameterset:
    """Publish a new version of ``bron`` in which every figure the engine needs is present.

    Figures the set lacks get the engine's documented default with its source and status (PBL
    model file, model choice, or "geen bron" — the engine lists those in every result), so a
    beheerder sees and can replace each of them. Returns ``bron`` itself if it is complete.
    """
    from techniek.engine import InvoerFout, Parameters, parameter_definities
    from techniek.selectors.parameters import parameterwaarden

    try:
        Parameters.uit_dict(parameterwaarden(bron))
        return bron
    except InvoerFout as exc:
        ontbrekend = {p.plaats.removeprefix("parameter ") for p in exc.problemen}
    with transaction.atomic():
        concept = parameterset_concept_maken(
            bron=bron,
            user=user,
            omschrijving=omschrijving
            or _("Aangevuld met de standaardwaarden van de rekenkern, elk met bron en status."),
        )
        aanwezig = {p.naam: p for p in Parameter.objects.filter(parameterset=concept)}
        for volgorde, d in enumerate(parameter_definities(), start=1000):
            if d.naam not in ontbrekend:
                continue
            bron_tekst = f"{d.bron or _('Rekenkern, standaardwaarde')} ({d.status})"
            bestaand = aanwezig.get(d.naam)
            if bestaand is None:
                Parameter.objects.create(
                    parameterset=concept,
                    sleutel=f"Rekenkern.{d.naam}",
                    naam=d.naam,
                    groep="Rekenkern",
                    waarde=Decimal(str(d.waarde)),
                    eenheid=d.eenheid,
                    bron=bron_tekst,
                    omschrijving=d.beschrijving,
                    volgorde=volgorde,
                )
            else:
                parameter_wijzigen(
                    parameterset=concept,
                    sleutel=bestaand.sleutel,
                    user=user,
                    bron=bron_tekst,
                    waarde=d.waarde,
                )
        return parameterset_vaststellen(parameterset=concept, user=user)
