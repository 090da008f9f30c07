"""Web pages of step 5's part 'businesscase'."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from uitwerking.views import businesscase as v
from wup.registry import PlanPage

PLAN = "wijkplannen/<int:pk>/uitwerking/businesscase"

urlpatterns: list = [
    path(PLAN, v.overzicht, name="uitwerking-businesscase"),
    path(f"{PLAN}/invoer", v.invoer, name="uitwerking-businesscase-invoer"),
    path(f"{PLAN}/herberekenen", v.herberekenen, name="uitwerking-businesscase-herberekenen"),
    path(f"{PLAN}/export", v.export, name="uitwerking-businesscase-export"),
]

#: This part's pages in the plan navigation (`wup.registry.PlanPage`), in order.
PAGES: tuple = (PlanPage(_("Businesscase warmtebedrijf"), "uitwerking-businesscase"),)
