"""URLconf of the tests of the alternatives: the step's pages and API with the alternatives'
routes, then the core."""

from django.urls import include, path

urlpatterns = [
    path("", include("techniek.urls")),
    path("api/v1/", include("techniek.api.urls")),
    path("api/v1/", include("techniek.api.urls_alternatieven")),
    path("", include("wup.urls")),
]
