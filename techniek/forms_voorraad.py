"""Forms of the building-stock pages of a plan: the CBS estimate, the upload and the table of
rows to edit. They check and convert input; the services decide and write.

The selects offer exactly the engine's classes (``techniek.engine.constanten``), so a row a user
can submit is a row the engine knows; the engine still checks the whole stock.
"""

from __future__ import annotations

import re

import pandas as pd
from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from techniek.engine.constanten import (
    BOUWPERIODEN,
    LABELS,
    UTILITEIT_BOUWPERIODEN,
    UTILITEITSFUNCTIES,
    WONINGTYPEN,
)
from wup.forms import UtrechtFormMixin

#: The label a row without a registered energy label is stored with (PBL's class N).
GEEN_LABEL = "N"
GEEN_LABEL_TEKST = _("standaardlabel PBL")
#: Empty rows offered below the existing ones on the edit page.
LEGE_RIJEN = 3
#: More rows than any stock of PBL's classes can have (6 x 11 x 8 dwellings, 10 x 6 x 8 others).
MAX_RIJEN = 600

OPPERVLAKTE_HULP = _(
    "Het gemiddelde woonoppervlak (gebruiksoppervlakte) per woning in m², bijvoorbeeld 95 of "
    "102,5. CBS publiceert dit niet per buurt; neem het gemiddelde uit de BAG of een schatting "
    "voor de wijk. Een komma of een punt mag allebei."
)


def getal(waarde) -> float | None:
    """A number a user typed, with a decimal comma or point; ``None`` when it is none."""
    tekst = str(waarde if waarde is not None else "").strip().replace(" ", "")
    if not tekst:
        return None
    if "," in tekst:
        tekst = tekst.replace(".", "").replace(",", ".")  # 1.234,5 -> 1234.5
    try:
        return float(tekst)
    except ValueError:
        return None


class CbsSchattingForm(UtrechtFormMixin, forms.Form):
    gemiddelde_oppervlakte = forms.CharField(
        label=_("Gemiddeld woonoppervlak per woning (m²)"),
        max_length=20,
        help_text=OPPERVLAKTE_HULP,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off", "size": 8}),
        error_messages={"required": _("Vul het gemiddelde woonoppervlak per woning in.")},
    )

    def clean_gemiddelde_oppervlakte(self) -> str:
        """The number with a decimal point; the service checks that it is a floor area."""
        ruw = self.cleaned_data["gemiddelde_oppervlakte"]
        waarde = getal(ruw)
        if waarde is None:
            raise forms.ValidationError(
                _("Vul een getal in, bijvoorbeeld 95 of 102,5 (nu: ‘%(w)s’)."),
                params={"w": ruw[:20]},
            )
        return str(waarde)


class VoorraadUploadForm(UtrechtFormMixin, forms.Form):
    bestand = forms.FileField(
        label=_("Bestand met de gebouwvoorraad"),
        help_text=_(
            "Een CSV-bestand (.csv) of een Excel-bestand (.xlsx), van hoogstens 5 MB. De kolommen "
            "staan hieronder."
        ),
        error_messages={
            "required": _("Kies een bestand."),
            "empty": _("Het bestand is leeg."),
        },
        widget=forms.FileInput(attrs={"accept": ".csv,.txt,.xlsx,.xlsm"}),
    )


# --- The table of rows -----------------------------------------------------------------------


class GetalVeld(forms.CharField):
    """A number of 0 or more, typed with a decimal comma or point; empty is allowed here (an
    empty row is skipped; the row form says what a filled row misses)."""

    def __init__(self, *, minimum_uitgesloten: bool = False, **kwargs) -> None:
        self.minimum_uitgesloten = minimum_uitgesloten
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "widget",
            forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off", "size": 8}),
        )
        super().__init__(max_length=30, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, float):
            tekst = repr(value).removesuffix(".0")
            return tekst.replace(".", ",")
        return value

    def clean(self, value):
        tekst = super().clean(value)
        if not tekst:
            return None
        waarde = getal(tekst)
        if waarde is None or waarde != waarde or waarde in (float("inf"), float("-inf")):
            raise forms.ValidationError(_("Vul een getal in (nu: ‘%(w)s’)."), params={"w": tekst})
        if waarde < 0 or (self.minimum_uitgesloten and waarde == 0):
            raise forms.ValidationError(
                _("Vul een getal groter dan 0 in.")
                if self.minimum_uitgesloten
                else _("Vul 0 of meer in; een aantal kan niet negatief zijn.")
            )
        return waarde


def verwijderd(form) -> bool:
    """Whether the user ticked "verwijderen" on this row (known once the row is cleaned)."""
    return bool(getattr(form, "cleaned_data", {}).get(forms.formsets.DELETION_FIELD_NAME))


def _keuzes(waarden) -> list[tuple[str, str]]:
    return [("", _("– kies –")), *((w, w) for w in waarden)]


LABEL_KEUZES = [("", GEEN_LABEL_TEKST), *((lb, lb) for lb in LABELS if lb != GEEN_LABEL)]


class _RijForm(UtrechtFormMixin, forms.Form):
    """One row of a stock table: a segment, its count and its average floor area."""

    #: The name of the first column (``type`` or ``functie``) and its label.
    soort_kolom = "type"

    bouwperiode = forms.ChoiceField(label=_("Bouwperiode"), required=False)
    label = forms.ChoiceField(label=_("Energielabel"), required=False, choices=LABEL_KEUZES)
    aantal = GetalVeld(label=_("Aantal"))
    oppervlakte = GetalVeld(label=_("Gemiddeld oppervlak (m²)"), minimum_uitgesloten=True)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # The row's first column comes first in the table and in the error summary.
        self.order_fields(self.kolommen())

    @classmethod
    def kolommen(cls) -> list[str]:
        return [cls.soort_kolom, "bouwperiode", "label", "aantal", "oppervlakte"]

    def cellen(self) -> list:
        """The row's inputs in the order of the table's columns."""
        return [self[naam] for naam in self.kolommen()]

    def verwijderen(self):
        """The "verwijderen" checkbox; ``None`` on a new row (nothing to delete yet)."""
        naam = forms.formsets.DELETION_FIELD_NAME
        return self[naam] if naam in self.fields else None

    def clean(self):
        data = super().clean()
        if (not self.has_changed() and self.empty_permitted) or verwijderd(self):
            return data
        if not data.get(self.soort_kolom) and self.soort_kolom not in self.errors:
            self.add_error(self.soort_kolom, self.fields[self.soort_kolom].error_messages["kies"])
        if not data.get("bouwperiode") and "bouwperiode" not in self.errors:
            self.add_error("bouwperiode", _("Kies een bouwperiode."))
        if data.get("aantal") is None and "aantal" not in self.errors:
            self.add_error("aantal", _("Vul het aantal in."))
        if (
            (data.get("aantal") or 0) > 0
            and data.get("oppervlakte") is None
            and "oppervlakte" not in self.errors
        ):
            self.add_error("oppervlakte", _("Vul het gemiddelde oppervlak in m² in."))
        return data

    def rij(self) -> dict:
        d = self.cleaned_data
        return {
            self.soort_kolom: d[self.soort_kolom],
            "bouwperiode": d["bouwperiode"],
            "label": d.get("label") or "",
            "aantal": d["aantal"],
            "oppervlakte": d.get("oppervlakte") or 0.0,
        }


class WoningRijForm(_RijForm):
    soort_kolom = "type"
    type = forms.ChoiceField(
        label=_("Woningtype"),
        required=False,
        choices=_keuzes(WONINGTYPEN),
        error_messages={"kies": _("Kies een woningtype.")},
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["bouwperiode"].choices = _keuzes(BOUWPERIODEN)


class UtiliteitRijForm(_RijForm):
    soort_kolom = "functie"
    functie = forms.ChoiceField(
        label=_("Functie"),
        required=False,
        choices=_keuzes(UTILITEITSFUNCTIES),
        error_messages={"kies": _("Kies een functie.")},
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["bouwperiode"].choices = _keuzes(UTILITEIT_BOUWPERIODEN)
        self.fields["aantal"].label = _("Aantal panden")
        self.fields["oppervlakte"].label = _("Gemiddeld oppervlak per pand (m²)")


class _RijenFormSet(forms.BaseFormSet):
    #: Shown in messages: "Woningen, rij 3".
    titel = ""

    def add_fields(self, form, index) -> None:
        super().add_fields(form, index)
        veld = form.fields.get(forms.formsets.DELETION_FIELD_NAME)
        if veld is not None:
            veld.label = _("Verwijderen")
            veld.widget.attrs["class"] = "utrecht-checkbox utrecht-checkbox--html-input"

    def koppen(self) -> list[str]:
        """The headings of the table's columns (the labels of a row's fields)."""
        form = self.empty_form
        return [form.fields[naam].label for naam in form.kolommen()]

    def rijen(self) -> list[tuple[int, dict]]:
        """``(rijnummer, rij)`` of every filled row that is not marked to delete."""
        return [
            (nummer, form.rij())
            for nummer, form in enumerate(self.forms, start=1)
            if form.has_changed() or not form.empty_permitted
            if not verwijderd(form)
        ]

    def tabel(self) -> pd.DataFrame:
        """The rows as the engine's table. The index makes the engine's message name the row as
        this page numbers it: the engine counts a header line as row 1 (index 0 -> "rij 2")."""
        rijen = self.rijen()
        return pd.DataFrame(
            [r for _n, r in rijen], columns=self.form.kolommen(), index=[n - 2 for n, _r in rijen]
        )


def _formset(form, titel: str, prefix: str):
    klasse = forms.formset_factory(
        form,
        formset=_RijenFormSet,
        extra=LEGE_RIJEN,
        can_delete=True,
        can_delete_extra=False,
        max_num=MAX_RIJEN,
        absolute_max=MAX_RIJEN + LEGE_RIJEN,
        validate_max=True,
    )
    klasse.titel = titel
    klasse.prefix_naam = prefix
    return klasse


WoningenFormSet = _formset(WoningRijForm, _("Woningen"), "woningen")
UtiliteitFormSet = _formset(UtiliteitRijForm, _("Utiliteit"), "utiliteit")

_PLAATS = re.compile(r"\b(woningen|utiliteit), rij (\d+): ")


def _initial(records: list[dict], soort_kolom: str) -> list[dict]:
    return [
        {
            soort_kolom: r.get(soort_kolom, ""),
            "bouwperiode": str(r.get("bouwperiode", "")),
            "label": "" if r.get("label") in (None, "", GEEN_LABEL) else r["label"],
            "aantal": float(r.get("aantal") or 0),
            "oppervlakte": float(r.get("oppervlakte") or 0),
        }
        for r in records
    ]


class VoorraadFormulier:
    """Both tables of the edit page as one form: the dwellings and the non-residential rows.

    It offers what ``wup/includes/formulierfouten.html`` reads from a form (``errors``,
    ``non_field_errors``, ``veldfouten``, ``hidden_fields``), so the page has the same error
    summary as every other form, with a link to each wrong cell.
    """

    def __init__(self, data=None, *, woningen: list[dict], utiliteit: list[dict]) -> None:
        self.woningen = WoningenFormSet(data, prefix="woningen", initial=_initial(woningen, "type"))
        self.utiliteit = UtiliteitFormSet(
            data, prefix="utiliteit", initial=_initial(utiliteit, "functie")
        )
        self._fouten: list[str] = []

    @property
    def formsets(self):
        return (self.woningen, self.utiliteit)

    def is_valid(self) -> bool:
        geldig = [fs.is_valid() for fs in self.formsets]  # both, so both show their errors
        return all(geldig)

    @property
    def errors(self) -> bool:
        return bool(self._fouten) or any(
            fs.is_bound and (fs.non_form_errors() or any(fs.errors)) for fs in self.formsets
        )

    def non_field_errors(self) -> list[str]:
        fouten = list(self._fouten)
        if any(fs.is_bound and not fs.management_form.is_valid() for fs in self.formsets):
            # Django's own text speaks of a "ManagementForm"; the user only needs what to do.
            return [
                gettext(
                    "Het formulier is niet volledig verstuurd. Open de pagina opnieuw en probeer "
                    "het nog eens."
                )
            ]
        for fs in self.formsets:
            fouten += [f"{fs.titel}: {fout}" for fout in fs.non_form_errors()]
        return fouten

    def hidden_fields(self) -> list:
        return []

    def veldfouten(self) -> list[dict]:
        """Each error of a row or a cell, named by table, row and column, linking to the cell."""
        fouten = []
        for fs in self.formsets:
            for nummer, form in enumerate(fs.forms, start=1):
                if verwijderd(form):
                    continue
                plaats = gettext("%(tabel)s, rij %(n)d") % {"tabel": fs.titel, "n": nummer}
                for fout in form.non_field_errors():
                    anker = form[form.soort_kolom].id_for_label
                    fouten.append({"label": plaats, "fout": fout, "anker": anker})
                for veld in form.visible_fields():
                    fouten += [
                        {
                            "label": f"{plaats}, {veld.label.lower()}",
                            "fout": fout,
                            "anker": veld.id_for_label,
                        }
                        for fout in veld.errors
                    ]
        return fouten

    def service_fout(self, melding: str) -> None:
        """The service's refusal above the form, and each part that names a row on that row."""
        self._fouten.append(melding)
        treffers = list(_PLAATS.finditer(melding))
        for i, treffer in enumerate(treffers):
            einde = treffers[i + 1].start() if i + 1 < len(treffers) else len(melding)
            tekst = melding[treffer.end() : einde].strip().rstrip(";").strip()
            fs = self.woningen if treffer.group(1) == "woningen" else self.utiliteit
            nummer = int(treffer.group(2))
            if 1 <= nummer <= len(fs.forms) and tekst:
                fs.forms[nummer - 1].add_error(None, tekst)

    def tabellen(self) -> tuple[pd.DataFrame, pd.DataFrame | None]:
        utiliteit = self.utiliteit.tabel()
        return self.woningen.tabel(), (utiliteit if len(utiliteit) else None)
