"""What step 5's finance figures register: step 2 ignores them when it decides whether its
results are outdated, and the demo data of ``make run`` loads them after PBL's figures."""

from __future__ import annotations


def demo_financiele_kentallen(stdout) -> None:
    from techniek.selectors.parameters import huidige_parameterset
    from uitwerking.services.parameters import financiele_kentallen_laden

    voor = huidige_parameterset()
    if voor is None:
        return
    na = financiele_kentallen_laden()
    if na.pk != voor.pk:
        stdout.write(f"Parameters: {na} aangevuld met de financiële kentallen van stap 5.")


def register() -> None:
    from techniek.selectors.parameters import buiten_rekenkern
    from uitwerking.services.parameters import GROEP, PLAFONDTABEL
    from wup.registry import demo_loaders

    buiten_rekenkern(groepen=[GROEP], tabellen=[PLAFONDTABEL])
    demo_loaders.register("uitwerking.financiele_kentallen", demo_financiele_kentallen)
