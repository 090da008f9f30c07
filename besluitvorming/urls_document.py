"""Web pages of step 6's part 'document': the council PDF's versions, progress and file."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from besluitvorming import views as v
from wup.registry import PlanPage

PLAN = "wijkplannen/<int:pk>/document/versies"

urlpatterns = [
    path(PLAN, v.versies, name="besluitvorming-versies"),
    path(f"{PLAN}/<int:versie_id>", v.versie, name="besluitvorming-versie"),
    path(f"{PLAN}/<int:versie_id>/pdf", v.download, name="besluitvorming-versie-download"),
]

#: This part's pages in the plan navigation.
PAGES = (PlanPage(_("Plandocument als PDF"), "besluitvorming-versies"),)
