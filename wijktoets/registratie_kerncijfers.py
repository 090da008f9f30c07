"""What the kerncijfers part of step 1 registers with the core (called from the AppConfig).

* the beheerder may import CBS Kerncijfers files and see past imports and the figures;
* ``manage.py demo_data`` imports the small real sample in ``wijktoets/data`` (see its README).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from wup.constants import Rol
from wup.registry import demo_loaders
from wup.roles import grant

DATA = Path(__file__).resolve().parent / "data"

#: The sample files with the year to import them as (None: the columns tell the year).
DEMO_BESTANDEN: tuple[tuple[str, int | None], ...] = (
    ("kwb-2021-ermelo-buurten.csv", 2021),
    ("cbs-85618NED-2023-energie-nl-ermelo.csv", None),
    ("cbs-85984NED-2024-energie-nl-ermelo.csv", None),
)


def demo_kerncijfers(stdout) -> None:
    """Import the sample files once; a file that was imported before is skipped."""
    from wijktoets.models import KerncijferImport
    from wijktoets.services.kerncijfers import (
        kerncijfer_import_aanmaken,
        kerncijfer_import_uitvoeren,
    )

    klaar = (KerncijferImport.Status.GESLAAGD, KerncijferImport.Status.ONGEWIJZIGD)
    for naam, jaar in DEMO_BESTANDEN:
        pad = DATA / naam
        sha256 = hashlib.sha256(pad.read_bytes()).hexdigest()
        if KerncijferImport.objects.filter(sha256=sha256, status__in=klaar).exists():
            continue
        with pad.open("rb") as f:
            imp = kerncijfer_import_aanmaken(
                bestand=f, bestandsnaam=naam, jaar=jaar, in_wachtrij=False
            )
        imp = kerncijfer_import_uitvoeren(import_id=imp.pk)
        stdout.write(f"Kerncijfers CBS: {naam}: {imp.samenvatting}")


def register() -> None:
    grant(
        Rol.BEHEERDER,
        "wijktoets.add_kerncijferimport",
        "wijktoets.view_kerncijferimport",
        "wijktoets.view_kerncijferregio",
    )
    demo_loaders.register("wijktoets.kerncijfers", demo_kerncijfers)
