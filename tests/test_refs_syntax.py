"""The reference syntax, and the typing accidents it forgives."""

from __future__ import annotations

import pytest

from generators.refs.resolve import normalise
from generators.refs.syntax import find_refs


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
])
def test_normalise(typed, meant):
    assert normalise(typed) == meant
