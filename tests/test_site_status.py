"""Status everywhere: the withdrawn notice 海安委办〔2023〕18号 and the superseded Sanxing sub-report
are marked on every listing and every link that names them, in both languages; listings show the
current versions, the superseded ones behind a disclosure one click away."""

from __future__ import annotations

import re

import pytest

WITHDRAWN = "haianweiban-2023-lookback-withdrawn"
OLD, NEW = "zz2020-sub-sanxing", "zz2020-sub-sanxing-v2"
MARKS = {"zh": ("已撤回", "已被替代"), "en": ("withdrawn", "superseded")}
# listing page → the records it must name with their mark
LISTINGS = {
    "index.html": [WITHDRAWN],
    "notices/index.html": [WITHDRAWN],
    "reports/index.html": [OLD],
    "campaigns/zz2020/index.html": [OLD],
    "towns/sanxing/index.html": [OLD],
}


def _named(html: str, record_id: str) -> list[str]:
    """What follows each link to ``record_id`` up to the end of its cell or item."""
    return re.findall(rf'<a href="(?:[^"]*/)?{re.escape(record_id)}/">[^<]*</a>(.{{0,160}}?)</(?:td|li|p)>', html)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("listing", sorted(LISTINGS))
def test_listings_mark_withdrawn_and_superseded_records(example_site, lang, listing):
    prefix = "" if lang == "zh" else "en/"
    html = (example_site / prefix / listing).read_text(encoding="utf-8")
    withdrawn, superseded = MARKS[lang]
    for record_id in LISTINGS[listing]:
        found = _named(html, record_id)
        assert found, (listing, record_id)
        kind, word = ("withdrawn", withdrawn) if record_id == WITHDRAWN else ("superseded", superseded)
        assert all(f'zz-status-{kind}">{word}</span>' in after for after in found), (listing, found)
    if OLD in LISTINGS[listing]:
        # the old version is one click away (inside the disclosure), the current one in the table
        before, _, rest = html.partition('<details class="zz-older">')
        assert _named(rest.split("</details>")[0], OLD)
        assert _named(before, NEW) and not _named(before, OLD)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_link_to_a_withdrawn_or_superseded_record_carries_its_mark(example_site, lang):
    root = example_site / ("" if lang == "zh" else "en")
    pages = [p for p in root.rglob("index.html") if lang == "en" or p.relative_to(root).parts[0] != "en"]
    checked = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for record_id in (WITHDRAWN, OLD):
            for after in _named(html, record_id):
                assert "zz-status" in after, (page, record_id, after)
                checked += 1
    assert checked >= 10


def test_current_versions_carry_no_mark(example_site):
    html = (example_site / "reports" / "index.html").read_text(encoding="utf-8")
    assert all("zz-status" not in after for after in _named(html, NEW))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_reviewer_page_of_a_withdrawn_record_is_not_indexed(example_site, lang):
    index = example_site / ("" if lang == "zh" else "en") / "search-index"
    text = "".join(p.read_text(encoding="utf-8") for p in index.rglob("*.json"))
    assert "review/haianweiban-2022-17/" in text  # a current record's reviewer page is found
    assert f"review/{WITHDRAWN}/" not in text
