"""Log lines: JSON in production (python-json-logger), plain text in development and tests.

Every line carries the id of the request it belongs to (``request_id``; null outside a
request, e.g. in a Celery task). Whatever a line is made of, e-mail addresses are masked: they
are the residents' personal data most likely to end up in an error message (a refused
recipient, a failed form), and a log is no place for them.
"""

from __future__ import annotations

import logging
import re
from contextvars import ContextVar
from typing import Any

from pythonjsonlogger.core import RESERVED_ATTRS
from pythonjsonlogger.json import JsonFormatter as _JsonFormatter

#: The id of the request being handled in this thread (or task), set by the middleware.
request_id: ContextVar[str | None] = ContextVar("request_id", default=None)

_EMAIL = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+")
EMAIL_MASKER = "[e-mailadres]"

#: Attributes some loggers attach that must never be written out: Django's ``django.request``
#: and ``django.server`` add the request itself, whose text has the full query string.
_NIET_SCHRIJVEN = {"request", "server_time", "taskName", "color_message"}


def maskeer(tekst: str) -> str:
    """The text with every e-mail address replaced."""
    return _EMAIL.sub(EMAIL_MASKER, tekst)


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` to every record, so each format can show it, and hides secrets in
    the path that Django's own request loggers write ("Not Found: /…/afmelden/<sleutel>")."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        # Django logs the response (django.request) after the middleware has finished.
        record.request_id = request_id.get() or getattr(request, "request_id", None)
        pad = getattr(request, "path", None)
        if isinstance(pad, str) and isinstance(record.args, tuple) and pad in record.args:
            from wup.middleware import log_pad

            veilig = log_pad(request)
            record.args = tuple(veilig if a == pad else a for a in record.args)
        return True


class JsonFormatter(_JsonFormatter):
    """One JSON object per line: time (UTC, ISO 8601), level, logger, message, request_id,
    and the record's own fields (those of the request log: method, path, status,
    duration_ms, user_id)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("fmt", "%(levelname)s %(name)s %(message)s %(request_id)s")
        kwargs.setdefault("rename_fields", {"levelname": "level", "name": "logger"})
        kwargs.setdefault("timestamp", "time")
        kwargs.setdefault("reserved_attrs", [*RESERVED_ATTRS, *_NIET_SCHRIJVEN])
        kwargs.setdefault("json_ensure_ascii", False)
        super().__init__(*args, **kwargs)

    def format(self, record: logging.LogRecord) -> str:
        return maskeer(super().format(record))


class PlainFormatter(logging.Formatter):
    """A readable line for a terminal, with the same masking as the JSON lines."""

    def format(self, record: logging.LogRecord) -> str:
        record.rid = getattr(record, "request_id", None) or request_id.get() or "-"
        return maskeer(super().format(record))
