"""Demo data for `make run`: Ermelo with its real wijken and buurten, a user per role, four plans.

Idempotent: running it again changes nothing but the demo passwords (reset, so the printed logins
always work). The plans are built only through the services, so their history is real.
"""

from __future__ import annotations

import csv
import datetime
from base64 import b32decode
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from guardian.shortcuts import assign_perm

from wup import services
from wup.accounts import tweestap
from wup.constants import Fase, Rol
from wup.models import Buurt, Gemeente, Wijk, Wijkplan
from wup.registry import demo_loaders, demo_preparers
from wup.roles import ensure_roles

GEBIEDEN_CSV = Path(__file__).resolve().parents[2] / "data" / "ermelo_buurten_2021.csv"
GEMEENTECODE = "GM0233"

#: The password of every demo account; printed by the command and listed in the README.
DEMO_WACHTWOORD = "warmte-demo-2030"
#: The demo beheerder's authenticator secret (base32, as an app asks for it) and backup codes:
#: known to everyone, so for the demo only. A beheerder must pass the second step.
DEMO_TOTP_SLEUTEL = "WUPDEMOWUPDEMOWUPDEMOWUPDEMOWUPD"
DEMO_RESERVECODES = tuple(f"demo{n:04d}" for n in range(1, 6))


@dataclass(frozen=True)
class DemoGebruiker:
    username: str
    rol: Rol
    voornaam: str
    achternaam: str


GEBRUIKERS = (
    DemoGebruiker("projectleider", Rol.PROJECTLEIDER, "Anne", "de Boer"),
    DemoGebruiker("griffier", Rol.GRIFFIER, "Joost", "van Dijk"),
    DemoGebruiker("beheerder", Rol.BEHEERDER, "Marieke", "Jansen"),
)


@dataclass(frozen=True)
class DemoPlan:
    naam: str
    buurten: tuple[str, ...]
    omschrijving: str
    bestuurlijk_opdrachtgever: str
    #: Transitions with their motivation, in order, from wijktoets.
    stappen: tuple[tuple[str, str], ...] = ()
    ambtelijk_opdrachtgever: str = "Afdeling Ruimte, team Duurzaamheid"
    raadsdatum_over_dagen: int | None = None


PLANNEN = (
    DemoPlan(
        naam="Warmteplan Ermelo-West",
        buurten=("BU02330002",),
        omschrijving=(
            "Ermelo-West: vooral rijwoningen en twee-onder-een-kapwoningen uit de jaren zeventig. "
            "De wijktoets brengt in beeld welke bewoners extra steun nodig hebben."
        ),
        # No bestuurlijk opdrachtgever yet: the dashboard shows what blocks the next step.
        bestuurlijk_opdrachtgever="",
    ),
    DemoPlan(
        naam="Wijkaanpak Ermelo-Oost en Tonsel",
        buurten=("BU02330001", "BU02330004"),
        omschrijving=(
            "Samen met de woningcorporatie verkennen we de alternatieven voor aardgas, te beginnen "
            "bij de straten waar de riolering de komende jaren wordt vervangen."
        ),
        bestuurlijk_opdrachtgever="Wethouder Duurzaamheid en Energie",
        stappen=(
            (
                "start_verkenning",
                "Wijktoets afgerond: de wijk is geschikt voor een wijkgerichte aanpak.",
            ),
        ),
    ),
    DemoPlan(
        naam="Warmtenet Veldwijk-'s Heerenloo",
        buurten=("BU02330003",),
        omschrijving=(
            "Het zorgterrein en de omliggende woningen: onderzocht wordt of een collectief "
            "warmtenet op lage temperatuur de beste oplossing is."
        ),
        bestuurlijk_opdrachtgever="Wethouder Duurzaamheid en Energie",
        stappen=(
            ("start_verkenning", "Wijktoets afgerond; de zorginstelling doet mee als partner."),
            (
                "start_keuze",
                "Drie alternatieven doorgerekend en besproken op twee bewonersavonden.",
            ),
        ),
    ),
    DemoPlan(
        naam="Wijkuitvoeringsplan Ermelo-centrum",
        buurten=("BU02330000", "BU02330006"),
        omschrijving=(
            "Het centrum van Ermelo: winkels met woningen erboven en oudere vrijstaande woningen. "
            "Gekozen is voor een hybride aanpak met isolatie als eerste stap."
        ),
        bestuurlijk_opdrachtgever="Wethouder Duurzaamheid en Energie",
        stappen=(
            ("start_verkenning", "Wijktoets afgerond en besproken met de ondernemersvereniging."),
            ("start_keuze", "Alternatieven vergeleken; de uitkomsten van de enquête zijn binnen."),
            ("start_uitwerking", "Keuze voor een hybride warmtepomp met isolatie."),
            ("start_uitvoeringsplan", "Businesscase en organisatie rond."),
            ("aanbieden_aan_raad", "Uitvoeringsplan klaar voor de raad."),
        ),
        raadsdatum_over_dagen=56,
    ),
)


class Command(BaseCommand):
    help = "Laad de demogegevens: gemeente Ermelo, een gebruiker per rol en vier wijkplannen."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Ook in productie laden (maakt accounts met een bekend wachtwoord!).",
        )

    def handle(self, *args, force: bool, **options):
        if settings.WUP_ENV == "production" and not force:
            raise CommandError(
                "Demogegevens horen niet in productie: de demo-accounts hebben een bekend "
                "wachtwoord. Gebruik --force als u dit toch wilt."
            )
        with transaction.atomic():
            ensure_roles()
            gemeente = self._gebieden()
            gebruikers = self._gebruikers(gemeente)
            # What the step apps add first (e.g. CBS figures), then the plans, which the steps
            # prepare before each transition (e.g. a completed wijktoets).
            for _key, loader in demo_loaders.all():
                loader(self.stdout)
            nieuw = [p for p in PLANNEN if self._plan(p, gemeente, gebruikers[Rol.PROJECTLEIDER])]
        self.stdout.write(
            f"{gemeente}: {gemeente.wijken.count()} wijken, "
            f"{Buurt.objects.filter(wijk__gemeente=gemeente).count()} buurten; "
            f"{len(nieuw)} nieuwe en {len(PLANNEN) - len(nieuw)} bestaande demoplannen."
        )
        self.stdout.write(self.style.SUCCESS("Demo-accounts (alleen voor ontwikkeling):"))
        for g in GEBRUIKERS:
            self.stdout.write(
                f"  {g.rol.label:<14} gebruikersnaam: {g.username:<14} "
                f"wachtwoord: {DEMO_WACHTWOORD}"
            )
        self.stdout.write(
            "  De beheerder logt in met tweestapsverificatie: zet in een authenticator-app de "
            f"sleutel {DEMO_TOTP_SLEUTEL} (TOTP, 6 cijfers, 30 seconden), of gebruik een "
            f"reservecode: {', '.join(DEMO_RESERVECODES)} (elk één keer; opnieuw laden zet ze "
            "terug)."
        )

    @staticmethod
    def _tweestap(beheerder) -> None:
        """The demo beheerder's second factor: the known secret and backup codes (reset)."""
        TOTPDevice.objects.filter(user=beheerder).delete()
        TOTPDevice.objects.create(
            user=beheerder,
            name=tweestap.APP_NAAM,
            key=b32decode(DEMO_TOTP_SLEUTEL).hex(),
            confirmed=True,
        )
        StaticDevice.objects.filter(user=beheerder).delete()
        reserve = StaticDevice.objects.create(
            user=beheerder, name=tweestap.RESERVE_NAAM, confirmed=True
        )
        for code in DEMO_RESERVECODES:
            reserve.token_set.create(token=code)

    def _gebieden(self) -> Gemeente:
        with GEBIEDEN_CSV.open(encoding="utf-8", newline="") as fh:
            rijen = list(csv.DictReader(line for line in fh if not line.startswith("#")))
        gemeente = self._bewaar(Gemeente, rijen[0]["gemeentecode"], naam=rijen[0]["gemeentenaam"])
        wijken: dict[str, Wijk] = {}
        for rij in rijen:
            if rij["wijkcode"] not in wijken:
                wijken[rij["wijkcode"]] = self._bewaar(
                    Wijk, rij["wijkcode"], naam=rij["wijknaam"], gemeente=gemeente
                )
            wijk = wijken[rij["wijkcode"]]
            self._bewaar(Buurt, rij["buurtcode"], naam=rij["buurtnaam"], wijk=wijk)
        return gemeente

    @staticmethod
    def _bewaar(model, code: str, **velden):
        obj = model.objects.filter(code=code).first() or model(code=code)
        for naam, waarde in velden.items():
            setattr(obj, naam, waarde)
        obj.full_clean()
        obj.save()
        return obj

    def _gebruikers(self, gemeente: Gemeente) -> dict[Rol, object]:
        User = get_user_model()
        gebruikers = {}
        for g in GEBRUIKERS:
            user, _ = User.objects.get_or_create(username=g.username)
            user.first_name, user.last_name = g.voornaam, g.achternaam
            user.email = f"{g.username}@ermelo.example"
            user.is_active = True
            user.is_staff = g.rol == Rol.BEHEERDER
            user.set_password(DEMO_WACHTWOORD)
            user.save()
            user.groups.add(Group.objects.get(name=g.rol.value))
            gebruikers[g.rol] = user
        self._tweestap(gebruikers[Rol.BEHEERDER])
        # Which gemeente a role works in is an object permission, as a beheerder would assign it.
        assign_perm("wup.wijkplannen_gemeente", gebruikers[Rol.PROJECTLEIDER], gemeente)
        assign_perm("wup.griffie_gemeente", gebruikers[Rol.GRIFFIER], gemeente)
        return gebruikers

    def _plan(self, demo: DemoPlan, gemeente: Gemeente, projectleider) -> bool:
        """Create and move one plan through the services; False if it already exists."""
        if Wijkplan.objects.filter(gemeente=gemeente, naam=demo.naam).exists():
            return False
        raadsdatum = (
            timezone.localdate() + datetime.timedelta(days=demo.raadsdatum_over_dagen)
            if demo.raadsdatum_over_dagen
            else None
        )
        plan = services.wijkplan_create(
            user=projectleider,
            gemeente=gemeente,
            naam=demo.naam,
            buurten=Buurt.objects.filter(code__in=demo.buurten),
            omschrijving=demo.omschrijving,
            bestuurlijk_opdrachtgever=demo.bestuurlijk_opdrachtgever,
            ambtelijk_opdrachtgever=demo.ambtelijk_opdrachtgever,
            beoogde_raadsdatum=raadsdatum,
        )
        for overgang, motivatie in demo.stappen:
            for _key, preparer in demo_preparers.all():
                preparer(self.stdout, plan, overgang, projectleider)
            services.wijkplan_transition(
                wijkplan=plan, overgang=overgang, user=projectleider, motivatie=motivatie
            )
        self.stdout.write(f"  {plan.naam}: {Fase(plan.fase).label}")
        return True
