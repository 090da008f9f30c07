"""Password rules beside Django's own validators (see AUTH_PASSWORD_VALIDATORS)."""

from django.contrib.auth.password_validation import MinimumLengthValidator
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


class MaximaleLengteValidator:
    """At most ``max_length`` characters: long passphrases are welcome (ASVS 2.1.2 allows up to
    128), but hashing megabytes per login attempt would be a denial of service."""

    def __init__(self, max_length: int = 128) -> None:
        self.max_length = max_length

    def validate(self, password: str, user=None) -> None:
        if len(password) > self.max_length:
            raise ValidationError(
                ngettext(
                    "Dit wachtwoord is te lang. Het mag hoogstens %(max_length)d teken bevatten.",
                    "Dit wachtwoord is te lang. Het mag hoogstens %(max_length)d tekens bevatten.",
                    self.max_length,
                ),
                code="password_too_long",
                params={"max_length": self.max_length},
            )

    def get_help_text(self) -> str:
        return _("Uw wachtwoord mag hoogstens %(max_length)d tekens bevatten.") % {
            "max_length": self.max_length
        }


class MinimaleLengteValidator(MinimumLengthValidator):
    """Django's minimum length, with its message in Dutch (Django's own Dutch catalogue lacks
    the current wording, so users would read English)."""

    def get_error_message(self) -> str:
        return ngettext(
            "Dit wachtwoord is te kort. Het moet minstens %(min_length)d teken bevatten.",
            "Dit wachtwoord is te kort. Het moet minstens %(min_length)d tekens bevatten.",
            self.min_length,
        ) % {"min_length": self.min_length}

    def get_help_text(self) -> str:
        return _("Uw wachtwoord moet minstens %(min_length)d tekens bevatten.") % {
            "min_length": self.min_length
        }
