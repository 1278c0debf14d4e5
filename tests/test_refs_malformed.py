"""Text that starts like a reference and is not one (W310), planted in a copy of the example: in
an inline YAML block and in a Markdown prose file, each at its first bracket."""

from __future__ import annotations

import pytest

from generators.checks import load_and_check
from tests.planting import at, example_copy, located, plant, position

NOTICE = "data/notices/zz2020-listing-202206.yml"
PROSE = "content/notices/zz2020-circular-review.zh.md"
# each planted text, and what the message says about it
PLANTED_YAML = {
    "[[HZ-2021-0003|]]": "has an empty label after the bar",
    "[[HZ-2021-0004｜]]": "has an empty label after the bar",
    "[[HZ-2021-0006||两条竖线]]": "has two bars",
    "[[ ]]": "has nothing between the brackets",
    "[[[[HZ-2021-0007]]]]": "has its brackets doubled",
    "[[HZ-2021-0005 没有闭合": "is never closed with ]]",
}
PLANTED_MD = {"【【　】】": "has nothing between the brackets", "[[[x]]]": "has its brackets doubled"}


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    root = tmp_path_factory.mktemp("malformed")
    data = example_copy(root)
    plant(root, NOTICE, "（本记录为虚构示例数据）", "另见" + "、".join(PLANTED_YAML) + "。")
    plant(root, PROSE, "（本记录为虚构示例数据）", "另见" + "与".join(PLANTED_MD) + "。")
    places = {text: position(root, NOTICE, text) for text in PLANTED_YAML}
    places |= {text: position(root, PROSE, text) for text in PLANTED_MD}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1735660800")
        _, diagnostics = load_and_check(data)
    return places, located(diagnostics, root), diagnostics


@pytest.mark.parametrize("text", [*PLANTED_YAML, *PLANTED_MD])
def test_malformed_reference_is_a_located_warning(planted, text):
    places, found, diagnostics = planted
    assert at("W310", places[text]) in found
    (d,) = [d for d in diagnostics if d.code == "W310" and (d.location.line, d.location.col) == places[text][1:]]
    assert not d.is_error
    assert ({**PLANTED_YAML, **PLANTED_MD}[text]) in d.message("en")
    assert "看似引用" in d.message("zh")


def test_nested_reference_is_not_also_reported_one_column_late(planted):
    places, found, _ = planted
    name, line, col = places["[[[[HZ-2021-0007]]]]"]
    assert not [f for f in found if f[1:] == (name, line, col + 1) or f[1:] == (name, line, col + 2)]


def test_references_beside_the_malformed_ones_still_resolve(planted):
    _, _, diagnostics = planted
    assert not [d for d in diagnostics if d.code == "E301"]
