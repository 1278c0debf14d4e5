"""Hints that help and words that read right, planted in a copy of the example: "did you mean" for a
vocabulary value, the year's next item number, a withdrawn target's advice; plurals, articles and
Chinese record-type names."""

from __future__ import annotations

import pytest

from generators.checks import load_and_check
from generators.commands.check import summary
from generators.diagnostics import Diagnostic, Location
from generators.records.model import DocumentRecord
from tests.planting import at, example_copy, located, plant

NOTICE = "notices/zz2020-listing-202206.yml"
SA = "campaigns/zz2020/self-assessments/yudong.yml"


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    data = example_copy(tmp_path_factory.mktemp("hints"))
    places = {
        "vocabulary": plant(data, "campaigns/rq2023/hazards/HZ-2023-0001.yml", "grade: 一般", "grade: 重要",
                            at="重要"),
        "label-for-key": plant(data, "campaigns/rq2023/hazards/HZ-2023-0002.yml", "grade: 一般",
                               "grade: 一般隐患", at="一般隐患"),
        # the listing of June 2022 takes the number of the listing of February 2022
        "item-number": plant(data, NOTICE, "item_number: 143}", "item_number: 142}", at="142"),
        "withdrawn": plant(data, NOTICE, "- [[HZ-2022-0048]]　", "- [[haianweiban-2023-lookback-withdrawn]]　",
                           at="[[haianweiban-2023-lookback-withdrawn]]"),
        "superseded": plant(data, NOTICE, "- [[HZ-2022-0048]] Nantong", "- [[zz2020-sub-sanxing]] Nantong",
                            at="[[zz2020-sub-sanxing]]"),
        "wrong-type": plant(data, SA, "approval: {by: p-yudong-leader,", "approval: {by: office,", at="office"),
    }
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1735660800")
        archive, diagnostics = load_and_check(data)
    return places, located(diagnostics, data), diagnostics, archive


def _at(planted, code: str, fault: str) -> Diagnostic:
    places, found, diagnostics, _ = planted
    assert at(code, places[fault]) in found
    name, line, col = places[fault]
    (d,) = [d for d in diagnostics if d.code == code and d.location.path.endswith(name)
            and (d.location.line, d.location.col) == (line, col)]
    return d


def test_vocabulary_value_gets_did_you_mean(planted):
    d = _at(planted, "E022", "vocabulary")
    assert d.hint("en").startswith("did you mean '重大'?")
    assert d.hint("zh").startswith("是否想写“重大”？")


def test_a_label_written_for_its_key_gets_the_key(planted):
    assert _at(planted, "E022", "label-for-key").hint("en").startswith("did you mean '一般'?")


def test_next_item_number_continues_the_year(planted):
    _, _, _, archive = planted
    numbers = [r.archival.item_number for r in archive.of_type(DocumentRecord)
               if r.archival is not None and r.archival.year == 2022]
    assert min(numbers) > 1  # the year does not start at 1: the first gap would be the wrong answer
    d = _at(planted, "E406", "item-number")
    assert d.hint("en").endswith(f"the year's next number is {max(numbers) + 1:04d}")


def test_withdrawn_target_with_no_current_version_is_not_told_to_use_one(planted):
    d = _at(planted, "W301", "withdrawn")
    assert "refer to the current version" not in d.hint("en") and "改为引用现行版本" not in d.hint("zh")
    assert "withdrawn and has no current version" in d.hint("en")


def test_superseded_target_is_told_its_current_version(planted):
    d = _at(planted, "W301", "superseded")
    assert d.hint("en") == "refer to the current version zz2020-sub-sanxing-v2, or remove the reference"


def test_record_types_with_articles_in_english_and_chinese_names_in_chinese(planted):
    d = _at(planted, "E023", "wrong-type")
    assert d.message("en") == "'office' is an organisation, but a person is needed here"
    assert d.message("zh") == "“office”是机构，这里需要人员"


@pytest.mark.parametrize(("code", "params", "english"), [
    ("W211", {"campaign": "c", "stage": "Self-assessment", "days": 1, "due": "d", "as_of": "a"},
     "c: Self-assessment is 1 day overdue"),
    ("W211", {"campaign": "c", "stage": "Self-assessment", "days": 2, "due": "d", "as_of": "a"},
     "c: Self-assessment is 2 days overdue"),
    ("W252", {"campaign": "c", "count": 1, "months": "2020-01..2020-01"}, "c: no accident figures for 1 month of"),
    ("E021", {"id": "x", "wanted": "organisation"}, "'x' refers to nothing (expected an organisation)"),
    ("E021", {"id": "x", "wanted": "hazard"}, "'x' refers to nothing (expected a hazard)"),
])
def test_plurals_and_articles(code, params, english):
    assert Diagnostic.warning(code, Location("f"), **params).message("en").startswith(english)


def test_record_types_and_stages_in_chinese_words():
    wrong = Diagnostic.error("E401", Location("f"), target="x", target_type="overall-report",
                             type="sub-report")
    assert wrong.message("en").endswith("'x', an overall-report, but this record is a sub-report")
    assert wrong.message("zh").endswith("是总体报告，与本记录的类型子项报告不同")
    veto = Diagnostic.warning("W213", Location("f"), campaign="c", what="rectification follow-up (整改落实)",
                              what_zh="整改落实环节")
    assert veto.message("zh") == "c 时限不足一年，不需要整改落实环节（第十三条）"


def test_summary_says_one_error_and_one_warning(planted, monkeypatch):
    _, _, _, archive = planted
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    one_each = [Diagnostic.error("E013", Location("f"), field="x"), Diagnostic.warning("W402", Location("f"))]
    assert "; 1 error, 1 warning" in summary(archive, one_each)
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    line = summary(archive, one_each)
    assert "隐患档案 " in line and "hazard " not in line and "错误 1 个，警告 1 个" in line


def test_stage_names_are_chinese_in_chinese_messages(planted):
    _, _, diagnostics, _ = planted
    (late,) = [d for d in diagnostics if d.code == "W210"]  # the example's late comprehensive review
    assert "综合评议于" in late.message("zh") and "行业复评结束" in late.message("zh")
    assert not any(word in late.message("zh") for word in ("Comprehensive", "review", "end of"))
