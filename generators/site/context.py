"""What every page builder needs: the published view of the archive, the language, links.

The site is built from :func:`generators.present.public_view`, the archive without classified
records (personal numbers masked), so no page, link, row or count can include them. The full
archive is kept only to tell a reference to a withheld record (shown as "[not published]") from a
reference to nothing (shown broken).
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from generators import present
from generators.records import Archive, reads
from generators.records.model import Organisation, Person, Record
from generators.records.types import Prose, Text
from generators.refs.render import replace_refs
from generators.refs.syntax import RefMatch
from generators.site import html as h
from generators.site.i18n import t

# Record type → site section; records of other types (people, vocabularies) have no page.
SECTIONS: dict[str, str] = {
    "campaign": "campaigns",
    "domain": "domains",
    "hazard": "hazards",
    "notice": "notices",
    "accident-statistics": "statistics",
    "evaluation-plan": "reports",
    "self-assessment": "reports",
    "overall-report": "reports",
    "sub-report": "reports",
    "extension-request": "reports",
    "comprehensive-review": "reports",
    "rectification-plan": "reports",
    "look-back": "reports",
    "supervision-check": "reports",
    "mechanism": "reports",
}


def is_town(record: Record | None, archive: Archive) -> bool:
    return isinstance(record, Organisation) and archive.has_flag("organisation-kinds", record.kind, "grassroots")


def record_url(archive: Archive, record_id: str) -> str | None:
    """The site path of a record's page ('hazards/HZ-1/'), with a fragment for nested parts."""
    if record_id in archive.nested:
        nested = archive.nested[record_id]
        parent = record_url(archive, nested.parent)
        return f"{parent}#{record_id}" if parent else None
    record = archive.get(record_id)
    if record is None:
        return None
    if is_town(record, archive):
        return f"towns/{record_id}/"
    section = SECTIONS.get(record.type)
    return f"{section}/{record_id}/" if section else None


def relative(from_url: str, to_url: str) -> str:
    """A link from the page at ``from_url`` to ``to_url`` (both site paths), relative so the
    site works under any prefix and in both language trees."""
    target, _, fragment = to_url.partition("#")
    # Pure string work (posixpath.relpath asks the file system for the working directory: slow
    # when called for every link of tens of thousands of pages).
    here = [part for part in from_url.split("/") if part]
    there = [part for part in target.split("/") if part]
    common = 0
    while common < min(len(here), len(there)) and here[common] == there[common]:
        common += 1
    parts = [".."] * (len(here) - common) + there[common:]
    path = posixpath.join(*parts) if parts else "."
    link = "./" if path == "." else path + ("/" if target.endswith("/") or not target else "")
    return link + (f"#{fragment}" if fragment else "")


@dataclass
class Site:
    """Everything shared by all pages of one build (both languages)."""

    archive: Archive  # the public view
    full: Archive
    withheld: list[str]
    build_date: dt.date
    documents: dict[str, list] = field(default_factory=dict)  # record id → [printed.Printed], own first
    # Record ID → the paths of its texts without English (views.sections.missing_translations); a
    # rebuild starts with those of the records whose files did not change.
    untranslated: dict[str, list[str]] = field(default_factory=dict)

    def of_type(self, cls: type) -> list:
        """``archive.of_type`` computed once per build (it sorts the whole archive each call)."""
        cache = self.__dict__.setdefault("_of_type", {})
        if cls not in cache:
            cache[cls] = self.archive.of_type(cls)
        return cache[cls]

    def memo(self, key: tuple, compute):
        """A value shared by many pages of one build (facet counts, for example)."""
        # Replayed: every page using the value depends on the records it was computed from.
        return reads.replayed(self.__dict__.setdefault("_memo", {}), key, compute)

    @cached_property
    def history(self):
        """The git history of DATA, read once per build (one ``git log``)."""
        from generators.records.history import RepoHistory

        return RepoHistory.load(self.archive.root)

    @cached_property
    def graph(self):
        from generators.refs.graph import graph

        return graph(self.archive)


@dataclass
class Ctx:
    """One page being written: the site, the language and the page's own path."""

    site: Site
    lang: str
    url: str = ""

    @property
    def archive(self) -> Archive:
        return self.site.archive

    def at(self, url: str) -> Ctx:
        return Ctx(self.site, self.lang, url)

    def __digest__(self) -> tuple[str, str]:
        """What of a page's context its key holds: the site is the same for every page of a build."""
        return self.lang, self.url

    # -- words ------------------------------------------------------------------------------
    def t(self, key: str, **params: object) -> str:
        return h.esc(t(key, self.lang, **params))

    def type_label(self, record_id: str) -> str:
        """A record's type as the site names it; an organisation of a grassroots kind is a town."""
        town = is_town(self.archive.get(record_id), self.archive)
        key = "type.town" if town else f"type.{self.archive.kind_of(record_id)}"
        return self.t(key)

    def facet(self, vocabulary: str, key: str) -> tuple[str, int]:
        """A search facet value: the term's label and its place in the vocabulary (the order the
        search page lists the values in, rather than by character code)."""
        terms = list(self.archive.vocabularies[vocabulary])
        return self.archive.label(vocabulary, key, self.lang), terms.index(key) + 1

    def label(self, vocabulary: str, key: str | None) -> str:
        if not key:
            return ""
        try:
            return h.esc(self.archive.label(vocabulary, key, self.lang))
        except KeyError:
            return h.esc(key)

    def date(self, value: dt.date | None) -> str:
        # Kept on one line: "2023年3月20日" must not leave "日" alone, nor "20 March" its year.
        return h.nowrap(present.format_date(value, self.lang)) if value else ""

    def number(self, value, places: int = 0) -> str:
        return h.esc(present.format_number(value, self.lang, places))

    def plain(self, value: Text | Prose | None) -> str:
        """The text itself (for titles and attributes), falling back to Chinese."""
        return present.text(value, self.lang)

    def fallback_mark(self, value: Text | Prose | None) -> str:
        if present.translated(value, self.lang):
            return ""
        return f' <span class="zz-untranslated" title="{self.t("untranslated")}">{self.t("untranslated")}</span>'

    def text(self, value: Text | Prose | None) -> str:
        """A short text as HTML with references as links, marked when shown untranslated."""
        if value is None:
            return ""
        body = h.with_refs(self.plain(value), self.refs, h.text_html)
        if not present.translated(value, self.lang):
            return f'<span lang="zh">{body}</span>{self.fallback_mark(value)}'
        return body

    def prose(self, value: Text | Prose | None, shift: int = 2) -> str:
        if value is None:
            return ""
        body = h.with_refs(self.plain(value), self.refs, lambda s: h.prose_html(s, shift))
        mark = self.fallback_mark(value)
        lang = ' lang="zh"' if mark else ""
        return f'<div class="zz-prose"{lang}>{body}{mark}</div>'

    # -- links ------------------------------------------------------------------------------
    def href(self, to_url: str) -> str:
        return relative(self.url, to_url)

    def shared_href(self, path: str) -> str:
        """A link to a file both languages share at the site's root (the printed documents): the
        English tree lives under en/, one folder further down."""
        link = relative(self.url, path)
        return link if self.lang == "zh" else f"../{link}"

    def title(self, record_id: str) -> str:
        return present.title(self.archive, record_id, self.lang)

    def link(self, record_id: str | None, label: str | None = None) -> str:
        """A link to a record by its title; plain text when it has no page; nothing if withheld."""
        if not record_id:
            return ""
        if self.archive.kind_of(record_id) is None:
            if self.site.full.kind_of(record_id) is not None:
                return self.withheld()
            return f'<span class="zz-broken" title="{self.t("broken_ref")}">{h.esc(record_id)}</span>'
        shown = h.esc(label if label is not None else self.title(record_id))
        record = self.archive.get(record_id)
        if isinstance(record, Person):
            return self.person(record_id)
        url = record_url(self.archive, record_id)
        return (f'<a href="{h.esc(self.href(url))}">{shown}</a>' if url else shown) + self.status(record_id)

    def status(self, record_id: str) -> str:
        """The mark a withdrawn or superseded document carries wherever it is named."""
        from generators.records import versions

        record = self.archive.get(record_id)
        if versions.is_withdrawn(record):
            return f' <span class="zz-status zz-status-withdrawn">{self.t("status_withdrawn")}</span>'
        if record is not None and not versions.is_current(self.archive, record_id):
            return f' <span class="zz-status zz-status-superseded">{self.t("status_superseded")}</span>'
        return ""

    def links(self, ids: list[str]) -> str:
        return self.t("sep.list").join(self.link(i) for i in ids if self.archive.kind_of(i))

    def person(self, person_id: str | None) -> str:
        person = self.archive.get(person_id) if person_id else None
        if not isinstance(person, Person):
            return self.link(person_id) if person_id else ""
        parts = [self.plain(person.role)]
        if person.mobile:
            parts.append(person.mobile)  # masked in the public view
        inner = t("sep.comma", self.lang).join(p for p in parts if p)
        paren = t("paren", self.lang, inner=inner)  # escaped once, below
        return f'<span class="zz-person">{h.esc(self.plain(person.name))}{h.esc(paren) if inner else ""}</span>'

    def classified_count(self, kind: str | None = None, **where: str) -> int:
        """How many records the archive holds and the site withholds as classified (of ``kind``,
        with the given field values): what the site's figures leave out."""
        found = 0
        for rid in self.site.withheld:
            record = self.site.full.get(rid)
            if record is not None and (kind is None or record.type == kind) \
                    and all(getattr(record, k, None) == v for k, v in where.items()):
                found += 1
        return found

    def excluding(self, count: int) -> str:
        """The note beside a figure that counts fewer records than the archive holds."""
        if not count:
            return ""
        return f' <span class="zz-note zz-excluding">{self.t("excluding_classified", n=count)}</span>'

    def withheld(self) -> str:
        """What a reference to a classified record shows: the same words as the refs module's."""
        return f'<span class="zz-withheld">{self.t("ref.classified")}</span>'

    def refs(self, value: str, stash: Callable[[str], str]) -> str:
        """Replace ``[[...]]`` in ``value`` by stashed link HTML (see :func:`html.with_refs`)."""

        def replacer(match: RefMatch, target: str | None) -> str:
            if target is None:
                from generators.refs.resolve import resolve

                if resolve(self.site.full, match.target) is not None:
                    return stash(self.withheld())
                return stash(f'<span class="zz-broken" title="{self.t("broken_ref")}">{h.esc(match.text)}</span>')
            return stash(self.link(target, match.label))

        return replace_refs(value, self.archive, replacer)
