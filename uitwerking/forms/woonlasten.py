"""The input form of the housing costs. It carries the input to the service, which checks it
and says in Dutch what is wrong; the form only maps its fields to the service's names."""

from __future__ import annotations

from collections.abc import Sequence

from django import forms
from django.utils.translation import gettext_lazy as _

from uitwerking.financien.woonlasten import EIGENAAR, HUURDER_CORPORATIE, PARTICULIERE_HUURDER
from uitwerking.selectors.woonlasten import Huishoudtype, Woningtype
from wup.forms import UtrechtFormMixin


def _tekst(waarde) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, float) and waarde == int(waarde):
        waarde = int(waarde)
    return str(waarde).replace(".", ",")


def _veld(label, help_text="", **kwargs) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=False,
        max_length=30,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        **kwargs,
    )


AANDELEN = (
    ("aandeel_eigenaar", EIGENAAR, _("Eigenaar-bewoners (%)")),
    ("aandeel_corporatie", HUURDER_CORPORATIE, _("Huurders van een woningcorporatie (%)")),
    ("aandeel_particulier", PARTICULIERE_HUURDER, _("Particuliere huurders (%)")),
)


class _Velden(forms.Form):
    """The fields; the household types and dwelling types add theirs."""

    huurverhoging_corporatie = _veld(
        _("Huurverhoging bij een woningcorporatie (euro per maand)"),
        _(
            "Wat huurders van een corporatie per maand meer huur betalen voor de investering. "
            "Corporaties beloven vaak dat de overstap woonlastenneutraal is; dan is dit 0."
        ),
    )
    huurverhoging_particulier = _veld(
        _("Huurverhoging bij een particuliere verhuurder (euro per maand)"),
        _("Wat huurders van een particuliere verhuurder per maand meer huur betalen."),
    )
    warmtetarief = _veld(
        _("Warmtetarief van het warmtebedrijf (euro per GJ)"),
        _(
            "Laat leeg als het warmtebedrijf nog geen tarief heeft: dan rekenen we met het "
            "maximale variabele tarief van de ACM. Alleen bij een warmtenet."
        ),
    )
    marge = _veld(
        _("Marge (euro per maand)"),
        _("Hoeveel de maandlasten mogen stijgen en toch woonlastenneutraal heten. Meestal 0."),
    )

    def __init__(
        self,
        *args,
        huishoudtypen: Sequence[Huishoudtype] = (),
        woningtypen: Sequence[Woningtype] = (),
        cbs_aandelen: dict | None = None,
        cbs_verbruik: dict | None = None,
        **kwargs,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.huishoudtypen = list(huishoudtypen)
        self.woningtypen = list(woningtypen)
        #: service field name -> form field name
        self.namen: dict[str, str] = {
            "huurverhoging_corporatie": "huurverhoging_corporatie",
            "huurverhoging_particulier": "huurverhoging_particulier",
            "warmtetarief": "warmtetarief",
            "marge": "marge",
        }
        help_aandeel = (
            _("Volgens het CBS: %(pct)s%%. Laat alle drie leeg om de CBS-cijfers te gebruiken.")
            if cbs_aandelen
            else _(
                "Het CBS heeft deze cijfers niet voor dit gebied: vul de drie aandelen zelf in "
                "(samen 100)."
            )
        )
        for naam, eigendom, label in AANDELEN:
            pct = (cbs_aandelen or {}).get(eigendom)
            self.fields[naam] = _veld(
                label,
                help_aandeel % {"pct": _tekst(round(pct, 1))} if pct is not None else help_aandeel,
            )
            self.namen[f"aandelen.{eigendom}"] = naam
        self.namen["aandelen"] = "aandeel_eigenaar"
        self.aantal_velden, self.laag_velden = [], []
        for i, h in enumerate(self.huishoudtypen):
            naam = f"aantal_{i}"
            self.fields[naam] = _veld(
                _("Aantal huishoudens: %(naam)s") % {"naam": h.naam},
                _("Afgeleid uit de gebouwvoorraad en de aandelen: %(n)d.") % {"n": h.afgeleid},
            )
            self.namen[f"aantallen.{h.sleutel}"] = naam
            self.aantal_velden.append(naam)
            if h.eigendom == EIGENAAR:
                laag = f"laag_{i}"
                self.fields[laag] = forms.BooleanField(
                    label=_("%(naam)s: inkomen onder de grens van het Warmtefonds (lage rente)")
                    % {"naam": h.naam},
                    required=False,
                )
                self.laag_velden.append(laag)
        self.verbruik_velden = []
        for j, t in enumerate(self.woningtypen):
            cbs = (cbs_verbruik or {}).get(t.naam, (None, None))
            for soort, kort, label, eenheid in (
                ("gas_m3", "gas", _("Gasverbruik nu: %(type)s (m³ per jaar)"), cbs[0]),
                (
                    "elektriciteit_kwh",
                    "stroom",
                    _("Elektriciteitsverbruik nu: %(type)s (kWh per jaar)"),
                    cbs[1],
                ),
            ):
                naam = f"{kort}_{j}"
                self.fields[naam] = _veld(
                    label % {"type": t.naam},
                    _("Volgens het CBS: %(w)s. Laat leeg om dat te gebruiken.")
                    % {"w": _tekst(round(eenheid))}
                    if eenheid is not None
                    else _("Het CBS heeft dit cijfer niet voor dit gebied: vul het in."),
                )
                self.namen[f"verbruik.{t.naam}.{soort}"] = naam
                self.verbruik_velden.append(naam)

    @classmethod
    def initial_van(cls, velden: dict, huishoudtypen, woningtypen) -> dict:
        """The form's initial values from the service's keyword arguments."""
        initial = {
            "huurverhoging_corporatie": _tekst(velden.get("huurverhoging_corporatie", 0)),
            "huurverhoging_particulier": _tekst(velden.get("huurverhoging_particulier", 0)),
            "warmtetarief": _tekst(velden.get("warmtetarief")),
            "marge": _tekst(velden.get("marge", 0)),
        }
        aandelen = velden.get("aandelen") or {}
        for naam, eigendom, _label in AANDELEN:
            initial[naam] = _tekst(aandelen.get(eigendom))
        aantallen = velden.get("aantallen") or {}
        laag = set(velden.get("laag_inkomen") or ())
        for i, h in enumerate(huishoudtypen):
            initial[f"aantal_{i}"] = _tekst(aantallen.get(h.sleutel, h.aantal))
            initial[f"laag_{i}"] = h.sleutel in laag
        verbruik = velden.get("verbruik") or {}
        for j, t in enumerate(woningtypen):
            eigen = verbruik.get(t.naam) or {}
            initial[f"gas_{j}"] = _tekst(eigen.get("gas_m3"))
            initial[f"stroom_{j}"] = _tekst(eigen.get("elektriciteit_kwh"))
        return initial

    def velden(self) -> dict:
        """The service's keyword arguments from the cleaned data."""
        d = self.cleaned_data
        aandelen = {e: d.get(naam) for naam, e, _label in AANDELEN}
        if not any((v or "").strip() for v in aandelen.values()):
            aandelen = None
        aantallen = {}
        for i, h in enumerate(self.huishoudtypen):
            waarde = (d.get(f"aantal_{i}") or "").strip()
            # an unchanged derived number is no correction: it follows the stock and shares
            if waarde and waarde != str(h.afgeleid):
                aantallen[h.sleutel] = waarde
        verbruik = {}
        for j, t in enumerate(self.woningtypen):
            verbruik[t.naam] = {
                "gas_m3": d.get(f"gas_{j}") or None,
                "elektriciteit_kwh": d.get(f"stroom_{j}") or None,
            }
        return {
            "huurverhoging_corporatie": d.get("huurverhoging_corporatie") or 0,
            "huurverhoging_particulier": d.get("huurverhoging_particulier") or 0,
            "warmtetarief": d.get("warmtetarief") or None,
            "marge": d.get("marge") or 0,
            "aandelen": aandelen,
            "aantallen": aantallen,
            "verbruik": verbruik,
            "laag_inkomen": [
                h.sleutel
                for i, h in enumerate(self.huishoudtypen)
                if h.eigendom == EIGENAAR and d.get(f"laag_{i}")
            ],
        }


class WoonlastenForm(UtrechtFormMixin, _Velden):
    """The mixin styles every field, the ones per household type too (they exist by then)."""
