"""API of the CBS Kerncijfers: figures per region with their units, the catalogue, the imports.

Any logged-in user reads figures and catalogue (public CBS data); only a beheerder sees and
starts imports. A POST of a file answers ``202 Accepted`` with the address of the import, whose
``status`` and ``voortgang`` show how far it is.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse

from wijktoets.cbs.lezen import CODE_PATROON
from wijktoets.cbs.tabellen import STATLINE_TABELLEN
from wijktoets.cbs.variabelen import VARIABELEN
from wijktoets.models import KerncijferImport, Soort
from wijktoets.selectors import kerncijfers as selectors
from wijktoets.services import kerncijfers as services
from wijktoets.views.kerncijfers import PERM_INLEZEN, PERM_ZIEN, begrens_upload
from wup.api.exceptions import RequestTooLarge
from wup.api.schema import problems
from wup.api.views import MAX_ID, ApiView

TAG = "Kerncijfers CBS"
MAX_CODES = 500


# --- Serializers ----------------------------------------------------------------------------


class VariabeleSerializer(serializers.Serializer):
    sleutel = serializers.CharField(
        help_text="Vaste sleutel van de variabele, gelijk over de jaren, bv. `aardgas_totaal_m3`."
    )
    titel = serializers.CharField(help_text="Titel zoals het CBS die gebruikt.")
    eenheid = serializers.CharField(help_text="De eenheid van het CBS, bv. `m³`, `%`, `kWh`.")
    groep = serializers.CharField(help_text="Onderwerp, bv. `Energie`.")
    jaren = serializers.ListField(
        child=serializers.IntegerField(),
        help_text="Jaren waarvoor de StatLine-tabel deze variabele levert.",
    )


class CijferSerializer(serializers.Serializer):
    sleutel = serializers.CharField()
    waarde = serializers.FloatField(
        allow_null=True, help_text="Leeg als het CBS het cijfer niet geeft of geheimhoudt."
    )
    eenheid = serializers.CharField()


class KerncijfersRegioSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="CBS-code, bv. `BU02330001`; Nederland is `NL00`.")
    jaar = serializers.IntegerField()
    soort = serializers.ChoiceField(choices=Soort.choices)
    naam = serializers.CharField()
    gemeentecode = serializers.CharField(allow_blank=True)
    gemeentenaam = serializers.CharField(allow_blank=True)
    cijfers = CijferSerializer(many=True)


class FoutSerializer(serializers.Serializer):
    rij = serializers.IntegerField(allow_null=True, help_text="Regel in het bestand (kop = 1).")
    kolom = serializers.CharField(allow_blank=True)
    waarde = serializers.CharField(allow_blank=True)
    reden = serializers.CharField()


class KerncijferImportSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text="Adres van deze import.")
    status = serializers.ChoiceField(choices=KerncijferImport.Status.choices, read_only=True)
    aangemaakt_door = serializers.SerializerMethodField(
        help_text="Gebruikersnaam; leeg bij een import via de opdrachtregel."
    )
    fouten = FoutSerializer(many=True, read_only=True)
    opmerkingen = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = KerncijferImport
        fields = [
            "id",
            "url",
            "bestandsnaam",
            "grootte",
            "sha256",
            "gevraagd_jaar",
            "jaar",
            "tabel",
            "formaat",
            "status",
            "voortgang",
            "stap",
            "samenvatting",
            "opmerkingen",
            "fouten",
            "aantal_fouten",
            "aantal_regios",
            "aantal_nieuw",
            "aantal_gewijzigd",
            "aantal_ongewijzigd",
            "aangemaakt_door",
            "aangemaakt_op",
            "gestart_op",
            "klaar_op",
        ]
        read_only_fields = fields

    def get_url(self, obj: KerncijferImport) -> str:
        return reverse(
            "wijktoets-api-kerncijfer-import-detail",
            kwargs={"id": obj.pk},
            request=self.context.get("request"),
        )

    def get_aangemaakt_door(self, obj: KerncijferImport) -> str:
        return obj.aangemaakt_door.get_username() if obj.aangemaakt_door else ""


class ImportUploadSerializer(serializers.Serializer):
    bestand = serializers.FileField(
        help_text="CSV (StatLine of kwb) of XLSX (kwb) van de CBS Kerncijfers wijken en buurten."
    )
    jaar = serializers.ChoiceField(
        choices=services.JAREN,
        required=False,
        allow_null=True,
        help_text="Jaar van de tabel; zonder jaar leidt de import het af uit de kolommen.",
    )


class KerncijfersFilter(serializers.Serializer):
    codes = serializers.CharField(
        help_text="CBS-codes, met komma's gescheiden (hoogstens 500), bv. `BU02330001,GM0233,NL00`."
    )
    jaar = serializers.IntegerField(
        required=False, min_value=1900, max_value=2100, help_text="Alleen dit jaar."
    )
    variabelen = serializers.CharField(
        required=False,
        help_text="Alleen deze variabelen (sleutels uit /kerncijfer-variabelen, met komma's).",
    )

    def validate_codes(self, value: str) -> list[str]:
        codes = [c.strip().upper() for c in value.split(",") if c.strip()]
        if not codes:
            raise serializers.ValidationError(_("Geef één of meer CBS-codes op."))
        if len(codes) > MAX_CODES:
            raise serializers.ValidationError(
                _("Geef hoogstens %(n)d codes op.") % {"n": MAX_CODES}
            )
        fout = [c for c in codes if not CODE_PATROON.match(c)]
        if fout:
            raise serializers.ValidationError(
                _("Geen CBS-code: %(codes)s. Gebruik bv. NL00, GM0233, WK023300 of BU02330001.")
                % {"codes": ", ".join(fout[:10])}
            )
        return list(dict.fromkeys(codes))

    def validate_variabelen(self, value: str) -> list[str]:
        sleutels = [s.strip() for s in value.split(",") if s.strip()]
        onbekend = [s for s in sleutels if s not in VARIABELEN]
        if onbekend:
            raise serializers.ValidationError(
                _("Onbekende variabele: %(s)s. Zie /api/v1/kerncijfer-variabelen.")
                % {"s": ", ".join(onbekend[:10])}
            )
        return sleutels


# --- Views ----------------------------------------------------------------------------------


def _jaren_per_variabele() -> dict[str, list[int]]:
    jaren: dict[str, list[int]] = {}
    for jaar, tabel in sorted(STATLINE_TABELLEN.items()):
        for sleutel in tabel.kolommen.values():
            jaren.setdefault(sleutel, []).append(jaar)
    return jaren


@extend_schema(tags=[TAG])
class KerncijfersView(ApiView):
    serializer_class = KerncijfersRegioSerializer

    @extend_schema(
        operation_id="kerncijfersLijst",
        summary="Kerncijfers per regio",
        description="De kerncijfers van de gevraagde regio's, per jaar (jaren naast elkaar), "
        "met de eenheid bij elk cijfer. Een cijfer dat het CBS niet geeft of geheimhoudt is "
        "leeg (`null`), nooit 0. Een regio of jaar zonder cijfers ontbreekt in de lijst.",
        parameters=[KerncijfersFilter],
        responses={200: KerncijfersRegioSerializer(many=True), **problems(400)},
    )
    def get(self, request: Request) -> Response:
        filter_ = KerncijfersFilter(data=request.query_params)
        filter_.is_valid(raise_exception=True)
        codes = filter_.validated_data["codes"]
        gekozen = filter_.validated_data.get("variabelen")
        data = []
        for regio in selectors.kerncijfers_regios(codes, filter_.validated_data.get("jaar")):
            sleutels = [s for s in VARIABELEN if s in regio.waarden]
            if gekozen is not None:
                sleutels = [s for s in sleutels if s in gekozen]
            data.append(
                {
                    "code": regio.code,
                    "jaar": regio.jaar,
                    "soort": regio.soort,
                    "naam": regio.naam,
                    "gemeentecode": regio.gemeentecode,
                    "gemeentenaam": regio.gemeentenaam,
                    "cijfers": [
                        {
                            "sleutel": s,
                            "waarde": regio.waarden[s],
                            "eenheid": VARIABELEN[s].eenheid,
                        }
                        for s in sleutels
                    ],
                }
            )
        return Response(KerncijfersRegioSerializer(data, many=True).data)


@extend_schema(tags=[TAG])
class VariabelenView(ApiView):
    serializer_class = VariabeleSerializer
    # A plain list, not a page: the document must not describe a paginated envelope.
    pagination_class = None

    @extend_schema(
        operation_id="kerncijferVariabelenLijst",
        summary="Catalogus van kerncijfers",
        description="Alle variabelen met hun vaste sleutel, titel, eenheid en onderwerp. De "
        "sleutel blijft gelijk, ook als het CBS de kolommen van een jaar anders nummert.",
        responses={200: VariabeleSerializer(many=True)},
    )
    def get(self, request: Request) -> Response:
        jaren = _jaren_per_variabele()
        data = [
            {
                "sleutel": v.sleutel,
                "titel": v.titel,
                "eenheid": v.eenheid,
                "groep": v.groep,
                "jaren": jaren.get(v.sleutel, []),
            }
            for v in selectors.variabelen()
        ]
        return Response(VariabeleSerializer(data, many=True).data)


def _mag(request: Request, perm: str) -> None:
    if not request.user.has_perm(perm):
        raise PermissionDenied(_("Alleen een beheerder kan kerncijfers van het CBS inlezen."))


@extend_schema(tags=[TAG])
class ImportsView(ApiView, generics.ListAPIView):
    serializer_class = KerncijferImportSerializer
    parser_classes = [MultiPartParser]

    def initialize_request(self, request, *args, **kwargs):
        # Before anything reads the body: refuse a far too large upload by its size.
        self.begrenzer = begrens_upload(request) if request.method == "POST" else None
        return super().initialize_request(request, *args, **kwargs)

    def get_queryset(self):
        return selectors.imports()

    @extend_schema(
        operation_id="kerncijferImportsLijst",
        summary="Imports van kerncijfers",
        description="De ingelezen bestanden, nieuwste eerst (alleen voor de beheerder).",
        responses={200: KerncijferImportSerializer(many=True), **problems(400, 403)},
    )
    def get(self, request, *args, **kwargs):
        _mag(request, PERM_ZIEN)
        return super().get(request, *args, **kwargs)

    @extend_schema(
        operation_id="kerncijferImportStarten",
        summary="Bestand met kerncijfers inlezen",
        description="Slaat het bestand op en leest het op de achtergrond in, alles of niets. "
        "Het antwoord is 202 met in `Location` het adres van de import; volg daar `status` en "
        "`voortgang`. Een bestand dat niet klopt eindigt met status `mislukt` en de fouten per "
        "regel en kolom in `fouten`; een bestand met dezelfde cijfers met status "
        "`ongewijzigd`.",
        request={"multipart/form-data": ImportUploadSerializer},
        parameters=[
            OpenApiParameter(
                "Location",
                OpenApiTypes.URI,
                OpenApiParameter.HEADER,
                response=[202],
                description="Adres van de import.",
            )
        ],
        responses={
            202: KerncijferImportSerializer,
            **problems(
                400, 403, 413, s413="Het bestand is groter dan het platform inleest (100 MB)."
            ),
        },
    )
    def post(self, request: Request) -> Response:
        _mag(request, PERM_INLEZEN)
        invoer = ImportUploadSerializer(data=request.data)
        if self.begrenzer is not None and self.begrenzer.te_groot:
            raise RequestTooLarge(services.bestand_te_groot_melding(self.begrenzer.ontvangen))
        invoer.is_valid(raise_exception=True)
        bestand = invoer.validated_data["bestand"]
        jaar = invoer.validated_data.get("jaar")
        imp = services.kerncijfer_import_aanmaken(
            bestand=bestand,
            bestandsnaam=bestand.name,
            jaar=int(jaar) if jaar not in (None, "") else None,
            user=request.user,
        )
        imp = selectors.import_by_pk(imp.pk)
        data = self.get_serializer(imp).data
        return Response(data, status=status.HTTP_202_ACCEPTED, headers={"Location": data["url"]})


@extend_schema(
    tags=[TAG],
    parameters=[OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH, description="Id.")],
)
class ImportView(ApiView):
    serializer_class = KerncijferImportSerializer

    @extend_schema(
        operation_id="kerncijferImportOphalen",
        summary="Eén import",
        description="Status, voortgang en uitkomst van een import (alleen voor de beheerder).",
        responses={200: KerncijferImportSerializer, **problems(403, 404)},
    )
    def get(self, request: Request, id: int) -> Response:
        _mag(request, PERM_ZIEN)
        imp = selectors.import_by_pk(id) if id <= MAX_ID else None
        if imp is None:
            raise NotFound(_("Deze import bestaat niet."))
        return Response(self.get_serializer(imp).data)
