"""Shared test helpers: small archives built in tmp folders from the example's base records."""

from __future__ import annotations

import contextlib
import shutil
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BASE_FILES = ("vocabularies.yml", "jurisdiction.yml", "domains.yml", "organisations")


def write_archive(folder: Path, files: dict[str, str], *, base: bool = True) -> Path:
    """A DATA folder: the example's vocabularies, jurisdiction, organisations and domains
    (when ``base``), plus ``files`` (relative path → YAML text, dedented)."""
    folder.mkdir(parents=True, exist_ok=True)
    if base:
        for name in BASE_FILES:
            source = ROOT / "data" / name
            if source.is_dir():
                shutil.copytree(source, folder / name, dirs_exist_ok=True)
            else:
                shutil.copy(source, folder / name)
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright: ONE instance for the whole run, because the sync API
    runs an event loop in the main thread and a second live instance refuses to start."""
    from playwright.sync_api import sync_playwright

    from generators.search.serve import launch

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@contextlib.contextmanager
def local_page(browser, base: str, **options) -> Iterator:
    """A page in a fresh browser context; ``page.requests`` lists every URL it asked for. On the
    way out, fails if any went beyond ``base``: the site must work on an intranet with no internet."""
    context = browser.new_context(**options)
    page = context.new_page()
    page.requests = []
    context.on("request", lambda request: page.requests.append(request.url))
    try:
        yield page
    finally:
        context.close()
    outside = [url for url in page.requests if not url.startswith(base) and not url.startswith("data:")]
    assert not outside, f"requests left the local server: {outside}"


@pytest.fixture
def make_archive(tmp_path: Path):
    def make(files: dict[str, str], *, base: bool = True) -> Path:
        return write_archive(tmp_path / "data", files, base=base)

    return make
