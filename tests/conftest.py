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


# What `make test-fast` (-m "not slow and not browser") leaves out, in one place so that test
# modules need no edits: a test is `browser` when it uses the browser fixture, and `slow` when it
# builds the example site or documents, builds packages, or loads the whole example archive.
_SLOW_FIXTURES = {"built", "example_site", "example_archive", "browser"}
_SLOW_MODULES = {"test_archive_release", "test_reproducible", "test_site_versions", "test_documents_end_block",
                 "test_documents_sweep", "test_example_data", "test_rules_example", "test_refs_example",
                 "test_refs_review", "test_site_incremental",
                 "test_hostile_builds", "test_hostile_release"}
_SLOW_TESTS = {
    # Tests that start LibreOffice or a whole build in a process of its own (a second or more each).
    "test_site_details": {"test_two_builds_from_different_folders_are_byte_identical"},
    "test_site_links": {"test_a_planted_broken_link_fails_the_build_with_its_location"},
    "test_ledgers_export": {"test_libreoffice_opens_the_exported_workbooks", "test_round_trip_on_the_whole_example",
                            "test_bytes_do_not_depend_on_folder_or_time"},
    "test_ledgers_bad_input": {"test_a_hundred_thousand_rows_are_refused"},
    "test_ledgers_import": {"test_libreoffice_converted_workbooks_read_the_same"},
    "test_records_load": {"test_example_archive_loads_clean",
                          "test_make_check_on_a_broken_copy_lists_every_planted_error"},
    "test_records_schema": {"test_example_records_satisfy_their_schema", "test_example_records_name_their_schema"},
    "test_site_pages": {"test_listings_are_paginated_and_facets_list_every_dossier",
                        "test_a_failed_build_leaves_the_previous_site"},
    "test_archive_publish": {"test_make_check_at_a_tag", "test_publish_command"},
    "test_search_index": {"test_index_has_one_file_per_shown_document_and_facets_per_document",
                          "test_classified_page_is_refused_and_withdrawn_left_out"},
}


def pytest_collection_modifyitems(items) -> None:
    for item in items:
        module = item.path.stem
        names = set(getattr(item, "fixturenames", ()))
        if "browser" in names:
            item.add_marker(pytest.mark.browser)
        if (names & _SLOW_FIXTURES or module in _SLOW_MODULES
                or getattr(item, "originalname", item.name) in _SLOW_TESTS.get(module, ())):
            item.add_marker(pytest.mark.slow)


# Session fixtures are registered here, once: a fixture imported into a test module becomes a
# fixture of that module, and the expensive builds would run once per module instead of once.
from tests.documents_helpers import built  # noqa: E402, F401 - the printed documents, built once per run


@pytest.fixture(scope="session")
def example_data(tmp_path_factory) -> Path:
    """data/ and content/ plus the site fixture campaign, copied once per run (never modified)."""
    from tests.site_support import make_data

    return make_data(tmp_path_factory.mktemp("example"))


@pytest.fixture(scope="session")
def example_archive(example_data):
    from generators.checks import load_and_check

    archive, diagnostics = load_and_check(example_data)
    errors = [d.format("en") for d in diagnostics if d.is_error]
    assert not errors, errors
    return archive


@pytest.fixture(scope="session")
def example_site(example_archive, example_data, tmp_path_factory) -> Path:
    """The example site as `make site` builds it, once per run; tests only read it."""
    from generators.site.build import build_site

    before = _tree(example_data.parent)
    out = tmp_path_factory.mktemp("example-site") / "site"
    result = build_site(example_archive, example_data, out, tmp_path_factory.mktemp("example-build"))
    assert result.ok, result.message
    assert _tree(example_data.parent) == before  # nothing generated among the hand-written data and texts
    return out


@pytest.fixture(scope="session")
def example_url(example_site) -> Iterator[str]:
    """The example site served on 127.0.0.1, once per run, for the browser tests."""
    from generators.webserver import serve

    with serve(example_site) as url:
        yield url


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


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
