"""A JSON parser that turns every kind of bad body into a 400 or 413, never a 500."""

from __future__ import annotations

import json

from django.conf import settings
from django.utils.translation import gettext as _
from djangorestframework_camel_case.parser import CamelCaseJSONParser
from djangorestframework_camel_case.util import underscoreize
from rest_framework.exceptions import ParseError

from wup.api.exceptions import RequestTooLarge


def _reject_constant(name: str):
    raise ValueError(_("%(waarde)s is geen geldig JSON-getal") % {"waarde": name})


class JSONParser(CamelCaseJSONParser):
    """lowerCamelCase JSON in, snake_case data out.

    Unlike the parser it extends, it refuses ``NaN``/``Infinity`` (not JSON), survives
    absurdly deep nesting and limits the size of the body even when it is handed a raw stream
    (DRF usually passes ``request.body``, which Django already limits).
    """

    def parse(self, stream, media_type=None, parser_context=None):
        parser_context = parser_context or {}
        encoding = parser_context.get("encoding", settings.DEFAULT_CHARSET)
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        raw = stream.read(limit + 1) if limit is not None else stream.read()
        if limit is not None and len(raw) > limit:
            raise RequestTooLarge(
                _("De inhoud van het verzoek is groter dan %(n)d bytes.") % {"n": limit}
            )
        try:
            data = json.loads(raw.decode(encoding), parse_constant=_reject_constant)
            return underscoreize(data, **self.json_underscoreize)
        except RecursionError as exc:
            raise ParseError(_("De inhoud is te diep genest.")) from exc
        except ValueError as exc:
            raise ParseError(_("De inhoud is geen geldige JSON: %(fout)s") % {"fout": exc}) from exc


class MergePatchJSONParser(JSONParser):
    """``application/merge-patch+json`` (RFC 7396): our PATCH bodies are merge patches."""

    media_type = "application/merge-patch+json"
