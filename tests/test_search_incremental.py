"""The search index rebuilt from its cache after pages changed is, file for file, the index a
clean build makes of the same pages in a fresh folder: an edit that keeps the documents'
numbering (updated in place, never built again), one that changes a facet value, a page added,
a page removed."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generators.search import index
from generators.search.index import build_index
from tests.bench.synth_site import write_site

LANGS = ("zh", "en")


def _root(site: Path, lang: str) -> Path:
    return site if lang == "zh" else site / lang


def _index_files(site: Path, lang: str) -> dict[str, bytes]:
    folder = _root(site, lang) / index.INDEX_DIR
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _assert_same_as_clean(site: Path, tmp_path: Path, name: str) -> None:
    fresh = tmp_path / f"clean-{name}"
    shutil.copytree(site, fresh, ignore=shutil.ignore_patterns(index.INDEX_DIR))
    for lang in LANGS:
        build_index(fresh, lang)
        updated, clean = _index_files(site, lang), _index_files(fresh, lang)
        assert sorted(updated) == sorted(clean), f"{name} [{lang}]: other files"
        differ = [file for file in clean if updated[file] != clean[file]]
        assert not differ, f"{name} [{lang}]: {differ[:5]} differ from a clean build"


def _rebuild(site: Path, caches: Path) -> list[index.IndexStats]:
    return [build_index(site, lang, cache=caches / f"{lang}.pickle") for lang in LANGS]


def _updated(site: Path, caches: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rebuild, failing if any language's index is built again from every page."""
    with monkeypatch.context() as patched:
        patched.setattr(index, "_build", _no_full_build)
        _rebuild(site, caches)


def _edit(page: Path, change) -> None:
    page.write_text(change(page.read_text(encoding="utf-8")), encoding="utf-8")


def _hazard_pages(site: Path, lang: str) -> list[Path]:
    return sorted(p for p in (_root(site, lang) / "hazards").glob("hz-*/index.html"))


@pytest.fixture
def site(tmp_path: Path) -> tuple[Path, Path]:
    site, caches = write_site(tmp_path / "site", 30), tmp_path / "caches"
    caches.mkdir()
    _rebuild(site, caches)
    return site, caches


def _no_full_build(*_args, **_kwargs):
    raise AssertionError("the index was built again from every page")


def test_edits_keeping_the_numbering_update_the_index_in_place(site, tmp_path, monkeypatch):
    site, caches = site
    for lang in LANGS:
        # a title (the title's and the text's keys, the suggestion words, the document's file)
        _edit(_hazard_pages(site, lang)[3], lambda html: re.sub(r"(<h1[^>]*>)", r"\1消防通道堵塞 blocked exits ", html))
        # the body's words alone
        _edit(_hazard_pages(site, lang)[5], lambda html: html.replace("</p>", "防火分隔 sprinkler valves</p>", 1))
    _updated(site, caches, monkeypatch)
    _assert_same_as_clean(site, tmp_path, "title")
    for lang in LANGS:  # a facet value: meta.json's columns (and a value no other page has)
        _edit(_hazard_pages(site, lang)[7], lambda html: re.sub(r'data-town="[^"]*"', 'data-town="新镇 New"', html))
    _updated(site, caches, monkeypatch)
    _assert_same_as_clean(site, tmp_path, "facet")
    for lang in LANGS:  # and back: keys no page holds any more leave their buckets
        _edit(_hazard_pages(site, lang)[3], lambda html: html.replace("消防通道堵塞 blocked exits ", ""))
    _updated(site, caches, monkeypatch)
    _assert_same_as_clean(site, tmp_path, "back")


def test_pages_added_and_removed(site, tmp_path):
    site, caches = site
    for lang in LANGS:
        page = _hazard_pages(site, lang)[0]
        copy = page.parent.parent / "hz-new" / "index.html"
        copy.parent.mkdir()
        copy.write_text(page.read_text(encoding="utf-8").replace('data-id="', 'data-id="NEW-'), encoding="utf-8")
    _rebuild(site, caches)
    _assert_same_as_clean(site, tmp_path, "added")
    for lang in LANGS:
        shutil.rmtree(_hazard_pages(site, lang)[4].parent)
    _rebuild(site, caches)
    _assert_same_as_clean(site, tmp_path, "removed")


def test_an_index_folder_emptied_since_is_written_whole(site, tmp_path):
    site, caches = site
    for lang in LANGS:
        shutil.rmtree(_root(site, lang) / index.INDEX_DIR / "b")
        _edit(_hazard_pages(site, lang)[2], lambda html: re.sub(r"(<h1[^>]*>)", r"\1改 ", html))
    _rebuild(site, caches)
    _assert_same_as_clean(site, tmp_path, "emptied")


def test_nothing_changed_leaves_the_index_as_it_is(site):
    site, caches = site
    before = {lang: _index_files(site, lang) for lang in LANGS}
    page = _hazard_pages(site, "zh")[1]
    page.write_bytes(page.read_bytes())  # written again with the same words
    assert all(stats.keys == -1 for stats in _rebuild(site, caches))
    assert {lang: _index_files(site, lang) for lang in LANGS} == before


def test_the_dictionary_copy_cuts_as_jieba_does(tmp_path):
    import jieba

    from generators.search import segment
    from generators.search.pages import read_page

    site = write_site(tmp_path / "site", 20)
    texts = [read_page(site, page).text for page in sorted(site.rglob("index.html"))]
    texts += ["住宿与生产经营区域未有效防火分隔", "海安委办〔2022〕17号文件", "长江大桥南京市长江大桥",
              "〇㐀㐁𠀀丽 abc12 x-ray 3.5% 中华人民共和国\r\n成立", "一二三四五六七八九十百千万亿",
              "AB测试C语言 与 C++ 和 .NET"]
    jieba.initialize()
    copy = tmp_path / "dictionary"
    segment.save(copy)
    words = segment.Dictionary.load(copy)
    for text in texts:
        assert segment.cut(text, words) == list(jieba.cut(text, HMM=False)), text


def test_a_page_rendered_again_reads_the_same_in_another_process(tmp_path):
    """Each process hashes strings its own way (set order): a page rendered again with the same
    words must still leave the index as it is."""
    site = write_site(tmp_path / "site", 10)
    script = ("import sys; from pathlib import Path; from generators.search.index import build_index; "
              "print(build_index(sys.argv[1], 'zh', cache=Path(sys.argv[2])).keys)")
    root = Path(__file__).resolve().parents[1]

    def build(seed: str) -> int:
        done = subprocess.run([sys.executable, "-c", script, str(site), str(tmp_path / "cache.pickle")], cwd=root,
                              env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, text=True, check=True)
        return int(done.stdout.split()[-1])

    assert build("1") > 0
    page = next(p for p in _hazard_pages(site, "zh") if 'data-withdrawn="false"' in p.read_text(encoding="utf-8"))
    page.write_bytes(page.read_bytes())
    assert build("2") == -1
