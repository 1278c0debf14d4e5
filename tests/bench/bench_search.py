"""``make bench-search``: our index beside Material's built-in search and plain Pagefind, on the
same built site and the same queries, in one run.

Then the query classes people type (PROBES: document numbers in other spellings, IDs with spaces
or full-width letters, singular/plural, quoted phrases, the names of towns, domains and campaigns,
typos), each with its recall, extra results, how often the right page came first and, for typos,
how often ours offered the expected "did you mean".

For each engine and language it prints recall (against the pages whose text holds the query),
extra results (pages returned that do not hold it, or must not be found at all), bytes the
browser fetched for the engine per query (cold cache), the median and the slowest time to first
results in headless Chromium (one cold page load per query), and the index build's time and peak
memory. Time runs from navigation start: ours on the site's real search page (Material's page,
styles and bundle included), the other two on a bare page that only loads the engine, so their
times leave out the page a user would see them on.

- ours: ``generators.search.index.build_index``; the site's own search page.
- Material: its ``SearchIndex`` (the search plugin's indexer, jieba segmentation) over the same
  pages' article HTML; in the browser, Material's own search worker (lunr) fed that index the
  way Material's page does (fetch the JSON, SETUP, QUERY).
- Pagefind: ``python -m pagefind --site`` (pagefind[extended]) over the whole site, and its
  JS API on a page with the language's ``<html lang>``.

The machine's state is part of every figure: the run prints the load average (1 minute) sampled
while the queries are timed, and ``--busy N`` (``make bench-search BUSY=1``) starts N CPU-bound
processes of its own (a Python busy loop each) for the duration of the timed queries — the
condition "first results with one other CPU-bound job running". The default run starts none.
The web server runs in a process of its own, so the harness's Python does not slow it down.

For ours, the time to first results is split into where it went (medians, ms after navigation
start): the search script starts, the index buckets have arrived and been ranked, the results'
place (#zz-search) has been parsed, the first result (or, when nothing is found, the "did you mean"
and the hint) is on the page.

Usage: ``python -m tests.bench.bench_search --site SITE`` (a built site) or ``--synthetic N``;
``--engines ours`` for ours alone, ``--busy 1`` for one other CPU-bound job.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from generators.search import tokens
from generators.search.pages import html_files, language_root, read_page
from generators.search.serve import launch

BENCH_DIR = "_bench"
MATERIAL_DIR = "_material-search"

ZH_CANDIDATES = ["通道", "消防通道", "堆放货物", "危险化学品储存", "化学品", "应急照明", "持证上岗", "动火作业",
                 "有限空间", "执法人员", "整改资金", "验收销号", "海安委办〔2022〕17号", "恒达", "安全生产"]
EN_CANDIDATES = ["fire lane", "certificate", "hazardous chemicals", "scaffold", "emergency exit",
                 "rectification", "confined-space", "inspector", "Hengda"]


def _material_root() -> Path:
    import material

    return Path(material.__file__).parent


# ---------------------------------------------------------------------------- ground truth

def units(text: str) -> list[str]:
    """Han characters one by one, Latin/digit words whole (English words by their stem, so a
    page saying "lifebuoys" holds "lifebuoy"): what 'the text contains the query' means for every
    engine (punctuation and spaces between them do not count)."""
    out: list[str] = []
    for run in tokens.runs(text):
        out.extend(list(run.text) if run.han else [tokens.stem(run.text)])
    return out


def contains(haystack: list[str], needle: list[str]) -> bool:
    if not needle:
        return False
    first, n = needle[0], len(needle)
    return any(haystack[i : i + n] == needle for i, u in enumerate(haystack) if u == first)


@dataclass
class Corpus:
    lang: str
    urls: list[str]
    texts: list[list[str]]
    forbidden: set[str]  # withdrawn or classified pages: finding them is always wrong
    ids: list[str]
    towns: list[str]
    listings: set[str] = field(default_factory=set)  # hazard listings: ours leaves them out; neutral
    owners: dict[str, str] = field(default_factory=dict)  # exact key of an ID / document number → its page

    def truth(self, query: str) -> set[str]:
        needle = units(query)
        return {u for u, t in zip(self.urls, self.texts, strict=True) if contains(t, needle)}


def corpus(site: Path, lang: str) -> Corpus:
    root = language_root(site, lang)
    urls, texts, forbidden, ids, towns, listings, owners = [], [], set(), [], set(), set(), {}
    for path in html_files(site, lang):
        page = read_page(root, path)
        if page is None:
            continue
        if page.classified or page.withdrawn:
            forbidden.add(page.url)
            continue
        if page.listing:
            listings.add(page.url)
            continue
        urls.append(page.url)
        texts.append(units(page.title + "\n" + page.text))
        if page.type_key == "hazard" and page.record_id:
            ids.append(page.record_id)
        for name in [page.record_id, *page.doc_numbers]:
            if name:
                owners.setdefault(tokens.exact_key(name), page.url)
        if page.facets.get("town"):
            towns.add(page.facets["town"])
    return Corpus(lang, urls, texts, forbidden, ids, sorted(towns), listings, owners)


@dataclass(frozen=True)
class Probe:
    """A query of a class: what is typed, what it means (the ground truth is the pages holding
    ``meant``), the page that must come first (or None: any page holding it), and for a typo the
    suggestion it must get."""
    cls: str
    lang: str
    typed: str
    meant: str
    first: str | None = None
    suggestion: str | None = None


# Written from the example site's pages (site/…), not from the code; different from the tests'
# queries (tests/test_search_browser.py searches a synthetic site). A probe whose page a site
# lacks is left out of that site's table; a document number's or ID's page is its owner's.
def _both(cls: str, typed: str, meant: str, first: str | None = None) -> list[Probe]:
    return [Probe(cls, "zh", typed, meant, first), Probe(cls, "en", typed, meant, first)]


PROBES: list[Probe] = [
    *_both("doc-number", "海安委办2023年9号", "海安委办〔2023〕9号", "notices/zz2020-circular-overall/"),
    *_both("doc-number", "2023年15号", "海安委办〔2023〕15号", "notices/zz2020-circular-review/"),
    *_both("doc-number", "(2021)24号", "海安委办〔2021〕24号", "notices/zz2020-listing-202108/"),
    *_both("doc-number", "【2022】25号", "海安委办〔2022〕25号", "notices/zz2020-listing-202212/"),
    *_both("doc-number", "海安委办 2020年22号", "海安委办〔2020〕22号", "notices/zz2020-listing-202010/"),
    *_both("doc-number", "41号文", "海安委办〔2023〕41号", "notices/rq2023-circular-overall/"),
    *_both("doc-number", "海安委办［2021］26号", "海安委办〔2021〕26号", "notices/zz2020-listing-202112/"),
    *_both("id-spaces", "hz 2020 0017", "HZ-2020-0017", "hazards/HZ-2020-0017/"),
    *_both("id-spaces", "HZ2022 0098", "HZ-2022-0098", "hazards/HZ-2022-0098/"),
    *_both("id-spaces", "ｈｚ－２０２１－００６６", "HZ-2021-0066", "hazards/HZ-2021-0066/"),
    *_both("id-spaces", "Hz 2021 0005", "HZ-2021-0005", "hazards/HZ-2021-0005/"),
    Probe("plural", "en", "lifebuoy", "lifebuoy"),
    Probe("plural", "en", "bicycle", "bicycle"),
    Probe("plural", "en", "signaller", "signaller"),
    Probe("plural", "en", "manifest", "manifest"),
    Probe("plural", "en", "material", "material"),
    Probe("plural", "en", "escorts", "escorts"),
    Probe("phrase", "en", '"hot work"', "hot work"),
    Probe("phrase", "en", '"emergency lighting"', "emergency lighting"),
    Probe("phrase", "en", '"fire watch"', "fire watch"),
    Probe("phrase", "zh", "“安全出口”", "安全出口"),
    Probe("phrase", "zh", "“应急 预案”", "应急预案"),
    Probe("entity", "zh", "常乐镇", "常乐镇", "towns/changle/"),
    Probe("entity", "zh", "三厂街道", "三厂街道", "towns/sanchang-jd/"),
    Probe("entity", "zh", "海永镇", "海永镇", "towns/haiyong/"),
    Probe("entity", "zh", "四甲", "四甲", "towns/sijia/"),
    Probe("entity", "zh", "余东镇", "余东镇", "towns/yudong/"),
    Probe("entity", "zh", "危险废物", "危险废物", "domains/hazwaste/"),
    Probe("entity", "zh", "消防", "消防", "domains/fire-safety/"),
    Probe("entity", "zh", "海门区城镇燃气安全专项整治", "海门区城镇燃气安全专项整治", "campaigns/rq2023/"),
    Probe("entity", "en", "Haiyong Town", "Haiyong Town", "towns/haiyong/"),
    Probe("entity", "en", "Sanchang Sub-district", "Sanchang Sub-district", "towns/sanchang-jd/"),
    Probe("entity", "en", "Sijia", "Sijia", "towns/sijia/"),
    Probe("entity", "en", "Hazardous waste", "Hazardous waste", "domains/hazwaste/"),
    Probe("entity", "en", "Haimen town gas safety campaign", "Haimen town gas safety campaign", "campaigns/rq2023/"),
    Probe("typo", "zh", "防火分格", "防火分隔", suggestion="防火分隔"),
    Probe("typo", "zh", "应急照名", "应急照明", suggestion="应急照明"),
    Probe("typo", "zh", "持证上刚", "持证上岗", suggestion="持证上岗"),
    Probe("typo", "zh", "深基抗", "深基坑", suggestion="深基坑"),
    Probe("typo", "en", "excavaton", "excavation", suggestion="excavation"),
    Probe("typo", "en", "lifebouys", "lifebuoys", suggestion="lifebuoys"),
    Probe("typo", "en", "evacuaton", "evacuation", suggestion="evacuation"),
    Probe("typo", "en", "extinguishrs", "extinguishers", suggestion="extinguishers"),
]


def probes(c: Corpus) -> list[Probe]:
    """The probes of this language whose page (or, without one, whose meaning) the site has. A
    document number's or ID's page is whichever page owns it on this site (numbers differ between
    the example and a generated 10,000-dossier archive)."""
    urls, out = set(c.urls), []
    for p in PROBES:
        if p.cls in ("doc-number", "id-spaces"):
            p = dataclasses.replace(p, first=c.owners.get(tokens.exact_key(p.meant)))
        if p.lang == c.lang and (p.first in urls if p.first else c.truth(p.meant)):
            out.append(p)
    return out


def queries(c: Corpus) -> list[str]:
    candidates = ZH_CANDIDATES if c.lang == "zh" else EN_CANDIDATES
    picked = [q for q in candidates if c.truth(q)]
    picked += c.towns[:2]
    picked += c.ids[len(c.ids) // 3 : len(c.ids) // 3 + 1] + c.ids[-1:]
    return picked


# ---------------------------------------------------------------------------- builds

@dataclass
class Build:
    seconds: float
    peak_mb: float


def measured(cmd: list[str], env: dict | None = None) -> Build:
    """Run cmd; wall time and the peak RSS of the process tree's largest process."""
    wrapper = ("import resource, subprocess, sys, time\n"
               "t = time.perf_counter(); r = subprocess.run(sys.argv[1:])\n"
               "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)")
    out = subprocess.run([sys.executable, "-c", wrapper, *cmd], capture_output=True, text=True, env=env)
    seconds, kb, code = out.stdout.split()[-3:]
    if code != "0" and "search-index" not in cmd:
        sys.stderr.write(out.stderr)
    return Build(float(seconds), int(kb) / 1024)


MATERIAL_INDEXER = r"""
import json, sys
from pathlib import Path
from types import SimpleNamespace
import lxml.html
from material.plugins.search.plugin import SearchIndex
from generators.search.pages import html_files, language_root, read_page

site, lang, out = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
root = language_root(site, lang)
if lang == "zh":
    config = {"lang": ["en"], "separator": "[\\s\\u200b\\u3000\\-、。，．？！；]+", "pipeline": ["stemmer"]}
else:
    config = {"lang": ["en"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"]}
config["fields"] = {"title": {"boost": 1e3}, "text": {"boost": 1e0}, "tags": {"boost": 1e6}}
index = SearchIndex(**config)
for path in html_files(site, lang):
    tree = lxml.html.fromstring(path.read_bytes())
    article = tree.xpath("//article")
    if not article:
        continue
    page = read_page(root, path)
    content = "".join(lxml.html.tostring(c, encoding="unicode") for c in article[0])
    url = page.url
    index.add_entry_from_context(SimpleNamespace(content=content, toc=[], url=url, title=page.title, meta={}))
out.mkdir(parents=True, exist_ok=True)
(out / "search_index.json").write_text(index.generate_search_index(None), encoding="utf-8")
"""


def build_ours(site: Path, lang: str) -> Build:
    return measured([sys.executable, "-m", "generators", "search-index", "--site", str(site), "--lang", lang])


def build_material(site: Path, lang: str) -> Build:
    out = site / MATERIAL_DIR / lang
    build = measured([sys.executable, "-c", MATERIAL_INDEXER, str(site), lang, str(out)])
    assets = site / MATERIAL_DIR / "assets" / "javascripts"
    if not assets.exists():
        source = _material_root() / "templates" / "assets" / "javascripts"
        shutil.copytree(source / "workers", assets / "workers")
        shutil.copytree(source / "lunr", assets / "lunr")
    return build


def build_pagefind(site: Path) -> Build:
    shutil.rmtree(site / "pagefind", ignore_errors=True)
    return measured([sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", "pagefind", "--quiet"])


# ---------------------------------------------------------------------------- the machine

SERVER = ("import sys\nfrom pathlib import Path\nfrom generators.webserver import serve\n"
          "with serve(Path(sys.argv[1])) as base:\n    print(base, flush=True)\n    sys.stdin.read()\n")
BUSY_LOOP = "while True:\n    pass\n"


@contextlib.contextmanager
def served(site: Path):
    """The site on a local HTTP server in a process of its own; yields the base URL."""
    process = subprocess.Popen([sys.executable, "-c", SERVER, str(site)], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True)
    try:
        yield process.stdout.readline().strip()
    finally:
        process.stdin.close()
        process.wait(timeout=30)


@dataclass
class Machine:
    """What else ran while the queries were timed: the CPU-bound jobs the bench started, and the
    load average (1 minute) sampled every few seconds."""
    busy: int
    loads: list[float] = field(default_factory=list)
    pids: list[int] = field(default_factory=list)  # the CPU-bound jobs' processes

    def describe(self) -> str:
        loads = self.loads or [os.getloadavg()[0]]
        return (f"{os.cpu_count()} cores; {self.busy} other CPU-bound job(s) started by the bench "
                f"(BUSY={self.busy}); load average (1 min) while timing: first {loads[0]:.2f}, "
                f"median {statistics.median(loads):.2f}, max {max(loads):.2f} ({len(loads)} samples)")


@contextlib.contextmanager
def machine(busy: int, every: float = 5.0):
    """Start ``busy`` CPU-bound processes (a Python busy loop each) and sample the load average
    until the block ends; then stop them."""
    state = Machine(busy)
    jobs = [subprocess.Popen([sys.executable, "-c", BUSY_LOOP]) for _ in range(busy)]
    state.pids = [job.pid for job in jobs]
    stop = threading.Event()

    def sample() -> None:
        while True:
            state.loads.append(os.getloadavg()[0])
            if stop.wait(every):
                return

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        yield state
    finally:
        stop.set()
        sampler.join()
        for job in jobs:
            job.terminate()
            job.wait()


# ---------------------------------------------------------------------------- browser harnesses

PAGEFIND_PAGE = """<!doctype html><html lang="{lang}"><head><meta charset="utf-8"></head><body><script type="module">
const params = new URLSearchParams(location.search);
const pf = await import("../pagefind/pagefind.js");
const search = await pf.search(params.get("q"));
const first = await Promise.all(search.results.slice(0, 10).map(r => r.data()));
window.firstResultsMs = performance.now();
window.firstUrls = first.map(d => d.url);
window.total = search.results.length;
window.done = true;
window.allUrls = async () => {{
  const urls = [];
  for (let i = 0; i < search.results.length; i += 64)
    for (const d of await Promise.all(search.results.slice(i, i + 64).map(r => r.data()))) urls.push(d.url);
  return urls;
}};
</script></body></html>"""

MATERIAL_PAGE = """<!doctype html><html lang="{lang}"><head><meta charset="utf-8"></head><body><script>
const params = new URLSearchParams(location.search);
(async () => {{
  const index = await (await fetch("../{material}/{lang}/search_index.json")).json();
  const worker = new Worker("../{material}/assets/javascripts/workers/{worker}");
  const reply = () => new Promise(ok => worker.addEventListener("message", e => ok(e.data), {{ once: true }}));
  worker.postMessage({{ type: 0, data: {{ ...index, options: {{ suggest: false }} }} }});
  await reply();
  window.ask = async q => {{ worker.postMessage({{ type: 2, data: q }}); return (await reply()).data.items; }};
  const items = await window.ask(params.get("q"));
  window.firstResultsMs = performance.now();
  window.items = items.map(group => group[0].location);
  window.total = items.length;
  window.done = true;
}})();
</script></body></html>"""


def write_harnesses(site: Path) -> None:
    folder = site / BENCH_DIR
    folder.mkdir(exist_ok=True)
    worker = next((_material_root() / "templates/assets/javascripts/workers").glob("search.*.min.js")).name
    for lang in ("zh", "en"):
        (folder / f"pagefind-{lang}.html").write_text(PAGEFIND_PAGE.format(lang=lang), encoding="utf-8")
        (folder / f"material-{lang}.html").write_text(
            MATERIAL_PAGE.format(lang=lang, material=MATERIAL_DIR, worker=worker), encoding="utf-8")


@dataclass
class Run:
    ms: float
    bytes: int
    found: set[str]
    first: str | None = None  # the top result
    suggestion: str | None = None  # ours: the "did you mean" offered
    marks: dict[str, float] = field(default_factory=dict)  # ours: when each step happened (search.js)


@dataclass
class Row:
    engine: str
    lang: str
    build: Build
    runs: dict[str, Run] = field(default_factory=dict)
    probes: dict[str, Run] = field(default_factory=dict)  # by typed query


def _lang_url(url: str, lang: str, base: str) -> str:
    """A result URL as a path relative to the language root (like Corpus.urls)."""
    url = url.split("#")[0].removeprefix(base).lstrip("/")
    if lang != "zh":
        url = url.removeprefix(f"{lang}/")
    return url.removesuffix("index.html")


def _visit(browser, url: str, counted: str, ready: str, timeout: float = 180_000):
    context = browser.new_context()
    sizes: list[int] = []

    def on_response(response) -> None:
        # Content-Length as served (the test server sends it): large bodies such as Material's
        # 75 MB index cannot be read back through the browser protocol.
        if counted in response.url:
            length = response.headers.get("content-length")
            if length is not None:
                sizes.append(int(length))
            else:
                with contextlib.suppress(Exception):
                    sizes.append(len(response.body()))

    context.on("response", on_response)
    page = context.new_page()
    page.goto(url)
    page.wait_for_function(ready, timeout=timeout)
    return context, page, sizes


def measure_ours(browser, base: str, lang: str, q: str) -> Run:
    prefix = "" if lang == "zh" else f"{lang}/"
    ready = "window.zzSearchState && window.zzSearchState.status === 'done'"
    context, page, sizes = _visit(browser, f"{base}{prefix}search/?q={quote(q)}", "/search-index/", ready)
    ms = page.evaluate("window.zzSearchState.firstResultsMs || performance.now()")
    nbytes = sum(sizes)
    state = page.evaluate("window.zzSearchState")
    found = {_lang_url(u, lang, "") for u in page.evaluate("q => window.zzSearch.all(q)", q)}
    context.close()
    shown = state.get("shown") or []
    return Run(ms, nbytes, found, shown[0] if shown else None, state.get("suggestion"), state.get("marks") or {})


def measure_pagefind(browser, base: str, lang: str, q: str) -> Run:
    context, page, sizes = _visit(browser, f"{base}{BENCH_DIR}/pagefind-{lang}.html?q={quote(q)}",
                                  "/pagefind/", "window.done === true")
    ms, nbytes = page.evaluate("window.firstResultsMs"), sum(sizes)
    first = page.evaluate("window.firstUrls")
    found = {_lang_url(u, lang, "") for u in page.evaluate("window.allUrls()")}
    context.close()
    return Run(ms, nbytes, found, _lang_url(first[0], lang, "") if first else None)


class MaterialSession:
    """Material's search builds its lunr index in the browser on every page load: each cold
    query pays for it. After a few cold runs the rest are asked of the same worker (for recall
    only), so that 10,000 pages do not take an hour."""

    COLD_RUNS = 3

    def __init__(self, browser, base: str, lang: str) -> None:
        self.browser, self.base, self.lang = browser, base, lang
        self.cold = 0
        self.warm = None

    def measure(self, q: str) -> Run:
        if self.cold < self.COLD_RUNS:
            self.cold += 1
            url = f"{self.base}{BENCH_DIR}/material-{self.lang}.html?q={quote(q)}"
            context, page, sizes = _visit(self.browser, url, f"/{MATERIAL_DIR}/", "window.done === true",
                                          timeout=600_000)
            items = page.evaluate("window.items")
            run = Run(page.evaluate("window.firstResultsMs"), sum(sizes),
                      {_lang_url(u, self.lang, "") for u in items},
                      _lang_url(items[0], self.lang, "") if items else None)
            if self.cold < self.COLD_RUNS:
                context.close()
            else:
                self.warm = (context, page)
            return run
        _, page = self.warm
        items = page.evaluate("q => window.ask(q).then(items => items.map(g => g[0].location))", q)
        return Run(float("nan"), 0, {_lang_url(u, self.lang, "") for u in items},
                   _lang_url(items[0], self.lang, "") if items else None)

    def close(self) -> None:
        if self.warm:
            self.warm[0].close()


# ---------------------------------------------------------------------------- report

def _median(values: list[float]) -> float:
    values = [v for v in values if v == v]  # drop NaN (warm Material queries)
    return statistics.median(values) if values else float("nan")


def _slowest(values: list[float]) -> float:
    values = [v for v in values if v == v]
    return max(values) if values else float("nan")


def report(rows: list[Row], corpora: dict[str, Corpus], qs: dict[str, list[str]]) -> str:
    lines = []
    header = (f"{'engine':<10} {'lang':<4} {'recall':>7} {'extra':>6} {'KB/query':>9} {'max KB':>8} "
              f"{'first ms':>9} {'slowest':>8} {'build s':>8} {'build MB':>9}")
    lines.append(header)
    lines.append("-" * len(header))
    for row in rows:
        c = corpora[row.lang]
        hits = total = extra = 0
        for q in qs[row.lang]:
            truth = c.truth(q)
            run = row.runs[q]
            hits += len(truth & run.found)
            total += len(truth)
            extra += len(run.found - truth - c.listings)
        sizes = [r.bytes for r in row.runs.values() if r.bytes]
        lines.append(
            f"{row.engine:<10} {row.lang:<4} {hits / total:>7.1%} {extra:>6} "
            f"{statistics.median(sizes) / 1024 if sizes else float('nan'):>9.1f} "
            f"{max(sizes) / 1024 if sizes else float('nan'):>8.1f} "
            f"{_median([r.ms for r in row.runs.values()]):>9.0f} {_slowest([r.ms for r in row.runs.values()]):>8.0f} "
            f"{row.build.seconds:>8.1f} {row.build.peak_mb:>9.0f}")
    lines.append("")
    lines.append("per query: recall (found/truth) ours · material · pagefind")
    for lang in qs:
        for q in qs[lang]:
            truth = corpora[lang].truth(q)
            cells = []
            for row in rows:
                if row.lang == lang:
                    f = row.runs[q].found
                    listed = corpora[lang].listings
                    cells.append(f"{row.engine} {len(truth & f)}/{len(truth)}+{len(f - truth - listed)}")
            lines.append(f"  {lang} {q!r}: " + " · ".join(cells))
    return "\n".join(lines)


def bench(site: Path, engines: list[str], busy: int = 0) -> str:
    from playwright.sync_api import sync_playwright

    corpora = {lang: corpus(site, lang) for lang in ("zh", "en")}
    qs = {lang: queries(c) for lang, c in corpora.items()}
    print(f"site {site}: " + ", ".join(f"{lang} {len(c.urls)} pages, {len(qs[lang])} queries"
                                       for lang, c in corpora.items()), file=sys.stderr)
    write_harnesses(site)
    rows: list[Row] = []
    pagefind = build_pagefind(site) if "pagefind" in engines else None
    for lang in ("zh", "en"):
        if "ours" in engines:
            rows.append(Row("ours", lang, build_ours(site, lang)))
        if "material" in engines:
            rows.append(Row("material", lang, build_material(site, lang)))
        if pagefind:
            rows.append(Row("pagefind", lang, pagefind))
    ps = {lang: probes(c) for lang, c in corpora.items()}
    with served(site) as base, sync_playwright() as p, machine(busy) as load:
        browser = launch(p)
        for row in rows:
            session = MaterialSession(browser, base, row.lang) if row.engine == "material" else None
            for q in qs[row.lang]:
                row.runs[q] = _measure(browser, base, row, session, q)
            for probe in ps[row.lang]:
                row.probes[probe.typed] = _measure(browser, base, row, session, probe.typed)
            if session:
                session.close()
        browser.close()
    return "\n\n".join([report(rows, corpora, qs), report_probes(rows, corpora, ps), report_times(rows, load)])


# The steps of search.js's state.marks, in the order they normally happen.
STEPS = (("script", "script runs"), ("ranked", "buckets ranked"), ("parsed", "#zz-search parsed"),
         ("first", "results shown"))


def report_times(rows: list[Row], load: Machine) -> str:
    """Ours: time to first results over every timed query (table queries and probes), median and
    worst, with where the median query's time went, and the machine's state while timing."""
    header = (f"{'lang':<4} {'queries':>7} {'median ms':>9} {'worst ms':>8}   median ms after navigation start: "
              + " · ".join(name for _, name in STEPS))
    lines = ["time to first results (ours, every timed query; one cold page load each)", header,
             "-" * len(header)]
    for row in rows:
        if row.engine != "ours":
            continue
        runs = list(row.runs.values()) + list(row.probes.values())
        times = [r.ms for r in runs]
        steps = " · ".join(f"{_median([r.marks[key] for r in runs if key in r.marks]):.0f}" for key, _ in STEPS)
        slowest = max((r for r in runs if r.ms == r.ms), key=lambda r: r.ms, default=None)
        lines.append(f"{row.lang:<4} {len(runs):>7} {_median(times):>9.0f} {_slowest(times):>8.0f}   {steps}"
                     + (f"   (worst: {_steps(slowest)})" if slowest else ""))
    lines.append(f"machine: {load.describe()}")
    return "\n".join(lines)


def _steps(run: Run) -> str:
    return ", ".join(f"{name} {run.marks[key]:.0f}" for key, name in STEPS if key in run.marks)


def _measure(browser, base: str, row: Row, session, q: str) -> Run:
    try:
        if row.engine == "ours":
            run = measure_ours(browser, base, row.lang, q)
        elif row.engine == "pagefind":
            run = measure_pagefind(browser, base, row.lang, q)
        else:
            run = session.measure(q)
    except Exception as error:  # a failed query counts as finding nothing
        print(f"  {row.engine} {row.lang} {q!r} FAILED: {error}", file=sys.stderr)
        return Run(float("nan"), 0, set())
    print(f"  {row.engine} {row.lang} {q!r}: {run.ms:.0f} ms, {run.bytes} B, {len(run.found)} found, "
          f"first {run.first}" + (f", suggests {run.suggestion!r}" if run.suggestion else ""), file=sys.stderr)
    return run


def _probe_ok(probe: Probe, run: Run, c: Corpus) -> bool:
    if probe.suggestion:
        return run.suggestion == probe.suggestion
    return run.first == probe.first if probe.first else run.first in c.truth(probe.meant)


def report_probes(rows: list[Row], corpora: dict[str, Corpus], ps: dict[str, list[Probe]]) -> str:
    """Per query class and engine: recall of what the queries mean, how often the right page
    came first (the named page, or else any page holding the meaning), and for typos how often
    ours offered the expected suggestion."""
    header = (f"{'class':<11} {'engine':<9} {'lang':<4} {'queries':>7} {'recall':>7} {'extra':>6} "
              f"{'right first':>11} {'suggestion':>10} {'first ms':>9} {'slowest':>8}")
    lines = [header, "-" * len(header)]
    classes = list(dict.fromkeys(p.cls for lang in ps for p in ps[lang]))
    for cls in classes:
        for row in rows:
            c = corpora[row.lang]
            mine = [p for p in ps[row.lang] if p.cls == cls]
            if not mine:
                continue
            hits = total = extra = right = offered = 0
            for probe in mine:
                run, truth = row.probes[probe.typed], c.truth(probe.meant)
                hits += len(truth & run.found)
                total += len(truth)
                extra += len(run.found - truth - c.listings)
                right += run.first == probe.first if probe.first else run.first in truth
                offered += bool(probe.suggestion) and run.suggestion == probe.suggestion
            typos = sum(1 for p in mine if p.suggestion)
            times = [row.probes[p.typed].ms for p in mine]
            suggestion = f"{offered}/{typos}" if typos and row.engine == "ours" else "-"
            lines.append(f"{cls:<11} {row.engine:<9} {row.lang:<4} {len(mine):>7} "
                         f"{hits / total if total else float('nan'):>7.1%} {extra:>6} {f'{right}/{len(mine)}':>11} "
                         f"{suggestion:>10} {_median(times):>9.0f} {_slowest(times):>8.0f}")
    lines.append("")
    lines.append("per probe (ours): typed → first result · suggestion")
    for row in rows:
        if row.engine != "ours":
            continue
        for probe in ps[row.lang]:
            run = row.probes[probe.typed]
            mark = "ok" if _probe_ok(probe, run, corpora[row.lang]) else "MISS"
            lines.append(f"  {mark:<4} {probe.cls:<10} {row.lang} {probe.typed!r} → {run.first} · {run.suggestion}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.bench_search", description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site folder (it gets the three indexes written into it)")
    parser.add_argument("--synthetic", type=int, metavar="N", help="write a synthetic site of N dossiers per language")
    parser.add_argument("--out", type=Path, default=Path("build/bench-search"), help="where --synthetic writes")
    parser.add_argument("--engines", default="ours,material,pagefind")
    parser.add_argument("--busy", type=int, default=0, metavar="N",
                        help="start N CPU-bound processes for the duration of the timed queries (default 0: none)")
    args = parser.parse_args(argv)
    if args.synthetic:
        from tests.bench.synth_site import write_site

        site = args.out / f"synthetic-{args.synthetic}"
        shutil.rmtree(site, ignore_errors=True)
        write_site(site, args.synthetic)
    elif args.site and args.site.is_dir():
        site = args.site
    else:
        parser.error("give --site SITE (a built site) or --synthetic N")
    started = time.perf_counter()
    table = bench(site, args.engines.split(","), args.busy)
    print(f"site {site}; engines {args.engines}; BUSY={args.busy}")
    print(table)
    print(f"\n(bench took {time.perf_counter() - started:.0f} s; {os.cpu_count()} cores; load average now "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}; bytes are response bodies as served, uncompressed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
