"""The wijktoets pages: the projectleider edits and completes, others read or get 403."""

import datetime
from html import unescape

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from tests import factories
from tests.factories import inloggen
from tests.wijktoets.test_wijktoets_services import (
    MOTIVATIE,
    afgeronde_wijktoets,
    huidige_versie,
    vul_wijktoets,
)
from tests.wup.test_templates_csp import inline_code
from wijktoets.constants import Oordeel, Thema
from wijktoets.selectors import wijktoets as selectors
from wijktoets.services import wijktoets as services
from wijktoets.views.wijktoets import stap_context
from wup.constants import Fase
from wup.models import Faseovergang, Wijkplan
from wup.services import wijkplan_transition


def url(naam, plan, *args):
    return reverse(naam, args=[plan.pk, *args])


@pytest.fixture
def pl(client, projectleider):
    client.force_login(projectleider)
    return client


@pytest.fixture
def raadsplan(gemeente, projectleider):
    """A plan before the council, that left the wijktoets phase with a completed wijktoets."""
    plan = factories.WijkplanFactory(
        gemeente=gemeente,
        projectleider=projectleider,
        beoogde_raadsdatum=datetime.date(2027, 2, 1),
    )
    afgeronde_wijktoets(plan, projectleider)
    # The phases in between belong to other steps: set that starting situation directly.
    Wijkplan.objects.filter(pk=plan.pk).update(fase=Fase.UITVOERINGSPLAN)
    plan.refresh_from_db()
    wijkplan_transition(wijkplan=plan, overgang="aanbieden_aan_raad", user=projectleider)
    return plan


def html(response) -> str:
    return response.content.decode()


# --- Reading -------------------------------------------------------------------------------------


def test_the_projectleider_sees_an_empty_wijktoets_with_what_is_to_do(pl, plan):
    response = pl.get(url("wijktoets", plan))
    assert response.status_code == 200
    pagina = html(response)
    assert "Nog niet begonnen" in pagina
    assert "Nog te doen voor het afronden" in pagina
    assert "7 van 7 thema's hebben nog geen bevinding" in unescape(pagina)
    assert url("wijktoets-bevinding", plan, "armoede") in pagina
    assert url("wijktoets-afronden", plan) in pagina
    assert inline_code(pagina) == []


def test_user_text_is_escaped(pl, plan, projectleider):
    services.wijktoets_opslaan(
        wijkplan=plan, user=projectleider, versie=1, samenvatting="<script>alert(1)</script>"
    )
    pagina = html(pl.get(url("wijktoets", plan)))
    assert "<script>alert(1)" not in pagina
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pagina


def test_others_who_may_see_the_plan_read_without_edit_links(
    client, raadsplan, projectleider, griffier, beheerder
):
    for user in (griffier, beheerder):
        inloggen(client, user)
        response = client.get(url("wijktoets", raadsplan))
        assert response.status_code == 200
        pagina = html(response)
        assert MOTIVATIE in pagina
        assert url("wijktoets-algemeen", raadsplan) not in pagina
        assert client.get(url("wijktoets-versies", raadsplan)).status_code == 200
        for naam, args in [
            ("wijktoets-algemeen", ()),
            ("wijktoets-bevinding", ("veiligheid",)),
            ("wijktoets-partijen", ()),
            ("wijktoets-oordeel", ()),
            ("wijktoets-afronden", ()),
        ]:
            assert client.get(url(naam, raadsplan, *args)).status_code == 403, naam
            assert client.post(url(naam, raadsplan, *args), {}).status_code == 403, naam


def test_no_access_for_others(client, plan, gemeente, griffier):
    ander = factories.projectleider(gemeente, username="ander")
    for user in (ander, griffier):
        inloggen(client, user)
        assert client.get(url("wijktoets", plan)).status_code == 403
        assert client.get(url("wijktoets-algemeen", plan)).status_code == 403
        assert client.post(url("wijktoets-algemeen", plan), {"versie": 1}).status_code == 403
    client.logout()
    response = client.get(url("wijktoets", plan))
    assert response.status_code == 302 and "/inloggen" in response["Location"]
    assert selectors.wijktoets_voor(plan) is None


# --- Editing -------------------------------------------------------------------------------------


def test_the_general_part_is_saved(pl, plan):
    response = pl.post(
        url("wijktoets-algemeen", plan),
        {"versie": 1, "samenvatting": "Rustig.", "economische_randvoorwaarden": "Lage inkomens."},
    )
    assert response.status_code == 302
    assert response["Location"] == url("wijktoets", plan) + "#algemeen"
    toets = selectors.wijktoets_voor(plan)
    assert (toets.samenvatting, toets.economische_randvoorwaarden) == ("Rustig.", "Lage inkomens.")


def test_a_theme_form_offers_the_suggested_indicators_and_saves_them(pl, plan):
    pagina = html(pl.get(url("wijktoets-bevinding", plan, "armoede")))
    assert "Armoede en energiearmoede" in pagina
    assert "Voorgesteld voor dit thema" in pagina
    assert "Huishoudens met een laag inkomen" in pagina
    assert inline_code(pagina) == []
    response = pl.post(
        url("wijktoets-bevinding", plan, "armoede"),
        {
            "versie": 1,
            "tekst": "Veel energiearmoede in de flats.",
            "beoordeling": "uitdaging",
            "indicatoren": ["huishoudens_laag_inkomen_pct", "aardgas_huurwoning_m3"],
        },
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#thema-armoede")
    bevinding = selectors.wijktoets_voor(plan).bevindingen_per_thema()["armoede"]
    assert bevinding.indicatoren == ["huishoudens_laag_inkomen_pct", "aardgas_huurwoning_m3"]
    assert bevinding.beoordeling == "uitdaging"
    # The saved choices are ticked when the form opens again.
    pagina = html(pl.get(url("wijktoets-bevinding", plan, "armoede")))
    assert 'value="aardgas_huurwoning_m3" id="id_indicatoren_aardgas_huurwoning_m3"' in pagina
    assert 'id="id_indicatoren_aardgas_huurwoning_m3" class' in pagina


def test_bad_input_is_shown_next_to_the_field_and_kept(pl, plan):
    response = pl.post(
        url("wijktoets-bevinding", plan, "leefbaarheid"),
        {
            "versie": 1,
            "tekst": "Mijn tekst blijft staan.",
            "beoordeling": "geweldig",
            "indicatoren": ["bestaat_niet"],
        },
    )
    assert response.status_code == 400
    pagina = html(response)
    assert 'id="id_beoordeling_error"' in pagina
    assert 'id="id_indicatoren_error"' in pagina
    assert "Mijn tekst blijft staan." in pagina
    assert selectors.wijktoets_voor(plan) is None


def test_a_verdict_without_motivation_gets_an_error_at_the_motivation(pl, plan):
    response = pl.post(url("wijktoets-oordeel", plan), {"versie": 1, "oordeel": "geschikt"})
    assert response.status_code == 400
    assert 'id="id_motivatie_error"' in html(response)
    assert inline_code(html(response)) == []


def test_verdict_and_consequences_are_saved(pl, plan):
    response = pl.post(
        url("wijktoets-oordeel", plan),
        {
            "versie": 1,
            "oordeel": "onder_voorwaarden",
            "motivatie": "Kansrijk met de corporatie.",
            "voorwaarden": "De corporatie renoveert tegelijk.",
            "participatieniveau": "adviseren",
            "doelgroepen": ["ouderen", "vve"],
            "timing": "gefaseerd",
        },
    )
    assert response.status_code == 302
    toets = selectors.wijktoets_voor(plan)
    assert toets.oordeel == Oordeel.ONDER_VOORWAARDEN
    assert toets.doelgroepen == ["ouderen", "vve"]
    pagina = html(pl.get(url("wijktoets", plan)))
    assert "Geschikt onder voorwaarden" in pagina
    assert "De corporatie renoveert tegelijk." in pagina
    assert "Eigenaren in een VvE" in pagina


def test_stakeholders_are_added_and_removed_in_one_form(pl, plan):
    def post(rijen, versie, initieel):
        data = {
            "versie": versie,
            "partij-TOTAL_FORMS": len(rijen),
            "partij-INITIAL_FORMS": initieel,
            "partij-MIN_NUM_FORMS": 0,
            "partij-MAX_NUM_FORMS": 60,
        }
        for i, rij in enumerate(rijen):
            data |= {f"partij-{i}-{k}": v for k, v in rij.items()}
        return pl.post(url("wijktoets-partijen", plan), data)

    leeg = {"categorie": "", "naam": "", "opmerking": ""}
    response = post(
        [
            {"categorie": "school", "naam": "Basisschool De Horst", "opmerking": ""},
            {"categorie": "vve", "naam": "VvE Stationsstraat", "opmerking": "Twee flats."},
            leeg,
        ],
        1,
        0,
    )
    assert response.status_code == 302
    toets = selectors.wijktoets_voor(plan)
    assert [p.naam for p in toets.partijlijst()] == ["Basisschool De Horst", "VvE Stationsstraat"]

    pagina = html(pl.get(url("wijktoets-partijen", plan)))
    assert 'value="Basisschool De Horst"' in pagina
    assert inline_code(pagina) == []
    response = post(
        [
            {"categorie": "school", "naam": "Basisschool De Horst", "DELETE": "on"},
            {"categorie": "vve", "naam": "VvE Stationsstraat", "opmerking": "Twee flats."},
            {"categorie": "", "naam": "Bakkerij Jansen", "opmerking": ""},
        ],
        toets.versie,
        2,
    )
    assert response.status_code == 400
    assert 'id="id_partij-2-categorie"' in html(response)
    assert "Partij 3, soort partij: Kies wat voor partij dit is." in html(response)
    response = post(
        [
            {"categorie": "school", "naam": "Basisschool De Horst", "DELETE": "on"},
            {"categorie": "vve", "naam": "VvE Stationsstraat", "opmerking": "Twee flats."},
            {"categorie": "bedrijf", "naam": "Bakkerij Jansen", "opmerking": ""},
        ],
        toets.versie,
        2,
    )
    assert response.status_code == 302
    toets = selectors.wijktoets_voor(plan)
    assert [p.naam for p in toets.partijlijst()] == ["VvE Stationsstraat", "Bakkerij Jansen"]


def test_a_stale_form_is_refused_and_keeps_the_input(pl, plan, projectleider):
    services.wijktoets_opslaan(wijkplan=plan, user=projectleider, versie=1, bronnen="Eerst")
    response = pl.post(
        url("wijktoets-algemeen", plan), {"versie": 1, "bronnen": "Mijn eigen bronnenlijst"}
    )
    assert response.status_code == 409
    pagina = html(response)
    assert "Iemand anders heeft de wijktoets gewijzigd" in pagina
    assert "Mijn eigen bronnenlijst" in pagina
    assert selectors.wijktoets_voor(plan).bronnen == "Eerst"


def test_unknown_theme_is_404(pl, plan):
    assert pl.get(url("wijktoets-bevinding", plan, "weer")).status_code == 404
    assert pl.get(url("wijktoets-bevinding", plan, "andere-werken")).status_code == 200


def test_after_the_wijktoets_phase_the_forms_explain_why_they_are_closed(
    pl, gemeente, projectleider
):
    plan = factories.WijkplanFactory(gemeente=gemeente, projectleider=projectleider, keuze=True)
    response = pl.get(url("wijktoets-oordeel", plan))
    assert response.status_code == 200
    pagina = html(response)
    assert "kan alleen veranderen zolang het plan in de fase wijktoets is" in pagina
    assert '<form method="post" class="utrecht-form' not in pagina
    response = pl.post(url("wijktoets-oordeel", plan), {"versie": 1, "motivatie": "x"})
    assert response.status_code == 409
    assert selectors.wijktoets_voor(plan) is None


def test_editing_a_completed_wijktoets_warns_and_starts_a_new_version(pl, plan, projectleider):
    afgeronde_wijktoets(plan, projectleider)
    pagina = html(pl.get(url("wijktoets-algemeen", plan)))
    assert "Als u iets wijzigt, wordt hij een concept van versie 2" in pagina
    pl.post(
        url("wijktoets-algemeen", plan),
        {
            "versie": huidige_versie(plan),
            "samenvatting": "Aangevuld.",
            "economische_randvoorwaarden": "Nieuw.",
        },
    )
    toets = selectors.wijktoets_voor(plan)
    assert (toets.versienummer, toets.afgerond) == (2, False)
    pagina = html(pl.get(url("wijktoets", plan)))
    assert "U werkt aan versie 2" in pagina


# --- Completing, the pause path, versions ------------------------------------------------------


def test_an_incomplete_wijktoets_lists_what_is_missing_instead_of_a_button(pl, plan, projectleider):
    vul_wijktoets(plan, projectleider, themas=(Thema.VEILIGHEID,))
    response = pl.get(url("wijktoets-afronden", plan))
    assert response.status_code == 200
    pagina = html(response)
    assert "6 van 7 thema's" in unescape(pagina)
    assert 'value="afronden"' not in pagina
    response = pl.post(url("wijktoets-afronden", plan), {"actie": "afronden", "versie": 2})
    assert response.status_code == 409
    assert "nog niet worden afgerond" in html(response)


def test_completing_leads_to_the_next_step(pl, plan, projectleider):
    toets = vul_wijktoets(plan, projectleider)
    pagina = html(pl.get(url("wijktoets-afronden", plan)))
    assert 'value="afronden"' in pagina
    response = pl.post(
        url("wijktoets-afronden", plan), {"actie": "afronden", "versie": toets.versie}
    )
    assert response.status_code == 302
    pagina = html(pl.get(response["Location"]))
    assert "De wijktoets is afgerond" in pagina
    assert url("wijkplan-overgang", plan, "start_verkenning") in pagina
    assert "Plan pauzeren" not in pagina
    assert inline_code(pagina) == []


def test_niet_geschikt_offers_to_pause_with_the_reason_in_the_history(pl, plan, projectleider):
    toets = vul_wijktoets(plan, projectleider, oordeel=Oordeel.NIET_GESCHIKT)
    pl.post(url("wijktoets-afronden", plan), {"actie": "afronden", "versie": toets.versie})
    pagina = html(pl.get(url("wijktoets-afronden", plan)))
    assert "Plan pauzeren" in pagina and "Plan stoppen" in pagina
    assert f"Wijktoets: (nog) niet geschikt — {MOTIVATIE}" in pagina
    assert inline_code(pagina) == []

    response = pl.post(
        url("wijktoets-afronden", plan), {"actie": "pauzeren", "verwachte_fase": "wijktoets"}
    )
    assert response.status_code == 302
    assert response["Location"] == url("wijkplan-detail", plan)
    plan.refresh_from_db()
    assert plan.fase == Fase.GEPAUZEERD
    assert Faseovergang.objects.filter(wijkplan=plan).first().motivatie == (
        f"Wijktoets: (nog) niet geschikt — {MOTIVATIE}"
    )
    historie = html(pl.get(url("wijkplan-historie", plan)))
    assert "Wijktoets: (nog) niet geschikt" in historie


def test_a_stale_pause_request_is_a_conflict(pl, plan, projectleider):
    afgeronde_wijktoets(plan, projectleider, oordeel=Oordeel.NIET_GESCHIKT)
    response = pl.post(
        url("wijktoets-afronden", plan), {"actie": "stoppen", "verwachte_fase": "verkenning"}
    )
    assert response.status_code == 409
    plan.refresh_from_db()
    assert plan.fase == Fase.WIJKTOETS


def test_versions_are_listed_and_each_can_be_read(pl, plan, projectleider):
    afgeronde_wijktoets(plan, projectleider)
    afgeronde_wijktoets(plan, projectleider, bronnen="Tweede ronde gesprekken")
    pagina = html(pl.get(url("wijktoets-versies", plan)))
    assert "Versie 2" in pagina and "Versie 1" in pagina
    assert inline_code(pagina) == []
    eerste = html(pl.get(url("wijktoets-versies", plan) + "?versie=1"))
    assert "Versie 1 van de wijktoets" in eerste
    assert "Tweede ronde gesprekken" not in eerste
    assert "Tweede ronde gesprekken" in html(pl.get(url("wijktoets-versies", plan) + "?versie=2"))
    assert pl.get(url("wijktoets-versies", plan) + "?versie=x").status_code == 404


def test_the_step_section_shows_status_and_verdict(rf, plan, projectleider):
    def sectie():
        return render_to_string(
            "wijktoets/wijktoets_stap.html",
            {
                "plan": plan,
                "step": type("Step", (), {"number": 1, "title": "Wijktoets", "purpose": "Doel"}),
                "stap_status": "huidig",
                "stap_status_label": "Hier werkt het plan nu aan",
                "stap_sporen": ["Organisatorisch"],
                "stap_paginas": [{"label": "Wijktoets", "url": url("wijktoets", plan)}],
                **stap_context(rf.get("/"), plan),
            },
        )

    assert "Nog niet begonnen" in sectie()
    vul_wijktoets(plan, projectleider, themas=(Thema.ARMOEDE, Thema.GEZONDHEID))
    assert "Concept van versie 1: 2 van 7 thema's ingevuld" in unescape(sectie())
    afgeronde_wijktoets(plan, projectleider)
    html_ = sectie()
    assert "Afgerond (versie 1)" in html_
    assert "Geschikt voor een wijkgerichte aanpak" in html_
    assert "Coproduceren" in html_
