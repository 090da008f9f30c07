"""Factories with a trait per phase, so a test says in one line which situation it needs:

WijkplanFactory(keuze=True)          # a plan in the keuze phase
WijkplanFactory(projectleider=user)  # ... led by ``user``
"""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from guardian.shortcuts import assign_perm

from wup.constants import Fase, Rol
from wup.models import Buurt, Gemeente, Wijk, Wijkplan


def _letters(n: int) -> str:
    """Two letters (AA…ZZ): CBS allows letters in wijk and buurt codes, and tests that name an
    area explicitly use digits, so generated codes never collide with theirs."""
    return chr(65 + (n // 26) % 26) + chr(65 + n % 26)


class GemeenteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gemeente
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"GM{n + 100:04d}")
    naam = factory.Sequence(lambda n: f"Gemeente {n}")


class WijkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Wijk

    gemeente = factory.SubFactory(GemeenteFactory)
    code = factory.LazyAttributeSequence(lambda o, n: f"WK{o.gemeente.code[2:]}{_letters(n)}")
    naam = factory.Sequence(lambda n: f"Wijk {n}")


class BuurtFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Buurt

    wijk = factory.SubFactory(WijkFactory)
    code = factory.LazyAttributeSequence(lambda o, n: f"BU{o.wijk.code[2:]}{_letters(n)}")
    naam = factory.Sequence(lambda n: f"Buurt {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = "Sam"
    last_name = factory.Sequence(lambda n: f"de Vries {n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@gemeente.example")
    password = factory.django.Password("geheim-wachtwoord-123")

    @factory.post_generation
    def rol(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.groups.add(Group.objects.get(name=Rol(extracted).value))
            if extracted == Rol.BEHEERDER:
                obj.is_staff = True
                obj.save(update_fields=["is_staff"])


def projectleider(gemeente=None, **kwargs):
    """A user in the Projectleider role who may start plans in ``gemeente``."""
    user = UserFactory(rol=Rol.PROJECTLEIDER, **kwargs)
    if gemeente is not None:
        assign_perm("wup.wijkplannen_gemeente", user, gemeente)
    return user


def griffier(gemeente, **kwargs):
    user = UserFactory(rol=Rol.GRIFFIER, **kwargs)
    assign_perm("wup.griffie_gemeente", user, gemeente)
    return user


def beheerder(**kwargs):
    return UserFactory(rol=Rol.BEHEERDER, **kwargs)


class WijkplanFactory(factory.django.DjangoModelFactory):
    """A plan with one buurt and a projectleider; phase traits set ``fase`` directly.

    Setting the phase bypasses the workflow on purpose: it builds the *starting situation* of a
    test. Moving a plan in a test always goes through ``wijkplan_transition``.
    """

    class Meta:
        model = Wijkplan
        skip_postgeneration_save = True

    naam = factory.Sequence(lambda n: f"Warmteplan buurt {n}")
    slug = factory.Sequence(lambda n: f"warmteplan-buurt-{n}")
    gemeente = factory.SubFactory(GemeenteFactory)
    omschrijving = "Aardgasvrij maken van de buurt in samenhang met de rioolvervanging."
    bestuurlijk_opdrachtgever = "Wethouder Energie en Klimaat"
    fase = Fase.WIJKTOETS

    class Params:
        verkenning = factory.Trait(fase=Fase.VERKENNING)
        keuze = factory.Trait(fase=Fase.KEUZE)
        uitwerking = factory.Trait(fase=Fase.UITWERKING)
        uitvoeringsplan = factory.Trait(fase=Fase.UITVOERINGSPLAN)
        ter_besluitvorming = factory.Trait(
            fase=Fase.TER_BESLUITVORMING,
            aangeboden_aan_raad_op=factory.LazyFunction(timezone.now),
        )
        vastgesteld = factory.Trait(
            fase=Fase.VASTGESTELD,
            aangeboden_aan_raad_op=factory.LazyFunction(timezone.now),
        )
        gepauzeerd = factory.Trait(fase=Fase.GEPAUZEERD, fase_voor_pauze=Fase.VERKENNING)
        gestopt = factory.Trait(fase=Fase.GESTOPT)
        zonder_opdrachtgever = factory.Trait(bestuurlijk_opdrachtgever="")

    @factory.post_generation
    def buurten(obj, create, extracted, **kwargs):
        if not create:
            return
        if extracted is None:
            wijk = WijkFactory(gemeente=obj.gemeente)
            extracted = [BuurtFactory(wijk=wijk)]
        obj.buurten.set(extracted)

    @factory.post_generation
    def projectleider(obj, create, extracted, **kwargs):
        if not create or extracted is False:
            return
        user = extracted or projectleider(obj.gemeente)
        assign_perm("wup.view_wijkplan", user, obj)
        assign_perm("wup.change_wijkplan", user, obj)


def inloggen(client, user):
    """Log ``user`` in on ``client`` as after a complete login: the password and, where the
    account has or needs two-factor authentication (every beheerder), the code from a
    confirmed authenticator app. Use this instead of ``force_login`` for beheerders; a test of
    the second step itself uses ``force_login`` to get a login that still owes its code."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from wup.accounts import tweestap

    client.force_login(user)
    if tweestap.verplicht(user) or tweestap.heeft_app(user):
        apparaat = tweestap.app_voor(user) or TOTPDevice.objects.create(
            user=user, name=tweestap.APP_NAAM, confirmed=True
        )
        # What django_otp.login() records when the code was right.
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = apparaat.persistent_id
        session.save()
    return client
