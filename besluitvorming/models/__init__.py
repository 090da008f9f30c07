"""Step 6's models, one module per part: the council PDF's document versions, the
implementation plan with its Wgiw safeguards, and the council's decision."""

from besluitvorming.models.document import *  # noqa: F403
from besluitvorming.models.raad import *  # noqa: F403
from besluitvorming.models.uitvoeringsplan import *  # noqa: F403
