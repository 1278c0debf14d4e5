"""Building blocks of the record model: bilingual text, prose, IDs, references, vocabularies.

References and vocabulary values are plain strings in YAML. They are marked with
:class:`RefTo` / :class:`VocabOf` in the type annotation so that one walk over the model
(:func:`generators.records.walk.marked_values`) finds them all; the marks also appear in the
JSON Schema (``x-ref`` / ``x-vocabulary``) so editors can show what a field points to.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
DOCUMENT_NUMBER_PATTERN = r"^\S+〔\d{4}〕[1-9]\d*号$"


class Model(BaseModel):
    """Base of every record part: immutable, and unknown keys are errors, not silently dropped."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


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


Id = Annotated[str, Field(pattern=ID_PATTERN, description="Stable ID; never reused.")]
Date = dt.date


class Text(Model):
    """A short bilingual text. Chinese is the official text; English may be missing."""

    zh: str = Field(min_length=1, description="Chinese (official) text")
    en: str | None = Field(default=None, description="English translation; falls back to zh")

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
