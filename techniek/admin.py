"""Step 2 in the admin: parameter sets and the Startanalyse, read-only.

Parameter sets change only through their pages and API (a new version, with a source for every
new value); Startanalyse figures only through an import.
"""

from __future__ import annotations

from django.contrib import admin

from techniek.models import (
    Parameter,
    Parameterset,
    Parametertabel,
    StartanalyseImport,
    StartanalyseResultaat,
)


class AlleenLezen(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Parameterset)
class ParametersetAdmin(AlleenLezen):
    list_display = ("versie", "naam", "status", "gebaseerd_op", "vastgesteld_op", "aangemaakt_door")
    list_filter = ("status",)
    search_fields = ("naam", "omschrijving")


@admin.register(Parameter)
class ParameterAdmin(AlleenLezen):
    list_display = ("sleutel", "parameterset", "waarde", "waarde_tekst", "eenheid", "bron")
    list_filter = ("parameterset", "groep")
    search_fields = ("sleutel", "omschrijving", "bron")
    list_select_related = ("parameterset",)


@admin.register(Parametertabel)
class ParametertabelAdmin(AlleenLezen):
    list_display = ("sleutel", "titel", "parameterset", "bron")
    list_filter = ("parameterset",)
    search_fields = ("sleutel", "titel")
    exclude = ("rijen",)
    list_select_related = ("parameterset",)


@admin.register(StartanalyseImport)
class StartanalyseImportAdmin(AlleenLezen):
    list_display = (
        "pk",
        "bestandsnaam",
        "editie",
        "gevraagde_gemeente",
        "status",
        "aantal_rijen",
        "aangemaakt_door",
        "aangemaakt_op",
    )
    list_filter = ("status", "editie", "naamgeving")
    search_fields = ("bestandsnaam", "sha256")
    exclude = ("bestand",)


@admin.register(StartanalyseResultaat)
class StartanalyseResultaatAdmin(AlleenLezen):
    list_display = ("buurtcode", "variant", "editie", "gemeentecode", "bijgewerkt_op")
    list_filter = ("editie", "naamgeving")
    search_fields = ("buurtcode", "gemeentecode")
    readonly_fields = ("bron_import",)
