"""The request id and the one log line per request."""

from __future__ import annotations

import logging
import re
import time
import uuid

from django.http import HttpRequest, HttpResponse

from wup.logging import request_id

logger = logging.getLogger("wup.request")

HEADER = "X-Request-ID"
#: An id from the proxy is taken over only when it looks like one (a UUID, nginx's
#: $request_id, …): short, and nothing that could forge or break a log line.
_GOED_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{7,127}")
#: Path parameters that are secrets (the links residents get by e-mail): never in a log.
GEHEIME_PARAMETERS = frozenset({"sleutel", "token", "uidb64"})
VERBORGEN = "[verborgen]"
#: The load balancer's probe: logged only when it fails, not every few seconds.
_STIL = frozenset({"/gezondheid"})


def _id_van(request: HttpRequest) -> str:
    aangeboden = request.headers.get(HEADER, "")
    if _GOED_ID.fullmatch(aangeboden):
        return aangeboden
    return uuid.uuid4().hex


def log_pad(request: HttpRequest) -> str:
    """The path as it may be logged: without query string, secret parameters hidden."""
    pad = request.path
    match = getattr(request, "resolver_match", None)
    if match is not None:
        for naam, waarde in match.kwargs.items():
            if naam in GEHEIME_PARAMETERS and waarde:
                pad = pad.replace(f"/{waarde}", f"/{VERBORGEN}")
    return pad[:500]


class RequestLogMiddleware:
    """Gives each request an id (the proxy's ``X-Request-ID`` if it is sane, else a new one),
    returns it in the response header of the same name, puts it on every log line written
    while the request runs, and logs the request once: method, path, status, duration and the
    user's id (never a name, an address, a query string or a body)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        rid = _id_van(request)
        request.request_id = rid
        token = request_id.set(rid)
        begin = time.perf_counter()
        try:
            response = self.get_response(request)
            response[HEADER] = rid
            self._log(request, response.status_code, begin)
            return response
        finally:
            request_id.reset(token)

    def _log(self, request: HttpRequest, status: int, begin: float) -> None:
        if request.path in _STIL and status < 400:
            return
        duur = round((time.perf_counter() - begin) * 1000, 1)
        user = getattr(request, "user", None)
        user_id = user.pk if user is not None and user.is_authenticated else None
        pad = log_pad(request)
        niveau = logging.ERROR if status >= 500 else logging.INFO
        logger.log(
            niveau,
            "%s %s %s %.1f ms",
            request.method,
            pad,
            status,
            duur,
            extra={
                "method": request.method,
                "path": pad,
                "status": status,
                "duration_ms": duur,
                "user_id": user_id,
            },
        )
