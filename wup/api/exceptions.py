"""Errors as ``application/problem+json`` (RFC 9457), as the API Design Rules require."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
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
    415: "Formaat niet ondersteund",
    429: "Te veel verzoeken",
    500: "Interne fout",
}


def _invalid_params(detail, prefix: str = "") -> list[dict[str, str]]:
    """Flatten DRF/Django field errors into RFC 9457 ``invalidParams``."""
    params: list[dict[str, str]] = []
    if isinstance(detail, dict):
        for key, value in detail.items():
            name = camelize({key: None}).popitem()[0] if key != "non_field_errors" else ""
            params += _invalid_params(value, f"{prefix}.{name}" if prefix and name else name or prefix)
    elif isinstance(detail, list):
        for i, item in enumerate(detail):
            if isinstance(item, dict | list):
                params += _invalid_params(item, f"{prefix}.{i}" if prefix else str(i))
            else:
                params.append({"name": prefix or "nonFieldErrors", "code": getattr(item, "code", "invalid"), "reason": str(item)})
    else:
        params.append({"name": prefix or "nonFieldErrors", "code": getattr(detail, "code", "invalid"), "reason": str(detail)})
    return params


def problem(status_code: int, detail: str, *, code: str, request=None, **extra) -> dict:
    body = {
        "type": f"{TYPE_BASE}{code}",
        "title": extra.pop("title", None) or _TITLES.get(status_code, "Fout"),
        "status": status_code,
        "detail": detail,
    }
    if request is not None:
        body["instance"] = request.get_full_path()
    body.update(extra)
    return body


def problem_exception_handler(exc, context):
    request = context.get("request")
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        )
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or None)
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound(str(exc) or None)

    if isinstance(exc, WupError):
        extra = {}
        if isinstance(exc, GatesNotMet):
            extra["unmetConditions"] = [camelize(r.as_dict()) for r in exc.unmet]
        body = problem(
            exc.status, exc.message, code=type(exc).__name__, request=request, title=exc.title,
            **extra,
        )
        return Response(body, status=exc.status, content_type=PROBLEM)

    response = exception_handler(exc, context)
    if response is None:
        return None  # an unexpected error: Django's 500 handling (and logging) takes over
    if isinstance(exc, exceptions.ValidationError):
        body = problem(
            status.HTTP_400_BAD_REQUEST,
            "De invoer is niet geldig; zie invalidParams.",
            code="ongeldige-invoer",
            request=request,
            invalidParams=_invalid_params(exc.detail),
        )
    else:
        detail = response.data.get("detail", "") if isinstance(response.data, dict) else ""
        body = problem(
            response.status_code, str(detail), code=getattr(exc, "default_code", "fout"),
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
    )
