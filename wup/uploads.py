"""Uploads limited in size while they stream to disk, for every import in the product."""

from __future__ import annotations

from django.core.files.uploadhandler import (
    FileUploadHandler,
    StopUpload,
    TemporaryFileUploadHandler,
)
from django.http import HttpRequest, QueryDict
from django.utils.datastructures import MultiValueDict

#: Room for the other form fields and the multipart boundaries on top of the file itself.
MARGE = 64 * 1024


class BegrensdeUpload(FileUploadHandler):
    """Counts the bytes of an upload as they arrive and stops it once it passes the limit.

    Put before ``TemporaryFileUploadHandler`` (which streams the file to disk): nothing large is
    held in memory, and a client that announces a small size but sends more is still stopped.
    """

    def __init__(self, request=None, *, limiet: int) -> None:
        super().__init__(request)
        self.limiet = limiet
        self.ontvangen = 0
        self.te_groot = False

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        if content_length and content_length > self.limiet + MARGE:
            # Announced as too large: answer with an empty form instead of reading the body.
            self.te_groot = True
            self.ontvangen = content_length
            return QueryDict(encoding=encoding), MultiValueDict()
        return None

    def receive_data_chunk(self, raw_data, start):
        self.ontvangen += len(raw_data)
        if self.ontvangen > self.limiet:
            self.te_groot = True
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size):
        return None


def begrens_upload(request: HttpRequest, *, limiet: int) -> BegrensdeUpload:
    """Install the size limit on a request whose body has not been read yet."""
    begrenzer = BegrensdeUpload(request, limiet=limiet)
    request.upload_handlers = [begrenzer, TemporaryFileUploadHandler(request)]
    return begrenzer


def bestand_meten(bestand, *, limiet: int, te_groot) -> tuple[int, str]:
    """Size and SHA-256 of an uploaded file, read in chunks; the file is rewound afterwards.

    Raises a ``ValidationError`` on the field ``bestand`` when the file is empty or larger than
    ``limiet``; ``te_groot(grootte)`` gives that message (each import explains its own limit).
    """
    import hashlib

    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext as _

    digest = hashlib.sha256()
    totaal = 0
    chunks = (
        bestand.chunks() if hasattr(bestand, "chunks") else iter(lambda: bestand.read(2**20), b"")
    )
    for chunk in chunks:
        totaal += len(chunk)
        if totaal > limiet:
            raise ValidationError({"bestand": [te_groot(totaal)]})
        digest.update(chunk)
    if totaal == 0:
        raise ValidationError({"bestand": [_("Het bestand is leeg.")]})
    bestand.seek(0)
    return totaal, digest.hexdigest()
