"""The public participation page (no login) and its management by the projectleider."""

from django.urls import URLPattern, path

from participatie.views import publiek as p
from participatie.views import publiek_beheer as b

BEHEER = "wijkplannen/<int:pk>/participatie/publiek"

urlpatterns: list[URLPattern] = [
    # --- public, by the plan's web address
    path("participatie/<slug:slug>", p.pagina, name="participatie-publiek"),
    path("participatie/<slug:slug>/privacy", p.privacy, name="participatie-publiek-privacy"),
    path(
        "participatie/<slug:slug>/bijeenkomsten/<int:bijeenkomst_id>/aanmelden",
        p.aanmelden,
        name="participatie-bijeenkomst-aanmelden",
    ),
    path(
        "participatie/<slug:slug>/bijeenkomsten/<int:bijeenkomst_id>/aangemeld",
        p.aangemeld,
        name="participatie-bijeenkomst-aangemeld",
    ),
    path(
        "participatie/<slug:slug>/afmelden/<str:sleutel>",
        p.afmelden,
        name="participatie-aanmelding-afmelden",
    ),
    path("participatie/<slug:slug>/vragen", p.inbreng, name="participatie-inbreng"),
    # --- management
    path(BEHEER, b.overzicht, name="participatie-publiek-beheer"),
    path(f"{BEHEER}/nieuws/nieuw", b.nieuws_nieuw, name="participatie-nieuws-nieuw"),
    path(
        f"{BEHEER}/nieuws/<int:nieuws_id>/wijzigen",
        b.nieuws_wijzigen,
        name="participatie-nieuws-wijzigen",
    ),
    path(f"{BEHEER}/vragen/nieuw", b.faq_nieuw, name="participatie-faq-nieuw"),
    path(
        f"{BEHEER}/vragen/<int:faq_id>/wijzigen", b.faq_wijzigen, name="participatie-faq-wijzigen"
    ),
    path(
        f"{BEHEER}/bijeenkomsten/nieuw", b.bijeenkomst_nieuw, name="participatie-bijeenkomst-nieuw"
    ),
    path(
        f"{BEHEER}/bijeenkomsten/<int:bijeenkomst_id>/wijzigen",
        b.bijeenkomst_wijzigen,
        name="participatie-bijeenkomst-wijzigen",
    ),
    path(
        f"{BEHEER}/bijeenkomsten/<int:bijeenkomst_id>/aanmeldingen",
        b.aanmeldingen,
        name="participatie-bijeenkomst-aanmeldingen",
    ),
    path(f"{BEHEER}/moderatie", b.moderatie, name="participatie-moderatie"),
    path(
        f"{BEHEER}/moderatie/<int:inbreng_id>",
        b.inbreng_modereren,
        name="participatie-inbreng-modereren",
    ),
]
