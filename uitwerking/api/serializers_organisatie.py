"""Representations of the API of step 5's part 'organisatie': parties, activities, the RACI
matrix and the agreement on it, the governance choice, risks and the planning.

Input serializers only check the shape of what is sent; the services check the values and say
in Dutch what to fill in.
"""

from __future__ import annotations

from rest_framework import serializers

from uitwerking.models.organisatie import GovernanceKeuze, Partij, Risico, Rol
from wup.api.serializers import StrictSerializer


class RuwGetal(serializers.IntegerField):
    """A whole number or an id, passed on as sent: the service names the field when it is
    not one it can use."""

    def to_internal_value(self, data):
        return data


def _tekst(help_text: str = "", *, verplicht: bool = True) -> serializers.CharField:
    # Blank text is the service's to refuse, with the message the form shows.
    if verplicht:
        return serializers.CharField(allow_blank=True, help_text=help_text)
    return serializers.CharField(allow_blank=True, required=False, default="", help_text=help_text)


# --- Parties and activities ---------------------------------------------------------------------


class OrganisatiePartijSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    url = serializers.URLField(help_text="Adres van deze partij.")
    naam = serializers.CharField()
    soort = serializers.ChoiceField(choices=Partij.Soort.choices)
    soort_label = serializers.CharField(help_text="De soort in woorden.")
    volgorde = serializers.IntegerField()


class OrganisatiePartijInvoerSerializer(StrictSerializer):
    naam = _tekst("De naam van de partij (uniek in het plan).")
    soort = serializers.CharField(
        help_text="`gemeente`, `warmtebedrijf`, `netbeheerder`, `woningcorporatie`, "
        "`bewoners`, `marktpartij` of `anders`."
    )


class OrganisatieActiviteitSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    url = serializers.URLField(help_text="Adres van deze activiteit.")
    naam = serializers.CharField()
    omschrijving = serializers.CharField(allow_blank=True)
    volgorde = serializers.IntegerField()


class OrganisatieActiviteitInvoerSerializer(StrictSerializer):
    naam = _tekst("De naam van de activiteit (uniek in het plan).")
    omschrijving = _tekst("Wat de activiteit inhoudt.", verplicht=False)


# --- The RACI matrix and the agreement -----------------------------------------------------------


class OrganisatieRolSerializer(serializers.Serializer):
    activiteit = serializers.IntegerField(help_text="Id van de activiteit.")
    partij = serializers.IntegerField(help_text="Id van de partij.")
    rol = serializers.ChoiceField(choices=Rol.Soort.choices)


class OrganisatieRolInvoerSerializer(StrictSerializer):
    activiteit = serializers.IntegerField(help_text="Id van de activiteit.")
    partij = serializers.IntegerField(help_text="Id van de partij.")
    rol = serializers.CharField(
        allow_blank=True, help_text="`R`, `A`, `C` of `I`; leeg (of weglaten): geen rol."
    )


class OrganisatieRaciInvoerSerializer(StrictSerializer):
    rollen = OrganisatieRolInvoerSerializer(
        many=True,
        help_text="De hele matrix: per activiteit en partij de rol. Wat niet genoemd wordt, "
        "heeft geen rol.",
    )


class OrganisatieRaciActiviteitSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    naam = serializers.CharField()
    fout = serializers.CharField(
        allow_blank=True,
        help_text="Wat er mis is met de rollen van deze activiteit (leeg als het klopt).",
    )


class OrganisatieRaciPartijSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    naam = serializers.CharField()


class OrganisatieAkkoordSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    datum = serializers.DateField(help_text="Wanneer de rollen zijn afgesproken.")
    orgaan = serializers.CharField(help_text="Waar, bv. `stuurgroep`.")
    kenmerk = serializers.CharField(allow_blank=True)
    actueel = serializers.BooleanField(
        help_text="Het akkoord gaat over de rollen zoals ze nu zijn. Onwaar: de rollen zijn "
        "daarna veranderd (of er is een nieuwer akkoord); spreek ze opnieuw af."
    )
    besluit = serializers.IntegerField(
        allow_null=True, help_text="Id van de rij in de besluitenlijst van het plan."
    )
    vastgelegd_op = serializers.DateTimeField()
    momentopname = serializers.DictField(help_text="De rolverdeling zoals die is afgesproken.")


class OrganisatieRaciSerializer(serializers.Serializer):
    partijen = OrganisatieRaciPartijSerializer(many=True)
    activiteiten = OrganisatieRaciActiviteitSerializer(many=True)
    rollen = OrganisatieRolSerializer(many=True)
    geldig = serializers.BooleanField(
        help_text="Er zijn activiteiten, en elke activiteit heeft precies één A en minstens één R."
    )
    akkoord = OrganisatieAkkoordSerializer(
        allow_null=True, help_text="Het nieuwste akkoord over de rollen (of null)."
    )


class OrganisatieAkkoordInvoerSerializer(StrictSerializer):
    datum = serializers.DateField(help_text="Wanneer de rollen zijn afgesproken (niet later).")
    orgaan = serializers.CharField(
        help_text="`college`, `stuurgroep`, `gemeenteraad`, `projectgroep` of `anders`."
    )
    kenmerk = _tekst("Kenmerk van het verslag of besluit.", verplicht=False)


# --- Governance ---------------------------------------------------------------------------------


class OrganisatieGovernanceSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    huidig = serializers.BooleanField(help_text="Dit is de keuze die telt (de nieuwste).")
    model = serializers.ChoiceField(choices=GovernanceKeuze.Model.choices)
    model_label = serializers.CharField()
    uitleg = serializers.CharField(help_text="Wat het model inhoudt.")
    motivatie = serializers.CharField()
    datum = serializers.DateField()
    orgaan = serializers.CharField()
    kenmerk = serializers.CharField(allow_blank=True)
    besluit = serializers.IntegerField(
        allow_null=True, help_text="Id van de rij in de besluitenlijst van het plan."
    )
    vastgelegd_op = serializers.DateTimeField()


class OrganisatieGovernanceInvoerSerializer(StrictSerializer):
    model = serializers.CharField(
        help_text="`publiek`, `publiek_privaat`, `concessie`, `cooperatie` of `corporatie`."
    )
    motivatie = _tekst("Waarom dit model (minstens 20 tekens).")
    datum = serializers.DateField(help_text="Datum van het besluit (niet in de toekomst).")
    orgaan = serializers.CharField(help_text="Wie besloot, bv. `college`.")
    kenmerk = _tekst("Kenmerk van het besluit.", verplicht=False)


# --- Risks and planning -------------------------------------------------------------------------


class OrganisatieRisicoSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    url = serializers.URLField()
    titel = serializers.CharField()
    omschrijving = serializers.CharField(allow_blank=True)
    categorie = serializers.CharField(
        help_text="`techniek`, `financieel`, `organisatie`, `participatie`, `juridisch` of "
        "`planning`."
    )
    kans = serializers.IntegerField(help_text="1 (heel klein) tot en met 5 (heel groot).")
    impact = serializers.IntegerField(help_text="1 (heel klein) tot en met 5 (heel groot).")
    score = serializers.IntegerField(help_text="Kans maal impact.")
    hoog = serializers.BooleanField(help_text="Score 15 of meer.")
    eigenaar = serializers.IntegerField(allow_null=True, help_text="Id van de partij.")
    eigenaar_naam = serializers.CharField(allow_blank=True)
    beheersmaatregel = serializers.CharField(allow_blank=True)
    status = serializers.ChoiceField(choices=Risico.Status.choices)


class OrganisatieRisicoInvoerSerializer(StrictSerializer):
    titel = _tekst("Korte titel van het risico.")
    omschrijving = _tekst(verplicht=False)
    categorie = serializers.CharField(
        help_text="`techniek`, `financieel`, `organisatie`, `participatie`, `juridisch` of "
        "`planning`."
    )
    kans = RuwGetal(help_text="1 tot en met 5.")
    impact = RuwGetal(help_text="1 tot en met 5.")
    eigenaar = RuwGetal(
        required=False, allow_null=True, default=None, help_text="Id van een partij van het plan."
    )
    beheersmaatregel = _tekst("Verplicht voor een hoog risico dat open staat.", verplicht=False)
    status = serializers.CharField(
        required=False,
        default="open",
        help_text="`open` (standaard), `in_behandeling`, `beheerst` of `vervallen`.",
    )


class OrganisatieFaseSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    url = serializers.URLField()
    naam = serializers.CharField()
    begindatum = serializers.DateField()
    einddatum = serializers.DateField()
    mijlpaal = serializers.CharField(allow_blank=True)
    verantwoordelijke = serializers.IntegerField(allow_null=True, help_text="Id van de partij.")
    verantwoordelijke_naam = serializers.CharField(allow_blank=True)


class OrganisatieFaseInvoerSerializer(StrictSerializer):
    naam = _tekst("Naam van de fase.")
    begindatum = serializers.DateField()
    einddatum = serializers.DateField(help_text="Niet voor de begindatum.")
    mijlpaal = _tekst(verplicht=False)
    verantwoordelijke = RuwGetal(
        required=False, allow_null=True, default=None, help_text="Id van een partij van het plan."
    )
