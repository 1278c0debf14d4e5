"""Exported lists and templates: the printed rows, real workbooks LibreOffice opens, and the round trip."""

from __future__ import annotations

import datetime as dt

import pytest
from documents_helpers import built  # noqa: F401 - fixture
from ledgers_helpers import ROOT, convert, errors, reload
from openpyxl import load_workbook

from generators import present
from generators.commands.docs import _ledger_workbooks
from generators.documents import ast
from generators.documents.catalog import documents
from generators.ledgers import cells
from generators.ledgers.columns import LEDGER, LIST_SHEETS, SHEETS
from generators.ledgers.export import workbooks, write_exports
from generators.ledgers.importer import plan_import
from generators.ledgers.read import read_workbook
from generators.ledgers.template import write_templates


def as_printed(value) -> str:
    """A cell as the printed table writes it (dates as 2022年7月23日, numbers as text)."""
    if isinstance(value, dt.date):
        return present.format_date(value, "zh")
    return "" if value is None else str(value)


@pytest.fixture(scope="module")
def archive():
    return reload(ROOT / "data")


@pytest.fixture(scope="module")
def exported(archive, tmp_path_factory):
    out = tmp_path_factory.mktemp("documents")
    return {path.name: path for path in write_exports(archive, out)}


def _printed_tables(archive, stem: str) -> list[list[list[str]]]:
    """Every table of a printed document, as rows of cell texts (header row first)."""
    spec = next(s for s in documents(archive) if s.stem == stem)
    tables = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("t") == "Table":
                head, bodies = node["c"][3], node["c"][4]
                rows = head[1] + [r for body in bodies for r in body[3]]
                tables.append([[ast.text_of(cell[4]) for cell in row[1]] for row in rows])
                return
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(spec.build().blocks)
    return tables


def _sheet(path, title: str) -> list[list]:
    book, problems = read_workbook(path, path.name)
    assert book is not None, problems
    return next(s.rows for s in book.sheets if s.name == title)


def _same(text: str) -> str:
    return "".join(text.split())


def test_exported_lists_are_the_printed_rows(archive, exported):
    printed = _printed_tables(archive, "zz2020-sa-changle")
    for kind in LIST_SHEETS:
        rows = _sheet(exported["zz2020-sa-changle.xlsx"], kind.title)
        table = next(t for t in printed if [_same(h) for h in t[0]] == [_same(c.header) for c in kind.columns
                                                                          if c.field not in ("task",)])
        assert len(rows) - 1 == len(table) - 1 > 0
        shown = [i for i, c in enumerate(kind.columns) if c.field != "task"]
        for row, printed_row in zip(rows[1:], table[1:], strict=True):
            assert [_same(as_printed(_int(row[i]))) for i in shown] == [_same(c) for c in printed_row]


def test_exported_ledger_holds_the_printed_hazard_list(archive, exported):
    """Every column of the printed list, by its header, with the same values (dates as date cells,
    whichever way the print writes them); the ledger adds 区镇 and the dossier's fields."""
    (table,) = _printed_tables(archive, "hazards-zz2020-changle")
    rows = _sheet(exported["hazards-zz2020-changle.xlsx"], LEDGER.title)
    headers = [c.header for c in LEDGER.columns]
    assert rows[0] == headers and len(rows) == len(table)
    positions = [headers.index(h) for h in table[0]]
    for row, printed_row in zip(rows[1:], table[1:], strict=True):
        for position, printed in zip(positions, printed_row, strict=True):
            value = _int(row[position])
            if isinstance(value, dt.date):
                assert cells.date(printed)[0] == value
            else:
                assert _same(as_printed(value)) == _same(printed)
        assert isinstance(row[headers.index("发现日期")], dt.date)              # a date cell, not text


def _int(value):
    return int(value) if isinstance(value, float) and value.is_integer() else value


def test_no_workbook_for_classified_records(archive, exported):
    assert "hazards-zz2020.xlsx" not in exported          # HZ-2021-0047 is classified
    classified_town = archive.get("HZ-2021-0047").town
    assert f"hazards-zz2020-{classified_town}.xlsx" not in exported
    assert "hazards-zz2020-changle.xlsx" in exported and "hazards-rq2023.xlsx" in exported
    assert len([n for n in exported if "-sa-" in n]) >= 14


def test_round_trip_on_the_whole_example(archive, exported):
    for name, path in sorted(exported.items()):
        result = plan_import(archive, path)
        assert errors(result) == [], name
        assert [d for d in result.diagnostics if d.code == "W901"] == [], name
        assert result.changed_files() == {}, (name, [c.fields for c in result.changes.values() if c.fields][:3])


def test_bytes_do_not_depend_on_folder_or_time(archive, tmp_path):
    first = workbooks(archive)
    second = {p.name: p.read_bytes() for p in write_exports(archive, tmp_path / "elsewhere")}
    assert first == second


def test_templates_carry_dropdowns_notes_dates_and_ids(archive, tmp_path):
    paths = write_templates(archive, archive.get("zz2020"), tmp_path)
    assert len(paths) == len(archive.get("zz2020").scope.towns)
    book = load_workbook(tmp_path / "zz2020-yuelai.xlsx")
    assert [s for s in book.sheetnames if s not in ("说明", "选项")] == [k.title for k in SHEETS]
    assert all(s.sheet_state == "visible" for s in book.worksheets)
    ledger = book[LEDGER.title]
    assert ledger.freeze_panes == "A2"
    assert [c.value for c in ledger[1]] == [c.header for c in LEDGER.columns]
    assert ledger["H1"].comment.text == "discovery.date" and ledger["H2"].number_format == "yyyy-mm-dd"
    lists = {str(v.sqref).split(":")[0][0]: v.formula1 for v in ledger.data_validations.dataValidation
             if v.type == "list"}
    assert set(lists) == {"D", "F", "G", "M", "P"}                   # town, domain, grade, source, category
    options = book["选项"]
    town_column = next(c for c in options[1] if c.value == "区镇").column_letter
    assert f"${town_column}$" in lists["D"]
    tasks = book["目标任务完成情况清单"]
    task_ids = [tasks.cell(r, 2).value for r in range(2, tasks.max_row + 1) if tasks.cell(r, 2).value]
    assert sorted(task_ids) == sorted(t.id for t in archive.get("zz2020").target_tasks)
    # An untouched template imports without changes.
    result = plan_import(archive, tmp_path / "zz2020-yuelai.xlsx")
    assert errors(result) == [] and result.changed_files() == {}


def test_libreoffice_opens_the_exported_workbooks(exported, tmp_path):
    for name in ("zz2020-sa-changle.xlsx", "hazards-zz2020-changle.xlsx"):
        ods = convert(exported[name], "ods", tmp_path)
        for sheet in ("说明", *(k.title for k in (LIST_SHEETS if "-sa-" in name else (LEDGER,)))):
            original, reopened = _sheet(exported[name], sheet), _sheet(ods, sheet)
            assert [[as_printed(_int(v)) for v in r] for r in reopened if any(v != "" for v in r)] == \
                   [[as_printed(_int(v)) for v in r] for r in original if any(v != "" for v in r)]


def test_docs_writes_the_workbooks_beside_the_pdfs(built):  # noqa: F811 - fixture
    """What ``make docs`` adds after the printed documents, on the small documents fixture."""
    archive, out, _cache, _result = built
    count = _ledger_workbooks(archive, out)
    names = sorted(p.name for p in out.glob("*.xlsx"))
    assert len(names) == count
    assert "T-SA-sanxing.xlsx" in names
    # One of the fixture's three hazards is 机密: its hazard lists are printed but get no workbook.
    assert (out / "hazards-T-CAMP.pdf").is_file() and not any(n.startswith("hazards-") for n in names)
    for name in names:
        assert (out / name.replace(".xlsx", ".pdf")).is_file() and (out / name.replace(".xlsx", ".docx")).is_file()


def test_the_site_links_the_workbooks_with_the_printed_versions(archive, tmp_path):
    import json

    from generators.documents.build import MANIFEST, manifest
    from generators.present import public_view
    from generators.site.pages import _kind
    from generators.site.printed import printed_documents

    folder = tmp_path / "documents"
    folder.mkdir()
    for name in ("zz2020-sa-changle.pdf", "zz2020-sa-changle.xlsx", "hazards-zz2020-changle.xlsx"):
        (folder / name).write_bytes(b"")
    # What make docs says it printed (the site links only documents of the manifest).
    (folder / MANIFEST).write_text(json.dumps(manifest(archive, documents(archive))), encoding="utf-8")
    public, _withheld = public_view(archive)
    found = printed_documents(archive, public, tmp_path)
    own = [d for d in found["zz2020-sa-changle"] if d.stem == "zz2020-sa-changle"]
    assert [name for d in own for name in d.files] == ["zz2020-sa-changle.pdf", "zz2020-sa-changle.xlsx"]
    assert any("hazards-zz2020-changle.xlsx" in d.files for d in found["HZ-2020-0002"])
    assert _kind("zz2020-sa-changle.xlsx") == "Excel"
