"""A plan's audit trail ("Wijzigingen"): every change to its content and roles, who made it,
when, and per field before → after. Read by whoever may see the plan's history; nobody can
change it. Also as a CSV file for the security officer.
"""

from __future__ import annotations

import pandas as pd
from django import forms
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from wup import exports, toegang
from wup import selectors_wijzigingen as selectors
from wup.audit import onderdeel_label
from wup.forms import UtrechtFormMixin
from wup.models import Wijkplan

PER_PAGINA = 50


class WijzigingenFilter(UtrechtFormMixin, forms.Form):
    onderdeel = forms.ChoiceField(label=gettext_lazy("Onderdeel"), required=False)
    door = forms.TypedChoiceField(
        label=gettext_lazy("Door"), required=False, coerce=int, empty_value=None
    )
    van = forms.DateField(
        label=gettext_lazy("Vanaf"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": gettext_lazy("Vul een datum in, bijvoorbeeld 2026-03-31.")},
    )
    tot = forms.DateField(
        label=gettext_lazy("Tot en met"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": gettext_lazy("Vul een datum in, bijvoorbeeld 2026-03-31.")},
    )

    def __init__(self, *args, plan: Wijkplan, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["onderdeel"].choices = [("", _("Alle onderdelen"))] + [
            (o, onderdeel_label(o)) for o in selectors.onderdelen_van(plan)
        ]
        self.fields["door"].choices = [("", _("Iedereen"))] + [
            (u.pk, selectors.persoon(u)) for u in selectors.personen_van(plan)
        ]

    def clean(self):
        data = super().clean()
        van, tot = data.get("van"), data.get("tot")
        if van and tot and tot < van:
            self.add_error("tot", _("Deze datum ligt vóór de datum bij 'Vanaf'."))
        return data

    def filters(self) -> dict:
        """The valid filters; an invalid field filters nothing (its error says why)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {k: data.get(k) for k in ("onderdeel", "door", "van", "tot") if data.get(k)}


def _filter(request: HttpRequest, plan: Wijkplan) -> WijzigingenFilter:
    gegeven = {k: v for k, v in request.GET.items() if k in {"onderdeel", "door", "van", "tot"}}
    return WijzigingenFilter(gegeven or None, plan=plan)


@login_required
@require_GET
def wijzigingen(request: HttpRequest, pk: int) -> HttpResponse:
    plan = toegang.zichtbaar_plan(request, pk)
    form = _filter(request, plan)
    filters = form.filters()
    pagina = Paginator(selectors.wijzigingen_van(plan, **filters), PER_PAGINA).get_page(
        request.GET.get("pagina")
    )
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "wup/wijzigingen.html",
        {
            "plan": plan,
            "form": form,
            "pagina": pagina,
            "regels": selectors.regels(pagina.object_list),
            "query": query.urlencode(),
        },
    )


@login_required
@require_GET
def wijzigingen_export(request: HttpRequest, pk: int) -> HttpResponse:
    plan = toegang.zichtbaar_plan(request, pk)
    filters = _filter(request, plan).filters()
    rijen = []
    for r in selectors.regels(selectors.wijzigingen_van(plan, **filters).iterator(chunk_size=500)):
        w = r.wijziging
        basis = {
            _("Tijdstip"): timezone.localtime(w.timestamp).isoformat(timespec="seconds"),
            _("Onderdeel"): r.onderdeel,
            _("Soort object"): r.soort,
            _("Object"): r.object,
            _("Objectnummer"): w.object_pk,
            _("Actie"): r.actie,
            _("Door"): r.door,
            _("Bron"): w.bron,
        }
        for v in r.velden or [None]:
            rijen.append(
                {
                    **basis,
                    _("Veld"): v.label if v else "",
                    _("Voor"): v.voor if v else "",
                    _("Na"): v.na if v else "",
                }
            )
    kolommen = [
        _("Tijdstip"),
        _("Onderdeel"),
        _("Soort object"),
        _("Object"),
        _("Objectnummer"),
        _("Actie"),
        _("Door"),
        _("Bron"),
        _("Veld"),
        _("Voor"),
        _("Na"),
    ]
    inhoud = exports.als_csv(pd.DataFrame(rijen, columns=kolommen))
    response = HttpResponse(inhoud, content_type=exports.CSV_MEDIA_TYPE)
    datum = date_format(timezone.localdate(), "Y-m-d")
    response["Content-Disposition"] = (
        f'attachment; filename="wijzigingen-wijkplan-{plan.pk}-{datum}.csv"'
    )
    return response
