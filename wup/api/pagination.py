from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination


def _as_int(value: str) -> int:
    """A small non-negative integer, or -1 for anything else (letters, signs, huge numbers)."""
    return int(value) if value.isascii() and value.isdigit() and len(value) <= 9 else -1


class Paginering(PageNumberPagination):
    """Page-numbered lists with lowerCamelCase, Dutch query parameters.

    A malformed ``pagina`` or ``paginaGrootte`` is a 400 with ``invalidParams`` (DRF would
    answer 404 or silently ignore it); a page past the end stays a 404.
    """

    page_query_param = "pagina"
    page_query_description = _("Het nummer van de pagina (vanaf 1).")
    page_size_query_param = "paginaGrootte"
    page_size_query_description = _("Aantal resultaten per pagina (1 tot en met 200).")
    max_page_size = 200
    last_page_strings = ()

    def paginate_queryset(self, queryset, request, view=None):
        fouten = {}
        pagina = request.query_params.get(self.page_query_param)
        if pagina is not None and not _as_int(pagina) >= 1:
            fouten[self.page_query_param] = [_("Geef een paginanummer van 1 of hoger.")]
        grootte = request.query_params.get(self.page_size_query_param)
        if grootte is not None and not 1 <= _as_int(grootte) <= self.max_page_size:
            fouten[self.page_size_query_param] = [
                _("Geef een paginagrootte van 1 tot en met %(max)d.") % {"max": self.max_page_size}
            ]
        if fouten:
            raise ValidationError(fouten)
        return super().paginate_queryset(queryset, request, view)

    def get_paginated_response_schema(self, schema):
        schema = super().get_paginated_response_schema(schema)
        props = schema["properties"]
        props["count"]["description"] = str(_("Het totale aantal resultaten."))
        props["next"]["example"] = "https://wup.example.nl/api/v1/wijkplannen?pagina=3"
        props["next"]["description"] = str(_("Adres van de volgende pagina, of leeg."))
        props["previous"]["example"] = "https://wup.example.nl/api/v1/wijkplannen?pagina=1"
        props["previous"]["description"] = str(_("Adres van de vorige pagina, of leeg."))
        return schema
