"""The CBS area hierarchy: gemeente, wijk and buurt, keyed by their CBS codes."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

gemeentecode_validator = RegexValidator(
    r"^GM\d{4}\Z",
    _("Een gemeentecode van het CBS is GM gevolgd door 4 cijfers, bijvoorbeeld GM0233."),
    code="gemeentecode",
)
# The wijk and buurt parts are usually digits, but CBS also uses letters (Amsterdam: WK0363AF,
# BU0363AF01); the gemeente part is always four digits.
wijkcode_validator = RegexValidator(
    r"^WK\d{4}[0-9A-Z]{2}\Z",
    _(
        "Een wijkcode van het CBS is WK, de 4 cijfers van de gemeente en 2 tekens voor de wijk, "
        "bijvoorbeeld WK023300."
    ),
    code="wijkcode",
)
buurtcode_validator = RegexValidator(
    r"^BU\d{4}[0-9A-Z]{4}\Z",
    _(
        "Een buurtcode van het CBS is BU, de 4 cijfers van de gemeente, 2 tekens voor de wijk en "
        "2 voor de buurt, bijvoorbeeld BU02330001."
    ),
    code="buurtcode",
)


def normalise_cbs_code(value: str) -> str:
    """CBS pads codes with spaces and users type lower case; store one canonical form."""
    return (value or "").strip().upper()


class CBSCodeField(models.CharField):
    """A CBS area code, stored without CBS's padding spaces and in upper case."""

    def to_python(self, value):
        value = super().to_python(value)
        return normalise_cbs_code(value) if isinstance(value, str) else value

    def get_prep_value(self, value):
        return self.to_python(super().get_prep_value(value))


class Gemeente(models.Model):
    code = CBSCodeField(
        _("CBS-gemeentecode"), max_length=6, unique=True, validators=[gemeentecode_validator]
    )
    naam = models.CharField(_("naam"), max_length=100)

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["naam"]
        permissions = [
            ("wijkplannen_gemeente", _("Mag wijkplannen aanmaken in deze gemeente")),
            ("griffie_gemeente", _("Is griffier van deze gemeente")),
        ]

    def __str__(self) -> str:
        return f"{self.naam} ({self.code})"


class Wijk(models.Model):
    code = CBSCodeField(
        _("CBS-wijkcode"), max_length=8, unique=True, validators=[wijkcode_validator]
    )
    naam = models.CharField(_("naam"), max_length=100)
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="wijken", verbose_name=_("gemeente")
    )

    class Meta:
        verbose_name = _("wijk")
        verbose_name_plural = _("wijken")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.naam} ({self.code})"

    def clean(self) -> None:
        if self.gemeente_id and self.code[2:6] != self.gemeente.code[2:6]:
            raise ValidationError(
                {
                    "code": _(
                        "Wijkcode %(code)s hoort niet bij gemeente %(gemeente)s: de eerste 4 "
                        "cijfers moeten gelijk zijn aan die van de gemeentecode."
                    )
                    % {"code": self.code, "gemeente": self.gemeente.code}
                }
            )


class Buurt(models.Model):
    code = CBSCodeField(
        _("CBS-buurtcode"), max_length=10, unique=True, validators=[buurtcode_validator]
    )
    naam = models.CharField(_("naam"), max_length=100)
    wijk = models.ForeignKey(
        Wijk, on_delete=models.PROTECT, related_name="buurten", verbose_name=_("wijk")
    )

    class Meta:
        verbose_name = _("buurt")
        verbose_name_plural = _("buurten")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.naam} ({self.code})"

    @property
    def gemeente_id(self) -> int:
        return self.wijk.gemeente_id

    def clean(self) -> None:
        if self.wijk_id and self.code[2:8] != self.wijk.code[2:8]:
            raise ValidationError(
                {
                    "code": _(
                        "Buurtcode %(code)s hoort niet bij wijk %(wijk)s: de eerste 6 tekens "
                        "moeten gelijk zijn aan die van de wijkcode."
                    )
                    % {"code": self.code, "wijk": self.wijk.code}
                }
            )
