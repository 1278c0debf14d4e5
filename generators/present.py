"""How values are shown to people, in one place for the site and the printed documents.

Dates, numbers, titles, vocabulary labels, classification and masking of personal data:
every output goes through these functions so the site and print always agree.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from pydantic import BaseModel

from generators.records import Archive
from generators.records.model import DocumentRecord, Record
from generators.records.types import Prose, Text
from generators.records.walk import PathT

LANGUAGES = ("zh", "en")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


def format_date(value: dt.date | None, lang: str) -> str:
    """2022年3月18日 (GB/T 9704: no zero padding) / 18 March 2022."""
    if value is None:
        return "—"
    if lang == "zh":
        return f"{value.year}年{value.month}月{value.day}日"
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def format_month(period: str, lang: str) -> str:
    """'2021-03' → 2021年3月 / March 2021."""
    year, month = (int(part) for part in period.split("-"))
    return f"{year}年{month}月" if lang == "zh" else f"{_MONTHS[month - 1]} {year}"


def round_half_up(value: Decimal | float, places: int = 1) -> Decimal:
    """Rounding used everywhere figures are shown: half away from zero (四舍五入), not banker's."""
    quantum = Decimal(1).scaleb(-places)
    return Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)


def format_number(value: Decimal | float | int, lang: str, places: int = 0) -> str:
    rounded = round_half_up(value, places) if places else Decimal(str(value)).quantize(Decimal(1), ROUND_HALF_UP)
    return f"{rounded:,.{places}f}"


def text(value: Text | Prose | None, lang: str) -> str:
    return value.get(lang) if value is not None else ""


def translated(value: Text | Prose | None, lang: str) -> bool:
    return value is None or value.translated(lang)


# Prose as both outputs read it: authors' comments are notes to editors, not content, and a link
# keeps its target only when a reader may safely follow it (the site and the print agree on both).
_COMMENT = re.compile(r"<!--.*?-->", re.S)
SAFE_SCHEMES = ("http", "https", "mailto")


def without_comments(markdown: str) -> str:
    """Prose without its ``<!-- … -->`` comments (which Markdown would hide and plain text show)."""
    return _COMMENT.sub("", markdown)


def safe_href(href: str) -> bool:
    """True for a link a reader may follow: relative, ``http(s):`` or ``mailto:``. Decided on the
    URL as a browser will read it: entities decoded (``javascript&#58;``, ``&colon;``,
    ``&#x3a;``), then the whitespace and control characters it ignores removed (``java\tscript:``)."""
    url, previous = href, None
    while url != previous:  # &amp;#58; decodes to &#58;, which a second reading decodes again
        previous, url = url, html.unescape(url)
    url = re.sub(r"[\x00-\x20\x7f-\x9f]", "", url)
    if ":" not in re.split(r"[/?#]", url, maxsplit=1)[0]:
        return True  # relative: no colon before the path, query or fragment begins
    # A colon up front that opens no allowed scheme (``:x``, ``1a:``) is refused rather than guessed at.
    scheme = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", url)
    return scheme is not None and scheme.group(1).lower() in SAFE_SCHEMES


def title(archive: Archive, record_id: str, lang: str) -> str:
    """The title a person knows a record or nested part by, in ``lang`` (falls back to Chinese)."""
    record = archive.get(record_id)
    model = record if record is not None else archive.nested[record_id].model
    for attribute in ("title", "name"):
        value = getattr(model, attribute, None)
        if isinstance(value, Text):
            return value.get(lang)
    return record_id


def fingerprint(archive: Archive, record_id: str) -> str:
    """A digest of a record as loaded (prose files included; a nested part stands for its record):
    the printed documents note it for every record they print, and the site compares it with the
    record as it is now to tell a current printed version from an out-of-date one."""
    import hashlib

    if record_id in archive.nested:
        record_id = archive.nested[record_id].parent
    record = archive.get(record_id)
    dump = record.model_dump_json() if record is not None else ""
    return hashlib.sha256(dump.encode("utf-8")).hexdigest()[:16]


def classification(archive: Archive, record: Record) -> str:
    if isinstance(record, DocumentRecord) and record.classification:
        return record.classification
    return archive.jurisdiction.default_classification


def is_classified(archive: Archive, record_or_id: Record | str) -> bool:
    """True for 秘密/机密/绝密 (vocabulary flag ``classified``); nested parts follow their record."""
    if isinstance(record_or_id, str):
        if record_or_id in archive.nested:
            record_or_id = archive.nested[record_or_id].parent
        record = archive.get(record_or_id)
        if record is None:
            return False
    else:
        record = record_or_id
    return archive.has_flag("classifications", classification(archive, record), "classified")


# Personal numbers as people write them: ASCII or full-width digits; spaces, dashes, dots or
# Markdown emphasis marks between digits (139-1234-5678, 139 1234 5678, 139**1234**5678); a
# mobile with +86, 86 or 0086 before it; an ID with spaces between its groups. The README lists
# the recognised forms. Separators are bounded (3 characters) so unrelated numbers stay apart.
_D = "[0-9\uff10-\uff19]"
_SEP = "[ \\t\\-\u2010-\u2015.\u00b7*_~`\u00a0\u3000]{0,3}"
_MOBILE = re.compile(
    rf"(?<![0-9\uff10-\uff19])(?P<prefix>(?:[+\uff0b]|00)?86{_SEP})?[1\uff11]{_SEP}[3-9\uff13-\uff19]"
    rf"(?:{_SEP}{_D}){{9}}(?![0-9\uff10-\uff19])")
_ID_NUMBER = re.compile(
    rf"(?<![0-9A-Za-z\uff10-\uff19])[1-9\uff11-\uff19](?:{_SEP}{_D}){{16}}{_SEP}[0-9Xx\uff10-\uff19\uff38\uff58]"
    rf"(?![0-9A-Za-z\uff10-\uff19])")
# The full-width asterisk: the ASCII one would read as Markdown emphasis (138****5678 printed
# "138" and a bold "5678"); every print and screen font of the project has it.
MASK = "\uff0a"
_ANY_DIGIT = re.compile("[0-9\uff10-\uff19]")
_ASCII = str.maketrans("０１２３４５６７８９Ｘｘx", "0123456789XXX")


def _digits(text: str) -> str:
    return re.sub(r"[^0-9X]", "", text.translate(_ASCII))


def mask_personal(value: str) -> str:
    """Mask mobile and ID numbers wherever they appear in free text. Idempotent: a masked number
    has no digits left in its middle to match again."""
    if not _ANY_DIGIT.search(value):  # both numbers are digits: most texts hold none (half a million of them)
        return value
    value = _ID_NUMBER.sub(lambda m: mask_id_number(_digits(m.group(0))), value)
    return _MOBILE.sub(lambda m: ("+86 " if m.group("prefix") else "") + mask_mobile(_digits(m.group(0))[-11:]),
                       value)


def mask_mobile(number: str | None) -> str:
    """13812345678 → 138＊＊＊＊5678 (a number already masked is returned as it is)."""
    if not number:
        return ""
    if MASK in number:
        return number
    digits = _digits(number)
    return digits[:3] + MASK * max(len(digits) - 7, 0) + digits[-4:] if len(digits) >= 7 else MASK * 4


def mask_id_number(number: str | None) -> str:
    """320684199001011234 → 320684＊＊＊＊＊＊＊＊1234 (a number already masked is returned as it is)."""
    if not number:
        return ""
    if MASK in number:
        return number
    return number[:6] + MASK * max(len(number) - 10, 0) + number[-4:] if len(number) > 10 else MASK * 4


# ---------------------------------------------------------------------------------------------
# The public view: what the site, the public printed documents and public packages are made of


def public_view(archive: Archive) -> tuple[Archive, list[str]]:
    """The archive without classified records (and their nested parts), every personal number in
    every text masked; and the IDs withheld. Every public output is made from this view, so the
    site, the public PDFs/Word files and the search index agree and none prints a number in full."""
    withheld = sorted(r.id for r in archive if is_classified(archive, r))
    hidden = set(withheld)
    records = {k: _masked(v, _Codes(archive, k)) for k, v in archive.records.items() if k not in hidden}
    origins = {k: v for k, v in archive.origins.items() if k not in hidden}
    nested = {k: replace(v, model=_at(records[v.parent], v.path)) for k, v in archive.nested.items()
              if v.parent not in hidden}
    public = Archive(archive.root, records, origins, nested, archive.vocabularies)
    # Codes are never masked: a record's references and vocabulary values are those of the archive
    # (which the loader and the checks worked out already; the reference graph reads them again).
    known = archive.known_marked_values()
    public.knows_marked_values({k: v for k, v in known.items() if k in records})
    return public, withheld


_PERSONAL_FIELDS = {"mobile": mask_mobile, "id_number": mask_id_number}


class _Codes:
    """Paths of a record's values that are codes (references, vocabulary keys), never text to mask;
    worked out only when a value would be masked (most records have nothing to mask, and walking
    every record's codes was most of the public view's cost)."""

    def __init__(self, archive: Archive, record_id: str) -> None:
        self._archive, self._id, self._paths = archive, record_id, None

    def __contains__(self, path: PathT) -> bool:
        if self._paths is None:
            self._paths = {marked.path for marked in self._archive.marked_values(self._id)}
        return path in self._paths


def _masked(value: Any, codes: _Codes, path: PathT = ()) -> Any:
    if isinstance(value, str):
        # The personal-data fields are masked whatever they hold (a landline, a number with a typo).
        whole = _PERSONAL_FIELDS.get(str(path[-1])) if path else None
        masked = whole(value) if whole else mask_personal(value)
        if masked == value or path in codes or (path and path[-1] == "id"):
            return value
        return masked
    if isinstance(value, BaseModel):
        updates = {}
        for name in type(value).model_fields:
            old = getattr(value, name)
            new = _masked(old, codes, path + (name,))
            if new is not old and new != old:
                updates[name] = new
        return value.model_copy(update=updates) if updates else value
    if isinstance(value, list):
        items = [_masked(item, codes, path + (i,)) for i, item in enumerate(value)]
        return items if any(a is not b for a, b in zip(items, value, strict=True)) else value
    return value


def _at(record: Record, path: PathT) -> Any:
    value: Any = record
    for part in path:
        value = value[part] if isinstance(part, int) else getattr(value, part)
    return value
