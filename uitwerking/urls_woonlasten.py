"""Web pages of step 5's part 'woonlasten'."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from uitwerking.views import woonlasten as v
from wup.registry import PlanPage

PLAN = "wijkplannen/<int:pk>/uitwerking/woonlasten"

urlpatterns: list = [
    path(PLAN, v.overzicht, name="uitwerking-woonlasten"),
    path(f"{PLAN}/invoer", v.invoer, name="uitwerking-woonlasten-invoer"),
    path(f"{PLAN}/herberekenen", v.herberekenen, name="uitwerking-woonlasten-herberekenen"),
    path(f"{PLAN}/typen/<int:nummer>", v.type_detail, name="uitwerking-woonlasten-type"),
    path(f"{PLAN}/historie", v.historie, name="uitwerking-woonlasten-historie"),
    path(f"{PLAN}/export", v.export, name="uitwerking-woonlasten-export"),
]

#: This part's pages in the plan navigation (`wup.registry.PlanPage`), in order.
PAGES: tuple = (PlanPage(_("Woonlasten voor bewoners"), "uitwerking-woonlasten"),)
