"""The wijkplan (WUP) and its state machine.

The transition methods only change the phase (and the fields that belong to it). Everything
around a transition -- the row lock, the motivation, the history row, notifications -- is done
by :func:`wup.services.wijkplan_transition`, the one way to move a plan.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import RETURN_VALUE, ConcurrentTransitionMixin, FSMField, transition

from wup.constants import BEVROREN_FASEN, WERKFASEN, Fase
from wup.models.gebieden import Buurt, Gemeente
from wup.permissions import is_griffier, is_projectleider
from wup.workflow import TERUGSTUUR_FASEN, VORIGE_FASE, gates_met

_TERUGZET_BRONNEN = list(VORIGE_FASE)


class Wijkplan(ConcurrentTransitionMixin, models.Model):
    naam = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(_("webadres"), max_length=80, unique=True)
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="wijkplannen", verbose_name=_("gemeente")
    )
    buurten = models.ManyToManyField(Buurt, related_name="wijkplannen", verbose_name=_("buurten"))
    omschrijving = models.TextField(
        _("omschrijving"),
        blank=True,
        help_text=_(
            "Waar gaat dit plan over? Afbakening, aanleiding en ambitie in een paar zinnen."
        ),
    )
    bestuurlijk_opdrachtgever = models.CharField(
        _("bestuurlijk opdrachtgever"),
        max_length=200,
        blank=True,
        help_text=_("De wethouder die verantwoordelijk is, bijvoorbeeld: wethouder Energie."),
    )
    ambtelijk_opdrachtgever = models.CharField(
        _("ambtelijk opdrachtgever"), max_length=200, blank=True
    )
    beoogde_raadsdatum = models.DateField(
        _("beoogde datum raadsbehandeling"), null=True, blank=True
    )

    fase = FSMField(
        _("fase"), default=Fase.WIJKTOETS, choices=Fase.choices, protected=True, db_index=True
    )
    fase_voor_pauze = models.CharField(
        _("fase voor de pauze"), max_length=30, choices=Fase.choices, blank=True
    )
    aangeboden_aan_raad_op = models.DateTimeField(
        _("eerst aangeboden aan de raad op"), null=True, blank=True, editable=False
    )
    #: Optimistic lock for edits: a form or API call based on an older versie is refused.
    versie = models.PositiveIntegerField(_("versie"), default=1, editable=False)

    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("aangemaakt door"),
    )
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("wijkplan")
        verbose_name_plural = _("wijkplannen")
        ordering = ["gemeente__naam", "naam"]
        permissions = [("besluit_wijkplan", _("Mag het raadsbesluit over een wijkplan vastleggen"))]

    def __str__(self) -> str:
        return self.naam

    # --- derived ---------------------------------------------------------------------------

    @property
    def bevroren(self) -> bool:
        """Adopted or stopped: content and documents may no longer change."""
        return self.fase in BEVROREN_FASEN

    @property
    def bij_de_raad_geweest(self) -> bool:
        return self.aangeboden_aan_raad_op is not None

    @property
    def stapnummer(self) -> int | None:
        """The WUP step (1–6) the plan is working on, if it is in a working phase."""
        fase = self.fase_voor_pauze if self.fase == Fase.GEPAUZEERD else self.fase
        if fase in WERKFASEN:
            # Verkenning holds steps 2 and 3 in parallel; the numbering follows the seed text.
            return {0: 1, 1: 2, 2: 4, 3: 5, 4: 6}[WERKFASEN.index(fase)]
        return 6 if fase in (Fase.TER_BESLUITVORMING, Fase.VASTGESTELD) else None

    def clean_fields(self, exclude=None) -> None:
        # The protected FSM field cannot be re-assigned by field cleaning; the state machine
        # is what keeps it valid.
        super().clean_fields(exclude={*(exclude or ()), "fase"})

    def clean(self) -> None:
        if self.bevroren and self.pk:
            raise ValidationError(
                _("Dit plan is %(fase)s en kan niet meer worden gewijzigd.")
                % {"fase": self.get_fase_display().lower()}
            )

    # --- the state machine -------------------------------------------------------------------
    # Each transition only changes the phase; guards come from the gate registry and the
    # permission callables; the service adds history and side effects.

    @transition(
        fase,
        source=Fase.WIJKTOETS,
        target=Fase.VERKENNING,
        conditions=[gates_met("start_verkenning")],
        permission=is_projectleider,
    )
    def start_verkenning(self) -> None:
        """Wijktoets done: exploration of alternatives and participation start."""

    @transition(
        fase,
        source=Fase.VERKENNING,
        target=Fase.KEUZE,
        conditions=[gates_met("start_keuze")],
        permission=is_projectleider,
    )
    def start_keuze(self) -> None:
        """Alternatives and participation results are ready for the choice."""

    @transition(
        fase,
        source=Fase.KEUZE,
        target=Fase.UITWERKING,
        conditions=[gates_met("start_uitwerking")],
        permission=is_projectleider,
    )
    def start_uitwerking(self) -> None:
        """A heat solution has been chosen; it is worked out in detail."""

    @transition(
        fase,
        source=Fase.UITWERKING,
        target=Fase.UITVOERINGSPLAN,
        conditions=[gates_met("start_uitvoeringsplan")],
        permission=is_projectleider,
    )
    def start_uitvoeringsplan(self) -> None:
        """Business case and organisation are ready; the implementation plan is written."""

    @transition(
        fase,
        source=Fase.UITVOERINGSPLAN,
        target=Fase.TER_BESLUITVORMING,
        conditions=[gates_met("aanbieden_aan_raad")],
        permission=is_projectleider,
    )
    def aanbieden_aan_raad(self) -> None:
        """The plan goes to the council."""
        if self.aangeboden_aan_raad_op is None:
            self.aangeboden_aan_raad_op = timezone.now()

    @transition(
        fase,
        source=Fase.TER_BESLUITVORMING,
        target=Fase.VASTGESTELD,
        conditions=[gates_met("vaststellen")],
        permission=is_griffier,
    )
    def vaststellen(self) -> None:
        """The council adopted the plan."""

    @transition(
        fase,
        source=Fase.TER_BESLUITVORMING,
        target=RETURN_VALUE(*TERUGSTUUR_FASEN),
        conditions=[gates_met("terugsturen")],
        permission=is_griffier,
    )
    def terugsturen(self, naar: str) -> str:
        """The council sent the plan back to the phase its objections concern."""
        return naar

    @transition(
        fase,
        source=Fase.TER_BESLUITVORMING,
        target=Fase.UITVOERINGSPLAN,
        conditions=[gates_met("intrekken")],
        permission=is_projectleider,
    )
    def intrekken(self) -> None:
        """The plan is withdrawn from the council before a decision."""

    @transition(
        fase,
        source=_TERUGZET_BRONNEN,
        target=RETURN_VALUE(*WERKFASEN[:-1]),
        conditions=[gates_met("terugzetten")],
        permission=is_projectleider,
    )
    def terugzetten(self) -> str:
        """Back to the previous working phase."""
        return VORIGE_FASE[self.fase]

    @transition(
        fase,
        source=list(WERKFASEN),
        target=Fase.GEPAUZEERD,
        conditions=[gates_met("pauzeren")],
        permission=is_projectleider,
    )
    def pauzeren(self) -> None:
        """Work stops for now; the plan remembers where it was."""
        self.fase_voor_pauze = self.fase

    @transition(
        fase,
        source=Fase.GEPAUZEERD,
        target=RETURN_VALUE(*WERKFASEN),
        conditions=[gates_met("hervatten")],
        permission=is_projectleider,
    )
    def hervatten(self) -> str:
        """Work resumes in the phase in which it was paused."""
        terug = self.fase_voor_pauze or Fase.WIJKTOETS
        self.fase_voor_pauze = ""
        return terug

    @transition(
        fase,
        source=[*WERKFASEN, Fase.GEPAUZEERD],
        target=Fase.GESTOPT,
        conditions=[gates_met("stoppen")],
        permission=is_projectleider,
    )
    def stoppen(self) -> None:
        """The plan ends for good."""
        self.fase_voor_pauze = ""
