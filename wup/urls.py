from django.contrib import admin
from django.urls import include, path

from wup import views_systeem
from wup.registry import steps

admin.site.site_header = "WUP-platform — beheer"
admin.site.site_title = "WUP-platform"

# Step apps name their URLconfs on their registered Step; the core's API comes last because it
# ends in a catch-all that answers unknown API paths with problem+json.
urlpatterns = [
    path(".well-known/security.txt", views_systeem.security_txt, name="security-txt"),
    path("gezondheid", views_systeem.gezondheid, name="gezondheid"),
    path("admin/", admin.site.urls),
    *(path("api/v1/", include(s.api_urls)) for s in steps.all() if s.api_urls),
    path("api/v1/", include("wup.api.urls")),
    path("", include("wup.urls_ui")),
    *(path("", include(s.urls)) for s in steps.all() if s.urls),
]

handler403 = "wup.views.handler403"
handler404 = "wup.views.handler404"
handler500 = "wup.views.handler500"
