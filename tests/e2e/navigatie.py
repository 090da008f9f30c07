"""Clicks that lead to another page, awaited until that page has loaded.

Playwright's ``click`` returns once the click is dispatched, not once the page it leads to is
there. An assertion straight after it may see the old page (a form posted to its own address)
or the new one half-parsed (no ``h1`` yet). Waiting for the navigation the click starts makes
every following check look at the page the user actually sees.
"""

from __future__ import annotations


def klik_en_laad(page, doel, *, tik: bool = False, timeout: float | None = None) -> None:
    """Click (or, on a touch screen, tap) ``doel`` and wait until the next page has loaded."""
    with page.expect_navigation(timeout=timeout):
        if tik:
            doel.tap(timeout=timeout)
        else:
            doel.click(timeout=timeout)


def toets_en_laad(page, toets: str = "Enter") -> None:
    """Press ``toets`` on the focused element (a link, a submit button) and wait for the page."""
    with page.expect_navigation():
        page.keyboard.press(toets)
