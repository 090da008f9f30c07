"""Step 1 models: CBS key figures per region (``kerncijfers``) and the wijktoets itself."""

from wijktoets.models.kerncijfers import KerncijferImport, KerncijferRegio, Soort  # noqa: F401
from wijktoets.models.wijktoets import Bevinding, Partij, Wijktoets, WijktoetsVersie  # noqa: F401
