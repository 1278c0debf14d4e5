"""The published JSON Schemas come from the model, accept the example and reject bad records."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from generators.records.load import record_files
from generators.records.schema import SCHEMA_DIR, render_schemas
from generators.records.yamlio import parse_yaml
from tests.conftest import ROOT


def all_messages(record_type: str, record: dict) -> list[str]:
    """Every message, including those nested in anyOf branches."""
    found: list[str] = []

    def collect(errors) -> None:
        for error in errors:
            found.append(error.message)
            collect(error.context)

    collect(validator_for(record_type).iter_errors(record))
    return found


def validator_for(record_type: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMA_DIR / f"{record_type}.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_committed_schemas_are_the_generated_ones():
    """One source of truth: `make schemas` output is committed and must not drift from the model."""
    generated = render_schemas()
    committed = {p.name: p.read_text(encoding="utf-8") for p in SCHEMA_DIR.glob("*.schema.json")}
    assert committed == generated, "run `make schemas` and commit the result"


def example_files() -> list[Path]:
    return record_files(ROOT / "data")


@pytest.mark.parametrize("file", example_files(), ids=lambda p: str(p.relative_to(ROOT / "data")))
def test_example_records_satisfy_their_schema(file):
    data, _, problems = parse_yaml(file.read_bytes(), str(file))
    assert not problems
    records = data if isinstance(data, list) else [data]
    for record in records:
        errors = list(validator_for(record["type"]).iter_errors(record))
        assert errors == [], [e.message for e in errors]


def test_example_records_name_their_schema():
    for file in example_files():
        _, source, _ = parse_yaml(file.read_bytes(), str(file))
        assert source.schema_comment, f"{file} lacks the yaml-language-server $schema line"
        target = (file.parent / source.schema_comment).resolve()
        assert target.is_file(), f"{file}: {source.schema_comment} does not exist"


PERSON = {"type": "person", "id": "p1", "name": {"zh": "张三"}, "organisation": "office", "role": {"zh": "科员"}}


@pytest.mark.parametrize(("record", "problem"), [
    ({**PERSON, "rol": {"zh": "科员"}}, "Additional properties"),
    ({**PERSON, "mobile": 13800000000}, "is not of type 'string'"),
    ({k: v for k, v in PERSON.items() if k != "organisation"}, "'organisation' is a required property"),
    ({**PERSON, "id": "中文编号"}, "does not match"),
    ({**PERSON, "name": {"en": "only English"}}, "'zh' is a required property"),
])
def test_schema_rejects_bad_records(record, problem):
    messages = all_messages("person", record)
    assert any(problem in m for m in messages), messages


def test_schema_rejects_impossible_dates():
    record = {"type": "calendar", "id": "c", "year": 2030, "source": {"zh": "国务院"}, "holidays": ["2022-02-30"]}
    messages = all_messages("calendar", record)
    assert any("is not a 'date'" in m for m in messages), messages
