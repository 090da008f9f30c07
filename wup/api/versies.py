"""Optimistic locking in the API: the version a client based its change on.

A client sends the version it fetched either as a ``versie`` field or as the ETag in an
``If-Match`` header. A stale version is a 409 (field) or a 412 (header); see the views.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _
from rest_framework import serializers
from rest_framework.request import Request

_IF_MATCH = re.compile(r'\s*(?:W/)?"(\d{1,9})"\s*')


def gevraagde_versie(request: Request, veld: int | None, *, wat: str) -> tuple[int, bool]:
    """The version from the body field or ``If-Match``, and whether it came from the header.

    ``wat`` names the resource in the messages, e.g. "dit plan" or "de wijktoets".
    """
    header = request.headers.get("If-Match")
    uit_header = None
    if header is not None:
        match = _IF_MATCH.fullmatch(header)
        if match is None:
            raise serializers.ValidationError(
                {
                    "If-Match": [
                        serializers.ErrorDetail(
                            _('Geef in If-Match precies één ETag van %(wat)s, bv. "3".')
                            % {"wat": wat},
                            code="invalid",
                        )
                    ]
                }
            )
        uit_header = int(match.group(1))
    if veld is None and uit_header is None:
        raise serializers.ValidationError(
            {
                "versie": [
                    serializers.ErrorDetail(
                        _(
                            "Geef de versie mee die u heeft opgehaald: het veld versie, of de "
                            "ETag in de kopregel If-Match."
                        ),
                        code="required",
                    )
                ]
            }
        )
    if None not in (veld, uit_header) and veld != uit_header:
        raise serializers.ValidationError(
            {"versie": [_("De versie verschilt van die in If-Match.")]}
        )
    return (veld if veld is not None else uit_header), uit_header is not None
