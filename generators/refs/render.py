"""Replace references in text: the site makes links, print makes words.

    replace_refs(text, archive, print_replacer(archive, notice))         # words for the printed document

The site makes its links itself (``generators.site.context.Ctx.refs``: a link to the target's page
in the page's language; a classified target the words "[已定密文件]" / "[classified]", its title
never reaching the site). In print a reference becomes the notice's document number, a document's
title in 《》, a name, or "附件N" for an attachment of the notice being printed — never a raw ID,
never a dead link.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import quote

from generators import present
from generators.records import Archive
from generators.records.model import DocumentRecord, Notice
from generators.refs.resolve import resolve
from generators.refs.syntax import RefMatch, find_refs
from generators.words import word

# (the reference as written, the ID it resolved to or None) -> replacement text
Replacer = Callable[[RefMatch, str | None], str]
UrlFor = Callable[[str], str | None]

# Nested parts that are documents (a plan, an attachment) are cited in 《》 like records.
_DOCUMENT_PARTS = ("plan", "attachment")


def replace_refs(text: str, archive: Archive, replacer: Replacer) -> str:
    parts: list[str] = []
    position = 0
    for match in find_refs(text):
        parts.append(text[position:match.start])
        parts.append(replacer(match, resolve(archive, match.target)))
        position = match.end
    parts.append(text[position:])
    return "".join(parts)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def escape_markdown(words: str) -> str:
    """Words shown as they are in Markdown (link text, table cells): special characters escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", words)


def markdown_url(url: str) -> str:
    # Keep the URL one token in Markdown: spaces and parentheses would end it early.
    return quote(url, safe="/#?&=.:%~+-_!$,;@'")


def attachment_label(notice: Notice, attachment_id: str) -> str:
    """"附件N" for an attachment of ``notice`` (GB/T 9704-2012 7.3.3: a single attachment is "附件")."""
    ids = [a.id for a in notice.attachments]
    if len(ids) == 1:
        return "附件"
    return f"附件{ids.index(attachment_id) + 1}"


def print_words(archive: Archive, target_id: str, notice: Notice | None = None, lang: str = "zh") -> str:
    """What print shows for a record: document number, 《title》, a name, or 附件N."""
    nested = archive.nested.get(target_id)
    if nested is not None and nested.type == "attachment" and notice is not None and nested.parent == notice.id:
        return attachment_label(notice, target_id)
    record = archive.get(target_id)
    if isinstance(record, Notice):
        return record.document_number
    title = present.title(archive, target_id, lang)
    is_document = isinstance(record, DocumentRecord) or (nested is not None and nested.type in _DOCUMENT_PARTS)
    if not is_document:
        return title  # a town, domain, person, campaign or target task: its name as it is
    return word("cited_title", lang, title=title)


def print_replacer(archive: Archive, notice_context: Notice | str | None = None, lang: str = "zh") -> Replacer:
    """Words for print. ``notice_context``: the notice (or its ID) being printed, for "附件N".

    The words are text: the print puts them in after pandoc read the prose (documents/prose.py)."""
    notice = archive.get(notice_context) if isinstance(notice_context, str) else notice_context
    if not isinstance(notice, Notice):
        notice = None

    def replace(match: RefMatch, target_id: str | None) -> str:
        if match.label:
            words = match.label
        elif target_id is None:  # an error (E301) stops the build before print
            words = match.target
        else:
            words = print_words(archive, target_id, notice, lang)
        return words

    return replace
