"""Inputs that used to end in a traceback: each is a located diagnostic now, and generated texts
(control characters, placeholders, entities, numbers, links) never crash the check or the page
builders, never put a script into a link and never show a personal number in full."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generators.checks import load_and_check
from generators.present import mask_personal, public_view, safe_href
from generators.site.html import prose_html
from tests.documents_helpers import FIXTURE, make_archive
from tests.hostile_support import archive_with, digit_runs, notice, time_limit, unsafe_urls

ROOT = Path(__file__).resolve().parents[1]
BASE = FIXTURE.read_text(encoding="utf-8")

# (name, replacements in the documents fixture, expected code, the line the error points at)
CASES = [
    ("campaign ending 9999-12-31", [("  end: 2021-12-31", "  end: 9999-12-31")], "E016", "  end: 9999-12-31"),
    ("a date before 1900", [("    date: 2021-03-10", "    date: 0001-01-01")], "E016", "    date: 0001-01-01"),
    ("an ID longer than a file name may be", [("  id: T-HZ-0002", "  id: T-HZ-" + "9" * 300)], "E016",
     "  id: T-HZ-999"),
    ("ESC and BEL in a title", [("title: {zh: 储罐区防火堤破损,", 'title: {zh: "储罐区\\e[31m防火堤\\a破损",')],
     "E016", "储罐区\\e[31m"),
    ("NUL in a description", [("description: {zh: 通道堵塞}", 'description: {zh: "通道\\0堵塞"}')], "E016",
     "通道\\0堵塞"),
    ("a line separator in English text", [("en: Damaged bund wall in tank farm}", 'en: "Damaged\\Lwall"}')],
     "E016", "Damaged\\Lwall"),
    ("a hazard closed before it was discovered", [("closure: {date: 2021-05-05", "closure: {date: 2021-01-05")],
     "E280", "closure: {date: 2021-01-05"),
    ("accepted before discovered", [("date: 2021-05-01, opinion", "date: 2020-05-01, opinion")], "E280",
     "date: 2020-05-01, opinion"),
    ("a self-assessment approved before its campaign began",
     [('"on": 2022-01-27}', '"on": 2019-01-27}')], "E281", '"on": 2019-01-27}'),
    ("submitted before its campaign began", [("submitted_on: 2022-01-28", "submitted_on: 2020-01-28")], "E281",
     "submitted_on: 2020-01-28"),
]


@pytest.mark.parametrize(("name", "edits", "code", "line_text"), CASES, ids=[c[0] for c in CASES])
def test_located_diagnostic_instead_of_a_traceback(tmp_path, name, edits, code, line_text):
    text = BASE
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    data = make_archive(tmp_path)
    (data / "zz-documents-fixture.yml").write_text(text, encoding="utf-8")
    with time_limit():
        _, diagnostics = load_and_check(data)
    found = [d for d in diagnostics if d.is_error and d.code == code]
    assert found, [d.format("en") for d in diagnostics if d.is_error]
    lines = text.splitlines()
    assert found[0].location.path.endswith("zz-documents-fixture.yml")
    assert line_text in lines[found[0].location.line - 1], (found[0].format("en"), name)


def test_an_empty_data_folder_is_an_error_not_a_crash(tmp_path):
    (tmp_path / "data").mkdir()
    for command in (["check"], ["site", "--out", str(tmp_path / "site"), "--build", str(tmp_path / "build")]):
        shown = subprocess.run([sys.executable, "-m", "generators", *command, "--data", str(tmp_path / "data")],
                               cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert shown.returncode == 1 and "E101" in shown.stderr and "Traceback" not in shown.stderr, shown.stderr
    assert not (tmp_path / "site").exists()


# --- generated input --------------------------------------------------------------------------

_HOSTILE_PIECES = st.sampled_from([
    "javascript:alert(1)", "javascript&#58;alert(1)", "java&#x09;script:", "&colon;", "&#x3a;", "&#106;",
    "[x](", ")", "[r]: ", "[r]", "<", ">", "<a href=\"", "\">", "onerror=alert(1)", "ZZREF0ZZ", "ZZREF",
    "[[n-2]]", "[[", "]]", "**", "_", "`", "\\", "\n", "\n\n", " ", "+86", "139", "1234", "5678", "-",
    "１３９", "320684", "19900101", "X", "data:", "vbscript:", "\u3000", "mailto:", "https://a.b/",
])
_TEXT = st.lists(st.one_of(_HOSTILE_PIECES, st.text(max_size=6)), max_size=25).map("".join)


@pytest.mark.parametrize("text", ["[x](&colon;)", "[x](:)", '<a href=":">x</a>', "[x](1a:b)", "[r]\n\n[r]: &#58;x"])
def test_a_colon_that_opens_no_allowed_scheme_is_not_a_link(text):
    """Found by the generated cases below: a lone colon is no scheme, but not a plain relative path either."""
    assert unsafe_urls(prose_html(text)) == []


@settings(max_examples=120, deadline=None)
@given(text=_TEXT)
def test_generated_prose_renders_without_script(text):
    with time_limit():
        rendered = prose_html(text)
    assert unsafe_urls(rendered) == []


@settings(max_examples=200, deadline=None)
@given(scheme=st.sampled_from(["javascript", "vbscript", "data", "file"]), data=st.data())
def test_any_spelling_of_a_dangerous_scheme_is_refused(scheme, data):
    """Each character of the scheme and the colon may be an entity (decimal, hex, named) or carry
    whitespace/control characters that browsers ignore."""
    spelled = ""
    for char in scheme + ":":
        form = data.draw(st.sampled_from(["plain", "upper", "dec", "hex", "named", "tab"]))
        if form == "upper":
            spelled += char.upper()
        elif form == "dec":
            spelled += f"&#{ord(char)};"
        elif form == "hex":
            spelled += f"&#x{ord(char):x};"
        elif form == "named" and char == ":":
            spelled += "&colon;"
        elif form == "tab":
            spelled += char + data.draw(st.sampled_from(["\t", "\n", "&#9;", "&#x0a;"]))
        else:
            spelled += char
    assert not safe_href(spelled + "alert(1)")
    assert unsafe_urls(prose_html(f"[x]({spelled}alert(1))")) == []


_SEPARATORS = st.sampled_from(["", " ", "-", "—", ".", "**", "*", "_", "\u3000", "\u00a0", " - "])


@settings(max_examples=300, deadline=None)
@given(prefix=st.sampled_from(["", "+86", "+86 ", "86", "0086 ", "＋86"]),
       second=st.sampled_from("3456789"), rest=st.text("0123456789", min_size=9, max_size=9),
       full_width=st.booleans(), data=st.data())
def test_mobile_numbers_in_any_common_form_are_masked(prefix, second, rest, full_width, data):
    digits = "1" + second + rest
    written = ""
    for index, digit in enumerate(digits):
        written += chr(ord(digit) + 0xFEE0) if full_width else digit
        if index < len(digits) - 1:
            written += data.draw(_SEPARATORS)
    before, after = data.draw(st.sampled_from([("电话", "。"), ("**", "**"), ("（", "）"), ("Tel: ", " ok")]))
    masked = mask_personal(f"{before}{prefix}{written}{after}")
    assert not any(digits in run for run in digit_runs(masked)), masked
    assert digits[-4:] in re.sub(r"\D", "", masked.translate(str.maketrans("０１２３４５６７８９", "0123456789")))


@settings(max_examples=200, deadline=None)
@given(region=st.text("0123456789", min_size=5, max_size=5), birth=st.dates(),
       serial=st.text("0123456789", min_size=3, max_size=3), check=st.sampled_from("0123456789Xx"),
       groups=st.sampled_from([(6, 8, 4), (6, 4, 4, 4), (18,), (3, 3, 4, 4, 4)]),
       separator=st.sampled_from([" ", "-", "", "\u3000"]))
def test_id_numbers_with_spaces_or_dashes_are_masked(region, birth, serial, check, groups, separator):
    number = "3" + region + birth.strftime("%Y%m%d").zfill(8) + serial + check
    parts, start = [], 0
    for size in groups:
        parts.append(number[start:start + size])
        start += size
    masked = mask_personal(f"身份证号：{separator.join(parts)}。")
    assert not any(number.upper() in run.upper() for run in digit_runs(masked)), masked


@pytest.fixture(scope="module")
def base_archive(tmp_path_factory):
    return archive_with(tmp_path_factory.mktemp("generated"), {"notices/n-2.yml": notice("n-2", number=21)})


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=_TEXT, body=_TEXT)
def test_generated_records_give_a_diagnostic_or_safe_pages(base_archive, title, body):
    """A notice with generated title and body: a located error, or pages (both languages) that hold
    no script in a link and no unmasked number."""
    import json

    from generators.site.build import make_site
    from generators.site.context import Ctx
    from generators.site.views import all_pages

    path = base_archive / "notices" / "n-1.yml"
    path.write_text(notice("n-1", title=title or "x", body=json.dumps({"zh": body or "x"}, ensure_ascii=False)),
                    encoding="utf-8")
    try:
        with time_limit():
            archive, diagnostics = load_and_check(base_archive)
            errors = [d for d in diagnostics if d.is_error]
            if errors:
                assert all(d.location.path.endswith("n-1.yml") for d in errors), [d.format("en") for d in errors]
                return
            site = make_site(archive, base_archive, base_archive.parent / "build")
            for lang in ("zh", "en"):
                for page in all_pages(Ctx(site, lang)):
                    if page.record_id == "n-1":
                        assert unsafe_urls(page.body) == []
                        assert mask_personal(page.title) == page.title and mask_personal(page.body) == page.body
    finally:
        path.unlink()
    assert public_view(archive)[0].get("n-1") is not None


def test_personal_fields_are_masked_whatever_they_hold(tmp_path):
    """A landline or a mistyped number in ``mobile``/``id_number`` is not a mobile or ID pattern, yet
    it is personal data: the public view masks these fields whole."""
    person = """
    - {type: person, id: p-1, name: {zh: 张三}, organisation: office, role: {zh: 主要负责人},
       mobile: "0513-8512 3456", id_number: "32068419900101"}
    """
    data = archive_with(tmp_path, {"people-extra.yml": person})
    archive, diagnostics = load_and_check(data)
    assert not [d for d in diagnostics if d.is_error]
    shown = public_view(archive)[0].get("p-1")
    assert shown.mobile == "051＊＊＊＊＊3456" and shown.id_number == "320684＊＊＊＊0101"
    assert archive.get("p-1").mobile == "0513-8512 3456"  # the archive itself is unchanged
