"""The project team's side of the consultations: preparing, releasing, codes, counts."""

import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from participatie.models import Raadpleging, Responscode, Vraag
from participatie.services import raadplegingen as services
from tests.factories import WijkplanFactory, inloggen
from tests.factories import projectleider as maak_projectleider
from tests.participatie.raadpleging_opbouw import (
    UUR,
    open_raadpleging,
    plan_met_alternatieven,
    raadpleging,
    vraag,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def opzet(gemeente, projectleider):
    return plan_met_alternatieven(gemeente, projectleider)


def _moment(dt):
    return timezone.localtime(dt).strftime("%Y-%m-%dT%H:%M")


def test_the_projectleider_prepares_and_releases_a_consultation(client, opzet, projectleider):
    plan = opzet
    client.force_login(projectleider)
    nu = timezone.now()
    data = {
        "titel": "Uw voorkeur",
        "inleiding": "",
        "deelname": "codes",
        "opent_op": _moment(nu + UUR),
        "sluit_op": _moment(nu),
    }
    response = client.post(reverse("participatie-raadpleging-nieuw", args=[plan.pk]), data)
    assert response.status_code == 400
    assert "moet sluiten na het moment dat ze opent" in response.content.decode()
    data["sluit_op"] = _moment(nu + 48 * UUR)
    response = client.post(reverse("participatie-raadpleging-nieuw", args=[plan.pk]), data)
    r = Raadpleging.objects.get()
    assert response["Location"] == reverse("participatie-raadpleging", args=[plan.pk, r.pk])
    vrijgeven = reverse("participatie-raadpleging-vrijgeven", args=[plan.pk, r.pk])

    # nothing to release yet: no question, no codes
    pagina = client.post(vrijgeven, follow=True).content.decode()
    assert "Voeg eerst minstens één vraag toe." in pagina
    assert "Maak eerst responscodes aan" in pagina
    response = client.post(
        reverse("participatie-vraag-nieuw", args=[plan.pk, r.pk]),
        {"soort": "voorkeur", "tekst": "Welk alternatief heeft uw voorkeur?", "verplicht": "on"},
    )
    assert response.status_code == 302
    v = Vraag.objects.get()
    assert v.volgorde == 1
    assert [o["label"] for o in v.opties] == ["Luchtwarmtepomp", "Warmtenet"]
    assert v.opties[0]["sleutel"] == f"alt-{v.opties[0]['alternatief']}"
    response = client.post(
        reverse("participatie-codes", args=[plan.pk, r.pk]),
        {f"buurt_{b.pk}": "3" for b in plan.buurten.all()},
    )
    assert response.status_code == 302
    assert r.codes.count() == 6
    assert client.post(vrijgeven).status_code == 302
    r.refresh_from_db()
    assert r.vrijgegeven_op is not None and r.stand() == Raadpleging.Stand.GEPLAND

    # released: the questions are fixed, the closing can move later
    response = client.post(
        reverse("participatie-vraag-verwijderen", args=[plan.pk, r.pk, v.pk]), follow=True
    )
    assert "De vragen liggen vast" in response.content.decode()
    assert Vraag.objects.exists()
    wijzigen = reverse("participatie-raadpleging-wijzigen", args=[plan.pk, r.pk])
    later = {**data, "sluit_op": _moment(nu + 96 * UUR)}
    assert client.post(wijzigen, later).status_code == 302
    response = client.post(wijzigen, {**later, "deelname": "email"})
    assert response.status_code == 400
    assert "manier van meedoen" in response.content.decode()
    detail = client.get(reverse("participatie-raadpleging", args=[plan.pk, r.pk])).content.decode()
    assert "Gaat binnenkort open" in detail and "Reacties per buurt" in detail


def test_a_released_consultation_cannot_close_before_now(opzet, projectleider):
    r = open_raadpleging(opzet, projectleider)
    # the form's minutes are the same opening
    later = services.raadpleging_wijzigen(
        raadpleging=r,
        user=projectleider,
        titel=r.titel,
        inleiding="",
        deelname=r.deelname,
        opent_op=r.opent_op.replace(second=0, microsecond=0),
        sluit_op=r.sluit_op + UUR,
    )
    assert later.opent_op == r.opent_op
    with pytest.raises(ValidationError) as fout:
        services.raadpleging_wijzigen(
            raadpleging=r,
            user=projectleider,
            titel=r.titel,
            inleiding="",
            deelname=r.deelname,
            opent_op=r.opent_op,
            sluit_op=r.opent_op + UUR / 2,
        )
    assert "nog moet komen" in str(fout.value)


def test_preference_questions_need_two_alternatives(gemeente, projectleider):
    plan = WijkplanFactory(gemeente=gemeente, projectleider=projectleider)
    r = raadpleging(plan, projectleider)
    with pytest.raises(ValidationError) as fout:
        vraag(r, projectleider, "rangorde")
    assert "Voeg ze eerst toe in stap 2" in str(fout.value)


def test_a_multiple_choice_question_needs_two_to_twenty_options(opzet, projectleider):
    r = raadpleging(opzet, projectleider)
    for opties in ("Alleen dit", "\n".join(f"Optie {i}" for i in range(21))):
        with pytest.raises(ValidationError, match="2 tot 20"):
            vraag(r, projectleider, "meerkeuze", opties=opties)
    v = vraag(r, projectleider, "meerkeuze", opties="Ja\n\nNee\n")
    assert [o["label"] for o in v.opties] == ["Ja", "Nee"]


def test_codes_are_unambiguous_and_formatted():
    codes = {services.nieuwe_code() for _ in range(500)}
    assert len(codes) == 500
    for code in codes:
        assert re.fullmatch(r"[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}", code)
        assert not set(code) & set("01OIL")


def _csv(tekst: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("adressen.csv", tekst.encode(), content_type="text/csv")


def test_codes_from_an_address_file(client, opzet, projectleider):
    plan = opzet
    r = raadpleging(plan, projectleider)
    client.force_login(projectleider)
    url = reverse("participatie-codes", args=[plan.pk, r.pk]) + "?formulier=bestand"
    goed = (
        "postcode,huisnummer,toevoeging,buurtcode\n"
        "3851ab,12,,BU99990001\n"
        "3851 AB,12,,BU99990001\n"  # the same address
        "3851AB,12,a,bu99990002\n"
    )
    response = client.post(url, {"bestand": _csv(goed)}, follow=True)
    assert "2 codes gemaakt. 1 dubbele adressen overgeslagen." in response.content.decode()
    adressen = sorted(r.codes.values_list("adres", flat=True))
    assert adressen == ["3851 AB 12", "3851 AB 12-a"]
    # uploading again: every address already has a code
    response = client.post(url, {"bestand": _csv(goed.replace(",", ";"))}, follow=True)
    assert "0 codes gemaakt. 3 dubbele" in response.content.decode()

    fout = "postcode;huisnummer;toevoeging;buurtcode\n3851AB;14;;BU00000000\n"
    response = client.post(url, {"bestand": _csv(fout)})
    assert response.status_code == 400
    assert "Regel 2: buurtcode BU00000000 hoort niet bij dit plan." in response.content.decode()
    response = client.post(url, {"bestand": _csv("3851AB;14\n")})
    assert response.status_code == 400 and "kolomnamen" in response.content.decode()
    assert r.codes.count() == 2


def test_the_export_for_the_printer_is_only_for_the_projectleider(
    client, opzet, projectleider, gemeente, beheerder
):
    plan = opzet
    r = raadpleging(plan, projectleider)
    services.codes_uit_bestand(
        raadpleging=r,
        user=projectleider,
        bestand=io.BytesIO(b"postcode;huisnummer;toevoeging;buurtcode\n3851AB;1;;BU99990001\n"),
    )
    code = r.codes.get()
    url = reverse("participatie-codes-export", args=[plan.pk, r.pk])
    client.force_login(projectleider)
    response = client.get(url)
    inhoud = response.content.decode("utf-8-sig")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert code.code in inhoud and "3851 AB 1" in inhoud
    assert f"/participatie/{plan.slug}/raadplegingen/{r.pk}" in inhoud
    for ander in (beheerder, maak_projectleider(gemeente, username="ander")):
        inloggen(client, ander)
        assert client.get(url).status_code == 403


def test_a_revoked_code_is_left_out_of_the_export(client, opzet, projectleider):
    plan = opzet
    r = open_raadpleging(plan, projectleider, codes_per_buurt=1)
    code = r.codes.first()
    client.force_login(projectleider)
    url = reverse("participatie-code-intrekken", args=[plan.pk, r.pk, code.pk])
    assert client.post(url).status_code == 302
    code.refresh_from_db()
    assert code.ingetrokken_op is not None
    export = client.get(reverse("participatie-codes-export", args=[plan.pk, r.pk]))
    assert code.code not in export.content.decode("utf-8-sig")


def test_a_frozen_plan_says_why_and_answers_409(client, gemeente, projectleider):
    plan = plan_met_alternatieven(gemeente, projectleider)
    r = raadpleging(plan, projectleider)
    v = vraag(r, projectleider, "open")
    type(plan).objects.filter(pk=plan.pk).update(fase="vastgesteld")
    client.force_login(projectleider)
    nieuw = reverse("participatie-raadpleging-nieuw", args=[plan.pk])
    assert "kan niet meer veranderen" in client.get(nieuw).content.decode()
    assert client.post(nieuw, {"titel": "x"}).status_code == 409
    for naam, args in (
        ("participatie-raadpleging-vrijgeven", [plan.pk, r.pk]),
        ("participatie-vraag-verwijderen", [plan.pk, r.pk, v.pk]),
        ("participatie-codes", [plan.pk, r.pk]),
        ("participatie-raadpleging-wijzigen", [plan.pk, r.pk]),
    ):
        assert client.post(reverse(naam, args=args)).status_code == 409, naam
    assert Vraag.objects.filter(pk=v.pk).exists()
    r.refresh_from_db()
    assert r.vrijgegeven_op is None


def test_a_colleague_sees_nothing_and_writes_nothing(client, opzet, projectleider, gemeente):
    plan = opzet
    r = raadpleging(plan, projectleider)
    client.force_login(maak_projectleider(gemeente, username="ander"))
    assert client.get(reverse("participatie-raadplegingen", args=[plan.pk])).status_code == 403
    response = client.post(
        reverse("participatie-vraag-nieuw", args=[plan.pk, r.pk]), {"soort": "open", "tekst": "x"}
    )
    assert response.status_code == 403 and not Vraag.objects.exists()


def test_the_list_takes_the_same_queries_for_many_consultations(client, opzet, projectleider):
    plan = opzet
    client.force_login(projectleider)
    url = reverse("participatie-raadplegingen", args=[plan.pk])
    open_raadpleging(plan, projectleider)
    with CaptureQueriesContext(connection) as een:
        assert client.get(url).status_code == 200
    for _ in range(4):
        open_raadpleging(plan, projectleider)
    with CaptureQueriesContext(connection) as vijf:
        html = client.get(url).content.decode()
    assert len(vijf) == len(een)
    assert html.count("Welk alternatief past bij uw buurt?") == 5


def test_counts_per_buurt_give_the_response_rate(opzet, projectleider):
    from participatie.selectors.raadplegingen import aantallen_per_buurt_en_groep

    plan = opzet
    r = open_raadpleging(plan, projectleider, codes_per_buurt=4)
    voorkeur = r.vragen.get(soort="voorkeur")
    centrum = plan.buurten.get(code="BU99990001")
    for code in Responscode.objects.filter(raadpleging=r, buurt=centrum)[:3]:
        services.respons_opslaan(
            raadpleging=r,
            responscode=code,
            groep="huurder_corporatie",
            antwoorden={voorkeur.pk: voorkeur.opties[0]["sleutel"]},
        )
    aantallen = aantallen_per_buurt_en_groep(r)
    per_buurt = {b.code: b for b in aantallen.per_buurt}
    assert aantallen.totaal == 3
    assert per_buurt["BU99990001"].respons_procent == 75.0
    assert per_buurt["BU99990002"].responsen == 0
    assert {g.groep: g.responsen for g in aantallen.per_groep}["huurder_corporatie"] == 3


def test_the_question_editor_orders_changes_and_deletes(client, opzet, projectleider):
    plan = opzet
    r = raadpleging(plan, projectleider)
    eerste = vraag(r, projectleider, "open", tekst="Eerste")
    tweede = vraag(r, projectleider, "likert", tekst="Tweede")
    client.force_login(projectleider)
    args = [plan.pk, r.pk, tweede.pk]
    client.post(reverse("participatie-vraag-verplaatsen", args=args), {"richting": "omhoog"})
    assert list(r.vragen.values_list("tekst", flat=True)) == ["Tweede", "Eerste"]
    response = client.post(
        reverse("participatie-vraag-wijzigen", args=[plan.pk, r.pk, eerste.pk]),
        {"soort": "meerkeuze", "tekst": "Hoe reist u?", "opties": "Fiets\nAuto", "meerdere": "on"},
    )
    assert response.status_code == 302
    eerste.refresh_from_db()
    assert eerste.meerdere and [o["sleutel"] for o in eerste.opties] == ["optie-1", "optie-2"]
    response = client.post(
        reverse("participatie-vraag-wijzigen", args=[plan.pk, r.pk, eerste.pk]),
        {"soort": "meerkeuze", "tekst": "Hoe reist u?", "opties": "Fiets"},
    )
    assert response.status_code == 400 and "2 tot 20" in response.content.decode()
    client.post(reverse("participatie-vraag-verwijderen", args=args))
    assert list(r.vragen.values_list("tekst", flat=True)) == ["Hoe reist u?"]


def test_the_public_page_lists_open_and_coming_consultations(client, opzet, projectleider):
    from participatie.services.publiek import publicatie_opslaan

    plan = opzet
    r = open_raadpleging(plan, projectleider)
    concept = raadpleging(plan, projectleider, titel="Nog in voorbereiding")
    publicatie_opslaan(wijkplan=plan, user=projectleider, gepubliceerd=True)
    html = client.get(reverse("participatie-publiek", args=[plan.slug])).content.decode()
    assert reverse("participatie-raadplegen", args=[plan.slug, r.pk]) in html
    assert concept.titel not in html
    assert (
        client.get(reverse("participatie-raadplegen", args=[plan.slug, concept.pk])).status_code
        == 404
    )


def test_the_pages_link_to_the_consultations_and_their_results(client, opzet, projectleider):
    plan = opzet
    r = open_raadpleging(plan, projectleider)
    client.force_login(projectleider)
    overzicht = client.get(reverse("participatie-overzicht", args=[plan.pk])).content.decode()
    assert reverse("participatie-raadplegingen", args=[plan.pk]) in overzicht
    detail = client.get(reverse("participatie-raadpleging", args=[plan.pk, r.pk])).content.decode()
    assert reverse("participatie-raadpleging-resultaten", args=[plan.pk, r.pk]) in detail
    assert reverse("participatie-raadplegen", args=[plan.slug, r.pk]) in detail
