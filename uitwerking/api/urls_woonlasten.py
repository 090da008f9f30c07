"""API of step 5's part 'woonlasten' (under /api/v1/, kebab-case, no trailing slashes)."""

from django.urls import path

from uitwerking.api import views_woonlasten as views

BASIS = "wijkplannen/<int:id>/uitwerking/woonlasten"

urlpatterns: list = [
    path(BASIS, views.WoonlastenView.as_view(), name="uitwerking-api-woonlasten"),
    path(
        f"{BASIS}/historie",
        views.WoonlastenHistorieView.as_view(),
        name="uitwerking-api-woonlasten-historie",
    ),
]
