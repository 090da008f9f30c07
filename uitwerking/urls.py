"""Web pages of step 5, one URLconf per part."""

from uitwerking import urls_businesscase, urls_organisatie, urls_woonlasten

DELEN = (urls_businesscase, urls_woonlasten, urls_organisatie)

urlpatterns = [p for deel in DELEN for p in deel.urlpatterns]

#: The pages of step 5 in the plan navigation, part by part.
PAGES = tuple(page for deel in DELEN for page in deel.PAGES)
