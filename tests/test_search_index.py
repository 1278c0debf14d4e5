"""Search tokens and index shape (the browser side is tested in test_search_browser.py)."""

from __future__ import annotations

import json
from array import array
from pathlib import Path

import pytest

from generators.search import tokens
from generators.search.index import build_index, decode_postings, encode_postings, fnv1a
from tests.bench.synth_site import CLASSIFIED_TEXT, NOTICE_NUMBER, write_site


def test_bigrams_find_sub_words_of_compounds():
    doc = tokens.keys("消防通道被堆放货物占用")
    for sub in ("通道", "消防通道", "堆放货物", "防通"):
        assert set(tokens.query_keys(sub)) <= doc, sub


def test_bigrams_apart_do_not_match_a_phrase():
    # Every bigram of 通道消防 is present, but not next to each other.
    doc = tokens.keys("消防通道，道消")
    assert not set(tokens.query_keys("通道消防")) <= doc


def test_query_run_of_one_character_matches_inside_a_longer_run():
    assert set(tokens.query_keys("17号")) <= tokens.keys("海安委办〔2022〕17号文件")
    assert set(tokens.query_keys("办〔2022〕17号")) <= tokens.keys("海安委办〔2022〕17号")
    assert not set(tokens.query_keys("18号")) <= tokens.keys("17号文件，18日")


def test_latin_is_folded_and_full_width_is_ascii():
    assert set(tokens.query_keys("ＨＺ-2022-00017")) <= tokens.keys("see hz-2022-00017 here")
    assert tokens.query_keys("Fire") == ["fire"]
    assert tokens.query_terms("fire lane") == ["fire", "lane"]


def test_single_han_character_alone_searches_titles():
    assert tokens.query_keys("火") == [tokens.TITLE_PREFIX + "火"]
    assert tokens.query_keys("火")[0] in tokens.title_keys("动火作业")
    assert tokens.query_terms("火 通道") == ["火", "通道"]
    assert tokens.query_terms("A级") == ["A级"]


def test_exact_keys_ignore_bracket_kind_and_spaces():
    assert tokens.exact_key("海安委办〔2022〕17号") == tokens.exact_key("海安委办 [2022] 17号")
    assert tokens.exact_key("海安委办【2022】17号") == tokens.exact_key("海安委办（2022）17号")
    assert tokens.exact_key("HZ-2022-00017") == tokens.exact_key("hz-2022-00017")


def test_fnv1a_matches_the_reference_values():
    # FNV-1a 32-bit reference values; search.js computes the same with Math.imul.
    assert fnv1a("") == 0x811C9DC5
    assert fnv1a("a") == 0xE40C292C
    assert fnv1a("foobar") == 0xBF9CF968


def test_postings_are_gaps_or_a_bitmap_whichever_is_shorter():
    rare, common = array("I", [5, 900]), array("I", range(0, 1000, 2))
    assert encode_postings(rare, 1000) == [5, 895]
    assert isinstance(encode_postings(common, 1000), str)
    for docs in (rare, common, array("I", [0, 7, 8, 999])):
        assert decode_postings(encode_postings(docs, 1000)) == list(docs)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = write_site(tmp_path_factory.mktemp("site"), 40)
    for lang in ("zh", "en"):
        build_index(out, lang)
    return out


def _postings(site: Path, key: str, lang: str = "zh") -> list[int]:
    root = site / "search-index" if lang == "zh" else site / lang / "search-index"
    meta = json.loads((root / "meta.json").read_text(encoding="utf-8"))
    bucket = root / "b" / f"{fnv1a(key) % meta['buckets']}.json"
    entry = json.loads(bucket.read_text(encoding="utf-8")).get(key, [[], []]) if bucket.exists() else [[], []]
    return decode_postings(entry[0])


def _docs(site: Path, lang: str = "zh") -> list[dict]:
    root = site / "search-index" if lang == "zh" else site / lang / "search-index"
    files = sorted(root.glob("d/*/*.json"), key=lambda p: int(p.stem))
    return [json.loads(p.read_text(encoding="utf-8")) for p in files]


def test_index_has_one_file_per_shown_document_and_facets_per_document(site):
    meta = json.loads((site / "search-index" / "meta.json").read_text(encoding="utf-8"))
    docs = _docs(site)
    assert meta["documents"] == len(docs)
    assert {f["name"] for f in meta["facets"]} >= {"campaign", "type", "town", "domain", "year", "grade", "status"}
    assert all(len(f["docs"]) == len(docs) for f in meta["facets"])


def test_classified_page_is_refused_and_withdrawn_left_out(site):
    stats = build_index(site, "zh")
    assert [p.parent.name for p in stats.refused] == ["secret-1"]
    assert stats.withdrawn == 1
    texts = " ".join(d["x"] + d["t"] for d in _docs(site))
    assert CLASSIFIED_TEXT not in texts
    assert not [d["u"] for d in _docs(site) if d["u"].endswith("-00003/")]
    assert [d for d in _docs(site) if d["u"].endswith("-00004/")]
    assert _postings(site, tokens.query_keys(CLASSIFIED_TEXT)[0]) == []


def test_document_number_is_owned_by_its_notice(site):
    owners = _postings(site, tokens.exact_key(NOTICE_NUMBER))
    docs = _docs(site)
    assert [docs[n]["u"] for n in owners] == ["notices/haianweiban-2022-17/"]


def test_english_index_is_separate(site):
    assert _postings(site, "lane", "en")
    assert _postings(site, "lane", "zh") == []
    assert all(not d["u"].startswith("en/") for d in _docs(site, "en"))


def test_suggestion_words_include_compounds_typed_whole(site):
    from generators.search import suggest

    words = suggest.chinese_words(["住宿与生产经营区域未有效防火分隔"])
    assert "防火分隔" in words  # jieba cuts 防火 / 分隔; people type it whole
    groups = suggest.entries(words, han=True)
    assert "防火分隔" in groups["04防"] and "防火分隔" in groups["14火"]
    english = suggest.entries(suggest.english_words(["Fire lane blocked", "fire lanes"]), han=False)
    assert english["af"] == ["fire"] and english["al"] == ["lane", "lanes"] and "lane" in english["ba"]
    assert list((site / "search-index" / "s").glob("*.json"))


def test_each_body_posting_has_a_grade_saying_how_often_and_how_early(tmp_path):
    from generators.search.index import COLUMN_ALPHABET, grade
    from tests.bench.synth_site import _page, _write

    filler = "<p>" + "本页记录整治评估的其他情况。" * 40 + "</p>"  # 560 characters
    _write(tmp_path, "a-late", _page("zh", 1, "甲", filler + "<p>消防通道被堵塞。</p>"))
    _write(tmp_path, "b-early", _page("zh", 1, "乙", "<p>消防通道被堵塞。</p>" + filler))
    _write(tmp_path, "c-often", _page("zh", 1, "丙", "<p>消防通道被堵塞。</p>" * 5 + filler))
    build_index(tmp_path, "zh")
    root = tmp_path / "search-index"
    docs = {json.loads(p.read_text(encoding="utf-8"))["u"]: int(p.stem) for p in root.glob("d/*/*.json")}
    expected = {"a-late/": grade(1, 562), "b-early/": grade(1, 2), "c-often/": grade(5, 2)}
    assert list(expected.values()) == [2, 0, 15]  # once at 300-999; once before 100; 5-8 times before 100
    for key in tokens.query_keys("消防通道"):
        entry = json.loads((root / "b" / f"{fnv1a(key) % 4096}.json").read_text(encoding="utf-8"))[key]
        found = decode_postings(entry[0])
        assert found == sorted(docs.values())
        by_url = {url: COLUMN_ALPHABET.index(entry[2][found.index(n)]) for url, n in docs.items()}
        assert by_url == expected


def test_grades_count_classes_and_position_classes():
    from generators.search.index import COLUMN_ALPHABET, NOWHERE, encode_grades, grade

    assert grade(1, 0) == 0 and grade(1, -1) == NOWHERE  # said once, at once / only in the fields
    assert [grade(n, 0) // (NOWHERE + 1) for n in (1, 2, 3, 4, 5, 8, 9, 16, 17, 500)] == [0, 1, 2, 2, 3, 3, 4, 4, 5, 5]
    assert [grade(1, at) for at in (0, 99, 100, 299, 300, 999, 1000, 2999, 3000, -1)] == [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]
    assert encode_grades(bytearray([0, 4, 29])) == COLUMN_ALPHABET[0] + COLUMN_ALPHABET[4] + COLUMN_ALPHABET[29]
    assert encode_grades(bytearray([4] * 1000)) == COLUMN_ALPHABET[4]  # one for all when all are alike


def test_a_pages_grades_are_grade_of_each_key():
    from generators.search.index import _grades, grade

    counts = {f"k{n}-{at}": n for n in (1, 2, 3, 4, 8, 9, 16, 17, 18, 500) for at in range(-1, 3200, 7)}
    first = {key: int(key.split("-", 1)[1]) for key in counts if not key.endswith("--1")}
    assert list(_grades(counts, first)) == [grade(n, first.get(key, -1)) for key, n in counts.items()]


def _owners(root: Path, value: str) -> list[str]:
    docs = {int(p.stem): json.loads(p.read_text(encoding="utf-8"))["u"] for p in root.glob("d/*/*.json")}
    key = tokens.exact_key(value)
    path = root / "b" / f"{fnv1a(key) % 4096}.json"
    bucket = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    return sorted(docs[n] for n in decode_postings(bucket.get(key, [[], []])[1]))


def test_a_page_owns_only_the_document_number_its_marker_names(tmp_path):
    """Structured data, not scraped text: the label 发文字号 in a page's text or a number in its
    title gives it nothing; data-doc-number on its zz-record does."""
    from tests.bench.synth_site import _marker, _page, _write

    number, other = "海安委办〔2023〕5号", "海安委办〔2023〕6号"
    own = _marker({"data-id": "n-5", "data-type": "notice", "data-doc-number": number})
    _write(tmp_path, "notices/n-5", _page("zh", 2, "关于印发规范的通知", f"<p>发文字号：{number}</p>", own))
    cites = _marker({"data-id": "m-1", "data-type": "mechanism"})
    _write(tmp_path, "reports/m-1", _page("zh", 2, f"执行{other}的机制", f"<p>发文字号：{other}</p>", cites))
    build_index(tmp_path, "zh")
    root = tmp_path / "search-index"
    assert _owners(root, "海安委办（2023）5号") == ["notices/n-5/"]
    assert _owners(root, other) == []


def test_pages_are_found_by_their_marks_not_by_folder_names(tmp_path):
    """Any folder's page with an <article> is a page; one marked zz-unindexed or zz-listing is left
    out, a file without an <article> is no page, the other language's tree is not this one's."""
    from tests.bench.synth_site import _page, _write

    _write(tmp_path, "pagefind/x", _page("zh", 2, "甲", "<p>消防通道</p>"))
    _write(tmp_path, "search", _page("zh", 1, "搜索", '<p>消防通道</p><div class="zz-unindexed" hidden></div>'))
    _write(tmp_path, "hazards", _page("zh", 1, "问题隐患", '<p>消防通道</p><div class="zz-listing" hidden></div>'))
    _write(tmp_path, "en/a", _page("en", 2, "A", "<p>消防通道</p>"))
    (tmp_path / "_tool").mkdir()
    (tmp_path / "_tool" / "harness.html").write_text("<html><body><p>消防通道</p></body></html>", encoding="utf-8")
    build_index(tmp_path, "zh")
    docs = [json.loads(p.read_text(encoding="utf-8"))["u"] for p in (tmp_path / "search-index").glob("d/*/*.json")]
    assert docs == ["pagefind/x/"]
