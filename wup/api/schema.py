"""OpenAPI details shared by every operation: problem responses and the API-Version header."""

from __future__ import annotations

from django.conf import settings
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import serializers

from wup.api.exceptions import PROBLEM
from wup.constants import Spoor

# --- Problem documents (RFC 9457) -------------------------------------------------------------


class ProblemSerializer(serializers.Serializer):
    type = serializers.URLField(help_text="URI die het soort probleem aanduidt.")
    title = serializers.CharField(help_text="Korte, vaste omschrijving van het soort probleem.")
    status = serializers.IntegerField(help_text="De HTTP-statuscode.")
    detail = serializers.CharField(help_text="Uitleg in gewone taal over dit geval.")
    instance = serializers.CharField(help_text="Het pad van het verzoek dat misging.")


class InvalidParamSerializer(serializers.Serializer):
    name = serializers.CharField(
        help_text="Naam van het veld of de parameter (lowerCamelCase; `buurten.1` voor een "
        "element van een lijst; `nonFieldErrors` als de fout niet bij één veld hoort)."
    )
    code = serializers.CharField(help_text="Code van de fout, bijvoorbeeld `required`.")
    reason = serializers.CharField(help_text="Uitleg in gewone taal.")


class ValidationProblemSerializer(ProblemSerializer):
    invalid_params = InvalidParamSerializer(many=True)


class VoorwaardeSerializer(serializers.Serializer):
    """One condition of a transition, as ``GateResult.as_dict()`` gives it."""

    sleutel = serializers.CharField(help_text="Vaste sleutel van de voorwaarde.")
    spoor = serializers.ChoiceField(choices=Spoor.choices)
    voldaan = serializers.BooleanField()
    reden = serializers.CharField(help_text="Waarom de voorwaarde wel of niet is vervuld.")


class OpenVoorwaardeSerializer(VoorwaardeSerializer):
    label = serializers.CharField(help_text="Korte naam van de voorwaarde.")


class GatesNotMetProblemSerializer(ProblemSerializer):
    # Only when conditions are unmet (type `gates-not-met`); the same 409 also says "another
    # phase" or "frozen", and then has no list.
    unmet_conditions = OpenVoorwaardeSerializer(
        many=True,
        required=False,
        help_text="De voorwaarden die nog niet zijn vervuld, per spoor. Alleen bij type "
        "`gates-not-met`; ontbreekt als de overgang in deze fase niet kan.",
    )


_DESCRIPTIONS = {
    400: "Ongeldige invoer; de velden staan in `invalidParams`.",
    401: "Niet ingelogd: stuur `Authorization: Token <sleutel>` of gebruik een sessie.",
    403: "Geen toegang tot dit plan of deze handeling.",
    404: "Niet gevonden.",
    406: "Het gevraagde formaat (Accept) is niet beschikbaar; gebruik `application/json`.",
    409: "Conflict met de huidige toestand van het plan.",
    412: "De versie in `If-Match` is niet meer actueel.",
    413: "De inhoud van het verzoek is te groot.",
    415: "Het formaat van de inhoud (Content-Type) wordt niet ondersteund.",
    500: "Onverwachte fout.",
}

_SERIALIZERS = {400: ValidationProblemSerializer}


def problems(*codes: int, **descriptions: str) -> dict:
    """``responses`` entries for ``extend_schema``: problem+json for each status code.

    Keyword arguments ``s409="..."`` override the description of one status code.
    """
    return {
        (code, PROBLEM): OpenApiResponse(
            _SERIALIZERS.get(code, ProblemSerializer),
            description=descriptions.get(f"s{code}", _DESCRIPTIONS.get(code, "")),
        )
        for code in codes
    }


def gates_problem(description: str) -> OpenApiResponse:
    return OpenApiResponse(GatesNotMetProblemSerializer, description=description)


API_VERSION_HEADER = OpenApiParameter(
    "API-Version",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    response=True,
    description=f"De volledige versie van de API (semver), nu `{settings.API_VERSION}`.",
)


_SUCCESS = {"200": "Gelukt.", "201": "Aangemaakt.", "204": "Gelukt; geen inhoud."}


class TokenScheme(OpenApiAuthenticationExtension):
    """Token authentication, described in Dutch (replaces drf-spectacular's own)."""

    target_class = "rest_framework.authentication.TokenAuthentication"
    name = "tokenAuth"
    match_subclasses = True
    priority = 1

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "Stuur `Authorization: Token <sleutel>`. Een beheerder maakt de "
            "sleutel aan in het beheer.",
        }


class SessionScheme(OpenApiAuthenticationExtension):
    target_class = "rest_framework.authentication.SessionAuthentication"
    name = "cookieAuth"
    match_subclasses = True
    priority = 1

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "cookie",
            "name": settings.SESSION_COOKIE_NAME,
            "description": "De sessie van de webapplicatie. Stuur bij POST en PATCH ook de "
            "CSRF-token mee in de kopregel `X-CSRFToken`.",
        }


def _is_page(response: dict | None) -> bool:
    """Whether a response is one page of a paginated list (``PaginatedXList``)."""
    content = (response or {}).get("content", {}).get("application/json", {})
    return content.get("schema", {}).get("$ref", "").rsplit("/", 1)[-1].startswith("Paginated")


class WupAutoSchema(AutoSchema):
    """Adds what every operation of this API shares to the generated OpenAPI document.

    * the ``API-Version`` header on every response (API Design Rules, API-57);
    * the problem+json responses every endpoint can give: 401, 406 and 500 (and 415 for
      operations with a body, 404 for a page past the last of a paginated list).
    """

    def _get_format_parameters(self):
        # No `?format=`: the views negotiate by Accept only (wup.api.views.AcceptNegotiation).
        return []

    def get_override_parameters(self):
        return [*super().get_override_parameters(), API_VERSION_HEADER]

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        codes = [401, 406, 500]
        if self.method in ("POST", "PUT", "PATCH"):
            codes.insert(1, 415)
        if _is_page(responses.get("200")):
            codes.append(404)  # `pagina` past the last page (see wup.api.pagination)
        descriptions = {"s404": "Niet gevonden, of een `pagina` voorbij de laatste."}
        for (code, _media), response in problems(*codes, **descriptions).items():
            if str(code) not in responses:
                responses[str(code)] = self._get_response_for_code(
                    response, str(code), [PROBLEM], direction
                )
        for code, response in responses.items():
            if not response.get("description"):
                response["description"] = _SUCCESS.get(code, "")
        return dict(sorted(responses.items()))

    def _map_basic_serializer(self, serializer, direction):
        # Serializer docstrings explain the code to developers; the document explains the API
        # through the fields' help texts.
        schema = super()._map_basic_serializer(serializer, direction)
        schema.pop("description", None)
        return schema
