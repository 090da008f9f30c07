import io

import pytest
from pypdf import PdfReader


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def pdf_lezen(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def pdf_tekst(data: bytes) -> str:
    return "\n".join(p.extract_text() or "" for p in pdf_lezen(data).pages)
