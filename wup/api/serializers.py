"""Representations of the API. Serializers validate and shape data; writes go to the services.

Field names are snake_case here and lowerCamelCase on the wire (the camel-case renderer and
parser translate).
"""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.reverse import reverse

from wup import selectors
from wup.api.schema import OpenVoorwaardeSerializer, VoorwaardeSerializer
from wup.constants import Fase, Spoor
from wup.models import Buurt, Faseovergang, Gemeente, Wijk, Wijkplan
from wup.models.gebieden import (
    buurtcode_validator,
    gemeentecode_validator,
    normalise_cbs_code,
)
from wup.workflow import OVERGANGEN

MAX_BUURTEN = 500


class StrictSerializer(serializers.Serializer):
    """Refuses fields it does not know, instead of silently ignoring them.

    A client that sends ``fase`` in a PATCH, or mistypes a field name, hears about it rather
    than believing the change was saved.
    """

    def to_internal_value(self, data):
        onbekend = {}
        if isinstance(data, Mapping):
            writable = {name for name, field in self.fields.items() if not field.read_only}
            reden = _("Onbekend veld, of een veld dat u hier niet kunt wijzigen.")
            onbekend = {
                naam: [serializers.ErrorDetail(reden, code="unknown")]
                for naam in sorted(set(data) - writable, key=str)
            }
        try:
            value = super().to_internal_value(data)
        except serializers.ValidationError as exc:
            # Report unknown fields together with the other errors, so one round trip shows all.
            if onbekend and isinstance(exc.detail, dict):
                exc.detail.update(onbekend)
            raise
        if onbekend:
            raise serializers.ValidationError(onbekend)
        return value


class CbsCodeField(serializers.CharField):
    """A CBS code, normalised (trimmed, upper case) and checked against its format."""

    def __init__(self, validator, **kwargs):
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)
        self.cbs_validator = validator

    def to_internal_value(self, data):
        value = normalise_cbs_code(super().to_internal_value(data))
        try:
            self.cbs_validator(value)
        except DjangoValidationError as exc:
            raise serializers.ValidationError(
                [str(m) for m in exc.messages], code=exc.code or "invalid"
            ) from exc
        return value


def check_code(validator, value: str) -> str:
    """Normalise and validate a code from a URL path; raises a DRF ValidationError."""
    return CbsCodeField(validator).run_validation(value)


# --- Gebieden --------------------------------------------------------------------------------


class GemeenteKortSerializer(serializers.Serializer):
    code = serializers.CharField(read_only=True, help_text="CBS-gemeentecode, bv. GM0233.")
    naam = serializers.CharField(read_only=True)


class WijkKortSerializer(serializers.Serializer):
    code = serializers.CharField(read_only=True, help_text="CBS-wijkcode, bv. WK023300.")
    naam = serializers.CharField(read_only=True)


class BuurtKortSerializer(serializers.Serializer):
    code = serializers.CharField(read_only=True, help_text="CBS-buurtcode, bv. BU02330001.")
    naam = serializers.CharField(read_only=True)


class GemeenteSerializer(GemeenteKortSerializer):
    url = serializers.SerializerMethodField(help_text="Adres van deze gemeente in de API.")

    def get_url(self, gemeente: Gemeente) -> str:
        return reverse(
            "api:gemeente-detail", kwargs={"code": gemeente.code}, request=self.context["request"]
        )


class WijkSerializer(WijkKortSerializer):
    gemeente = GemeenteKortSerializer(read_only=True)
    url = serializers.SerializerMethodField(help_text="Adres van deze wijk in de API.")

    def get_url(self, wijk: Wijk) -> str:
        return reverse(
            "api:wijk-detail", kwargs={"code": wijk.code}, request=self.context["request"]
        )


class BuurtSerializer(BuurtKortSerializer):
    wijk = WijkKortSerializer(read_only=True)
    gemeente = GemeenteKortSerializer(source="wijk.gemeente", read_only=True)
    url = serializers.SerializerMethodField(help_text="Adres van deze buurt in de API.")

    def get_url(self, buurt: Buurt) -> str:
        return reverse(
            "api:buurt-detail", kwargs={"code": buurt.code}, request=self.context["request"]
        )


# --- Wijkplannen ------------------------------------------------------------------------------


class WijkplanSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text="Adres van dit wijkplan in de API.")
    gemeente = GemeenteKortSerializer(read_only=True)
    buurten = BuurtKortSerializer(many=True, read_only=True)
    fase = serializers.ChoiceField(choices=Fase.choices, read_only=True)
    fase_label = serializers.CharField(source="get_fase_display", read_only=True)
    bevroren = serializers.BooleanField(
        read_only=True, help_text="Vastgesteld of gestopt: het plan kan niet meer veranderen."
    )
    stapnummer = serializers.IntegerField(
        read_only=True,
        allow_null=True,
        help_text="De WUP-stap (1–6) waar het plan aan werkt; leeg als het plan gestopt is.",
    )
    versie = serializers.IntegerField(
        read_only=True,
        help_text="Versie van de plangegevens; stuur deze mee bij wijzigen (of de ETag in "
        "If-Match). Een faseovergang verhoogt de versie niet.",
    )
    overgangen_url = serializers.SerializerMethodField(
        help_text="Adres van de mogelijke faseovergangen van dit plan."
    )
    historie_url = serializers.SerializerMethodField(help_text="Adres van de historie.")

    class Meta:
        model = Wijkplan
        fields = (
            "id",
            "url",
            "naam",
            "slug",
            "gemeente",
            "buurten",
            "omschrijving",
            "bestuurlijk_opdrachtgever",
            "ambtelijk_opdrachtgever",
            "beoogde_raadsdatum",
            "fase",
            "fase_label",
            "stapnummer",
            "bevroren",
            "versie",
            "aangemaakt_op",
            "gewijzigd_op",
            "overgangen_url",
            "historie_url",
        )
        read_only_fields = fields

    def _url(self, name: str, plan: Wijkplan) -> str:
        return reverse(name, kwargs={"id": plan.pk}, request=self.context["request"])

    def get_url(self, plan: Wijkplan) -> str:
        return self._url("api:wijkplan-detail", plan)

    def get_overgangen_url(self, plan: Wijkplan) -> str:
        return self._url("api:wijkplan-overgangen", plan)

    def get_historie_url(self, plan: Wijkplan) -> str:
        return self._url("api:wijkplan-historie", plan)


class BuurtcodesField(serializers.ListField):
    """A list of CBS buurt codes, resolved to ``Buurt`` objects."""

    child = CbsCodeField(buurtcode_validator)

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", MAX_BUURTEN)
        kwargs.setdefault(
            "help_text",
            _('De CBS-codes van de buurten waar het plan over gaat, bv. ["BU02330001"].'),
        )
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        codes = list(dict.fromkeys(super().to_internal_value(data)))
        buurten = selectors.buurten_by_code(codes)
        onbekend = [c for c in codes if c not in buurten]
        if onbekend:
            raise serializers.ValidationError(
                _("Deze buurtcodes zijn niet bekend: %(codes)s.") % {"codes": ", ".join(onbekend)},
                code="unknown",
            )
        return [buurten[c] for c in codes]


class _PlanVeldenMixin(StrictSerializer):
    """The plan fields a projectleider fills in, with the model's limits."""

    naam = serializers.CharField(max_length=200)
    omschrijving = serializers.CharField(max_length=20_000, allow_blank=True, required=False)
    bestuurlijk_opdrachtgever = serializers.CharField(
        max_length=200,
        allow_blank=True,
        required=False,
        help_text="De verantwoordelijke wethouder, bv. ‘wethouder Energie’.",
    )
    ambtelijk_opdrachtgever = serializers.CharField(
        max_length=200, allow_blank=True, required=False
    )
    beoogde_raadsdatum = serializers.DateField(
        allow_null=True, required=False, help_text="Beoogde datum van de raadsbehandeling."
    )


class WijkplanAanmakenSerializer(_PlanVeldenMixin):
    gemeente = CbsCodeField(
        gemeentecode_validator, help_text="CBS-code van de gemeente van het plan, bv. GM0233."
    )
    buurten = BuurtcodesField(min_length=1)

    def validate_gemeente(self, code: str) -> Gemeente:
        gemeente = selectors.gemeente_by_code(code)
        if gemeente is None:
            raise serializers.ValidationError(
                _("Gemeente %(code)s is niet bekend.") % {"code": code}, code="unknown"
            )
        return gemeente


class WijkplanWijzigenSerializer(_PlanVeldenMixin):
    naam = serializers.CharField(max_length=200, required=False)
    buurten = BuurtcodesField(min_length=1, required=False)
    versie = serializers.IntegerField(
        min_value=1,
        max_value=2**31 - 1,
        required=False,
        help_text="De versie die u heeft opgehaald. Verplicht, tenzij u de kopregel If-Match "
        "meestuurt.",
    )


# --- Overgangen en historie -------------------------------------------------------------------


class FaseMetLabelSerializer(serializers.Serializer):
    fase = serializers.ChoiceField(choices=Fase.choices, read_only=True)
    label = serializers.CharField(read_only=True)


class MogelijkeOvergangSerializer(serializers.Serializer):
    naam = serializers.CharField(read_only=True, help_text="Naam van de overgang in het adres.")
    label = serializers.CharField(read_only=True)
    uitleg = serializers.CharField(read_only=True)
    rol = serializers.CharField(read_only=True, help_text="De rol die deze overgang uitvoert.")
    vooruit = serializers.BooleanField(read_only=True, help_text="Een stap vooruit in het plan.")
    doel_fasen = FaseMetLabelSerializer(many=True, read_only=True)
    kies_doel = serializers.BooleanField(
        read_only=True, help_text="U kiest de doelfase zelf (veld `naar`)."
    )
    motivatie_verplicht = serializers.BooleanField(read_only=True)
    toegestaan = serializers.BooleanField(
        read_only=True, help_text="U heeft het recht deze overgang uit te voeren."
    )
    uitvoerbaar = serializers.BooleanField(
        read_only=True, help_text="Toegestaan én aan alle voorwaarden voldaan."
    )
    voorwaarden = OpenVoorwaardeSerializer(many=True, read_only=True)
    url = serializers.CharField(read_only=True, help_text="POST hierheen om uit te voeren.")


class SpoorVoortgangSerializer(serializers.Serializer):
    spoor = serializers.ChoiceField(choices=Spoor.choices, read_only=True)
    spoor_label = serializers.CharField(read_only=True)
    voldaan = serializers.IntegerField(read_only=True)
    totaal = serializers.IntegerField(read_only=True)
    klaar = serializers.BooleanField(read_only=True)
    open = OpenVoorwaardeSerializer(many=True, read_only=True)


class VoortgangSerializer(serializers.Serializer):
    overgang = serializers.CharField(
        read_only=True, allow_null=True, help_text="De volgende stap vooruit, als die er is."
    )
    overgang_label = serializers.CharField(read_only=True, allow_null=True)
    klaar = serializers.BooleanField(read_only=True)
    sporen = SpoorVoortgangSerializer(many=True, read_only=True)


class OvergangenSerializer(serializers.Serializer):
    fase = serializers.ChoiceField(choices=Fase.choices, read_only=True)
    fase_label = serializers.CharField(read_only=True)
    voortgang = VoortgangSerializer(read_only=True)
    overgangen = MogelijkeOvergangSerializer(many=True, read_only=True)


class OvergangUitvoerenSerializer(StrictSerializer):
    motivatie = serializers.CharField(
        max_length=5_000,
        allow_blank=True,
        required=False,
        help_text="Waarom; verplicht bij overgangen met `motivatieVerplicht`.",
    )
    naar = serializers.ChoiceField(
        choices=Fase.choices,
        required=False,
        allow_null=True,
        help_text="De doelfase, alleen bij overgangen met `kiesDoel` (terugsturen).",
    )
    verwachte_fase = serializers.ChoiceField(
        choices=Fase.choices,
        required=False,
        allow_null=True,
        help_text="De fase waarin u het plan zag. Is het plan intussen verder, dan volgt 409 "
        "en verandert er niets.",
    )


class GebruikerSerializer(serializers.Serializer):
    gebruikersnaam = serializers.CharField(source="get_username", read_only=True)
    naam = serializers.CharField(source="get_full_name", read_only=True)


class FaseovergangSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    overgang_label = serializers.SerializerMethodField()
    van_fase = serializers.ChoiceField(choices=Fase.choices, read_only=True)
    van_fase_label = serializers.CharField(source="get_van_fase_display", read_only=True)
    naar_fase = serializers.ChoiceField(choices=Fase.choices, read_only=True)
    naar_fase_label = serializers.CharField(source="get_naar_fase_display", read_only=True)
    door = GebruikerSerializer(read_only=True, allow_null=True)
    voorwaarden = VoorwaardeSerializer(
        many=True, read_only=True, help_text="De voorwaarden zoals ze waren op dat moment."
    )

    class Meta:
        model = Faseovergang
        fields = (
            "id",
            "url",
            "overgang",
            "overgang_label",
            "van_fase",
            "van_fase_label",
            "naar_fase",
            "naar_fase_label",
            "motivatie",
            "door",
            "op",
            "voorwaarden",
        )
        read_only_fields = fields

    def get_url(self, rij: Faseovergang) -> str:
        return reverse(
            "api:wijkplan-historie-detail",
            kwargs={"id": rij.wijkplan_id, "historie_id": rij.pk},
            request=self.context["request"],
        )

    def get_overgang_label(self, rij: Faseovergang) -> str:
        if meta := OVERGANGEN.get(rij.overgang):
            return str(meta.label)
        # ``aanmaken`` is the history row of a new plan, not a transition of the workflow.
        return str(_("Plan aangemaakt")) if rij.overgang == "aanmaken" else rij.overgang
