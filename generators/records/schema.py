"""JSON Schemas generated from the record model, for editors (yaml-language-server).

A record file holds one record or a list of records, so each schema accepts both. Records
name their schema in their first line: ``# yaml-language-server: $schema=<relative path>``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generators.records.model import RECORD_TYPES

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"


def schema_for(record_type: str) -> dict[str, Any]:
    model = RECORD_TYPES[record_type]
    record = model.model_json_schema(ref_template="#/$defs/{model}")
    defs = record.pop("$defs", {})
    record["properties"]["type"] = {"const": record_type, "description": "Record type"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{record_type}.schema.json",
        "title": f"{record_type} record(s)",
        "description": (model.__doc__ or "").strip(),
        "$defs": {**defs, "record": record},
        "anyOf": [
            {"$ref": "#/$defs/record"},
            {"type": "array", "items": {"$ref": "#/$defs/record"}, "minItems": 1},
        ],
    }


def render_schemas() -> dict[str, str]:
    """File name → JSON text, deterministic (sorted keys, fixed indentation)."""
    return {
        f"{name}.schema.json": json.dumps(schema_for(name), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        for name in RECORD_TYPES
    }


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render_schemas().items():
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
