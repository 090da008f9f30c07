import datetime
import io

import pytest
from pypdf import PdfReader

from keuze.models import Keuze
from techniek.models import Alternatief


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def pdf_lezen(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def pdf_tekst(data: bytes) -> str:
    return "\n".join(p.extract_text() or "" for p in pdf_lezen(data).pages)


def keuze_met_motivatie(plan, motivatie: str) -> Keuze:
    """A recorded choice of step 4: its motivation is free text that the plan chapter shows."""
    alt = Alternatief.objects.create(wijkplan=plan, sjabloon="S1a_B_LuchtWP", naam="Warmtepomp")
    return Keuze.objects.create(
        wijkplan=plan,
        alternatief=alt,
        alternatief_naam=alt.naam,
        motivatie=motivatie,
        participatie_afweging="Bewoners kozen dit ook het vaakst.",
        orgaan="college",
        besluitdatum=datetime.date(2026, 1, 5),
    )
