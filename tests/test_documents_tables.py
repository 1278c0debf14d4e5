"""Printed tables' column widths from their content, and the font roles' style check."""

from __future__ import annotations

from pathlib import Path

from generators.documents.fonts import FONTS_CONFIG, font_set, style_fallbacks
from generators.documents.tables import layout, text_em

HEADER = ["序号", "编号", "问题隐患", "责任单位", "等级", "整改期限"]
ROWS = [[str(i), f"HZ-2020-{i:04d}", "南通某某有限公司：码头装卸作业区安全出口堵塞且消防通道被杂物占用" * (1 + i % 2),
         "南通某某港务有限公司", "一般隐患", "2020-05-16"] for i in range(1, 40)]


def test_ids_dates_and_grades_are_sized_to_their_content_and_text_takes_the_rest():
    table = layout(HEADER, ROWS, landscape=True, size_pt=12)
    assert table.fixed == [True, True, False, False, True, True]
    # Typst gets the Word widths as shares: both wrap the text alike.
    shares = [float(column.removesuffix("fr")) for column in table.typst]
    assert all(abs(share / sum(shares) - word) < 0.001 for share, word in zip(shares, table.word, strict=True))
    # The ID column is at least as wide as the widest ID; the long text column is the widest.
    available = (297 - 28 - 26) / (12 * 25.4 / 72)
    assert table.word[1] * available >= text_em("HZ-2020-0039")
    assert max(table.word) == table.word[2]
    assert abs(sum(table.word) - 1) < 0.01
    assert not table.breakable_rows


def test_a_row_longer_than_a_page_may_break():
    rows = [["1", "HZ-2020-0001", "很长的描述" * 400, "单位", "一般隐患", "2020-05-16"]]
    assert layout(HEADER, rows).breakable_rows == frozenset({0})


def test_a_role_in_a_face_of_another_style_is_announced(tmp_path: Path):
    config = FONTS_CONFIG.read_text(encoding="utf-8")
    # Only the 宋体 face left for the body: it still prints, and the build says so.
    start = config.index("[roles.body]")
    end = config.index("[roles.hei]")
    body = ('[roles.body]\nstyle = "仿宋"\nword = { east_asia = "仿宋_GB2312", latin = "FangSong_GB2312" }\n'
            'pdf = [ { family = "No Such Fangsong" }, { family = "Noto Serif CJK SC", style = "宋体" } ]\n\n')
    path = tmp_path / "fonts.toml"
    path.write_text(config[:start] + body + config[end:], encoding="utf-8")
    warnings = style_fallbacks(font_set(path))
    assert [(w.code, dict(w.params)["role"], dict(w.params)["font"]) for w in warnings] == [
        ("W603", "body", "Noto Serif CJK SC")]
    assert "Noto Serif CJK SC" in warnings[0].format("en") and "body" in warnings[0].format("en")
    assert not warnings[0].is_error


def test_the_configured_fonts_give_every_role_a_face_of_its_style():
    # make system-deps installs the Fandol faces: no role falls back on this machine.
    assert style_fallbacks(font_set()) == []


SIEVE = ["隐患编号", "问题隐患", "核查日期", "方式", "结果"]
SIEVE_ROWS = [[f"HZ-2020-{i:04d}", "南通瑞丰家纺有限公司：“三合一”场所住宿与生产经营区域未有效防火分隔",
               "2023-02-02", "调阅台账资料", "核查属实，整改到位"] for i in range(1, 12)]


def test_a_table_whose_text_would_wrap_every_few_characters_steps_down_to_xiaosi():
    # In 4号 the four short columns leave the hazard about five characters: the table prints in 小四
    # and the hazard keeps at least ten characters a line.
    table = layout(SIEVE, SIEVE_ROWS)
    assert table.size_pt == 12
    available = 156 / (12 * 25.4 / 72)
    assert table.word[1] * available - 0.95 >= 10
    # A table whose text is not squeezed stays in 4号.
    assert layout(["区镇", "等级"], [["常乐镇", "良"]]).size_pt == 14
    assert layout(["序号", "问题隐患"], [["1", SIEVE_ROWS[0][1]]]).size_pt == 14
