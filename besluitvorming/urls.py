"""Web pages of step 6, one URLconf per part."""

from besluitvorming import urls_document, urls_raad, urls_uitvoeringsplan

DELEN = (urls_uitvoeringsplan, urls_document, urls_raad)

urlpatterns = [p for deel in DELEN for p in deel.urlpatterns]

#: The pages of step 6 in the plan navigation, part by part.
PAGES = tuple(page for deel in DELEN for page in deel.PAGES)
