"""The reviewer's view of one report: every outgoing reference with its status, every backlink,
and the sieve-check coverage (art. 5(2)) — as text for ``make review ID=…`` and as Markdown for
the site's ``review/<id>/`` pages.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from generators import present
from generators.records import Archive
from generators.records.model import DOCUMENT_TYPES, SelfAssessment, SubReport
from generators.refs.checks import out_of_scope, state
from generators.refs.graph import Coverage, Reference, coverage, graph, repeated
from generators.refs.render import UrlFor, escape_markdown, markdown_url
from generators.refs.resolve import resolve
from generators.words import word

STATUSES = ("ok", "broken", "classified", "withdrawn", "superseded", "out-of-scope", "not-listed", "listed-twice")
# A status's words are the catalogue's (generators/words.py): the site's own for withdrawn and
# superseded records, "review.status.<status>" for the others.
_STATUS_WORDS = {"withdrawn": "status_withdrawn", "superseded": "status_superseded"}
# Every document except the hazard dossiers (thousands of them) gets a reviewer's page.
REVIEWED_TYPES = tuple(t for t in DOCUMENT_TYPES if t != "hazard")


@dataclass(frozen=True)
class RefStatus:
    reference: Reference
    status: str


@dataclass(frozen=True)
class ReviewReport:
    report_id: str
    kind: str
    outgoing: tuple[RefStatus, ...]
    backlinks: tuple[Reference, ...]
    coverage: Coverage | None

    def count(self, status: str) -> int:
        return sum(item.status == status for item in self.outgoing)


def status_of(archive: Archive, ref: Reference) -> str:
    """One status per reference; the most serious wins (broken, classified, withdrawn, …)."""
    if ref.target_id is None:
        return "broken"
    if graph(archive).is_classified(ref.target_id):
        return "classified"
    if ref.path != ("supersedes",):  # naming the version one revises is the point of that field
        old = state(archive, ref.target_id)
        if old is not None:
            return old
    if out_of_scope(archive, archive.get(ref.source_id), ref.target_id) is not None:
        return "out-of-scope"
    return _sieve_status(archive, ref) or "ok"


def _sieve_status(archive: Archive, ref: Reference) -> str | None:
    """A verification of a hazard no list names, or the second listing of one hazard."""
    if len(ref.path) != 3 or ref.path[0] not in ("verifications", "hazard_list") or ref.path[2] != "hazard":
        return None
    source = archive.get(ref.source_id)
    if isinstance(source, SubReport) and ref.path[0] == "verifications":
        return "not-listed" if ref.target_id in coverage(archive, source.id).unlisted_ids else None
    if isinstance(source, SelfAssessment) and ref.path[0] == "hazard_list":
        return "listed-twice" if ref.path[1] in repeated([i.hazard for i in source.hazard_list]) else None
    return None


def review(archive: Archive, report_id: str) -> ReviewReport:
    """Raises KeyError for an ID the archive does not have."""
    kind = archive.kind_of(report_id)
    if kind is None:
        raise KeyError(report_id)
    g = graph(archive)
    outgoing = tuple(RefStatus(ref, status_of(archive, ref)) for ref in g.outgoing(report_id))
    return ReviewReport(report_id, kind, outgoing, tuple(g.backlinks(report_id)), coverage(archive, report_id))


def reviewable(archive: Archive) -> list[str]:
    """IDs that get a reviewer's page on the site: published (not classified) reports, lists, notices."""
    return [r.id for r in archive if r.type in REVIEWED_TYPES and not present.is_classified(archive, r)]


def dotted(path: tuple[str | int, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


# ---------------------------------------------------------------------------------------------
# Text, for the command line


def review_text(archive: Archive, report: ReviewReport, lang: str) -> str:
    lines = [f"{word('review.review_of', lang)} {report.report_id} — {present.title(archive, report.report_id, lang)}"
             f" ({report.kind})"]
    if report.coverage is not None:
        c = report.coverage
        lines.append(word("review.coverage", lang) + word("sep.colon", lang)
                     + word("review.coverage_counts", lang, listed=c.listed, verified=c.verified, closed=c.closed))
        for ids, _, key in _sieve_gaps(c):
            lines.append(f"  {word(key, lang)}{word('sep.colon', lang)}" + ", ".join(ids))
    lines.append(f"{word('review.outgoing', lang)} ({len(report.outgoing)}):")
    shown = [(s, s.reference.target_text if s.reference.kind == "field" else f"[[{s.reference.target_text}]]")
             for s in report.outgoing]
    status_width = max((_width(status_label(s.status, lang)) for s in report.outgoing), default=0)
    target_width = max((_width(words) for _, words in shown), default=0)
    for item, words in shown:
        ref = item.reference
        title = (f"  {present.title(archive, ref.target_id, lang)}"
                 if ref.target_id and item.status != "classified" else "")
        lines.append(f"  {_pad(status_label(item.status, lang), status_width)} {_pad(words, target_width)} "
                     f"{ref.location}  {dotted(ref.path)}{title}")
    lines.append(f"{word('referenced_by', lang)} ({len(report.backlinks)}):")
    for ref in report.backlinks:
        lines.append(f"  {ref.source_id:<{max(len(r.source_id) for r in report.backlinks)}} "
                     f"{ref.location}  {dotted(ref.path)}")
    counts = " · ".join(f"{status_label(s, lang)} {report.count(s)}" for s in STATUSES if report.count(s))
    lines.append(word("total", lang) + word("sep.colon", lang) + (counts or "—"))
    return "\n".join(lines) + "\n"


def _sieve_gaps(c: Coverage) -> list[tuple]:
    """(hazard IDs, catalogue keys of the page's heading and of the command line's short words) of
    each kind of gap that has any."""
    gaps = [(c.unverified_ids, "review.gap.unverified", "review.gap.unverified.short"),
            (c.unlisted_ids, "review.gap.unlisted", "review.gap.unlisted.short"),
            (c.duplicate_ids, "review.gap.duplicate", "review.status.listed-twice")]
    return [gap for gap in gaps if gap[0]]


def _width(words: str) -> int:
    """Columns on a terminal: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in words)


def _pad(words: str, width: int) -> str:
    return words + " " * (width - _width(words))


# ---------------------------------------------------------------------------------------------
# Markdown, for the site


# The page's headings: the catalogue's (generators/words.py), the site's where the site says it.
_HEAD = {"title": "review.title", "coverage": "review.coverage", "listed": "review.listed",
         "verified": "review.verified", "closed": "hazards_closed", "outgoing": "review.outgoing",
         "backlinks": "referenced_by", "status": "status", "target": "review.target", "where": "review.where",
         "source": "review.source", "none": "none", "field": "review.field"}


def status_label(status: str, lang: str) -> str:
    return word(_STATUS_WORDS.get(status, f"review.status.{status}"), lang)


def review_page_markdown(archive: Archive, report_id: str, lang: str, url_for: UrlFor, *,
                         full: Archive | None = None) -> str:
    """The reviewer's page of one record, in ``lang``; links from ``url_for(id)`` (None: no link).

    Classified targets and sources appear as "[已定密文件]"/"[classified]", never with their
    title. Refuses (ValueError) to make a page for a classified record: it never reaches the site.
    When ``archive`` is the site's public view (classified records removed), pass the ``full``
    archive so that a reference to a withheld record shows as classified, not as broken, and
    without the words it was written with.
    """
    if present.is_classified(archive, report_id):
        raise ValueError(f"{report_id} is classified: no review page on the site")
    report = review(archive, report_id)
    h = {part: word(key, lang) for part, key in _HEAD.items()}
    out = [f"# {h['title']}{word('sep.colon', lang)}{escape_markdown(present.title(archive, report_id, lang))}", ""]
    out += [f"`{report_id}` · {_link(archive, report_id, lang, url_for)}", ""]
    if report.coverage is not None:
        c = report.coverage
        out += [f"## {h['coverage']}", "", f"| {h['listed']} | {h['verified']} | {h['closed']} |",
                "|---:|---:|---:|", f"| {c.listed} | {c.verified} | {c.closed} |", ""]
        for ids, key, _ in _sieve_gaps(c):
            out += [f"{word(key, lang)}{word('sep.colon', lang).rstrip()}", ""]
            out += [f"- {_link(archive, hazard, lang, url_for)} (`{hazard}`)" for hazard in ids]
            out.append("")
    out += [f"## {h['outgoing']} ({len(report.outgoing)})", ""]
    if report.outgoing:
        out += [f"| {h['status']} | {h['target']} | {h['field']} | {h['where']} |", "|---|---|---|---|"]
        for item in report.outgoing:
            ref = item.reference
            status = item.status
            if ref.target_id is not None:
                target = _link(archive, ref.target_id, lang, url_for)
            elif full is not None and resolve(full, ref.target_text) is not None:
                status, target = "classified", escape_markdown(word("ref.classified", lang))  # withheld from the site
            else:
                target = f"`[[{ref.target_text.replace('`', '')}]]`"
            out.append(f"| {status_label(status, lang)} | {target} | `{dotted(ref.path)}` | "
                       f"`{ref.location}` |")
    else:
        out.append(h["none"])
    out += ["", f"## {h['backlinks']} ({len(report.backlinks)})", ""]
    if report.backlinks:
        out += [f"| {h['source']} | {h['field']} | {h['where']} |", "|---|---|---|"]
        for ref in report.backlinks:
            out.append(f"| {_link(archive, ref.source_id, lang, url_for)} | `{dotted(ref.path)}` | "
                       f"`{ref.location}` |")
    else:
        out.append(h["none"])
    return "\n".join(out) + "\n"


def _link(archive: Archive, record_id: str, lang: str, url_for: UrlFor) -> str:
    if present.is_classified(archive, record_id):
        return escape_markdown(word("ref.classified", lang))
    words = escape_markdown(present.title(archive, record_id, lang))
    url = url_for(record_id)
    return f"[{words}]({markdown_url(url)})" if url else words
