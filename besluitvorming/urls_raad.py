"""Web pages of step 6's part 'raad': submission, the griffier's inbox, the council's decision
and the public download of an adopted plan."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from besluitvorming import views_raad as v
from wup.registry import PlanPage

PLAN = "wijkplannen/<int:pk>/raad"

urlpatterns = [
    path(f"{PLAN}/aanbieden", v.aanbieden, name="besluitvorming-raad-aanbieden"),
    path(f"{PLAN}/besluit", v.besluit, name="besluitvorming-raad-besluit"),
    path("raad/inbox", v.inbox, name="besluitvorming-raad-inbox"),
    path(
        "participatie/<slug:slug>/vastgesteld-plan.pdf",
        v.publiek_pdf,
        name="besluitvorming-raad-publiek-pdf",
    ),
]

#: This part's pages in the plan navigation, in order.
PAGES = (
    PlanPage(_("Aanbieden aan de raad"), "besluitvorming-raad-aanbieden"),
    PlanPage(_("Raadsbesluit"), "besluitvorming-raad-besluit"),
)
