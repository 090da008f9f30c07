"""What the privacy part registers with the core: the beheerder handles the requests of a
person about their data and reads the processing log."""

from wup.constants import Rol
from wup.roles import grant


def register() -> None:
    grant(Rol.BEHEERDER, "participatie.view_verwerking")
