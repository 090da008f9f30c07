"""API of step 5's part 'businesscase' (under /api/v1/, kebab-case, no trailing slashes)."""

from django.urls import path

from uitwerking.api import views_businesscase as views

BASIS = "wijkplannen/<int:id>/uitwerking/businesscase"

urlpatterns: list = [
    path(BASIS, views.BusinesscaseView.as_view(), name="uitwerking-api-businesscase"),
    path(
        f"{BASIS}/historie",
        views.BusinesscaseHistorieView.as_view(),
        name="uitwerking-api-businesscase-historie",
    ),
]
