"""Walk every URL pattern of the product for every role and assert exactly who gets in.

A new URL pattern fails this test until its expected access is written down below, so access
is always a decision, never an accident.
"""

import datetime

import pytest
from django.contrib.admin.sites import site as admin_site
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from besluitvorming.models import BenodigdBesluit, Documentversie, Processtap, Randvoorwaarde
from keuze.models import Criterium, Keuze
from participatie.models import (
    Bijeenkomst,
    Contactmoment,
    Gedragsmaatregel,
    Inbreng,
    Nieuwsbericht,
    Partij,
    Raadpleging,
    Responscode,
    VeelgesteldeVraag,
    Vraag,
)
from techniek.models import Alternatief, Berekening, StartanalyseImport
from techniek.services.pbl_kentallen import pbl_kentallen_laden
from tests.factories import (
    BuurtFactory,
    GemeenteFactory,
    WijkFactory,
    WijkplanFactory,
    inloggen,
    projectleider,
)
from tests.factories import beheerder as beheerder_maken
from tests.factories import griffier as griffier_van
from uitwerking.models import Activiteit, Realisatiefase, Risico
from uitwerking.models import Partij as OrganisatiePartij
from wijktoets.models import KerncijferImport
from wup.constants import Fase
from wup.models import Besluit, Wijkplan
from wup.services import wijkplan_create, wijkplan_transition

ROLLEN = ("anoniem", "projectleider", "andere_projectleider", "griffier", "beheerder")

LOGIN = "login"  # redirect to the login page
OK, VERBODEN, NIET_TOEGESTAAN, NIET_INGELOGD, NIET_GEVONDEN = 200, 403, 405, 401, 404


def _same(status, **uitzonderingen):
    return {rol: uitzonderingen.get(rol, status) for rol in ROLLEN}


# Expected answer to a GET, per URL name, per role. "plan" is a plan in the wijktoets phase led
# by "projectleider"; "raadsplan" is one of his plans that is before the council.
UI_INGELOGD = _same(OK, anoniem=LOGIN)
UI_EIGEN_PLAN = {
    "plan": _same(VERBODEN, anoniem=LOGIN, projectleider=OK, beheerder=OK),
    "raadsplan": _same(VERBODEN, anoniem=LOGIN, projectleider=OK, griffier=OK, beheerder=OK),
}
UI_ALLEEN_PROJECTLEIDER = {
    "plan": _same(VERBODEN, anoniem=LOGIN, projectleider=OK),
    "raadsplan": _same(VERBODEN, anoniem=LOGIN, projectleider=OK),
}
API_INGELOGD = _same(OK, anoniem=NIET_INGELOGD)
#: A public page that is not online yet: a preview for whoever may see the plan, else a 404.
PUBLIEK_VOORVERTONING = {
    "plan": _same(NIET_GEVONDEN, projectleider=OK, beheerder=OK),
    "raadsplan": _same(NIET_GEVONDEN, projectleider=OK, griffier=OK, beheerder=OK),
}
API_EIGEN_PLAN = {
    "plan": _same(VERBODEN, anoniem=NIET_INGELOGD, projectleider=OK, beheerder=OK),
    "raadsplan": _same(
        VERBODEN, anoniem=NIET_INGELOGD, projectleider=OK, griffier=OK, beheerder=OK
    ),
}

VERWACHT = {
    # --- for machines: public, for everyone
    "security-txt": _same(OK),
    "gezondheid": _same(OK),
    # --- web UI
    "dashboard": UI_INGELOGD,
    "login": _same(302, anoniem=OK),  # a logged-in user is sent on to the dashboard
    "logout": _same(NIET_TOEGESTAAN),  # only a POST logs out
    "wijkplan-nieuw": _same(VERBODEN, anoniem=LOGIN, projectleider=OK, andere_projectleider=OK),
    "wijkplan-detail": UI_EIGEN_PLAN,
    "wijkplan-historie": UI_EIGEN_PLAN,
    "wijkplan-wijzigingen": UI_EIGEN_PLAN,
    "wijkplan-wijzigingen-export": UI_EIGEN_PLAN,
    "wijkplan-document": UI_EIGEN_PLAN,
    "wijkplan-besluiten": UI_EIGEN_PLAN,
    "wijkplan-besluit-corrigeren": UI_ALLEEN_PROJECTLEIDER,
    "wijkplan-bewerken": UI_ALLEEN_PROJECTLEIDER,
    "wijkplan-overgang": {
        # the confirmation page of the plan's first forward transition
        "plan": _same(VERBODEN, anoniem=LOGIN, projectleider=OK),
        "raadsplan": _same(VERBODEN, anoniem=LOGIN, griffier=OK),
    },
    "meldingen": UI_INGELOGD,
    # --- accounts: everyone's own account pages; the second login step sends whoever has
    # nothing (more) to enter on to where they were going; OIDC is off unless configured
    "account": UI_INGELOGD,
    "account-wachtwoord": UI_INGELOGD,
    "tweestap-instellen": UI_INGELOGD,
    "tweestap-reservecodes": UI_INGELOGD,
    # on for everyone but the beheerder, for whom it is required (sent back to the account page)
    "tweestap-uitzetten": _same(OK, anoniem=LOGIN, beheerder=302),
    "tweestap-controle": _same(302),
    "oidc-inloggen": _same(NIET_GEVONDEN),
    "oidc-terug": _same(NIET_GEVONDEN),
    "toegankelijkheid": _same(OK),  # the accessibility statement is public
    # --- API
    "api:openapi-json": _same(OK),
    "api:openapi-yaml": _same(OK),
    "api:docs": _same(OK),
    "api:gemeenten": API_INGELOGD,
    "api:gemeente-detail": API_INGELOGD,
    "api:wijken": API_INGELOGD,
    "api:wijk-detail": API_INGELOGD,
    "api:buurten": API_INGELOGD,
    "api:buurt-detail": API_INGELOGD,
    "api:wijkplannen": API_INGELOGD,
    "api:wijkplan-detail": API_EIGEN_PLAN,
    "api:wijkplan-overgangen": API_EIGEN_PLAN,
    "api:wijkplan-historie": API_EIGEN_PLAN,
    "api:wijkplan-wijzigingen": API_EIGEN_PLAN,
    "api:wijkplan-historie-detail": API_EIGEN_PLAN,
    "api:wijkplan-besluiten": API_EIGEN_PLAN,
    "api:wijkplan-besluit-detail": API_EIGEN_PLAN,
    # executing a transition is a POST; a GET is refused once the user is known
    "api:wijkplan-overgang-uitvoeren": _same(NIET_TOEGESTAAN, anoniem=NIET_INGELOGD),
    # the API's catch-all: anything else under /api/v1/ is a problem+json 404
    "api:<catch-all>": _same(NIET_GEVONDEN),
    # --- step 1: wijktoets
    "wijktoets": UI_EIGEN_PLAN,
    "wijktoets-versies": UI_EIGEN_PLAN,
    "wijktoets-algemeen": UI_ALLEEN_PROJECTLEIDER,
    "wijktoets-bevinding": UI_ALLEEN_PROJECTLEIDER,
    "wijktoets-partijen": UI_ALLEEN_PROJECTLEIDER,
    "wijktoets-oordeel": UI_ALLEEN_PROJECTLEIDER,
    "wijktoets-afronden": UI_ALLEEN_PROJECTLEIDER,
    "wijktoets-indicatoren": UI_EIGEN_PLAN,
    "wijktoets-indicatoren-export": UI_EIGEN_PLAN,
    "api-wijktoets": API_EIGEN_PLAN,
    "api-wijktoets-bevindingen": API_EIGEN_PLAN,
    "api-wijktoets-bevinding": API_EIGEN_PLAN,
    "api-wijktoets-versies": API_EIGEN_PLAN,
    "api-wijktoets-afronden": _same(NIET_TOEGESTAAN, anoniem=NIET_INGELOGD),
    "wijktoets-api-indicatoren": API_EIGEN_PLAN,
    # the CBS import is the beheerder's; the figures and their catalogue are for every user
    "wijktoets-kerncijfer-imports": _same(VERBODEN, anoniem=LOGIN, beheerder=OK),
    "wijktoets-kerncijfer-import-nieuw": _same(VERBODEN, anoniem=LOGIN, beheerder=OK),
    "wijktoets-kerncijfer-import-detail": _same(VERBODEN, anoniem=LOGIN, beheerder=OK),
    "wijktoets-api-kerncijfers": API_INGELOGD,
    "wijktoets-api-kerncijfer-variabelen": API_INGELOGD,
    "wijktoets-api-kerncijfer-imports": _same(VERBODEN, anoniem=NIET_INGELOGD, beheerder=OK),
    "wijktoets-api-kerncijfer-import-detail": _same(VERBODEN, anoniem=NIET_INGELOGD, beheerder=OK),
    # --- step 2: parameter sets (read by everyone, changed by the beheerder) and the Startanalyse
    **{
        f"techniek-{naam}": UI_INGELOGD
        for naam in (
            "parametersets",
            "parameterset-huidig",
            "parametersets-vergelijken",
            "parameterset",
            "parametertabel",
        )
    },
    # a published set cannot be edited: the beheerder is sent on to make a concept first
    **{
        f"techniek-{naam}": _same(VERBODEN, anoniem=LOGIN, beheerder=302)
        for naam in ("parameter-wijzigen", "parametertabel-wijzigen", "parameterset-vaststellen")
    },
    **{
        f"techniek-{naam}": _same(NIET_TOEGESTAAN, anoniem=LOGIN)
        for naam in (
            "parameterset-concept",
            "parameterset-verwijderen",
            "parameterset-aanvullen",
            "parameters-pbl-laden",
        )
    },
    **{
        f"techniek-startanalyse-{naam}": _same(VERBODEN, anoniem=LOGIN, beheerder=OK)
        for naam in ("imports", "import-nieuw", "import-detail")
    },
    **{
        f"techniek-api-{naam}": API_INGELOGD
        for naam in (
            "parametersets",
            "parameterset",
            "parameterset-parameters",
            "parameterset-parameter",
            "parameterset-tabel",
            "parameterset-verschillen",
        )
    },
    **{
        f"techniek-api-{naam}": _same(NIET_TOEGESTAAN, anoniem=NIET_INGELOGD)
        for naam in ("parameterset-concept", "parameterset-vaststellen")
    },
    # the alternatives of a plan are seen like the plan; calculating is a POST
    **{
        f"techniek-api-{naam}": API_EIGEN_PLAN
        for naam in ("gebouwvoorraad", "alternatieven", "alternatief", "alternatief-berekening")
    },
    "techniek-api-startanalyse": API_EIGEN_PLAN,
    "techniek-api-alternatief-berekenen": _same(NIET_TOEGESTAAN, anoniem=NIET_INGELOGD),
    # the building stock is seen like the plan, and so are its files; only the projectleider
    # sets it. The raadsplan is before the council, which does not freeze it: he still gets
    # the forms (on a frozen plan he would get the page with the reason and no form: 200 too).
    "techniek-gebouwvoorraad": UI_EIGEN_PLAN,
    "techniek-gebouwvoorraad-voorbeeld": UI_EIGEN_PLAN,
    "techniek-gebouwvoorraad-voorbeeld-excel": UI_EIGEN_PLAN,
    **{
        f"techniek-gebouwvoorraad-{naam}": UI_ALLEEN_PROJECTLEIDER
        for naam in ("cbs", "upload", "wijzigen")
    },
    # the pages of a plan's alternatives: seen like the plan, changed by its projectleider
    **{
        f"techniek-{naam}": UI_EIGEN_PLAN
        for naam in (
            "alternatieven",
            "alternatief",
            "alternatieven-vergelijking",
            "alternatieven-export",
        )
    },
    **{
        f"techniek-{naam}": UI_ALLEEN_PROJECTLEIDER
        for naam in ("alternatief-nieuw", "alternatief-wijzigen")
    },
    **{
        f"techniek-{naam}": _same(NIET_TOEGESTAAN, anoniem=LOGIN)
        for naam in (
            "alternatief-berekenen",
            "alternatieven-berekenen",
            "alternatieven-standaard",
        )
    },
    # --- step 3: participatie. Seen like the plan; the forms are the projectleider's (on a
    # frozen plan he gets the page with the reason and no form: 200 too).
    "participatie-overzicht": UI_EIGEN_PLAN,
    **{
        f"participatie-{naam}": UI_ALLEEN_PROJECTLEIDER
        for naam in (
            "partij-nieuw",
            "partij-wijzigen",
            "contact-nieuw",
            "contact-wijzigen",
            "maatregel-nieuw",
            "maatregel-wijzigen",
            "plan",
        )
    },
    **{
        f"participatie-api-{naam}": API_EIGEN_PLAN
        for naam in ("partijen", "contactmomenten", "gedragsmaatregelen", "participatieplannen")
    },
    # consultations: seen like the plan, prepared by the projectleider (the codes' export holds
    # addresses: his alone); the buttons are POSTs
    "participatie-raadplegingen": UI_EIGEN_PLAN,
    "participatie-raadpleging": UI_EIGEN_PLAN,
    **{
        f"participatie-{naam}": UI_ALLEEN_PROJECTLEIDER
        for naam in (
            "raadpleging-nieuw",
            "raadpleging-wijzigen",
            "vraag-nieuw",
            "vraag-wijzigen",
            "codes",
            "codes-export",
        )
    },
    **{
        f"participatie-{naam}": _same(NIET_TOEGESTAAN, anoniem=LOGIN)
        for naam in (
            "raadpleging-vrijgeven",
            "vraag-verwijderen",
            "vraag-verplaatsen",
            "code-intrekken",
        )
    },
    # public, no login: the consultation's page and thanks; the questions only after a code
    # (else back to the start); a link that is not (or no longer) valid says so
    "participatie-raadplegen": _same(OK),
    "participatie-raadplegen-bedankt": _same(OK),
    "participatie-raadplegen-formulier": _same(302),
    "participatie-raadplegen-email": _same(400),
    # results and the gate's deviation: seen like the plan (open answers only shown to the
    # projectleider, inside the page); public result and public API only for a closed
    # consultation of a published page (the world's is open and unpublished)
    **{
        f"participatie-{naam}": UI_EIGEN_PLAN
        for naam in ("raadpleging-resultaten", "raadpleging-resultaten-export", "afwijking")
    },
    **{
        f"participatie-api-{naam}": API_EIGEN_PLAN
        for naam in ("bijeenkomsten", "raadplegingen", "resultaten", "steunscores")
    },
    "participatie-publiek-resultaten": _same(NIET_GEVONDEN),
    "participatie-api-publiek-bijeenkomsten": _same(NIET_GEVONDEN),
    "participatie-api-publiek-resultaten": _same(NIET_GEVONDEN),
    # the public page (not online in this world) and its management
    **{
        f"participatie-{naam}": PUBLIEK_VOORVERTONING
        for naam in (
            "publiek",
            "publiek-privacy",
            "bijeenkomst-aanmelden",
            "bijeenkomst-aangemeld",
            "inbreng",
        )
    },
    # an unknown cancel link says so, whoever follows it
    "participatie-aanmelding-afmelden": _same(NIET_GEVONDEN),
    **{
        f"participatie-{naam}": UI_EIGEN_PLAN
        for naam in ("publiek-beheer", "bijeenkomst-aanmeldingen", "moderatie")
    },
    **{
        f"participatie-{naam}": UI_ALLEEN_PROJECTLEIDER
        for naam in (
            "nieuws-nieuw",
            "nieuws-wijzigen",
            "faq-nieuw",
            "faq-wijzigen",
            "bijeenkomst-nieuw",
            "bijeenkomst-wijzigen",
            "inbreng-modereren",
        )
    },
    # the requests of a person about their data and the processing log: the beheerder's; the
    # export and the erasure are POSTs
    "participatie-privacy": _same(VERBODEN, anoniem=LOGIN, beheerder=OK),
    "participatie-privacy-logboek": _same(VERBODEN, anoniem=LOGIN, beheerder=OK),
    "participatie-privacy-export": _same(NIET_TOEGESTAAN, anoniem=LOGIN),
    "participatie-privacy-wissen": _same(NIET_TOEGESTAAN, anoniem=LOGIN),
    # --- step 4: keuze. Seen like the plan; the framework's bulk writes are PUTs and POSTs
    **{
        f"keuze-api-{naam}": API_EIGEN_PLAN
        for naam in ("criteria", "criterium", "scores", "analyse", "keuzes", "keuze")
    },
    **{
        f"keuze-api-{naam}": _same(NIET_TOEGESTAAN, anoniem=NIET_INGELOGD)
        for naam in ("standaardkader", "gewichten", "criterium-scores")
    },
    # the pages: seen like the plan; the forms are the projectleider's (on a frozen plan, or
    # outside the choice phase, he gets the page with the reason: 200 too); a button is a POST
    **{f"keuze-{naam}": UI_EIGEN_PLAN for naam in ("overzicht", "detail")},
    **{
        f"keuze-{naam}": UI_ALLEEN_PROJECTLEIDER
        for naam in (
            "criterium-nieuw",
            "criterium-wijzigen",
            "criterium-verwijderen",
            "scores",
            "gewichten",
            "vastleggen",
        )
    },
    "keuze-standaardkader": _same(NIET_TOEGESTAAN, anoniem=LOGIN),
    # --- step 5: uitwerking, organisation. Seen like the plan; the forms are the
    # projectleider's (on a frozen plan he gets the page with the reason: 200 too)
    **{
        f"uitwerking-{naam}": UI_EIGEN_PLAN
        for naam in ("organisatie", "raci", "governance", "risicos", "risicos-export", "planning")
    },
    **{
        f"uitwerking-{naam}": UI_ALLEEN_PROJECTLEIDER
        for naam in (
            "partij-nieuw",
            "partij-wijzigen",
            "partij-verwijderen",
            "activiteit-nieuw",
            "activiteit-wijzigen",
            "activiteit-verwijderen",
            "rollen-akkoord",
            "risico-nieuw",
            "risico-wijzigen",
            "risico-verwijderen",
            "fase-nieuw",
            "fase-wijzigen",
            "fase-verwijderen",
        )
    },
    **{
        f"uitwerking-{naam}": _same(NIET_TOEGESTAAN, anoniem=LOGIN)
        for naam in ("standaardpartijen", "standaardactiviteiten")
    },
    **{
        f"uitwerking-api-{naam}": API_EIGEN_PLAN
        for naam in (
            "partijen",
            "partij",
            "activiteiten",
            "activiteit",
            "raci",
            "rollen-akkoord",
            "governance",
            "risicos",
            "risico",
            "planning",
            "fase",
        )
    },
    **{
        f"uitwerking-api-{naam}": _same(NIET_TOEGESTAAN, anoniem=NIET_INGELOGD)
        for naam in ("partijen-standaard", "activiteiten-standaard")
    },  # --- step 5: the business case. Seen like the plan (the export too, with only its column
    # titles before a calculation); the input form is the projectleider's; recalculating is a
    # POST
    "uitwerking-businesscase": UI_EIGEN_PLAN,
    "uitwerking-businesscase-export": UI_EIGEN_PLAN,
    "uitwerking-businesscase-invoer": UI_ALLEEN_PROJECTLEIDER,
    "uitwerking-businesscase-herberekenen": _same(NIET_TOEGESTAAN, anoniem=LOGIN),
    "uitwerking-api-businesscase": API_EIGEN_PLAN,
    "uitwerking-api-businesscase-historie": API_EIGEN_PLAN,
    # --- step 5: woonlasten. Seen like the plan; without a calculation there is no type, no
    # export and no current result (404 for whoever may see the plan); computing is a POST
    **{f"uitwerking-woonlasten{naam}": UI_EIGEN_PLAN for naam in ("", "-historie")},
    **{
        f"uitwerking-woonlasten-{naam}": {
            "plan": _same(
                VERBODEN, anoniem=LOGIN, projectleider=NIET_GEVONDEN, beheerder=NIET_GEVONDEN
            ),
            "raadsplan": _same(
                VERBODEN,
                anoniem=LOGIN,
                projectleider=NIET_GEVONDEN,
                griffier=NIET_GEVONDEN,
                beheerder=NIET_GEVONDEN,
            ),
        }
        for naam in ("type", "export")
    },
    "uitwerking-woonlasten-invoer": UI_ALLEEN_PROJECTLEIDER,
    "uitwerking-woonlasten-herberekenen": _same(NIET_TOEGESTAAN, anoniem=LOGIN),
    "uitwerking-api-woonlasten": {
        "plan": _same(
            VERBODEN, anoniem=NIET_INGELOGD, projectleider=NIET_GEVONDEN, beheerder=NIET_GEVONDEN
        ),
        "raadsplan": _same(
            VERBODEN,
            anoniem=NIET_INGELOGD,
            projectleider=NIET_GEVONDEN,
            griffier=NIET_GEVONDEN,
            beheerder=NIET_GEVONDEN,
        ),
    },
    "uitwerking-api-woonlasten-historie": API_EIGEN_PLAN,
    # --- step 6: the council PDF. Its versions, progress and file are seen like the plan's
    # document; asking for a new version is a POST (the projectleider's or a beheerder's)
    **{
        f"besluitvorming-{naam}": UI_EIGEN_PLAN for naam in ("versies", "versie", "versie-download")
    },
    **{
        f"besluitvorming-api-{naam}": API_EIGEN_PLAN
        for naam in ("versies", "versie", "versie-download")
    },
    # --- step 6: the council. Submission and decision are seen like the plan (the forms inside
    # are the projectleider's and the griffier's); the inbox is the griffier's; the public
    # download only serves the final PDF of an adopted plan (there is none in this world)
    "besluitvorming-raad-aanbieden": UI_EIGEN_PLAN,
    "besluitvorming-raad-besluit": UI_EIGEN_PLAN,
    "besluitvorming-raad-inbox": _same(VERBODEN, anoniem=LOGIN, griffier=OK),
    "besluitvorming-raad-publiek-pdf": _same(NIET_GEVONDEN),
    "besluitvorming-api-raad-aanbieding": API_EIGEN_PLAN,
    "besluitvorming-api-raad-besluit": API_EIGEN_PLAN,
    "besluitvorming-api-raad-inbox": _same(VERBODEN, anoniem=NIET_INGELOGD, griffier=OK),
    # --- step 6: the implementation plan. Seen like the plan; the item forms are the
    # projectleider's; a wish and a safeguard are saved with a POST from their page
    **{f"besluitvorming-{naam}": UI_EIGEN_PLAN for naam in ("uitvoeringsplan", "wensen", "wgiw")},
    **{
        f"besluitvorming-{soort}-{actie}": UI_ALLEEN_PROJECTLEIDER
        for soort in ("randvoorwaarde", "processtap", "besluit")
        for actie in ("nieuw", "wijzigen", "verwijderen")
    },
    **{
        f"besluitvorming-{naam}": _same(NIET_TOEGESTAAN, anoniem=LOGIN)
        for naam in ("wens", "waarborg")
    },
    **{
        f"besluitvorming-api-{naam}": API_EIGEN_PLAN
        for naam in (
            "uitvoeringsplan",
            "randvoorwaarden",
            "randvoorwaarde",
            "processtappen",
            "processtap",
            "besluiten",
            "besluit",
            "wgiw-waarborgen",
            "wgiw-waarborg",
            "wensen",
        )
    },
    "besluitvorming-api-wens": _same(NIET_TOEGESTAAN, anoniem=NIET_INGELOGD),
}
#: Who may write (POST, PUT, PATCH, DELETE) to a route, where the walk of the writes
#: (tests/wup/test_role_walk_schrijven.py) cannot tell it from ``VERWACHT``. There, a role
#: refused a GET is refused every write; on a plan's routes only its projectleider writes;
#: and a route outside a plan that more than one role may GET needs an entry here, or that
#: walk fails. Each other role's write must be refused, and must change nothing.
IEDEREEN = frozenset(ROLLEN)
INGELOGD = IEDEREEN - {"anoniem"}
NIEMAND = frozenset()
SCHRIJVEN = {
    "login": IEDEREEN,
    "logout": IEDEREEN,
    "meldingen": INGELOGD,  # marks one's own notifications read
    # one's own account: password, two-factor app and backup codes (a beheerder keeps the app)
    **dict.fromkeys(
        ("account-wachtwoord", "tweestap-instellen", "tweestap-reservecodes"), INGELOGD
    ),
    "tweestap-uitzetten": INGELOGD - {"beheerder"},
    "tweestap-controle": IEDEREEN,  # the second login step; it checks the session itself
    "wijkplan-nieuw": {"projectleider", "andere_projectleider"},
    "api:wijkplannen": {"projectleider", "andere_projectleider"},
    **dict.fromkeys(
        (
            "dashboard",
            "account",
            "security-txt",
            "toegankelijkheid",
            "gezondheid",
            "api:openapi-json",
            "api:openapi-yaml",
            "api:docs",
            "api:gemeenten",
            "api:gemeente-detail",
            "api:wijken",
            "api:wijk-detail",
            "api:buurten",
            "api:buurt-detail",
            "wijktoets-api-kerncijfers",
            "wijktoets-api-kerncijfer-variabelen",
            "techniek-parameterset-huidig",
            "techniek-parametersets-vergelijken",
            "techniek-api-parameterset-verschillen",
        ),
        NIEMAND,
    ),
    # the parameter sets are the beheerder's, and so are the privacy requests
    **{
        naam: {"beheerder"}
        for naam in (
            "techniek-parametersets",
            "techniek-parameterset",
            "techniek-parametertabel",
            "techniek-parameterset-concept",
            "techniek-parameterset-verwijderen",
            "techniek-parameterset-aanvullen",
            "techniek-parameters-pbl-laden",
            "techniek-api-parametersets",
            "techniek-api-parameterset",
            "techniek-api-parameterset-parameters",
            "techniek-api-parameterset-parameter",
            "techniek-api-parameterset-tabel",
            "techniek-api-parameterset-concept",
            "techniek-api-parameterset-vaststellen",
            "participatie-privacy-export",
            "participatie-privacy-wissen",
        )
    },
    # a consultation answers residents with a code or link, logged in or not
    **{
        f"participatie-raadplegen{naam}": IEDEREEN
        for naam in ("", "-bedankt", "-formulier", "-email")
    },
    # before the council the griffier records the decision (the transition "vaststellen")
    **{
        naam: {"plan": {"projectleider"}, "raadsplan": {"griffier"}}
        for naam in ("wijkplan-overgang", "api:wijkplan-overgang-uitvoeren")
    },
    "besluitvorming-raad-besluit": {"griffier"},
    "besluitvorming-api-raad-besluit": {"griffier"},
    # a new PDF version: the projectleider or a beheerder
    "besluitvorming-versies": {"projectleider", "beheerder"},
    "besluitvorming-api-versies": {"projectleider", "beheerder"},
}
#: Routes whose id is not a plan's, and query strings a route needs to answer at all.
ANDERE_OBJECTEN = {
    "kerncijfer-import": "import",
    "parameter": "parameterset",
    "startanalyse-import": "startanalyse_import",
}
QUERY = {"wijktoets-api-kerncijfers": "?codes=GM0233"}


def _walk(patterns, prefix="", namespace=None):
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = p.namespace or namespace
            if ns == "admin":
                continue  # walked separately below
            yield from _walk(p.url_patterns, prefix + str(p.pattern), ns)
        elif isinstance(p, URLPattern):
            naam = p.name or "<catch-all>"
            yield (f"{namespace}:{naam}" if namespace else naam), prefix + str(p.pattern)


def _productroutes():
    return sorted(set(_walk(get_resolver().url_patterns)))


def _plan_objecten(p, pl, nu) -> dict[str, int]:
    """One of each object a plan has, by the route parameter that names it."""
    alt = Alternatief.objects.create(wijkplan=p, sjabloon="S1a_B_LuchtWP", naam="Luchtwarmtepomp")
    Berekening.objects.create(alternatief=alt, invoer_hash="0" * 64)
    partij = Partij.objects.create(wijkplan=p, soort="vve", naam="VvE De Linde")
    raadpleging = Raadpleging.objects.create(
        wijkplan=p,
        titel="Uw voorkeur",
        deelname="codes",
        opent_op=nu - datetime.timedelta(days=1),
        sluit_op=nu + datetime.timedelta(days=1),
        vrijgegeven_op=nu,
    )
    versie = Documentversie.objects.create(wijkplan=p, nummer=1, fase=p.fase, aangevraagd_door=pl)
    versie.bestand.save(versie.bestandsnaam, ContentFile(b"%PDF-1.7"), save=False)
    versie.status, versie.sha256, versie.grootte = "klaar", "0" * 64, 8
    versie.save()
    return {
        "<int:alt_id>": alt.pk,
        "<int:besluit_id>": Besluit.objects.create(
            wijkplan=p, datum=datetime.date(2026, 1, 5), orgaan="stuurgroep", besluit="Start."
        ).pk,
        "<int:partij_id>": partij.pk,
        "<int:maatregel_id>": Gedragsmaatregel.objects.create(
            wijkplan=p, naam="Energiecoaches", status="gepland", doelgroep_partij=partij
        ).pk,
        "<int:contact_id>": Contactmoment.objects.create(
            wijkplan=p,
            partij=partij,
            soort="brief",
            datum=datetime.date(2026, 1, 5),
            onderwerp="Brief",
        ).pk,
        "<int:raadpleging_id>": raadpleging.pk,
        "<int:vraag_id>": Vraag.objects.create(
            raadpleging=raadpleging, volgorde=1, soort="open", tekst="Wat vindt u?"
        ).pk,
        "<int:code_id>": Responscode.objects.create(
            raadpleging=raadpleging, code=f"ABCDE-{p.pk:05d}"
        ).pk,
        "<int:nieuws_id>": Nieuwsbericht.objects.create(wijkplan=p, titel="N", tekst="t").pk,
        "<int:faq_id>": VeelgesteldeVraag.objects.create(wijkplan=p, vraag="V", antwoord="A").pk,
        "<int:bijeenkomst_id>": Bijeenkomst.objects.create(
            wijkplan=p,
            titel="Bewonersavond",
            locatie="Dorpshuis",
            begint_op=nu + datetime.timedelta(days=30),
        ).pk,
        "<int:inbreng_id>": Inbreng.objects.create(wijkplan=p, soort="vraag", tekst="?").pk,
        "<int:versie_id>": versie.pk,
        "<int:criterium_id>": Criterium.objects.create(
            wijkplan=p,
            naam="Nationale kosten",
            toelichting="Geld goed besteden.",
            gewicht=20,
            richting="lager_beter",
            eenheid="euro per jaar",
            bron="techniek:nk.H16_Nat_meerkost",
            zekerheid="hoog",
        ).pk,
        "<int:keuze_id>": Keuze.objects.create(
            wijkplan=p,
            alternatief=alt,
            alternatief_naam=alt.naam,
            motivatie="De goedkoopste oplossing voor de buurt.",
            participatie_afweging="Bewoners kozen dit ook het vaakst.",
            orgaan="college",
            besluitdatum=datetime.date(2026, 1, 5),
        ).pk,
        "<int:randvoorwaarde_id>": Randvoorwaarde.objects.create(wijkplan=p, tekst="R").pk,
        "<int:processtap_id>": Processtap.objects.create(
            wijkplan=p, naam="Aanleg", verantwoordelijke="Gemeente"
        ).pk,
        "<int:benodigd_besluit_id>": BenodigdBesluit.objects.create(
            wijkplan=p, orgaan="college", onderwerp="Omgevingsplan"
        ).pk,
        "<int:organisatiepartij_id>": OrganisatiePartij.objects.create(
            wijkplan=p, naam="Gemeente", soort="gemeente"
        ).pk,
        "<int:activiteit_id>": Activiteit.objects.create(wijkplan=p, naam="Aanleg").pk,
        "<int:risico_id>": Risico.objects.create(
            wijkplan=p, titel="Vertraging", categorie="planning", kans=2, impact=3
        ).pk,
        "<int:realisatiefase_id>": Realisatiefase.objects.create(
            wijkplan=p,
            naam="Aanleg",
            begindatum=datetime.date(2027, 1, 1),
            einddatum=datetime.date(2027, 12, 31),
        ).pk,
        "<int:historie_id>": p.historie.order_by("-pk").first().pk,
    }


#: The route parameters that name an object of a plan (filled from ``_plan_objecten``).
PLANOBJECTEN = frozenset(
    {
        "<int:alt_id>",
        "<int:besluit_id>",
        "<int:partij_id>",
        "<int:maatregel_id>",
        "<int:contact_id>",
        "<int:raadpleging_id>",
        "<int:vraag_id>",
        "<int:code_id>",
        "<int:nieuws_id>",
        "<int:faq_id>",
        "<int:bijeenkomst_id>",
        "<int:inbreng_id>",
        "<int:versie_id>",
        "<int:criterium_id>",
        "<int:keuze_id>",
        "<int:randvoorwaarde_id>",
        "<int:processtap_id>",
        "<int:benodigd_besluit_id>",
        "<int:organisatiepartij_id>",
        "<int:activiteit_id>",
        "<int:risico_id>",
        "<int:realisatiefase_id>",
        "<int:historie_id>",
    }
)


def _wereld_bouwen():
    """Two plans of "projectleider" (one in the wijktoets, one before the council), one of the
    other projectleider ("vreemd"), one sent back by the council ("teruggestuurd"), each with
    one of every object; and a griffier of another gemeente."""
    gemeente = GemeenteFactory(code="GM0233", naam="Ermelo")
    griffier = griffier_van(gemeente, username="griffier")
    beheerder = beheerder_maken(username="beheerder")
    andere_griffier = griffier_van(
        GemeenteFactory(code="GM0200", naam="Apeldoorn"), username="griffier-apeldoorn"
    )
    pl = projectleider(gemeente, username="pl")
    andere = projectleider(gemeente, username="andere")
    buurt = BuurtFactory(wijk=WijkFactory(gemeente=gemeente, code="WK023300"), code="BU02330001")
    plan = wijkplan_create(user=pl, gemeente=gemeente, naam="Ermelo-Oost", buurten=[buurt])
    raadsplan = WijkplanFactory(
        gemeente=gemeente,
        projectleider=pl,
        uitvoeringsplan=True,
        beoogde_raadsdatum=datetime.date(2027, 2, 1),
    )
    rij = wijkplan_transition(wijkplan=raadsplan, overgang="aanbieden_aan_raad", user=pl)
    vreemd = wijkplan_create(user=andere, gemeente=gemeente, naam="Ermelo-West", buurten=[buurt])
    teruggestuurd = WijkplanFactory(
        gemeente=gemeente,
        projectleider=pl,
        uitvoeringsplan=True,
        beoogde_raadsdatum=datetime.date(2027, 2, 1),
    )
    wijkplan_transition(wijkplan=teruggestuurd, overgang="aanbieden_aan_raad", user=pl)
    # the starting situation after the council sent it back to the implementation plan
    Wijkplan.objects.filter(pk=teruggestuurd.pk).update(fase=Fase.UITVOERINGSPLAN)
    teruggestuurd.refresh_from_db()
    nu = timezone.now()
    plannen = {
        "plan": (plan, "start_verkenning", None),
        "raadsplan": (raadsplan, "vaststellen", rij),
        "vreemd": (vreemd, "start_verkenning", None),
        "teruggestuurd": (teruggestuurd, "aanbieden_aan_raad", None),
    }
    return {
        "gebruikers": {
            "anoniem": None,
            "projectleider": pl,
            "andere_projectleider": andere,
            "griffier": griffier,
            "beheerder": beheerder,
            "andere_griffier": andere_griffier,
        },
        "objecten_van": {
            soort: _plan_objecten(p, pl if p.pk != vreemd.pk else andere, nu)
            for soort, (p, _, _) in plannen.items()
        },
        "plannen": plannen,
        "codes": {"gemeente": gemeente.code, "wijk": buurt.wijk.code, "buurt": buurt.code},
        "objecten": {
            "import": KerncijferImport.objects.create(
                bestandsnaam="kwb-2024.csv", sha256="0" * 64, aangemaakt_door=beheerder
            ).pk,
            "parameterset": pbl_kentallen_laden()[0].pk,
            "startanalyse_import": StartanalyseImport.objects.create(
                bestandsnaam="Hoofdindicatoren.csv", sha256="0" * 64, aangemaakt_door=beheerder
            ).pk,
        },
    }


@pytest.fixture(scope="module")
def wereld(django_db_setup, django_db_blocker):
    """Built once per module, in a transaction rolled back after the module's last test; each
    test runs in a savepoint inside it, so what one test writes the next does not see."""
    from wup.workflow import gates

    # as for every core test: only the core's conditions (tests/conftest.py), while building
    bewaard = dict(gates._conditions)
    for key in [k for k in gates._conditions if not k.startswith("wup.")]:
        gates.unregister(key)
    try:
        with django_db_blocker.unblock(), transaction.atomic():
            w = _wereld_bouwen()
            gates._conditions.clear()
            gates._conditions.update(bewaard)
            yield w
            transaction.set_rollback(True)
    finally:
        gates._conditions.clear()
        gates._conditions.update(bewaard)


def _url(naam, pattern, wereld, planrol, objecten_van=None):
    """Fill the route's parameters with real objects of the world: the plan ``planrol``, and
    the objects of ``objecten_van`` (by default the same plan)."""
    plan, overgang, _rij = wereld["plannen"][planrol]
    url = "/" + pattern.lstrip("^").rstrip("$")
    vervang = {
        "<int:pk>": plan.pk,
        "<int:id>": plan.pk,
        "<str:naam>": overgang,
        "<str:thema>": "leefbaarheid",
        "<str:sleutel>": "Netbeheer.Ki_verv_LD_min",
        "<str:tabel>": "woningen_bag",
        "<str:fase>": "verkenning",
        "<slug:slug>": plan.slug,
        "<str:punt>": "betaalbaarheid",
        "<int:nummer>": 1,
        **wereld["objecten_van"][objecten_van or planrol],
    }
    if "<str:code>" in url:
        soort = naam.split(":")[1].split("-")[0]
        vervang["<str:code>"] = wereld["codes"][soort]
    for fragment, soort in ANDERE_OBJECTEN.items():
        if fragment in naam:
            vervang["<int:pk>"] = vervang["<int:id>"] = wereld["objecten"][soort]
    for k, v in vervang.items():
        url = url.replace(k, str(v))
    url += QUERY.get(naam, "")
    if naam == "api:<catch-all>":
        url = "/api/v1/bestaat-niet"
    assert "<" not in url, f"parameter van {naam} niet ingevuld: {url}"
    return url


def test_every_url_pattern_has_an_expected_access():
    namen = {naam for naam, _ in _productroutes()}
    assert namen == set(VERWACHT), (
        f"Zonder verwachting: {sorted(namen - set(VERWACHT))}; "
        f"verdwenen: {sorted(set(VERWACHT) - namen)}"
    )


@pytest.mark.parametrize("rol", ROLLEN)
def test_every_role_gets_exactly_the_access_it_should(db, client, wereld, rol):
    user = wereld["gebruikers"][rol]
    if user is not None:
        inloggen(client, user)
    afwijkingen = []
    for naam, pattern in _productroutes():
        verwacht = VERWACHT[naam]
        varianten = verwacht.items() if "plan" in verwacht else [("plan", verwacht)]
        for planrol, per_rol in varianten:
            url = _url(naam, pattern, wereld, planrol)
            response = client.get(url)
            kreeg = response.status_code
            moet = per_rol[rol]
            if moet == LOGIN:
                if not (kreeg == 302 and "/inloggen" in response["Location"]):
                    afwijkingen.append(
                        f"{url}: verwacht doorverwijzing naar inloggen, kreeg {kreeg}"
                    )
            elif kreeg != moet:
                afwijkingen.append(f"{url}: verwacht {moet}, kreeg {kreeg}")
            if url.startswith("/api/") and kreeg >= 400:
                assert response["Content-Type"].startswith("application/problem+json"), url
    assert not afwijkingen, f"{rol}:\n" + "\n".join(afwijkingen)


def _admin_urls(wereld):
    """Every admin route, with the plan / its gemeente / a buurt as the object where needed."""
    plan = wereld["plannen"]["plan"][0]
    objecten = {
        "wijkplan": plan.pk,
        "gemeente": plan.gemeente.pk,
        "buurt": plan.buurten.first().pk,
        "wijk": plan.buurten.first().wijk.pk,
        "faseovergang": plan.historie.first().pk,
        "user": wereld["gebruikers"]["projectleider"].pk,
    }
    urls = []

    def walk(patterns, prefix):
        for p in patterns:
            if isinstance(p, URLResolver):
                walk(p.url_patterns, prefix + str(p.pattern))
            else:
                route = prefix + str(p.pattern)
                model = (p.name or "").split("_")[1] if (p.name or "").count("_") >= 2 else None
                url = "/admin/" + route
                if "<path:object_id>" in url or "<int:object_pk>" in url:
                    if model not in objecten:
                        continue
                    url = url.replace("<path:object_id>", str(objecten[model]))
                url = url.replace("<app_label>", "wup")
                if "<" in url or "(?P" in url or "^" in url:
                    continue  # catch-all and view-on-site routes need data of their own
                urls.append(url)

    walk(admin_site.get_urls(), "")
    return sorted(set(urls))


@pytest.mark.parametrize("rol", ["anoniem", "projectleider", "andere_projectleider", "griffier"])
def test_only_the_beheerder_gets_into_the_admin(db, client, wereld, rol):
    user = wereld["gebruikers"][rol]
    if user is not None:
        client.force_login(user)
    urls = _admin_urls(wereld)
    assert len(urls) > 20
    for url in urls:
        response = client.get(url)
        if url == "/admin/login/":
            assert response.status_code == 200  # the door itself is open to everyone
            continue
        if url == "/admin/logout/":
            assert response.status_code in (302, 405)  # only a POST logs out
            continue
        assert response.status_code == 302 and "/admin/login/" in response["Location"], url


def test_the_beheerder_gets_into_the_admin_pages_of_the_product(db, client, wereld):
    beheerder = wereld["gebruikers"]["beheerder"]
    plan = wereld["plannen"]["plan"][0]
    inloggen(client, beheerder)
    for url in [
        "/admin/",
        "/admin/wup/gemeente/",
        "/admin/wup/wijk/",
        "/admin/wup/buurt/",
        "/admin/wup/wijkplan/",
        f"/admin/wup/wijkplan/{plan.pk}/change/",
        "/admin/auth/user/",
        "/admin/auth/group/",
    ]:
        assert client.get(url).status_code == 200, url
    # but never straight into the history
    assert client.get("/admin/wup/faseovergang/add/").status_code == 403
