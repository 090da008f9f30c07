"""Query parameters of the list endpoints, validated like a request body.

Each filter is a serializer: an invalid value is a 400 with ``invalidParams``, and the same
class documents the parameters in the OpenAPI document (``extend_schema(parameters=[...])``).
"""

from __future__ import annotations

from django.db.models import QuerySet
from rest_framework import serializers

from wup.api.serializers import CbsCodeField
from wup.constants import Fase
from wup.models.gebieden import gemeentecode_validator, wijkcode_validator


class QueryFilter(serializers.Serializer):
    """Validates ``request.query_params`` and applies the filters that were given."""

    #: query parameter -> queryset lookup
    lookups: dict[str, str] = {}

    @classmethod
    def apply(cls, request, queryset: QuerySet) -> QuerySet:
        params = {k: v for k, v in request.query_params.items() if k in cls().fields}
        filter_ = cls(data=params)
        filter_.is_valid(raise_exception=True)
        for name, value in filter_.validated_data.items():
            queryset = queryset.filter(**{cls.lookups[name]: value})
        return queryset


class GemeenteFilter(serializers.Serializer):
    gemeente = CbsCodeField(
        gemeentecode_validator,
        required=False,
        help_text="Alleen binnen deze gemeente (CBS-code, bv. GM0233).",
    )


class WijkFilter(GemeenteFilter, QueryFilter):
    lookups = {"gemeente": "gemeente__code"}


class BuurtFilter(GemeenteFilter, QueryFilter):
    wijk = CbsCodeField(
        wijkcode_validator,
        required=False,
        help_text="Alleen in deze wijk (CBS-code, bv. WK023300).",
    )
    lookups = {"gemeente": "wijk__gemeente__code", "wijk": "wijk__code"}


class WijkplanFilter(GemeenteFilter, QueryFilter):
    fase = serializers.ChoiceField(
        choices=Fase.choices, required=False, help_text="Alleen plannen in deze fase."
    )
    lookups = {"gemeente": "gemeente__code", "fase": "fase"}
