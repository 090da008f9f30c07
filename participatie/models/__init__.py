"""Step 3 models: the stakeholders of a plan and the log of contacts with them (``netwerk``),
the behavioural measures (``maatregelen``) and the participation plan per phase
(``participatieplan``)."""

from participatie.models.maatregelen import Gedragsmaatregel  # noqa: F401
from participatie.models.netwerk import Contactmoment, Partij  # noqa: F401
from participatie.models.participatieplan import Participatieplan  # noqa: F401
