"""Browser tests: headless Chromium (the system's, never a downloaded one) driven by Playwright
against pytest-django's live server, with axe-core for the WCAG 2.1 A/AA checks.

Without Playwright or Chromium the tests are skipped with the reason; in CI (``CI=true``) that
is an error instead, so a missing browser never passes unnoticed.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.e2e.toegankelijkheid import Toegankelijkheid

CHROMIUM = Path(os.environ.get("WUP_CHROMIUM", "/usr/bin/chromium"))


def _ontbreekt() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright ontbreekt (pip install -c constraints.txt '.[dev]')"
    if not CHROMIUM.exists():
        return f"Chromium ontbreekt ({CHROMIUM}; apt-get install chromium)"
    return None


@pytest.fixture(scope="module")
def browser():
    reden = _ontbreekt()
    if reden:
        if os.environ.get("CI") == "true":
            pytest.fail(f"De browsertests moeten in CI draaien: {reden}")
        pytest.skip(reden)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread; the test's own
    # database calls are synchronous all the same (the live server runs in its own thread).
    with pytest.MonkeyPatch.context() as mp, sync_playwright() as p:
        mp.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        # No sandbox: CI runs as root, where Chromium refuses its sandbox.
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    pagina = context.new_page()
    yield pagina
    context.close()


@pytest.fixture
def toegankelijkheid(page):
    return Toegankelijkheid(page)
