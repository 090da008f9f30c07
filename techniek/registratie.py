"""What the parameters and the Startanalyse of step 2 register with the core (called from the
AppConfig):

* the beheerder's model permissions: edit and publish parameter sets, import the Startanalyse;
* ``manage.py demo_data`` loads PBL's 2025 key figures as the first parameter set, and imports
  the Hilversum sample of the Startanalyse (see ``techniek/data/startanalyse/README.md``).

Reading published parameter sets needs no permission: everyone who sees results may see where
their figures come from.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from wup.constants import Rol
from wup.registry import demo_loaders
from wup.roles import grant

DATA = Path(__file__).resolve().parent / "data"
DEMO_STARTANALYSE = "pbl_startanalyse2019_strategie6_hoofdindicatoren_hilversum_GM0402.csv"


def demo_parameters(stdout) -> None:
    from techniek.services.pbl_kentallen import pbl_kentallen_laden

    parameterset, nieuw = pbl_kentallen_laden()
    if nieuw:
        stdout.write(f"Parameters: {parameterset} geladen.")


def demo_startanalyse(stdout) -> None:
    """Import the sample once; a file that was imported before is skipped."""
    from techniek.models import StartanalyseImport
    from techniek.services.startanalyse import (
        startanalyse_import_aanmaken,
        startanalyse_import_uitvoeren,
    )

    pad = DATA / "startanalyse" / DEMO_STARTANALYSE
    sha256 = hashlib.sha256(pad.read_bytes()).hexdigest()
    klaar = (StartanalyseImport.Status.GESLAAGD, StartanalyseImport.Status.ONGEWIJZIGD)
    if StartanalyseImport.objects.filter(sha256=sha256, status__in=klaar).exists():
        return
    with pad.open("rb") as f:
        imp = startanalyse_import_aanmaken(
            bestand=f, bestandsnaam=pad.name, gemeente="GM0402", in_wachtrij=False
        )
    imp = startanalyse_import_uitvoeren(import_id=imp.pk)
    stdout.write(f"Startanalyse PBL: {pad.name}: {imp.samenvatting}")


BEHEERDER_RECHTEN = (
    "techniek.view_parameterset",
    "techniek.add_parameterset",
    "techniek.change_parameterset",
    "techniek.delete_parameterset",
    "techniek.vaststellen_parameterset",
    "techniek.view_parameter",
    "techniek.change_parameter",
    "techniek.view_parametertabel",
    "techniek.change_parametertabel",
    "techniek.add_startanalyseimport",
    "techniek.view_startanalyseimport",
    "techniek.view_startanalyseresultaat",
)


def rechten_toekennen() -> None:
    """Give the beheerder role the permissions of this part (idempotent)."""
    grant(Rol.BEHEERDER, *BEHEERDER_RECHTEN)


def register() -> None:
    rechten_toekennen()
    demo_loaders.register("techniek.parameters", demo_parameters)
    demo_loaders.register("techniek.startanalyse", demo_startanalyse)
