"""The record cache: unchanged files are neither parsed nor validated again, and a damaged cache is
never trusted. Every run with a cache must give exactly what a run without one gives."""

from __future__ import annotations

import hashlib
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

import generators.records.load as load_module
from generators.records import load_archive
from generators.records.cache import MAGIC, code_version
from tests.conftest import ROOT
from tests.test_records_strict import notice

NOTICE = notice().replace("body: {zh: 正文}", "body: {zh_file: n1.zh.md}")

FILES = {
    "n1.yml": NOTICE,
    "n1.zh.md": "正文，见[[sanxing]]。\n",
    "people.yml": "- {type: person, id: p1, name: {zh: 张三}, organisation: office, role: {zh: 科员}}\n"
                  "- {type: person, id: p2, name: {zh: 李四}, organisation: ofice, role: {zh: 科员}}\n",
    "bad-syntax.yml": "type: person\nid: p3\nname: {zh: 王五\n",
    "bad-number.yml": "type: mechanism\nid: m1\ncampaign: c1\ntitle: {zh: 机制}\nissued_on: 2022-01-01\n"
                      "issuer: office\narchival: {year: 2022, retention: Y, item_number: 0017}\n",
    "gbk.yml": "type: person\nid: p4\nname: {zh: 赵六}\n".encode("gbk"),
}


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    """The files the loader actually parsed during a test (the real parser runs; it is only counted)."""
    seen: list[str] = []
    real = load_module.parse_yaml

    def counting(raw: bytes, display: str):
        seen.append(Path(display).name)
        return real(raw, display)

    monkeypatch.setattr(load_module, "parse_yaml", counting)
    return seen


def outcome(data: Path, cache: Path | None) -> tuple[list[str], list[str]]:
    archive, diagnostics = load_archive(data, cache)
    records = [record.model_dump_json() + repr(archive.origins[record.id].source) for record in archive]
    return records, [d.format("en") for d in diagnostics]


def test_a_warm_run_parses_nothing_and_gives_what_no_cache_gives(make_archive, tmp_path, parses):
    data = make_archive(FILES)
    cache = tmp_path / "cache"
    expected = outcome(data, None)
    assert any("E041" in line for line in expected[1]) and any("E002" in line for line in expected[1])
    parses.clear()
    assert outcome(data, cache) == expected  # cold: fills the cache
    assert len(parses) == len(list(data.rglob("*.yml")))
    parses.clear()
    assert outcome(data, cache) == expected  # warm
    assert parses == []


def test_only_the_changed_file_is_parsed_again(make_archive, tmp_path, parses):
    data = make_archive(FILES)
    cache = tmp_path / "cache"
    outcome(data, cache)
    (data / "people.yml").write_text(FILES["people.yml"].replace("ofice", "office"), encoding="utf-8")
    parses.clear()
    warm = outcome(data, cache)
    assert parses == ["people.yml"]
    assert warm == outcome(data, None)
    assert not any("ofice" in line for line in warm[1])


def test_prose_files_are_read_on_every_run(make_archive, tmp_path):
    data = make_archive(FILES)
    cache = tmp_path / "cache"
    outcome(data, cache)
    (data / "n1.zh.md").write_text("改过的正文。\n", encoding="utf-8")
    archive, _ = load_archive(data, cache)
    assert archive.records["n1"].body.zh == "改过的正文。\n"


def test_a_renamed_file_is_reported_under_its_new_name(make_archive, tmp_path):
    data = make_archive(FILES)
    cache = tmp_path / "cache"
    outcome(data, cache)
    (data / "bad-number.yml").rename(data / "renamed.yml")
    _, diagnostics = outcome(data, cache)
    assert any("renamed.yml:7:51: error[E041]" in line for line in diagnostics), diagnostics
    assert not any("bad-number.yml" in line for line in diagnostics)


def pack(cache: Path) -> Path:
    (found,) = cache.glob("*.pickle")
    return found


def signed(payload: bytes) -> bytes:
    return MAGIC + hashlib.sha256(payload).digest() + payload


@pytest.mark.parametrize("damage", [
    lambda blob: blob[: len(blob) // 2],  # truncated
    lambda blob: b"",  # empty
    lambda blob: blob[:-1] + bytes([blob[-1] ^ 1]),  # one bit flipped
    lambda blob: blob.replace("张三".encode(), "王三".encode()),  # a value changed, still a valid pickle
    lambda blob: b"garbage" * 100,
    lambda blob: signed(b"not a pickle"),
    lambda blob: signed(pickle.dumps(["a", "list"])),
    lambda blob: signed(pickle.dumps(("another code version", pickle.loads(blob[len(MAGIC) + 32:])[1]))),
    lambda blob: signed(pickle.dumps((code_version(), {"key": "not a file result"}))),
], ids=["truncated", "empty", "bit-flip", "value-changed", "garbage", "not-pickle", "wrong-shape", "old-version",
        "wrong-entry"])
def test_a_damaged_cache_is_ignored_and_rewritten(make_archive, tmp_path, parses, damage):
    data = make_archive(FILES)
    cache = tmp_path / "cache"
    expected = outcome(data, None)
    outcome(data, cache)
    good = pack(cache).read_bytes()
    pack(cache).write_bytes(damage(good))
    parses.clear()
    assert outcome(data, cache) == expected
    assert len(parses) == len(list(data.rglob("*.yml")))  # nothing was taken from the damaged pack
    assert pack(cache).read_bytes() == good  # rewritten whole


def test_an_entry_that_no_longer_validates_is_not_trusted(make_archive, tmp_path, parses):
    data = make_archive(FILES)
    cache = tmp_path / "cache"
    expected = outcome(data, None)
    outcome(data, cache)
    version, entries = pickle.loads(pack(cache).read_bytes()[len(MAGIC) + 32:])
    for entry in entries.values():
        for item in entry.items:
            if isinstance(item.data, dict) and item.data.get("id") == "n1":
                item.data["date"] = "2022-02-30"  # valid values were cached; these are not
    pack(cache).write_bytes(signed(pickle.dumps((version, entries))))
    parses.clear()
    assert outcome(data, cache) == expected
    assert parses == ["n1.yml"]


def test_the_pack_is_deterministic_and_written_whole(make_archive, tmp_path):
    data = make_archive(FILES)
    outcome(data, tmp_path / "a")
    outcome(data, tmp_path / "b")
    assert pack(tmp_path / "a").read_bytes() == pack(tmp_path / "b").read_bytes()
    assert [p.name for p in (tmp_path / "a").iterdir()] == [pack(tmp_path / "a").name]  # no partial file left


def test_a_cache_that_cannot_be_written_only_costs_time(make_archive, tmp_path):
    data = make_archive(FILES)
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x", encoding="utf-8")
    assert outcome(data, blocked / "cache") == outcome(data, None)


def test_make_check_twice_prints_the_same(tmp_path):
    """As a person runs it: `make check` cold, then warm, from the repository with BUILD elsewhere."""
    build = tmp_path / "build"

    def check() -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "generators", "check", "--data", "data", "--build", str(build)],
                              cwd=ROOT, capture_output=True, text=True,
                              env={"LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"})

    cold, warm = check(), check()
    assert cold.returncode == warm.returncode == 0, cold.stderr
    assert "Traceback" not in cold.stderr + warm.stderr
    assert (cold.stdout, cold.stderr) == (warm.stdout, warm.stderr)
    assert len(list((build / "cache" / "records").glob("*.pickle"))) == 1


def test_references_in_texts_are_found_the_same_from_the_cache(make_archive, tmp_path):
    """The reference graph finds [[…]] in YAML texts by the places the loader noted; those come
    from the cache on a warm run and must locate every reference as a cold run does."""
    from generators.refs.graph import graph

    files = {**FILES, "p5.yml": "type: person\nid: p5\nname: {zh: 钱七}\norganisation: office\n"
                                "role: {zh: '科员，见[[sanxing]]和【【office】】'}\n"}
    data = make_archive(files)
    cold_archive, _ = load_archive(data, tmp_path / "cache")
    warm_archive, _ = load_archive(data, tmp_path / "cache")
    cold = [repr(r) for r in graph(cold_archive).references if r.kind == "prose"]
    warm = [repr(r) for r in graph(warm_archive).references if r.kind == "prose"]
    assert cold == warm
    role = files["p5.yml"].splitlines()[4]
    shown = warm_archive.origins["p5"].display_path
    found = [(r.target_id, str(r.location)) for r in graph(warm_archive).references
             if r.kind == "prose" and r.source_id == "p5"]
    assert found == [("sanxing", f"{shown}:5:{role.index('[[sanxing') + 1}"),
                     ("office", f"{shown}:5:{role.index('【【office') + 1}")]


def test_positions_stay_packed_until_asked_and_are_the_same(make_archive, tmp_path):
    from generators.refs.graph import graph

    data = make_archive({**FILES, "p9.yml": "type: person\nid: p9\nname: {zh: 周九}\norganisation: office\n"
                                            "role:\n  zh: 科员\n"})
    cache = tmp_path / "cache"
    cold, _ = load_archive(data, None)
    load_archive(data, cache)
    warm, _ = load_archive(data, cache)
    source = warm.origins["p9"].source
    assert "_packed" in vars(source)  # a warm load that found nothing wrong there read no position of it
    places = [("id",), ("role", "zh"), ("role", "en"), ("no", "such", "field"), ()]
    assert [warm.locate("p9", p) for p in places] == [cold.locate("p9", p) for p in places]
    assert [warm.locate("p9", p, key=True) for p in places] == [cold.locate("p9", p, key=True) for p in places]
    assert "_packed" not in vars(source)
    cold_refs, warm_refs = graph(cold).references, graph(warm).references
    assert [(r.location, r.kind) for r in warm_refs] == [(r.location, r.kind) for r in cold_refs]
    assert warm_refs == cold_refs and {r.kind for r in warm_refs} == {"field", "prose"}


def test_marked_values_kept_in_the_cache_are_those_of_the_loaded_records(tmp_path):
    """The loader hands over each record's references and vocabulary values (kept in the cache):
    they are what walking the loaded record (its prose read) gives, cold and warm."""
    from generators.records.walk import marked_values

    cache = tmp_path / "cache"
    for _ in ("cold", "warm"):
        archive, _ = load_archive(ROOT / "data", cache)
        given = {record.id: archive.marked_values(record.id) for record in archive}
        assert given == {record.id: marked_values(record) for record in archive}
        assert sum(map(len, given.values())) > 1000
    version, entries = pickle.loads(pack(cache).read_bytes()[len(MAGIC) + 32:])
    valid = [item for entry in entries.values() for item in entry.items if item.data is not None]
    assert version == code_version() and valid and all(item.marked is not None for item in valid)


def test_an_edited_vocabulary_or_referenced_record_is_checked_against_unchanged_files(make_archive, tmp_path,
                                                                                      parses):
    """Vocabulary values and references of a file taken from the cache are checked again on every
    run: what they name may have changed in another file."""
    data = make_archive(FILES)
    cache = tmp_path / "cache"
    outcome(data, cache)
    vocabularies = data / "vocabularies.yml"
    vocabularies.write_text(vocabularies.read_text(encoding="utf-8").replace("{key: office,", "{key: bureau,"),
                            encoding="utf-8")
    district = data / "organisations" / "district.yml"
    district.write_text(district.read_text(encoding="utf-8").replace("id: office\n", "id: the-office\n"),
                        encoding="utf-8")
    parses.clear()
    warm = outcome(data, cache)
    assert sorted(parses) == ["district.yml", "vocabularies.yml"]
    assert warm == outcome(data, None)
    assert any("district.yml" in line and "error[E022]" in line and "office" in line for line in warm[1]), warm[1]
    assert any("people.yml:1:" in line and "error[E021]" in line and "office" in line for line in warm[1]), warm[1]


def test_another_code_version_parses_every_file_again(make_archive, tmp_path, parses, monkeypatch):
    import generators.records.cache as cache_module

    data = make_archive(FILES)
    cache = tmp_path / "cache"
    expected = outcome(data, cache)
    monkeypatch.setattr(cache_module, "code_version", lambda: "another version of the code")
    parses.clear()
    assert outcome(data, cache) == expected
    assert len(parses) == len(list(data.rglob("*.yml")))


def test_the_graph_digest_follows_where_references_are_written(make_archive, tmp_path):
    """Pages that show where a reference is written depend on the graph's digest: a reference moved
    to another line changes it (field references are located only when asked), a warm load does not."""
    from generators.records.reads import digest
    from generators.refs.graph import graph

    data = make_archive(FILES)
    cache = tmp_path / "cache"
    before = digest(graph(load_archive(data, None)[0]))
    load_archive(data, cache)
    assert digest(graph(load_archive(data, cache)[0])) == before
    people = data / "people.yml"
    people.write_text("# moved down a line\n" + FILES["people.yml"], encoding="utf-8")
    moved = graph(load_archive(data, cache)[0])
    assert [r.location.line for r in moved.references if r.source_id == "p1"] == [2]
    assert digest(moved) != before


def test_a_large_cache_is_split_and_an_edit_rewrites_only_its_packs(make_archive, tmp_path, parses, monkeypatch):
    """From SHARDED_FROM entries on, the cache is split by entry key: an edited file rewrites the
    packs of its old and new entries, no other; crossing back below it leaves one pack again."""
    from generators.records import cache as cache_module

    monkeypatch.setattr(cache_module, "SHARDED_FROM", 2)
    files = {**FILES, **{f"p{n}.yml": f"type: person\nid: q{n}\nname: {{zh: 人{n}}}\norganisation: office\n"
                         f"role: {{zh: 科员}}\n" for n in range(40)}}
    data = make_archive(files)
    cache = tmp_path / "cache"
    outcome(data, cache)
    packs = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in cache.glob("*.pickle")}
    assert len(packs) > 8  # 47 entries over 16 shards
    with (data / "p7.yml").open("a", encoding="utf-8") as stream:
        stream.write("# edited\n")
    expected = outcome(data, None)
    parses.clear()
    assert outcome(data, cache) == expected
    assert parses == ["p7.yml"]
    rewritten = [p for p in cache.glob("*.pickle") if packs.get(p) != (p.stat().st_ino, p.stat().st_mtime_ns)]
    assert 1 <= len(rewritten) <= 2, rewritten
    parses.clear()
    assert outcome(data, cache) == expected and parses == []  # the new packs are read back whole

    monkeypatch.setattr(cache_module, "SHARDED_FROM", 1000)
    (data / "p8.yml").unlink()
    expected = outcome(data, None)
    assert outcome(data, cache) == expected
    assert len(list(cache.glob("*.pickle"))) == 1
