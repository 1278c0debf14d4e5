"""The error page as a server really uses it: answering a missing deep address (/a/b/c/), with
the site deployed under a sub-path, in Debian's chromium. Its styles, scripts and links must
resolve from the site's root, not from the missing folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from generators.webserver import Handler, serve
from tests.conftest import local_page
from tests.site_support import ROOT

pytestmark = pytest.mark.browser
ARTIFACTS = ROOT / "tests" / "artifacts"
PREFIX = "/archive/"


class _SubPathHandler(Handler):
    """Serves the site under PREFIX and, like nginx's error_page, answers a missing address with
    the language's 404.html (status 404)."""

    def translate_path(self, path: str) -> str:
        path = path.split("?", 1)[0]
        if not path.startswith(PREFIX):
            return str(Path(self.directory) / "missing-outside-the-prefix")
        return super().translate_path("/" + path[len(PREFIX):])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            return super().send_error(code, message, explain)
        english = self.path.startswith(PREFIX + "en/")
        body = (Path(self.directory) / ("en/404.html" if english else "404.html")).read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.mark.parametrize(("lang", "missing", "words", "back"), [
    ("zh", "a/b/c/", "页面不存在", "返回首页"),
    ("en", "en/a/b/c/", "Page not found", "Back to the home page"),
])
def test_the_error_page_works_at_a_missing_deep_address_under_a_sub_path(
        example_site, browser, lang, missing, words, back):
    with serve(example_site, handler=_SubPathHandler) as served, \
            local_page(browser, served.rstrip("/"), viewport={"width": 1280, "height": 800}) as page:
        origin = served.rstrip("/")
        found: set[str] = set()
        page.on("response", lambda r: found.add(r.url) if r.status == 200 else None)
        response = page.goto(origin + PREFIX + missing)
        assert response.status == 404
        page.wait_for_load_state("load")
        assert page.locator("article h1").inner_text() == words
        # Every style, script and image as the page resolves it was fetched, from the site's folders.
        # (Chromium's preload scanner also asks for them below /a/b/c/ before the script has run:
        # wasted 404s, which this page cannot prevent and which do not matter.)
        assets = page.evaluate("""[...document.querySelectorAll('link[rel~=stylesheet], script[src], img[src]')]
                                  .map(e => e.href || e.src)""")
        root = origin + PREFIX + ("en/" if lang == "en" else "")
        assert assets and all(url.startswith(root) and "/a/b/c/" not in url for url in assets), assets
        assert not set(assets) - found, set(assets) - found
        assert page.locator("html").get_attribute("lang").startswith(lang)
        # Material's stylesheet applied: its header is fixed-height and coloured, not a bare list.
        assert page.locator("header.md-header").evaluate("e => getComputedStyle(e).position") == "sticky"
        home = origin + PREFIX + ("en/" if lang == "en" else "")
        assert page.get_by_role("link", name=back).evaluate("a => a.href") == home
        assert page.get_by_role("link", name=back).count() == 1
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"site-404-deep-{lang}.png"), full_page=True)
        page.get_by_role("link", name=back).click()
        page.wait_for_load_state("load")
        assert page.url == home and page.locator("article h1").count() == 1
