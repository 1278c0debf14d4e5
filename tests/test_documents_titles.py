"""Titles broken by sense (GB/T 9704 7.3.3): between words, never inside a number, a year range,
a 《》 name or a place name; lines as even as the words allow."""

from __future__ import annotations

import pytest
from documents_helpers import splits_a_word

from generators.documents.titles import title_lines

TITLES = [
    "海门区安全生产专项整治三年行动（2020—2022年）问题隐患清单",
    "常乐镇海门区安全生产专项整治三年行动（2020—2022年）问题隐患清单",
    "关于印发《海门区安全生产专项整治评估规范》的通知",
    "海门区安全生产专项整治三年行动行业复评总体报告",
    "关于开展全区安全生产专项整治三年行动（2020—2022年）复评工作的通知",
]


@pytest.mark.parametrize("title", TITLES)
def test_lines_break_between_words_and_keep_units_whole(title):
    lines = title_lines(title, 20)
    assert "".join(lines) == title and all(len(line) <= 20 for line in lines)
    assert not splits_a_word(lines), lines
    text = "|".join(lines)
    for unit in ("2020—2022年", "（2020—2022年）", "《海门区安全生产专项整治评估规范》", "海门区", "常乐镇"):
        if unit in title:
            assert unit in text, lines
    for bad in ("2|020", "三|年行动", "复|评", "专项整|治"):
        assert bad not in text


def test_lines_are_balanced():
    lines = title_lines("海门区安全生产专项整治三年行动行业复评总体报告", 20)
    assert len(lines) == 2 and abs(len(lines[0]) - len(lines[1])) <= 2


def test_a_short_title_is_one_line():
    assert title_lines("关于开展评估工作的通知", 20) == ["关于开展评估工作的通知"]
