"""The input form of the business case. Every field is text: the service reads Dutch numbers
(decimal comma) and says per field what is wrong. Shares are shown as percentages here and
passed on as fractions. Each field's description says where its prefilled value came from."""

from __future__ import annotations

import math

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from uitwerking.selectors.businesscase import POSTEN
from wup.forms import UtrechtFormMixin

#: Fields shown as a percentage and passed on as a fraction.
PROCENTEN = {"aansluitgraad", "discontovoet"}
EXTRA_SUBSIDIERIJEN = 2
MIN_SUBSIDIERIJEN = 3

ALGEMEEN = (
    (
        "aantal_aansluitingen",
        gettext_lazy("Aantal gebouwen dat kan aansluiten"),
        gettext_lazy("Woningen en andere gebouwen in het plangebied."),
    ),
    (
        "aansluitgraad",
        gettext_lazy("Aansluitgraad (%)"),
        gettext_lazy("Welk deel van de gebouwen uiteindelijk aansluit, bijvoorbeeld 90."),
    ),
    (
        "aansluitfasering",
        gettext_lazy("Fasering van de aansluitingen"),
        gettext_lazy(
            "Per jaar vanaf het startjaar het deel van de aansluitingen dat erbij komt, "
            "gescheiden door een puntkomma, samen 1. Bijvoorbeeld 0,2; 0,2; 0,2; 0,2; 0,2."
        ),
    ),
    (
        "warmtevraag_gj_per_aansluiting",
        gettext_lazy("Warmtevraag per aansluiting (GJ per jaar)"),
        gettext_lazy("Ruimteverwarming en warm tapwater."),
    ),
)
TARIEVEN = (
    (
        "vastrecht_per_jaar",
        gettext_lazy("Vastrecht (euro per jaar, inclusief btw)"),
        gettext_lazy(
            "Het eigen tarief. Is dat hoger dan het ACM-maximum, dan rekenen we met het maximum."
        ),
    ),
    (
        "variabel_per_gj",
        gettext_lazy("Variabel tarief (euro per GJ, inclusief btw)"),
        gettext_lazy(
            "Het eigen tarief. Is dat hoger dan het ACM-maximum, dan rekenen we met het maximum."
        ),
    ),
    (
        "aansluitbijdrage",
        gettext_lazy("Eenmalige aansluitbijdrage (euro per aansluiting)"),
        gettext_lazy(
            "Het eigen tarief. Is dat hoger dan het ACM-maximum, dan rekenen we met het maximum."
        ),
    ),
)
KOSTEN = (
    (
        "inkoopkosten_per_gj",
        gettext_lazy("Inkoop- of productiekosten van de warmte (euro per GJ)"),
        gettext_lazy(
            "In het startjaar. In de volgende jaren beweegt de prijs mee met de gasprijs van het "
            "prijsscenario."
        ),
    ),
    (
        "vaste_beheerkosten_per_jaar",
        gettext_lazy("Vaste beheerkosten (euro per jaar)"),
        gettext_lazy("Bijvoorbeeld organisatie, klantenservice en administratie."),
    ),
)
REKENEN = (
    (
        "startjaar",
        gettext_lazy("Startjaar"),
        gettext_lazy("Het eerste jaar van de businesscase."),
    ),
    (
        "looptijd_jaren",
        gettext_lazy("Looptijd (jaar)"),
        gettext_lazy("Over hoeveel jaar de businesscase wordt berekend."),
    ),
    (
        "discontovoet",
        gettext_lazy("Discontovoet (% per jaar)"),
        gettext_lazy("Het rendement dat het warmtebedrijf minstens wil halen."),
    ),
)
POSTVELDEN = (
    ("bedrag", gettext_lazy("Investering (euro)")),
    (
        "fasering",
        gettext_lazy("Fasering over de jaren"),
    ),
    ("levensduur_jaren", gettext_lazy("Levensduur (jaar)")),
    ("onderhoud_fractie", gettext_lazy("Onderhoud en beheer per jaar (% van de investering)")),
)


def tekst(waarde, procent: bool = False) -> str:
    """A value as the form shows it: a decimal comma, shares as percentages."""
    if waarde is None:
        return ""
    if isinstance(waarde, list | tuple):
        return "; ".join(tekst(w) for w in waarde)
    if isinstance(waarde, str):
        return waarde
    try:
        getal = float(waarde)
    except (TypeError, ValueError):
        return str(waarde)
    if not math.isfinite(getal):
        return ""
    if procent:
        getal *= 100
    return f"{round(getal, 6):.10g}".replace(".", ",")


def _getal_of_tekst(waarde: str):
    """A typed number as a float, or the text as typed (the service says what is wrong)."""
    from uitwerking.services.businesscase import nederlands_getal

    schoon = nederlands_getal(waarde.strip().replace(" ", ""))
    try:
        getal = float(schoon)
    except ValueError:
        return waarde
    return getal if math.isfinite(getal) else waarde


def _veld(label, help_text="") -> forms.CharField:
    return forms.CharField(label=label, required=False, max_length=200, help_text=help_text)


class BusinesscaseForm(UtrechtFormMixin, forms.Form):
    def __init__(self, *args, waarden: dict, herkomst: dict, **kwargs) -> None:
        self.aantal_subsidies = max(
            len(waarden.get("subsidies") or []) + EXTRA_SUBSIDIERIJEN, MIN_SUBSIDIERIJEN
        )
        data = args[0] if args else kwargs.get("data")
        if data is not None:
            # Keep the rows a user filled in when the form comes back with errors.
            ingevuld = [
                i
                for i in range(MAX_RIJEN)
                if any(data.get(f"subsidies__{i}__{v}") for v in ("omschrijving", "jaar", "bedrag"))
            ]
            self.aantal_subsidies = max(
                self.aantal_subsidies, (max(ingevuld) + 1) if ingevuld else 0
            )
        kwargs.setdefault("initial", _initial(waarden))
        super().__init__(*args, **kwargs)
        self.herkomst = herkomst
        self._subsidie_index: dict[int, int] = {}

        def bron(sleutel: str, basis) -> str:
            h = herkomst.get(sleutel)
            return f"{basis} " + _("Bron: %(bron)s.") % {"bron": h.rstrip(".")} if h else str(basis)

        for naam, label, uitleg in ALGEMEEN + TARIEVEN + KOSTEN + REKENEN:
            self.fields[naam] = _veld(label, bron(naam, uitleg))
        self.fields["tarieven_volgen_plafond"] = forms.BooleanField(
            label=_("Het warmtebedrijf rekent elk jaar het ACM-maximum"),
            required=False,
            help_text=bron(
                "tarieven_volgen_plafond",
                _(
                    "Zo doen de meeste warmtebedrijven. De eigen tarieven hieronder tellen dan "
                    "niet mee."
                ),
            ),
        )
        for post, postlabel, *_rest in POSTEN:
            for veld, label in POSTVELDEN:
                sleutel = f"investeringen.{post}.{veld}"
                if veld == "fasering":
                    uitleg = _(
                        "Per jaar vanaf het startjaar het deel van de investering, gescheiden "
                        "door een puntkomma, samen 1."
                    )
                    h = herkomst.get(sleutel) or herkomst.get(f"investeringen.{post}.fasering")
                else:
                    uitleg = ""
                    h = herkomst.get(sleutel) or herkomst.get(f"investeringen.{post}")
                help_text = (
                    f"{uitleg} " + _("Bron: %(bron)s.") % {"bron": h.rstrip(".")} if h else uitleg
                ).strip()
                self.fields[f"investeringen__{post}__{veld}"] = _veld(
                    f"{postlabel}: {label}", help_text
                )
        for i in range(self.aantal_subsidies):
            self.fields[f"subsidies__{i}__omschrijving"] = _veld(
                _("Subsidie %(n)d: omschrijving") % {"n": i + 1}
            )
            self.fields[f"subsidies__{i}__jaar"] = _veld(_("Subsidie %(n)d: jaar") % {"n": i + 1})
            self.fields[f"subsidies__{i}__bedrag"] = _veld(
                _("Subsidie %(n)d: bedrag (euro)") % {"n": i + 1}
            )

    # --- for the template

    def groep(self, namen) -> list:
        return [self[n] for n, *_rest in namen]

    @property
    def algemeen(self):
        return self.groep(ALGEMEEN)

    @property
    def tarieven(self):
        return [self["tarieven_volgen_plafond"], *self.groep(TARIEVEN)]

    @property
    def kosten(self):
        return self.groep(KOSTEN)

    @property
    def rekenen(self):
        return self.groep(REKENEN)

    @property
    def posten(self) -> list[dict]:
        return [
            {
                "label": label,
                "sleutel": post,
                "velden": [self[f"investeringen__{post}__{v}"] for v, _l in POSTVELDEN],
            }
            for post, label, *_rest in POSTEN
        ]

    @property
    def subsidierijen(self) -> list[dict]:
        return [
            {
                "nummer": i + 1,
                "velden": [
                    self[f"subsidies__{i}__{v}"] for v in ("omschrijving", "jaar", "bedrag")
                ],
            }
            for i in range(self.aantal_subsidies)
        ]

    # --- to and from the service

    def naar_invoer(self) -> dict:
        d = self.cleaned_data
        invoer: dict = {}
        for naam, *_rest in ALGEMEEN + TARIEVEN + KOSTEN + REKENEN:
            waarde = d.get(naam, "")
            if naam in ("aansluitfasering",):
                invoer[naam] = waarde
            elif naam in PROCENTEN:
                getal = _getal_of_tekst(waarde)
                invoer[naam] = getal / 100 if isinstance(getal, float) else waarde
            else:
                invoer[naam] = _getal_of_tekst(waarde)
        invoer["tarieven_volgen_plafond"] = bool(d.get("tarieven_volgen_plafond"))
        invoer["investeringen"] = {}
        for post, *_rest in POSTEN:
            velden = {}
            for veld, _label in POSTVELDEN:
                waarde = d.get(f"investeringen__{post}__{veld}", "")
                if veld == "fasering":
                    velden[veld] = waarde
                elif veld == "onderhoud_fractie":
                    getal = _getal_of_tekst(waarde)
                    velden[veld] = getal / 100 if isinstance(getal, float) else waarde
                else:
                    velden[veld] = _getal_of_tekst(waarde)
            invoer["investeringen"][post] = velden
        subsidies = []
        self._subsidie_index = {}
        for i in range(self.aantal_subsidies):
            rij = {v: d.get(f"subsidies__{i}__{v}", "") for v in ("omschrijving", "jaar", "bedrag")}
            if not any(w.strip() for w in rij.values()):
                continue
            self._subsidie_index[len(subsidies)] = i
            subsidies.append(
                {
                    "omschrijving": rij["omschrijving"],
                    "jaar": _getal_of_tekst(rij["jaar"]),
                    "bedrag": _getal_of_tekst(rij["bedrag"]),
                }
            )
        invoer["subsidies"] = subsidies
        return invoer

    def veldnaam(self, sleutel: str | None) -> str | None:
        """The form field of a service's error key (``investeringen.netwerk.bedrag``); None
        (an error about the whole input) stays None."""
        if sleutel is None:
            return None
        delen = sleutel.split(".")
        if delen[0] == "subsidies" and len(delen) == 3 and delen[1].isdigit():
            i = self._subsidie_index.get(int(delen[1]))
            naam = f"subsidies__{i}__{delen[2]}" if i is not None else None
        else:
            naam = "__".join(delen)
        return naam if naam in self.fields else None

    def service_fouten(self, fouten: dict[str, list[str]]) -> None:
        for sleutel, meldingen in fouten.items():
            self.add_error(self.veldnaam(sleutel), meldingen)


MAX_RIJEN = 50


def _initial(waarden: dict) -> dict:
    initial = {}
    for naam, *_rest in ALGEMEEN + TARIEVEN + KOSTEN + REKENEN:
        initial[naam] = tekst(waarden.get(naam), procent=naam in PROCENTEN)
    initial["tarieven_volgen_plafond"] = bool(waarden.get("tarieven_volgen_plafond"))
    for post, *_rest in POSTEN:
        w = (waarden.get("investeringen") or {}).get(post) or {}
        for veld, _label in POSTVELDEN:
            initial[f"investeringen__{post}__{veld}"] = tekst(
                w.get(veld), procent=veld == "onderhoud_fractie"
            )
    for i, sub in enumerate(waarden.get("subsidies") or []):
        initial[f"subsidies__{i}__omschrijving"] = sub.get("omschrijving", "")
        initial[f"subsidies__{i}__jaar"] = tekst(sub.get("jaar"))
        initial[f"subsidies__{i}__bedrag"] = tekst(sub.get("bedrag"))
    return initial
