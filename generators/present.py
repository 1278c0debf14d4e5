"""How values are shown to people, in one place for the site and the printed documents.

Dates, numbers, titles, vocabulary labels, classification and masking of personal data:
every output goes through these functions so the site and print always agree.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

from generators.records import Archive
from generators.records.model import DocumentRecord, Record
from generators.records.types import Prose, Text

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"
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


def title(archive: Archive, record_id: str, lang: str) -> str:
    """The title a person knows a record or nested part by, in ``lang`` (falls back to Chinese)."""
    record = archive.get(record_id)
    model = record if record is not None else archive.nested[record_id].model
    for attribute in ("title", "name"):
        value = getattr(model, attribute, None)
        if isinstance(value, Text):
            return value.get(lang)
    return record_id


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


def mask_mobile(number: str | None) -> str:
    """13812345678 → 138****5678."""
    if not number:
        return ""
    digits = re.sub(r"\D", "", number)
    return digits[:3] + "*" * max(len(digits) - 7, 0) + digits[-4:] if len(digits) >= 7 else "****"


def mask_id_number(number: str | None) -> str:
    """320684199001011234 → 320684********1234."""
    if not number:
        return ""
    return number[:6] + "*" * max(len(number) - 10, 0) + number[-4:] if len(number) > 10 else "****"
