"""Web pages of step 3, included at the site root through the step registry (Dutch paths, no
trailing slashes): the network and participation plan here; the public page and its management
in ``urls_publiek``; the consultations in ``urls_raadplegingen``; results and the gate's
deviation in ``urls_resultaten``; the beheerder's privacy requests in ``urls_privacy``."""

from django.urls import path

from participatie.urls_privacy import urlpatterns as privacy
from participatie.urls_publiek import urlpatterns as publiek
from participatie.urls_raadplegingen import urlpatterns as raadplegingen
from participatie.urls_resultaten import urlpatterns as resultaten
from participatie.views import participatie as v

urlpatterns = [
    path("wijkplannen/<int:pk>/participatie", v.overzicht, name="participatie-overzicht"),
    path(
        "wijkplannen/<int:pk>/participatie/partijen/nieuw",
        v.partij_nieuw,
        name="participatie-partij-nieuw",
    ),
    path(
        "wijkplannen/<int:pk>/participatie/partijen/<int:partij_id>/wijzigen",
        v.partij_wijzigen,
        name="participatie-partij-wijzigen",
    ),
    path(
        "wijkplannen/<int:pk>/participatie/contactmomenten/nieuw",
        v.contact_nieuw,
        name="participatie-contact-nieuw",
    ),
    path(
        "wijkplannen/<int:pk>/participatie/contactmomenten/<int:contact_id>/wijzigen",
        v.contact_wijzigen,
        name="participatie-contact-wijzigen",
    ),
    path(
        "wijkplannen/<int:pk>/participatie/maatregelen/nieuw",
        v.maatregel_nieuw,
        name="participatie-maatregel-nieuw",
    ),
    path(
        "wijkplannen/<int:pk>/participatie/maatregelen/<int:maatregel_id>/wijzigen",
        v.maatregel_wijzigen,
        name="participatie-maatregel-wijzigen",
    ),
    path(
        "wijkplannen/<int:pk>/participatie/plan/<str:fase>",
        v.participatieplan,
        name="participatie-plan",
    ),
]
urlpatterns += publiek + raadplegingen + resultaten + privacy
