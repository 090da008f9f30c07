"""Step 2 models: versioned parameter sets (``parameters``) and PBL's Startanalyse per buurt
(``startanalyse``). The calculation engine itself lives in ``techniek.engine`` (no Django)."""

from techniek.models.alternatieven import (  # noqa: F401
    Alternatief,
    Berekening,
    Gebouwvoorraad,
)
from techniek.models.parameters import (  # noqa: F401
    Parameter,
    Parameterset,
    ParametersetOnveranderlijk,
    Parametertabel,
)
from techniek.models.startanalyse import StartanalyseImport, StartanalyseResultaat  # noqa: F401
