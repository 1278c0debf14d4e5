"""What every part of the generator shares: the random source, output, numbering, text helpers."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from generators.example.yamlout import Flow

D = dt.date
INVENTED_ZH = "虚构示例数据"
INVENTED_EN = "invented example data"


def t(zh: str, en: str | None = None) -> Flow:
    """A bilingual Text; ``en`` None leaves the English out (the site falls back to Chinese)."""
    return Flow(zh=zh, en=en) if en else Flow(zh=zh)


def prose(zh: str, en: str | None = None) -> dict:
    return {"zh": zh, "en": en} if en else {"zh": zh}


@dataclass
class OutFile:
    schema: str  # record type whose schema the file's first line names
    data: Any  # a record (mapping) or a list of records
    note: str = ""  # one line saying what the file holds


@dataclass
class Ctx:
    rng: random.Random
    hazards_wanted: int
    files: dict[str, OutFile] = field(default_factory=dict)  # path inside DATA → file
    prose_files: dict[str, str] = field(default_factory=dict)  # path inside the content root → Markdown
    _items: dict[int, set[int]] = field(default_factory=dict)
    _numbers: dict[int, int] = field(default_factory=dict)
    # Numbers the hand-written records already use: the real notice is 〔2022〕17号, item 17 of 2022.
    reserved_items: dict[int, set[int]] = field(default_factory=lambda: {2022: {17}})
    reserved_numbers: dict[int, set[int]] = field(default_factory=lambda: {2022: {17}})

    def add(self, path: str, schema: str, data: Any, note: str = "") -> None:
        assert path not in self.files, path
        self.files[path] = OutFile(schema, data, note)

    def archival(self, year: int, retention: str) -> Flow:
        """DA/T 22 item numbers: unique within a year across every document record."""
        used = self._items.setdefault(year, set(self.reserved_items.get(year, set())))
        number = max(used, default=0) + 1 if used else 1
        while number in used:
            number += 1
        used.add(number)
        return Flow(year=year, retention=retention, item_number=number)

    def document_number(self, year: int, number: int | None = None) -> str:
        """The next 海安委办〔year〕N号 (or ``number`` itself when given and free)."""
        used = self.reserved_numbers.setdefault(year, set())
        if number is None:
            number = self._numbers.get(year, 0) + 1
            while number in used:
                number += 1
        assert number not in used, (year, number)
        used.add(number)
        self._numbers[year] = max(self._numbers.get(year, 0), number)
        return f"海安委办〔{year}〕{number}号"

    def prose_file(self, content_path: str, zh: str, en: str | None) -> dict:
        """Prose kept as Markdown in the content folder; the YAML names the files."""
        result = {}
        for lang, body in (("zh", zh), ("en", en)):
            if body is None:
                continue
            path = f"{content_path}.{lang}.md"
            self.prose_files[path] = body
            result[f"{lang}_file"] = "@content/" + path  # made relative to the YAML file on write
        return result

    def pick_date(self, first: D, last: D) -> D:
        return first + dt.timedelta(days=self.rng.randint(0, (last - first).days))


def days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


ADDRESSEES = t(
    "各区镇（街道）政府（管委会、办事处），区各有关部门",
    "The governments (management committees, offices) of all towns and sub-districts; all relevant district "
    "departments",
)
INVENTED = "（本记录为虚构示例数据）"
INVENTED_EN = " (This record is invented example data.)"


def dossier_evidence(hazard_id: str) -> Flow:
    return Flow(title=t("隐患档案（一患一档）", "Hazard dossier"), method="ledger-review", ref=hazard_id)
