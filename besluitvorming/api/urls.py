"""API of step 6, one URLconf per part (under /api/v1/)."""

from besluitvorming.api import urls_document, urls_raad, urls_uitvoeringsplan

urlpatterns = [
    p for deel in (urls_uitvoeringsplan, urls_document, urls_raad) for p in deel.urlpatterns
]
