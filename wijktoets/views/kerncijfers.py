"""Pages for the beheerder: import a CBS Kerncijfers file, follow its progress, see past imports.

Thin: the form checks the input, the service stores the file and enqueues the import, the
selectors read. An upload is limited in size while it streams to disk (see
:class:`BegrensdeUpload`), so a far too large file is refused before it is read completely.
"""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods

from wijktoets.cbs.tabellen import KWB_JAREN, STATLINE_TABELLEN
from wijktoets.selectors import kerncijfers as selectors
from wijktoets.services import kerncijfers as services
from wup import uploads
from wup.forms import UtrechtFormMixin
from wup.uploads import MARGE, BegrensdeUpload

PERM_ZIEN = "wijktoets.view_kerncijferimport"
PERM_INLEZEN = "wijktoets.add_kerncijferimport"


def begrens_upload(request: HttpRequest) -> BegrensdeUpload:
    """The size limit of a CBS file on a request whose body has not been read yet."""
    return uploads.begrens_upload(request, limiet=services.MAX_BESTANDSGROOTTE)


def _te_groot(request: HttpRequest) -> bool:
    try:
        lengte = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return False
    return lengte > services.MAX_BESTANDSGROOTTE + MARGE


def _jaar_keuzes() -> list[tuple[str, str]]:
    keuzes = [("", gettext_lazy("Afleiden uit de kolommen van het bestand"))]
    for jaar in services.JAREN:
        vormen = []
        if jaar in STATLINE_TABELLEN:
            vormen.append(f"StatLine {STATLINE_TABELLEN[jaar].tabel_id}")
        if jaar in KWB_JAREN:
            vormen.append("kwb")
        keuzes.append((str(jaar), f"{jaar} ({', '.join(vormen)})"))
    return keuzes


class KerncijferImportForm(UtrechtFormMixin, forms.Form):
    bestand = forms.FileField(
        label=gettext_lazy("Bestand"),
        error_messages={
            "required": gettext_lazy("Kies een bestand."),
            "empty": gettext_lazy("Het bestand is leeg."),
        },
        widget=forms.FileInput(attrs={"accept": ".csv,.txt,.xlsx"}),
    )
    jaar = forms.TypedChoiceField(
        label=gettext_lazy("Jaar"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=_jaar_keuzes,
        help_text=gettext_lazy(
            "Meestal kan het platform het jaar zelf afleiden. Geeft u een jaar op en passen de "
            "kolommen daar niet bij, dan wordt het bestand geweigerd."
        ),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["bestand"].help_text = _(
            "Een CSV-bestand uit CBS StatLine (Kerncijfers wijken en buurten 2023 of 2024, de "
            "kolommen met codes zoals AantalInwoners_5) of een kwb-bestand van het CBS (.csv "
            "of .xlsx). Hoogstens %(max)d MB."
        ) % {"max": services.MAX_BESTANDSGROOTTE // 1024**2}


def _mag(request: HttpRequest, perm: str) -> None:
    if not request.user.has_perm(perm):
        raise PermissionDenied(_("Alleen een beheerder kan kerncijfers van het CBS inlezen."))


@login_required
@require_http_methods(["GET", "HEAD"])
def kerncijfer_imports(request: HttpRequest) -> HttpResponse:
    _mag(request, PERM_ZIEN)
    return render(
        request,
        "wijktoets/kerncijfers_imports.html",
        {
            "imports": selectors.imports()[:100],
            "aantallen": selectors.regio_aantallen_per_jaar(),
            "mag_inlezen": request.user.has_perm(PERM_INLEZEN),
        },
    )


@csrf_exempt  # the size limit must be in place before CSRF reads the body; checked below
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def kerncijfer_import_nieuw(request: HttpRequest) -> HttpResponse:
    _mag(request, PERM_INLEZEN)
    if request.method == "POST":
        if _te_groot(request):
            # Refused on the announced size, before one byte of the body is read.
            fout = services.bestand_te_groot_melding(_lengte(request))
            return _formulier(request, KerncijferImportForm(), status=413, fout=fout)
        return _nieuw_verwerken(request, begrens_upload(request))
    return _formulier(request, KerncijferImportForm())


def _lengte(request: HttpRequest) -> int:
    return int(request.META.get("CONTENT_LENGTH") or 0)


@csrf_protect
def _nieuw_verwerken(request: HttpRequest, begrenzer: BegrensdeUpload) -> HttpResponse:
    form = KerncijferImportForm(request.POST, request.FILES)
    if begrenzer.te_groot:
        form = KerncijferImportForm(initial={"jaar": request.POST.get("jaar")})
        fout = services.bestand_te_groot_melding(begrenzer.ontvangen)
        return _formulier(request, form, status=413, fout=fout)
    if form.is_valid():
        bestand = form.cleaned_data["bestand"]
        try:
            imp = services.kerncijfer_import_aanmaken(
                bestand=bestand,
                bestandsnaam=bestand.name,
                jaar=form.cleaned_data["jaar"],
                user=request.user,
            )
        except ValidationError as exc:
            for veld, fouten in exc.message_dict.items():
                form.add_error(veld if veld in form.fields else None, fouten)
        else:
            return redirect("wijktoets-kerncijfer-import-detail", pk=imp.pk)
    return _formulier(request, form, status=400)


def _formulier(
    request: HttpRequest, form: KerncijferImportForm, status: int = 200, fout: str = ""
) -> HttpResponse:
    return render(
        request,
        "wijktoets/kerncijfers_import_nieuw.html",
        {
            "form": form,
            "fout": fout,
            "tabellen": list(STATLINE_TABELLEN.values()),
            "kwb_jaren": KWB_JAREN,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "HEAD"])
def kerncijfer_import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _mag(request, PERM_ZIEN)
    imp = selectors.import_by_pk(pk)
    if imp is None:
        raise Http404(_("Deze import bestaat niet."))
    response = render(
        request,
        "wijktoets/kerncijfers_import_detail.html",
        {"imp": imp, "mag_inlezen": request.user.has_perm(PERM_INLEZEN)},
    )
    if imp.loopt:
        # Also as a header: the page refreshes itself until the import is done.
        response["Refresh"] = "2"
    return response
