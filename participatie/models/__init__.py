"""Step 3 models: the stakeholders of a plan and the log of contacts with them (``netwerk``),
the behavioural measures (``maatregelen``), the participation plan per phase and the motivated
deviation from the gate (``participatieplan``), the public page with news, FAQ, events and
residents' questions (``publiek``), the consultations and responses (``raadpleging``) and the
processing log of personal data (``privacy``)."""

from participatie.models.maatregelen import Gedragsmaatregel  # noqa: F401
from participatie.models.netwerk import Contactmoment, Partij  # noqa: F401
from participatie.models.participatieplan import Afwijking, Participatieplan  # noqa: F401
from participatie.models.privacy import Verwerking  # noqa: F401
from participatie.models.publiek import (  # noqa: F401
    Aanmelding,
    Bijeenkomst,
    Inbreng,
    Nieuwsbericht,
    Publicatie,
    VeelgesteldeVraag,
)
from participatie.models.raadpleging import (  # noqa: F401
    Antwoord,
    EmailDeelname,
    Raadpleging,
    Respons,
    Responscode,
    Vraag,
)
