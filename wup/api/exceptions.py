"""Errors as ``application/problem+json`` (RFC 9457), as the API Design Rules require.

Every error of the API -- DRF's own (401, 403, 404, 405, 406, 415, parse errors), Django's
``ValidationError``/``PermissionDenied``/``Http404`` raised by services, and the domain errors
of :mod:`wup.exceptions` -- leaves as a problem document with ``type``, ``title``, ``status``
and ``detail``. Field errors are listed in ``invalidParams`` with lowerCamelCase names.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from djangorestframework_camel_case.settings import api_settings as camel_settings
from djangorestframework_camel_case.util import camelize
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from wup.exceptions import GatesNotMet, WupError

PROBLEM = "application/problem+json"
TYPE_BASE = "https://wup-platform.nl/problemen/"

_TITLES = {
    400: "Ongeldige invoer",
    401: "Niet ingelogd",
    403: "Geen toegang",
    404: "Niet gevonden",
    405: "Methode niet toegestaan",
    406: "Formaat niet beschikbaar",
    409: "Conflict met de huidige toestand",
    412: "Verouderde versie",
    413: "Verzoek te groot",
    415: "Formaat niet ondersteund",
    428: "Versie ontbreekt",
    429: "Te veel verzoeken",
    500: "Interne fout",
}


class PreconditionFailed(exceptions.APIException):
    """``If-Match`` named a version that is no longer current (RFC 9110, 13.1.1)."""

    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "De versie in If-Match is niet meer de actuele versie."
    default_code = "verouderde-versie"


class RequestTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "De inhoud van het verzoek is te groot."
    default_code = "te-groot"


def _kebab(code: str) -> str:
    """``not_found`` and ``GatesNotMet`` become ``not-found`` and ``gates-not-met``."""
    code = re.sub(r"(?<=[a-z0-9])([A-Z])", r"-\1", code)
    return code.replace("_", "-").lower()


def _camel(key: object) -> str:
    if not isinstance(key, str):
        return str(key)
    return str(next(iter(camelize({key: None}, **camel_settings.JSON_UNDERSCOREIZE))))


def _invalid_params(detail, prefix: str = "") -> list[dict[str, str]]:
    """Flatten DRF/Django field errors into RFC 9457 ``invalidParams``.

    Nested fields and list items get dotted names (``buurten.1``); errors that belong to no
    field are named ``nonFieldErrors``.
    """
    params: list[dict[str, str]] = []
    if isinstance(detail, dict):
        for key, value in detail.items():
            if key in ("non_field_errors", "__all__"):
                params += _invalid_params(value, prefix)
            else:
                name = _camel(key)
                params += _invalid_params(value, f"{prefix}.{name}" if prefix else name)
    elif isinstance(detail, list):
        for i, item in enumerate(detail):
            if isinstance(item, dict | list):
                params += _invalid_params(item, f"{prefix}.{i}" if prefix else str(i))
            else:
                params += _invalid_params(item, prefix)
    else:
        params.append(
            {
                "name": prefix or "nonFieldErrors",
                "code": str(getattr(detail, "code", None) or "invalid"),
                "reason": str(detail),
            }
        )
    return params


def problem(status_code: int, detail: str, *, code: str, request=None, **extra) -> dict:
    body = {
        "type": f"{TYPE_BASE}{_kebab(code)}",
        "title": str(extra.pop("title", None) or _TITLES.get(status_code, "Fout")),
        "status": status_code,
        "detail": str(detail),
    }
    if request is not None:
        body["instance"] = request.get_full_path()
    body.update(extra)
    return body


def _django_validation_detail(exc: DjangoValidationError):
    if hasattr(exc, "error_dict"):
        return {
            field: [
                exceptions.ErrorDetail(message, code=error.code or "invalid")
                for error in errors
                for message in error.messages
            ]
            for field, errors in exc.error_dict.items()
        }
    return [
        exceptions.ErrorDetail(message, code=error.code or "invalid")
        for error in exc.error_list
        for message in error.messages
    ]


def problem_exception_handler(exc, context):
    request = context.get("request")
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(_django_validation_detail(exc))
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or None)
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound(str(exc) or None)
    elif isinstance(exc, RequestDataTooBig):
        exc = RequestTooLarge(
            _("De inhoud van het verzoek is groter dan %(n)d bytes.")
            % {"n": settings.DATA_UPLOAD_MAX_MEMORY_SIZE}
        )
    elif isinstance(exc, exceptions.PermissionDenied) and str(exc.detail).startswith("CSRF"):
        exc = exceptions.PermissionDenied(
            _(
                "De CSRF-controle is mislukt (%(reden)s). Stuur bij een sessie het CSRF-token "
                "mee in de kopregel X-CSRFToken, of gebruik Authorization: Token."
            )
            % {"reden": exc.detail}
        )
    elif isinstance(exc, exceptions.ParseError) and str(exc.detail).startswith("JSON parse"):
        # The parser's English message names Python internals; say it plainly.
        exc = exceptions.ParseError(
            _("De inhoud is geen geldige JSON: %(fout)s") % {"fout": exc.detail}
        )

    if isinstance(exc, WupError):
        extra = {}
        if isinstance(exc, GatesNotMet):
            extra["unmetConditions"] = [
                camelize({**r.as_dict(), "label": str(r.condition.label)}) for r in exc.unmet
            ]
        body = problem(
            exc.status,
            exc.message,
            code=type(exc).__name__,
            request=request,
            title=exc.title,
            **extra,
        )
        return Response(body, status=exc.status, content_type=PROBLEM)

    response = exception_handler(exc, context)
    if response is None:
        return None  # an unexpected error: Django's 500 handling (and logging) takes over
    if isinstance(exc, exceptions.ValidationError):
        body = problem(
            status.HTTP_400_BAD_REQUEST,
            _("De invoer is niet geldig; zie invalidParams."),
            code="ongeldige-invoer",
            request=request,
            invalidParams=_invalid_params(exc.detail),
        )
    elif isinstance(exc, exceptions.ParseError):
        # Every 400 of this API lists what was wrong in invalidParams; a body that is not JSON
        # at all belongs to no field.
        body = problem(
            status.HTTP_400_BAD_REQUEST,
            str(exc.detail),
            code="parse-error",
            request=request,
            invalidParams=_invalid_params([exceptions.ErrorDetail(exc.detail, "parse-error")]),
        )
    else:
        detail = response.data.get("detail", "") if isinstance(response.data, dict) else ""
        body = problem(
            response.status_code,
            str(detail),
            code=getattr(exc.detail, "code", None) or getattr(exc, "default_code", "fout"),
            request=request,
        )
    response.data = body
    response.content_type = PROBLEM
    return response


def problem_response(request, status_code: int, detail: str, code: str) -> JsonResponse:
    """For errors raised outside DRF (404/500 handlers on /api/ paths)."""
    return JsonResponse(
        problem(status_code, detail, code=code, request=request),
        status=status_code,
        content_type=PROBLEM,
        json_dumps_params={"ensure_ascii": False},
    )
