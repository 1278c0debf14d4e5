"""The reference syntax, and the typing accidents it forgives."""

from __future__ import annotations

import pytest

from generators.docnumbers import normalise
from generators.refs.syntax import find_malformed, find_refs


@pytest.mark.parametrize(("text", "found"), [
    ("见[[HZ-1]]。", [("HZ-1", None)]),
    ("[[HZ-1|该隐患]]和[[HZ-2]]", [("HZ-1", "该隐患"), ("HZ-2", None)]),
    ("[[ HZ-1 | 该隐患 ]]", [("HZ-1", "该隐患")]),
    ("【【HZ-1】】", [("HZ-1", None)]),
    ("［［HZ-1｜该隐患］］", [("HZ-1", "该隐患")]),
    ("[[海安委办〔2022〕17号]]", [("海安委办〔2022〕17号", None)]),
    ("[[海安委办[2022]17号]]", [("海安委办[2022]17号", None)]),
    ("［［海安委办【2022】17号］］", [("海安委办【2022】17号", None)]),
    ("[[a [[b]]", [("b", None)]),
    ("[[]] [x] [[a\nb]]", []),
    ("`[[x]]` 与 [[y]]", [("y", None)]),
    ("```\n[[x]]\n```\n[[y]]", [("y", None)]),
])
def test_find_refs(text, found):
    assert [(m.target, m.label) for m in find_refs(text)] == found


@pytest.mark.parametrize(("typed", "meant"), [
    ("ＨＺ－２０２１－０００１", "HZ-2021-0001"),
    ("HZ-2021- 0001", "HZ-2021-0001"),
    ("海安委办[2022]17号", "海安委办〔2022〕17号"),
    ("海安委办（2022）17号", "海安委办〔2022〕17号"),
    ("海安委办【2022】17号", "海安委办〔2022〕17号"),
    ("海安委办〔2022〕17号", "海安委办〔2022〕17号"),
    ("海安委办〖2022〗17号", "海安委办〔2022〕17号"),
    ("海安委办［２０２２］１７号", "海安委办〔2022〕17号"),
    ("海安委办( 2022 )17号", "海安委办〔2022〕17号"),
])
def test_normalise(typed, meant):
    assert normalise(typed) == meant


@pytest.mark.parametrize(("text", "found"), [
    ("[[HZ-2021-0003|]]", [(0, "empty-label")]),
    ("[[HZ-2021-0003｜]]", [(0, "empty-label")]),
    ("［［HZ-2021-0003｜］］", [(0, "empty-label")]),
    ("[[HZ-2021-0003||文字]]", [(0, "double-bar")]),
    ("[[HZ-2021-0003|｜文字]]", [(0, "double-bar")]),
    ("[[|文字]]", [(0, "empty-target")]),
    ("见[[HZ-2021-0005 后续", [(1, "unclosed")]),
    ("[[a [[b]]", [(0, "unclosed")]),  # b is still read
    ("[[ ]]", [(0, "empty")]),
    ("【【　】】", [(0, "empty")]),
    ("[[]]", [(0, "empty")]),
    ("x[[[[x]]]]", [(1, "nested")]),  # at the first bracket, not one column late
    ("[[[x]]]", [(0, "nested")]),
    ("[[x]] 与 [[海安委办[2022]17号]]", []),
    ("`[[|]]` 与\n```\n[[ ]]\n```", []),  # code shows the syntax
    ("[x] [1]", []),
])
def test_find_malformed(text, found):
    assert [(m.start, m.reason) for m in find_malformed(text)] == found


def test_nested_brackets_are_not_read_as_a_reference():
    assert list(find_refs("[[[[x]]]]")) == [] and list(find_refs("[[[x]]]")) == []
