"""Every page of the product needs as many database queries for 12 rows as for 2.

The test walks **every GET route** of the product (web pages and API, of every app), not a
hand-picked list: a new list page is measured the day it is added. Each route is opened in a
world with ``WEINIG`` rows of everything a page can list (plans, areas, history, decisions,
alternatives, parties, consultations with questions, codes and responses, events with sign-ups,
news, FAQ, input, criteria and scores, RACI, risks, phases, conditions, steps, decisions
needed, wishes, document versions, imports, parameter sets, notifications, the privacy log),
by the first user that gets a 200; then ``VEEL - WEINIG`` more of each are added and the route
is opened again. The number of queries must be the same. A write route (a GET answers 405) shows no
list and is skipped; any other route that answers no one with a 200 in this world must be
listed in ``NIET_GEMETEN`` with the reason, so nothing is left out silently. The pages in
``LIJSTPAGINAS`` must also get bigger with the rows, proof that the world fills them.

A failure names the page, both counts and the first extra queries' SQL.
"""

from __future__ import annotations

import datetime
from contextlib import contextmanager

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from besluitvorming.models import (
    Belanghebbendenwens,
    BenodigdBesluit,
    Documentversie,
    Processtap,
    Randvoorwaarde,
)
from keuze.models import Criterium, Keuze, Score
from participatie.models import (
    Aanmelding,
    Antwoord,
    Bijeenkomst,
    Contactmoment,
    Gedragsmaatregel,
    Inbreng,
    Nieuwsbericht,
    Partij,
    Publicatie,
    Raadpleging,
    Respons,
    Responscode,
    VeelgesteldeVraag,
    Verwerking,
    Vraag,
)
from techniek.models import Alternatief, Berekening, Parameterset, StartanalyseImport
from techniek.services.pbl_kentallen import pbl_kentallen_laden
from tests.factories import BuurtFactory, GemeenteFactory, WijkFactory, WijkplanFactory, inloggen
from tests.factories import projectleider as maak_projectleider
from uitwerking.models import Activiteit, Realisatiefase, Risico
from uitwerking.models import Partij as OrganisatiePartij
from uitwerking.models import Rol as RaciRol
from wijktoets.models import KerncijferImport
from wup.models import Besluit, Faseovergang, Melding
from wup.services import wijkplan_create, wijkplan_transition

WEINIG, VEEL = 2, 12
GEBRUIKERS = ("projectleider", "beheerder", "griffier", "anoniem")

#: Routes no user gets a 200 from in this world, and why. Everything else is measured.
NIET_GEMETEN = {
    "logout": "alleen POST",
    "oidc-inloggen": "alleen met een identity provider ingesteld (hier uit: 404)",
    "oidc-terug": "alleen met een identity provider ingesteld (hier uit: 404)",
    "tweestap-controle": "alleen halverwege het inloggen; een volledige login gaat door",
    "login": "een ingelogde gebruiker wordt doorgestuurd; voor anoniem toont de pagina geen rijen",
    "api:wijkplan-overgang-uitvoeren": "alleen POST",
    "api:<catch-all>": "altijd 404",
    # the API description is generated from the code, not from rows (and costly to build)
    "api:openapi-json": "beschrijft de code, niet de rijen",
    "api:openapi-yaml": "beschrijft de code, niet de rijen",
    "api:docs": "beschrijft de code, niet de rijen",
    "participatie-raadplegen-email": "een ongeldige link: 400 zonder rijen",
    "participatie-raadplegen-formulier": "alleen na een geldige code (sessie)",
    "participatie-aanmelding-afmelden": "een onbekende afmeldlink: 404",
    "besluitvorming-raad-publiek-pdf": "alleen de definitieve PDF van een vastgesteld plan",
    "uitwerking-woonlasten-type": "alleen na een woonlastenberekening",
    "uitwerking-woonlasten-export": "alleen na een woonlastenberekening",
    "uitwerking-api-woonlasten": "alleen na een woonlastenberekening",
    # a published set is never edited: the beheerder is sent on to make a concept first
    "techniek-parameter-wijzigen": "een vastgestelde set: doorverwijzing naar een concept",
    "techniek-parametertabel-wijzigen": "een vastgestelde set: doorverwijzing naar een concept",
    "techniek-parameterset-vaststellen": "een vastgestelde set: doorverwijzing naar een concept",
}


#: The list pages of the product: each must show more for more rows (so the world really puts
#: rows on them; a page that stays the same size measures nothing). Every other GET route is
#: measured too — a detail page or a form must not grow with the rows around it either.
LIJSTPAGINAS = (
    # core: dashboard, plans, history, decisions, notifications; the API's lists
    "dashboard",
    "wijkplan-nieuw",  # the buurten to choose from
    "wijkplan-bewerken",
    "wijkplan-historie",
    "wijkplan-besluiten",
    "wijkplan-document",
    "meldingen",
    "api:gemeenten",
    "api:wijken",
    "api:buurten",
    "api:wijkplannen",
    "api:wijkplan-historie",
    "api:wijkplan-besluiten",
    # step 1: imports of CBS figures, the indicators of the plan's buurten
    "wijktoets-kerncijfer-imports",
    "wijktoets-api-kerncijfer-imports",
    "wijktoets-indicatoren",
    "wijktoets-api-indicatoren",
    # step 2: alternatives, parameter sets, Startanalyse imports
    "techniek-alternatieven",
    "techniek-api-alternatieven",
    "techniek-parametersets",
    "techniek-api-parametersets",
    "techniek-startanalyse-imports",
    "techniek-api-startanalyse",
    # step 3: network, consultations, codes, results, public page, events, moderation, privacy
    "participatie-overzicht",
    "participatie-api-partijen",
    "participatie-api-contactmomenten",
    "participatie-api-gedragsmaatregelen",
    "participatie-raadplegingen",
    "participatie-api-raadplegingen",
    "participatie-raadpleging",  # its questions
    "participatie-codes",
    "participatie-codes-export",
    "participatie-raadpleging-resultaten",
    "participatie-raadpleging-resultaten-export",
    "participatie-api-resultaten",
    "participatie-publiek-resultaten",
    "participatie-api-publiek-resultaten",
    "participatie-publiek",  # news, FAQ, events, published questions with their answers
    "participatie-publiek-beheer",
    "participatie-bijeenkomst-aanmeldingen",
    "participatie-api-bijeenkomsten",
    "participatie-api-publiek-bijeenkomsten",
    "participatie-moderatie",
    "participatie-privacy-logboek",
    # step 4: criteria, scores, the analysis
    "keuze-overzicht",
    "keuze-scores",
    "keuze-gewichten",
    "keuze-api-criteria",
    "keuze-api-scores",
    "keuze-api-analyse",
    "keuze-api-keuzes",
    # step 5: parties, RACI, risks, planning
    "uitwerking-organisatie",
    "uitwerking-raci",
    "uitwerking-rollen-akkoord",
    "uitwerking-risicos",
    "uitwerking-risicos-export",
    "uitwerking-planning",
    "uitwerking-api-partijen",
    "uitwerking-api-activiteiten",
    "uitwerking-api-raci",
    "uitwerking-api-risicos",
    "uitwerking-api-planning",
    # step 6: document versions, the council's inbox, the implementation plan
    "besluitvorming-versies",
    "besluitvorming-api-versies",
    "besluitvorming-raad-inbox",
    "besluitvorming-api-raad-inbox",
    "besluitvorming-uitvoeringsplan",
    "besluitvorming-api-uitvoeringsplan",
    "besluitvorming-api-randvoorwaarden",
    "besluitvorming-api-processtappen",
    "besluitvorming-api-besluiten",
    "besluitvorming-wensen",
    "besluitvorming-api-wensen",
)


def _walk(patterns, prefix="", namespace=None):
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = p.namespace or namespace
            if ns == "admin":
                continue  # Django's own admin
            yield from _walk(p.url_patterns, prefix + str(p.pattern), ns)
        elif isinstance(p, URLPattern):
            naam = p.name or "<catch-all>"
            yield (f"{namespace}:{naam}" if namespace else naam), prefix + str(p.pattern)


def _routes():
    return sorted(set(_walk(get_resolver().url_patterns)))


class Wereld:
    """Two plans of one projectleider, and ``aantal`` rows of everything either lists."""

    def __init__(self):
        self.gemeente = GemeenteFactory(code="GM0233", naam="Ermelo")
        self.pl = maak_projectleider(self.gemeente, username="pl")
        from tests.factories import beheerder, griffier

        self.gebruikers = {
            "projectleider": self.pl,
            "beheerder": beheerder(username="beheerder"),
            "griffier": griffier(self.gemeente, username="griffier"),
            "anoniem": None,
        }
        self.wijk = WijkFactory(gemeente=self.gemeente, code="WK023300")
        buurt = BuurtFactory(wijk=self.wijk, code="BU02330001")
        self.plan = wijkplan_create(
            user=self.pl, gemeente=self.gemeente, naam="Ermelo-Oost", buurten=[buurt]
        )
        self.raadsplan = WijkplanFactory(
            gemeente=self.gemeente,
            projectleider=self.pl,
            uitvoeringsplan=True,
            beoogde_raadsdatum=datetime.date(2027, 2, 1),
        )
        self.raadsplan.buurten.add(buurt)
        self.rij = wijkplan_transition(
            wijkplan=self.raadsplan, overgang="aanbieden_aan_raad", user=self.pl
        )
        # older published sets get versions below the current one (PBL's), so the grown list
        # never changes which set is current
        Parameterset.objects.create(
            naam="Oud", versie=50, status="vastgesteld", vastgesteld_op=timezone.now()
        )
        self.parameterset = pbl_kentallen_laden()[0]
        self.eerste: dict[str, dict[str, int]] = {"plan": {}, "raadsplan": {}}
        self.objecten: dict[str, int] = {}
        for p in (self.plan, self.raadsplan):
            Publicatie.objects.create(wijkplan=p, gepubliceerd=True)
        self.aantal = 0

    def groei_tot(self, aantal: int) -> None:
        for i in range(self.aantal, aantal):
            for soort, p in (("plan", self.plan), ("raadsplan", self.raadsplan)):
                self._rijen(soort, p, i)
            self._algemeen(i)
        self.aantal = aantal

    def _eerste(self, soort, sleutel, pk):
        self.eerste[soort].setdefault(sleutel, pk)
        return self.eerste[soort][sleutel]

    def _rijen(self, soort: str, p, i: int) -> None:
        nu = timezone.now()
        pl = self.pl
        e = self._eerste
        alt = Alternatief.objects.create(
            wijkplan=p, sjabloon="S1a_B_LuchtWP", naam=f"Alternatief {i}", aangemaakt_door=pl
        )
        Berekening.objects.create(alternatief=alt, invoer_hash=f"{i:064d}")
        e(soort, "<int:alt_id>", alt.pk)
        e(
            soort,
            "<int:besluit_id>",
            Besluit.objects.create(
                wijkplan=p,
                datum=datetime.date(2026, 1, 5),
                orgaan="stuurgroep",
                besluit=f"Besluit {i}.",
                vastgelegd_door=pl,
            ).pk,
        )
        overgang = Faseovergang.objects.create(
            wijkplan=p,
            overgang="aanmaken",
            van_fase=p.fase,
            naar_fase=p.fase,
            motivatie=f"Stap {i}.",
            door=pl,
        )
        Melding.objects.create(ontvanger=pl, faseovergang=overgang, tekst=f"Melding {i}")
        partij = Partij.objects.create(wijkplan=p, soort="vve", naam=f"VvE {i}")
        e(soort, "<int:partij_id>", partij.pk)
        e(
            soort,
            "<int:maatregel_id>",
            Gedragsmaatregel.objects.create(
                wijkplan=p, naam=f"Maatregel {i}", status="gepland", doelgroep_partij=partij
            ).pk,
        )
        e(
            soort,
            "<int:contact_id>",
            Contactmoment.objects.create(
                wijkplan=p,
                partij=partij,
                soort="brief",
                datum=datetime.date(2026, 1, 5),
                onderwerp=f"Brief {i}",
                aangemaakt_door=pl,
            ).pk,
        )
        raadpleging = Raadpleging.objects.create(
            wijkplan=p,
            titel=f"Raadpleging {i}",
            deelname="codes",
            # the raadsplan's are closed: their public results are online
            opent_op=nu - datetime.timedelta(days=2),
            sluit_op=nu + datetime.timedelta(days=-1 if soort == "raadsplan" else 1),
            vrijgegeven_op=nu - datetime.timedelta(days=2),
        )
        r0 = Raadpleging.objects.get(pk=e(soort, "<int:raadpleging_id>", raadpleging.pk))
        vraag = Vraag.objects.create(
            raadpleging=r0, volgorde=i + 1, soort="open", tekst=f"Vraag {i}?"
        )
        e(soort, "<int:vraag_id>", vraag.pk)
        code = Responscode.objects.create(raadpleging=r0, code=f"C{soort[:3]}-{i:05d}")
        e(soort, "<int:code_id>", code.pk)
        respons = Respons.objects.create(
            raadpleging=r0, responscode=code, buurt=p.buurten.first(), groep="eigenaar_bewoner"
        )
        Antwoord.objects.create(respons=respons, vraag=vraag, waarde=f"Antwoord {i}")
        e(
            soort,
            "<int:nieuws_id>",
            Nieuwsbericht.objects.create(wijkplan=p, titel=f"Nieuws {i}", tekst="t").pk,
        )
        e(
            soort,
            "<int:faq_id>",
            VeelgesteldeVraag.objects.create(wijkplan=p, vraag=f"Vraag {i}", antwoord="A").pk,
        )
        bijeenkomst = Bijeenkomst.objects.create(
            wijkplan=p,
            titel=f"Avond {i}",
            locatie="Dorpshuis",
            begint_op=nu + datetime.timedelta(days=30 + i),
        )
        b0 = e(soort, "<int:bijeenkomst_id>", bijeenkomst.pk)
        Aanmelding.objects.create(
            bijeenkomst_id=b0,
            naam=f"Bewoner {i}",
            email=f"b{i}@example.nl",
            sleutel_hash=f"{soort}-{i:054d}",
        )
        # half of the input is published with an answer (the public page lists it), half
        # waits in the moderation queue
        inbreng = Inbreng.objects.create(
            wijkplan=p,
            soort="vraag",
            tekst=f"Vraag {i}?",
            status="gepubliceerd" if i % 2 else "nieuw",
            antwoord="Antwoord." if i % 2 else "",
        )
        e(soort, "<int:inbreng_id>", inbreng.pk)
        Belanghebbendenwens.objects.create(wijkplan=p, inbreng_id=inbreng.pk, vraag=inbreng.tekst)
        versie = Documentversie.objects.create(
            wijkplan=p, nummer=i + 1, fase=p.fase, aangevraagd_door=pl
        )
        versie.bestand.save(versie.bestandsnaam, ContentFile(b"%PDF-1.7"), save=False)
        versie.status, versie.sha256, versie.grootte = "klaar", "0" * 64, 8
        versie.save()
        e(soort, "<int:versie_id>", versie.pk)
        criterium = Criterium.objects.create(
            wijkplan=p,
            naam=f"Criterium {i}",
            toelichting="t",
            gewicht=5,
            richting="lager_beter",
            eenheid="euro",
            bron="techniek:nk.H16_Nat_meerkost",
            zekerheid="hoog",
        )
        c0 = e(soort, "<int:criterium_id>", criterium.pk)
        Score.objects.create(criterium_id=c0, alternatief=alt, waarde=3, toelichting="t")
        e(
            soort,
            "<int:keuze_id>",
            Keuze.objects.create(
                wijkplan=p,
                alternatief=alt,
                alternatief_naam=alt.naam,
                motivatie="m",
                participatie_afweging="a",
                orgaan="college",
                besluitdatum=datetime.date(2026, 1, 5),
            ).pk,
        )
        org = OrganisatiePartij.objects.create(wijkplan=p, naam=f"Partij {i}", soort="gemeente")
        o0 = e(soort, "<int:organisatiepartij_id>", org.pk)
        activiteit = Activiteit.objects.create(wijkplan=p, naam=f"Activiteit {i}")
        a0 = e(soort, "<int:activiteit_id>", activiteit.pk)
        RaciRol.objects.create(activiteit=activiteit, partij_id=o0, rol="R")
        if activiteit.pk != a0:
            RaciRol.objects.create(activiteit_id=a0, partij=org, rol="C")
        e(
            soort,
            "<int:risico_id>",
            Risico.objects.create(
                wijkplan=p,
                titel=f"Risico {i}",
                categorie="planning",
                kans=2,
                impact=3,
                eigenaar=org,
            ).pk,
        )
        e(
            soort,
            "<int:realisatiefase_id>",
            Realisatiefase.objects.create(
                wijkplan=p,
                naam=f"Fase {i}",
                begindatum=datetime.date(2027, 1, 1),
                einddatum=datetime.date(2027, 12, 31),
                verantwoordelijke=org,
            ).pk,
        )
        e(
            soort,
            "<int:randvoorwaarde_id>",
            Randvoorwaarde.objects.create(wijkplan=p, tekst=f"R {i}").pk,
        )
        e(
            soort,
            "<int:processtap_id>",
            Processtap.objects.create(
                wijkplan=p, naam=f"Stap {i}", verantwoordelijke="Gemeente"
            ).pk,
        )
        e(
            soort,
            "<int:benodigd_besluit_id>",
            BenodigdBesluit.objects.create(
                wijkplan=p, orgaan="college", onderwerp=f"Onderwerp {i}"
            ).pk,
        )
        Verwerking.objects.create(
            soort=Verwerking.Soort.values[0],
            wijkplan=p,
            kenmerk=f"k{i}",
            omschrijving="o",
            door=self.gebruikers["beheerder"],
        )

    def _algemeen(self, i: int) -> None:
        beheerder = self.gebruikers["beheerder"]
        wijk = WijkFactory(gemeente=self.gemeente, code=f"WK0233{i + 10:02d}")
        buurt = BuurtFactory(wijk=wijk, code=f"BU0233{i + 10:02d}01")
        self.plan.buurten.add(buurt)
        self.raadsplan.buurten.add(buurt)
        GemeenteFactory(code=f"GM{9000 + i}")
        extra = WijkplanFactory(gemeente=self.gemeente, projectleider=self.pl)
        extra.buurten.add(buurt)
        raad = WijkplanFactory(
            gemeente=self.gemeente,
            projectleider=self.pl,
            uitvoeringsplan=True,
            beoogde_raadsdatum=datetime.date(2027, 2, 1),
        )
        wijkplan_transition(wijkplan=raad, overgang="aanbieden_aan_raad", user=self.pl)
        kerncijfers = KerncijferImport.objects.create(
            bestandsnaam=f"kwb-{i}.csv", sha256=f"{i:064d}", aangemaakt_door=beheerder
        )
        self.objecten.setdefault("import", kerncijfers.pk)
        startanalyse = StartanalyseImport.objects.create(
            bestandsnaam=f"Hoofdindicatoren-{i}.csv", sha256=f"{i:064d}", aangemaakt_door=beheerder
        )
        self.objecten.setdefault("startanalyse_import", startanalyse.pk)
        Parameterset.objects.create(
            naam=f"Oud {i}",
            versie=i + 1,
            status="vastgesteld",
            aangemaakt_door=beheerder,
            vastgesteld_door=beheerder,
            vastgesteld_op=timezone.now(),
        )

    def url(self, naam: str, pattern: str, soort: str) -> str:
        """The route with its parameters filled with this world's first rows."""
        p = self.plan if soort == "plan" else self.raadsplan
        overgang = "start_verkenning" if soort == "plan" else "vaststellen"
        vervang = {
            "<int:pk>": p.pk,
            "<int:id>": p.pk,
            "<str:naam>": overgang,
            "<int:historie_id>": (self.rij if soort == "raadsplan" else p.historie.first()).pk,
            "<str:thema>": "leefbaarheid",
            "<str:sleutel>": "Netbeheer.Ki_verv_LD_min",
            "<str:tabel>": "woningen_bag",
            "<str:fase>": "verkenning",
            "<slug:slug>": p.slug,
            "<str:punt>": "betaalbaarheid",
            "<int:nummer>": 1,
            **self.eerste[soort],
        }
        url = "/" + pattern.lstrip("^").rstrip("$")
        if "<str:code>" in url:
            vervang["<str:code>"] = {
                "gemeente": self.gemeente.code,
                "wijk": self.wijk.code,
                "buurt": "BU02330001",
            }[naam.split(":")[1].split("-")[0]]
        for fragment, sleutel in ANDERE_OBJECTEN.items():
            if fragment in naam:
                vervang["<int:pk>"] = vervang["<int:id>"] = (
                    self.parameterset.pk if sleutel == "parameterset" else self.objecten[sleutel]
                )
        for k, v in vervang.items():
            url = url.replace(k, str(v))
        assert "<" not in url, f"parameter van {naam} niet ingevuld: {url}"
        return url + QUERY.get(naam, "")


#: Routes whose id is not a plan's, and query strings a route needs to answer at all.
ANDERE_OBJECTEN = {
    "kerncijfer-import": "import",
    "parameter": "parameterset",
    "startanalyse-import": "startanalyse_import",
}
QUERY = {"wijktoets-api-kerncijfers": "?codes=GM0233"}


@contextmanager
def _alleen_kern_voorwaarden():
    """The world's plans are moved with the core's conditions only (their step content is made
    row by row, not complete); the pages are then measured with every step's conditions."""
    from wup.workflow import gates

    bewaard = dict(gates._conditions)
    for sleutel in [k for k in gates._conditions if not k.startswith("wup.")]:
        gates.unregister(sleutel)
    try:
        yield
    finally:
        gates._conditions.clear()
        gates._conditions.update(bewaard)


def _tel(client, url) -> tuple[int, list[str], int]:
    """Status, queries and size of a GET. The caller has opened the URL once before: caches
    filled on a first request do not count."""
    with CaptureQueriesContext(connection) as q:
        response = client.get(url)
        # a streamed response (a file, an export) queries while it is read: read it here
        inhoud = b"".join(response.streaming_content) if response.streaming else response.content
    return response.status_code, [x["sql"] for x in q.captured_queries], len(inhoud)


def _meten(client, wereld: Wereld, wie: dict | None = None):
    """Per route: (user, plan) of the first 200, and that request's queries."""
    uitkomst = {}
    for naam, pattern in _routes():
        if naam in NIET_GEMETEN or (wie is not None and naam not in wie):
            continue
        pogingen = (
            [wie[naam]]
            if wie is not None
            else [(g, s) for g in GEBRUIKERS for s in ("raadsplan", "plan")]
        )
        for gebruiker, soort in pogingen:
            user = wereld.gebruikers[gebruiker]
            client.logout()
            if user is not None:
                inloggen(client, user)
            url = wereld.url(naam, pattern, soort)
            # with more rows each route is measured straight away: the first round warmed it
            if wie is None:
                status = client.get(url).status_code
                if status == 405:  # a write route (POST/PUT): it shows no list
                    uitkomst[naam] = None
                    break
                if status != 200:
                    continue
            status, queries, grootte = _tel(client, url)
            uitkomst[naam] = {
                "wie": (gebruiker, soort),
                "url": url,
                "status": status,
                "sql": queries,
                "grootte": grootte,
            }
            break
    return uitkomst


def test_every_route_is_measured_or_explained():
    namen = {naam for naam, _ in _routes()}
    assert set(NIET_GEMETEN) <= namen, f"verdwenen: {sorted(set(NIET_GEMETEN) - namen)}"
    assert set(LIJSTPAGINAS) <= namen, f"verdwenen: {sorted(set(LIJSTPAGINAS) - namen)}"
    assert not set(LIJSTPAGINAS) & set(NIET_GEMETEN)


@pytest.mark.django_db
@pytest.mark.all_gates  # every step's gate conditions run, as in production
def test_no_page_needs_more_queries_for_more_rows(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    with _alleen_kern_voorwaarden():
        wereld = Wereld()
        wereld.groei_tot(WEINIG)
    gemeten = _meten(client, wereld)
    zonder = sorted({naam for naam, _ in _routes()} - set(gemeten) - set(NIET_GEMETEN))
    weinig = {naam: m for naam, m in gemeten.items() if m is not None}
    assert not zonder, (
        "Routes die niemand met 200 beantwoorden in deze wereld; geef ze rijen of zet ze met "
        f"een reden in NIET_GEMETEN: {zonder}"
    )
    with _alleen_kern_voorwaarden():
        wereld.groei_tot(VEEL)
    veel = _meten(client, wereld, {naam: m["wie"] for naam, m in weinig.items()})
    groei = []
    for naam, m in weinig.items():
        n = veel[naam]
        if n["status"] != 200 or len(n["sql"]) != len(m["sql"]):
            extra = n["sql"][len(m["sql"]) :][:3] if len(n["sql"]) > len(m["sql"]) else []
            groei.append(
                f"{naam} ({n['url']} als {m['wie'][0]}): {len(m['sql'])} queries bij {WEINIG} "
                f"rijen, {len(n['sql'])} bij {VEEL} (status {n['status']})"
                + "".join(f"\n    extra: {sql[:300]}" for sql in extra)
            )
    leeg = [
        f"{naam}: {weinig[naam]['grootte']} bytes bij {WEINIG} rijen en bij {VEEL}"
        for naam in LIJSTPAGINAS
        if naam in weinig and veel[naam]["grootte"] <= weinig[naam]["grootte"]
    ]
    assert not leeg, "Lijstpagina's die hun rijen niet tonen:\n" + "\n".join(leeg)
    assert set(LIJSTPAGINAS) <= set(weinig), sorted(set(LIJSTPAGINAS) - set(weinig))
    assert not groei, f"{len(groei)} pagina's groeien met het aantal rijen:\n" + "\n".join(groei)
