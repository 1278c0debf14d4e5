"""Building blocks of the record model: bilingual text, prose, IDs, references, vocabularies.

References and vocabulary values are plain strings in YAML. They are marked with
:class:`RefTo` / :class:`VocabOf` in the type annotation so that one walk over the model
(:func:`generators.records.walk.marked_values`) finds them all; the marks also appear in the
JSON Schema (``x-ref`` / ``x-vocabulary``) so editors can show what a field points to.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
DOCUMENT_NUMBER_PATTERN = r"^\S+〔\d{4}〕[1-9]\d*号$"


class Model(BaseModel):
    """Base of every record part: immutable, and unknown keys are errors, not silently dropped.

    Strict: a value is what it looks like. pydantic's lax mode would read "yes", "on" and 1 as
    true, "17" and 17.0 as 17, and 1647561600 as a date; here each is a located error instead.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, strict=True)


@dataclass(frozen=True)
class RefTo:
    """Marks a string field as the ID of a record of one of ``types``."""

    types: tuple[str, ...]


@dataclass(frozen=True)
class VocabOf:
    """Marks a string field as a term key of the controlled vocabulary ``name`` (data/vocabularies)."""

    name: str


def Ref(*types: str) -> Any:  # noqa: N802 - reads as a type in annotations
    extra = {"x-ref": list(types)}
    return Annotated[str, RefTo(types), Field(min_length=1, json_schema_extra=extra)]


def Vocab(name: str) -> Any:  # noqa: N802
    return Annotated[str, VocabOf(name), Field(min_length=1, json_schema_extra={"x-vocabulary": name})]


MAX_ID_LENGTH = 100  # an ID names files (hazards/<ID>/index.html, <ID>.pdf): keep far below 255 bytes


def _short_id(value: str) -> str:
    if len(value) > MAX_ID_LENGTH:
        raise ValueError(f"an ID has at most {MAX_ID_LENGTH} characters (this one has {len(value)}): "
                         "it becomes a file name")
    return value


Id = Annotated[str, Field(pattern=ID_PATTERN, description="Stable ID; never reused."), AfterValidator(_short_id)]

def _date_from_text(value: object) -> object:
    """Dates are written YYYY-MM-DD (the loader keeps them as text); nothing else is a date."""
    if type(value) is str:
        # The shape first (fromisoformat alone would also take 20220318 and 2022-W11-5), then the
        # calendar. Plain string tests: this runs for each of the 80,000 dates of 10,000 dossiers.
        if len(value) == 10 and value[4] == "-" == value[7] and value.isascii():
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        raise PydanticCustomError("date_parsing", "Input should be a real date written YYYY-MM-DD")
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    raise PydanticCustomError("date_type", "Input should be a date written YYYY-MM-DD")


def _number_from_yaml(value: object) -> object:
    """A number written as a number: 12 or 12.5, never "12.5" (text) or true (a boolean)."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise PydanticCustomError("decimal_type", "Input should be a number")
    return value if isinstance(value, Decimal) else Decimal(str(value))


class _NumberOnly:
    """JSON Schema of :data:`Number`: pydantic offers "number or string" for a Decimal; only a number is."""

    @staticmethod
    def __get_pydantic_json_schema__(schema: Any, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        generated = handler(schema)
        options = [option for option in generated.pop("anyOf", []) if option.get("type") != "string"]
        return {**options[0], **generated} if options else generated


# Dates outside these years are typos (9999-12-31 for "open-ended"); deadlines computed from them
# would overflow the calendar.
EARLIEST_DATE, LATEST_DATE = dt.date(1900, 1, 1), dt.date(2199, 12, 31)


def _in_years(value: dt.date) -> dt.date:
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise ValueError(f"{value} is out of range: dates lie between {EARLIEST_DATE} and {LATEST_DATE} "
                         "(an open end is written by leaving the field out)")
    return value


Date = Annotated[dt.date, BeforeValidator(_date_from_text), AfterValidator(_in_years)]
Number = Annotated[Decimal, BeforeValidator(_number_from_yaml), _NumberOnly()]


# Control characters (ESC, BEL, NUL, C1 …) in a text are invisible in an editor and break the
# printed documents; tab and line breaks are ordinary text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")


def _no_control(value: str | None) -> str | None:
    found = _CONTROL.search(value) if value else None
    if found:
        raise ValueError(f"the text holds the control character U+{ord(found.group()):04X} at character "
                         f"{found.start() + 1}; remove it")
    return value


class Text(Model):
    """A short bilingual text. Chinese is the official text; English may be missing."""

    zh: str = Field(min_length=1, description="Chinese (official) text")
    en: str | None = Field(default=None, description="English translation; falls back to zh")

    _plain = field_validator("zh", "en")(_no_control)

    def get(self, lang: str) -> str:
        return self.en if lang == "en" and self.en else self.zh

    def translated(self, lang: str) -> bool:
        return lang == "zh" or bool(self.en)


class Prose(Model):
    """Long bilingual text: inline (zh/en) or Markdown files (zh_file/en_file).

    File paths are relative to the YAML file that names them, like a Markdown link, so an
    editor can follow them. The loader reads the files and fills ``zh``/``en``.
    """

    zh: str | None = None
    en: str | None = None
    zh_file: str | None = Field(default=None, description="Markdown file with the Chinese text")
    en_file: str | None = Field(default=None, description="Markdown file with the English text")

    _plain = field_validator("zh", "en")(_no_control)

    @model_validator(mode="after")
    def _one_source(self) -> Prose:
        if (self.zh is None) == (self.zh_file is None):
            raise ValueError("prose needs its Chinese text once: give either 'zh' or 'zh_file'")
        if self.en is not None and self.en_file is not None:
            raise ValueError("give either 'en' or 'en_file', not both")
        return self

    def get(self, lang: str) -> str:
        return (self.en if lang == "en" and self.en else self.zh) or ""

    def translated(self, lang: str) -> bool:
        return lang == "zh" or bool(self.en)
