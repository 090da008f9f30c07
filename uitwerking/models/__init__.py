"""Step 5's models, one module per part: the business case of the heat company, the costs for
residents, and the organisation (roles, governance, risks, planning)."""

from uitwerking.models.businesscase import *  # noqa: F403
from uitwerking.models.organisatie import *  # noqa: F403
from uitwerking.models.woonlasten import *  # noqa: F403
