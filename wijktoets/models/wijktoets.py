"""The wijktoets of a plan: findings per theme, stakeholders, the verdict and its consequences.

One ``Wijktoets`` per plan holds the version being worked on. Completing it ("afronden") stores
an immutable, numbered ``WijktoetsVersie`` with a snapshot of everything; editing a completed
wijktoets makes it a concept of the next version. The history of versions is never edited.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wijktoets.constants import (
    MAX_INDICATOREN,
    MAX_TEKST,
    Beoordeling,
    Doelgroep,
    Oordeel,
    Participatieniveau,
    PartijCategorie,
    Thema,
    Timing,
    WijktoetsStatus,
)
from wup.models.historie import AppendOnlyQuerySet, HistoryIsImmutable

_SLEUTEL = re.compile(r"^[a-z][a-z0-9_]{0,79}\Z")


def indicator_catalogus() -> dict[str, Any]:
    """The canonical CBS indicators (key -> ``Variabele``); empty if the catalogue is absent."""
    try:
        from wijktoets.cbs.variabelen import VARIABELEN
    except ImportError:  # pragma: no cover - the catalogue ships with the app
        return {}
    return VARIABELEN


def _tekstveld(label: str, help_text: str = "") -> models.TextField:
    return models.TextField(
        label, blank=True, help_text=help_text, validators=[MaxLengthValidator(MAX_TEKST)]
    )


class Wijktoets(models.Model):
    wijkplan = models.OneToOneField(
        "wup.Wijkplan",
        on_delete=models.PROTECT,
        related_name="wijktoets",
        verbose_name=_("wijkplan"),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=WijktoetsStatus.choices,
        default=WijktoetsStatus.CONCEPT,
    )
    #: The number of the version being worked on, or of the last completed one.
    versienummer = models.PositiveIntegerField(_("versienummer"), default=1)
    #: Optimistic lock: a form or API call based on an older value is refused.
    versie = models.PositiveIntegerField(_("wijzigingsteller"), default=1, editable=False)

    samenvatting = _tekstveld(
        _("samenvatting"), _("Het beeld van de wijk in een paar zinnen: wat valt op?")
    )
    economische_randvoorwaarden = _tekstveld(
        _("economische randvoorwaarden voor bewoners"),
        _(
            "Met welke economische omstandigheden hebben bewoners te maken? Denk aan inkomen, "
            "woonlasten, vermogen om te investeren en toegang tot leningen of subsidies."
        ),
    )
    bronnen = _tekstveld(
        _("bronnen"),
        _("Waarop is de wijktoets gebaseerd? Bijvoorbeeld CBS-cijfers, gesprekken, wijkschouw."),
    )

    oordeel = models.CharField(_("oordeel"), max_length=30, choices=Oordeel.choices, blank=True)
    motivatie = _tekstveld(_("motivatie van het oordeel"))
    voorwaarden = _tekstveld(_("voorwaarden"), _("Onder welke voorwaarden is de wijk geschikt?"))
    participatieniveau = models.CharField(
        _("participatieniveau"), max_length=20, choices=Participatieniveau.choices, blank=True
    )
    doelgroepen = models.JSONField(_("prioritaire doelgroepen"), default=list, blank=True)
    doelgroepen_toelichting = _tekstveld(_("toelichting op de doelgroepen"))
    timing = models.CharField(_("timing"), max_length=20, choices=Timing.choices, blank=True)
    timing_toelichting = _tekstveld(_("toelichting op de timing"))

    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("gewijzigd door"),
    )

    class Meta:
        verbose_name = _("wijktoets")
        verbose_name_plural = _("wijktoetsen")

    def __str__(self) -> str:
        return gettext("Wijktoets van %(plan)s") % {"plan": self.wijkplan}

    @property
    def afgerond(self) -> bool:
        return self.status == WijktoetsStatus.AFGEROND

    def clean(self) -> None:
        fouten: dict[str, str] = {}
        if not isinstance(self.doelgroepen, list) or any(
            d not in Doelgroep.values for d in self.doelgroepen
        ):
            fouten["doelgroepen"] = gettext("Kies de doelgroepen uit de lijst.")
        elif len(set(self.doelgroepen)) != len(self.doelgroepen):
            fouten["doelgroepen"] = gettext("Elke doelgroep mag maar één keer voorkomen.")
        if self.oordeel and not self.motivatie.strip():
            fouten["motivatie"] = gettext(
                "Leg uit waarom u tot dit oordeel komt. De motivatie komt in het plandocument."
            )
        if self.oordeel == Oordeel.ONDER_VOORWAARDEN and not self.voorwaarden.strip():
            fouten["voorwaarden"] = gettext(
                "Noem de voorwaarden waaronder de wijk geschikt is voor een wijkgerichte aanpak."
            )
        if fouten:
            raise ValidationError(fouten)

    def bevindingen_per_thema(self) -> dict[str, Bevinding]:
        # An unsaved wijktoets (nobody started it yet) has no findings.
        return {b.thema: b for b in self.bevindingen.all()} if self.pk else {}

    def partijlijst(self) -> list[Partij]:
        return list(self.partijen.all()) if self.pk else []

    def themas_ingevuld(self) -> int:
        return sum(1 for b in self.bevindingen_per_thema().values() if b.ingevuld)

    def ontbreekt_voor_afronden(self) -> list[str]:
        """What must still be filled in before the wijktoets can be completed, in plain Dutch."""
        ontbreekt: list[str] = []
        per_thema = self.bevindingen_per_thema()
        open_themas = [
            str(t.label).lower() for t in Thema if not (b := per_thema.get(t)) or not b.ingevuld
        ]
        if open_themas:
            ontbreekt.append(
                gettext(
                    "%(n)d van %(totaal)d thema's hebben nog geen bevinding met een beoordeling: "
                    "%(themas)s."
                )
                % {"n": len(open_themas), "totaal": len(Thema), "themas": ", ".join(open_themas)}
            )
        if not self.economische_randvoorwaarden.strip():
            ontbreekt.append(gettext("De economische randvoorwaarden voor bewoners ontbreken."))
        if not self.oordeel:
            ontbreekt.append(gettext("Er is nog geen oordeel over de geschiktheid van de wijk."))
        elif not self.motivatie.strip():
            ontbreekt.append(gettext("De motivatie van het oordeel ontbreekt."))
        if self.oordeel == Oordeel.ONDER_VOORWAARDEN and not self.voorwaarden.strip():
            ontbreekt.append(gettext("De voorwaarden bij het oordeel ontbreken."))
        if self.oordeel in (Oordeel.GESCHIKT, Oordeel.ONDER_VOORWAARDEN):
            # What later steps build on: only needed when the approach goes ahead.
            if not self.participatieniveau:
                ontbreekt.append(gettext("Het participatieniveau is nog niet gekozen."))
            if not self.timing:
                ontbreekt.append(gettext("De timing van de aanpak is nog niet gekozen."))
        return ontbreekt

    def als_inhoud(
        self,
        *,
        bevindingen: Mapping[str, Bevinding] | None = None,
        partijen: Sequence[Partij] | None = None,
    ) -> dict[str, Any]:
        """Everything the wijktoets says, as plain JSON: the snapshot of a completed version.

        ``bevindingen`` and ``partijen`` stand in for the stored ones, to see what an edit
        would change before it is written.
        """
        per_thema = self.bevindingen_per_thema() if bevindingen is None else bevindingen
        if partijen is None:
            partijen = self.partijlijst()
        leeg = Bevinding(tekst="", indicatoren=[], beoordeling="")
        return {
            "samenvatting": self.samenvatting,
            "economische_randvoorwaarden": self.economische_randvoorwaarden,
            "bronnen": self.bronnen,
            "bevindingen": [
                {
                    "thema": str(t.value),
                    "tekst": per_thema.get(t, leeg).tekst,
                    "indicatoren": list(per_thema.get(t, leeg).indicatoren),
                    "beoordeling": per_thema.get(t, leeg).beoordeling,
                }
                for t in Thema
            ],
            "partijen": [
                {"categorie": p.categorie, "naam": p.naam, "opmerking": p.opmerking}
                for p in partijen
            ],
            "oordeel": self.oordeel,
            "motivatie": self.motivatie,
            "voorwaarden": self.voorwaarden,
            "participatieniveau": self.participatieniveau,
            "doelgroepen": list(self.doelgroepen),
            "doelgroepen_toelichting": self.doelgroepen_toelichting,
            "timing": self.timing,
            "timing_toelichting": self.timing_toelichting,
        }


class Bevinding(models.Model):
    """The finding of one theme: a short text, the indicators behind it, and what it means."""

    wijktoets = models.ForeignKey(
        Wijktoets, on_delete=models.CASCADE, related_name="bevindingen", verbose_name=_("wijktoets")
    )
    thema = models.CharField(_("thema"), max_length=30, choices=Thema.choices)
    tekst = _tekstveld(_("bevinding"))
    #: Canonical CBS indicator keys (see ``wijktoets.cbs.variabelen``).
    indicatoren = models.JSONField(_("indicatoren"), default=list, blank=True)
    beoordeling = models.CharField(
        _("beoordeling"), max_length=20, choices=Beoordeling.choices, blank=True
    )

    class Meta:
        verbose_name = _("bevinding")
        verbose_name_plural = _("bevindingen")
        constraints = [
            models.UniqueConstraint(
                fields=["wijktoets", "thema"], name="bevinding_eenmaal_per_thema"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_thema_display()}: {self.get_beoordeling_display() or '–'}"

    @property
    def ingevuld(self) -> bool:
        return bool(self.tekst.strip() and self.beoordeling)

    def clean(self) -> None:
        indicatoren = self.indicatoren
        if not isinstance(indicatoren, list) or not all(
            isinstance(s, str) and _SLEUTEL.match(s) for s in indicatoren
        ):
            raise ValidationError(
                {"indicatoren": gettext("Geef de indicatoren als een lijst van sleutels.")}
            )
        if len(indicatoren) > MAX_INDICATOREN:
            raise ValidationError(
                {
                    "indicatoren": gettext("Kies hoogstens %(n)d indicatoren per thema.")
                    % {"n": MAX_INDICATOREN}
                }
            )
        catalogus = indicator_catalogus()
        onbekend = [s for s in indicatoren if catalogus and s not in catalogus]
        if onbekend:
            raise ValidationError(
                {
                    "indicatoren": gettext(
                        "Deze indicatoren kent het platform niet: %(lijst)s. Kies uit de "
                        "kerncijfers van het CBS."
                    )
                    % {"lijst": ", ".join(onbekend)}
                }
            )


class Partij(models.Model):
    """A stakeholder present in the neighbourhood, e.g. the housing corporation or a school."""

    wijktoets = models.ForeignKey(
        Wijktoets, on_delete=models.CASCADE, related_name="partijen", verbose_name=_("wijktoets")
    )
    categorie = models.CharField(_("soort partij"), max_length=30, choices=PartijCategorie.choices)
    naam = models.CharField(_("naam"), max_length=200)
    opmerking = models.TextField(_("opmerking"), blank=True, validators=[MaxLengthValidator(2000)])
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("partij in de wijk")
        verbose_name_plural = _("partijen in de wijk")
        ordering = ["volgorde", "pk"]

    def __str__(self) -> str:
        return f"{self.naam} ({self.get_categorie_display()})"


class WijktoetsVersie(models.Model):
    """A completed version of the wijktoets: who completed it, when, and what it said."""

    wijktoets = models.ForeignKey(
        Wijktoets, on_delete=models.PROTECT, related_name="versies", verbose_name=_("wijktoets")
    )
    nummer = models.PositiveIntegerField(_("versie"))
    oordeel = models.CharField(_("oordeel"), max_length=30, choices=Oordeel.choices)
    #: The snapshot: ``Wijktoets.als_inhoud()`` at the moment of completion.
    inhoud = models.JSONField(_("inhoud"))
    afgerond_op = models.DateTimeField(_("afgerond op"), auto_now_add=True, db_index=True)
    afgerond_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("afgerond door"),
    )

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("afgeronde versie van de wijktoets")
        verbose_name_plural = _("afgeronde versies van de wijktoets")
        ordering = ["-nummer"]
        default_permissions = ("view",)
        constraints = [
            models.UniqueConstraint(
                fields=["wijktoets", "nummer"], name="wijktoetsversie_uniek_nummer"
            )
        ]

    def __str__(self) -> str:
        return gettext("Versie %(n)d: %(oordeel)s") % {
            "n": self.nummer,
            "oordeel": self.get_oordeel_display(),
        }

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise HistoryIsImmutable(gettext("Een afgeronde wijktoets kan niet worden gewijzigd."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise HistoryIsImmutable(gettext("Een afgeronde wijktoets kan niet worden verwijderd."))
