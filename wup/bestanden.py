"""Reading uploaded text files the way users make them (Excel on Windows, exports), and
reporting what is wrong with them. Pure Python: used by every import in the product."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Fout:
    """One problem: the row (file line, header = 1), the column, the value, and why."""

    rij: int | None
    kolom: str
    waarde: str
    reden: str

    def as_dict(self) -> dict:
        return asdict(self)


class BestandFout(Exception):
    """The file cannot be imported; ``fouten`` says why, as precisely as possible."""

    def __init__(self, samenvatting: str, fouten: list[Fout] | None = None, totaal: int = 0):
        super().__init__(samenvatting)
        self.samenvatting = samenvatting
        self.fouten = fouten or []
        self.totaal = max(totaal, len(self.fouten))


def decodeer(data: bytes) -> tuple[str, str]:
    """Text and the name of its encoding. Latin-1 files are read as Windows-1252, its superset
    (Excel's "CSV" on Windows), so curly quotes and the euro sign survive."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "UTF-8 met BOM"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "UTF-16"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252 (Latin-1)"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "Latin-1"


def scheidingsteken(tekst: str) -> str:
    kop = next((regel for regel in tekst.splitlines() if regel.strip()), "")
    tellingen = {sep: kop.count(sep) for sep in (";", ",", "\t")}
    return max(tellingen, key=lambda sep: tellingen[sep]) if any(tellingen.values()) else ","
