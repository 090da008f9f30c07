"""Remove someone's authenticator app and backup codes, e.g. when their phone is lost.

At their next login they set up two-factor authentication again (for a beheerder that is
required before anything else). A beheerder can do the same in the admin (TOTP devices and
static devices of the user).
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from wup.accounts import tweestap


class Command(BaseCommand):
    help = "Verwijder de authenticator-app en reservecodes van een gebruiker (telefoon kwijt)."

    def add_arguments(self, parser):
        parser.add_argument("gebruikersnaam")

    def handle(self, *args, gebruikersnaam: str, **options):
        user = get_user_model().objects.filter(username=gebruikersnaam).first()
        if user is None:
            raise CommandError(f"Er is geen gebruiker {gebruikersnaam!r}.")
        tweestap.uitzetten(user)
        self.stdout.write(
            f"De tweestapsverificatie van {gebruikersnaam} is verwijderd; bij de volgende "
            "keer inloggen stelt deze gebruiker haar opnieuw in."
        )
