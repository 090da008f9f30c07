"""Step 1 in the admin: the CBS Kerncijfers and their imports, read-only.

Figures change only through an import (upload page or command), which checks and records them.
"""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from wijktoets.models import KerncijferImport, KerncijferRegio


class AlleenLezen(admin.ModelAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(KerncijferImport)
class KerncijferImportAdmin(AlleenLezen):
    list_display = (
        "pk",
        "bestandsnaam",
        "jaar",
        "tabel",
        "status",
        "aantal_regios",
        "aangemaakt_door",
        "aangemaakt_op",
    )
    list_filter = ("status", "jaar", "formaat")
    search_fields = ("bestandsnaam", "sha256")
    exclude = ("bestand",)


@admin.register(KerncijferRegio)
class KerncijferRegioAdmin(AlleenLezen):
    list_display = ("code", "naam", "soort", "jaar", "gemeentenaam", "bijgewerkt_op")
    list_filter = ("jaar", "soort")
    search_fields = ("code", "naam", "gemeentenaam")
    list_select_related = ("bron_import",)
    readonly_fields = ("bron_import",)

    @admin.display(description=_("aantal cijfers"))
    def aantal_cijfers(self, obj: KerncijferRegio) -> int:
        return sum(v is not None for v in obj.waarden.values())
