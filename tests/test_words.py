"""One way to say things: the diagnostics' catalogue (generators/messages.py) and the interface
text's (generators/words.py) hold both languages of every entry, every code and key the code names
is in them, and no message depends on which modules a command happened to import."""

from __future__ import annotations

import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

from generators.messages import MESSAGES

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "generators").rglob("*.py"))
CODE = re.compile(r"""(?<![<>] )["']([EWN]\d{3}[A-Z]?)["']""")  # not in a comparison (code < "E200")


def _fields(template: str) -> set[str]:
    """The parameters a template names; a language's own form of one (stage_zh, what_en) counts as it."""
    names = {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}
    return {name.removesuffix("_zh").removesuffix("_en") for name in names}


def codes_named_in_code() -> set[str]:
    """Every diagnostic code written as a string anywhere in generators/ but the catalogue."""
    return {code for path in SOURCES if path.name != "messages.py"
            for code in CODE.findall(path.read_text(encoding="utf-8"))}


def test_the_code_names_codes():
    # the search below would pass on an empty set
    assert {"E001", "E201", "E301", "E601", "E701", "E801", "E901"} <= codes_named_in_code()


def test_every_code_named_in_the_code_is_in_the_catalogue():
    assert sorted(codes_named_in_code() - set(MESSAGES)) == []


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_message_in_both_languages(code):
    entry = MESSAGES[code]
    assert entry.get("message_zh") and entry.get("message_en")
    assert set(entry) <= {"message_zh", "message_en", "hint_zh", "hint_en"}
    assert bool(entry.get("hint_zh")) == bool(entry.get("hint_en"))
    for part in ("message", "hint"):
        # one language may say more than the other, but a name the two spell differently is a typo
        zh, en = _fields(entry.get(f"{part}_zh", "")), _fields(entry.get(f"{part}_en", ""))
        assert zh <= en or en <= zh, part


def test_no_code_prints_bare_whatever_was_imported():
    """A fresh interpreter that imports only the diagnostics prints every code's message (the
    catalogue used to be filled by the stages' imports: a code whose module was not imported
    printed as itself)."""
    codes = sorted(codes_named_in_code())
    script = ("import sys\nfrom generators.diagnostics import Diagnostic, Location\n"
              "for code in sys.argv[1:]:\n"
              "    for lang in ('zh', 'en'):\n"
              "        print(code, lang, Diagnostic.error(code, Location('f')).message(lang), sep='\\t')\n")
    out = subprocess.run([sys.executable, "-c", script, *codes], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout
    lines = [line.split("\t") for line in out.splitlines()]
    assert len(lines) == 2 * len(codes)
    bare = [(code, lang) for code, lang, text in lines if text.startswith(code)]
    assert bare == []


# ---------------------------------------------------------------------------------------------
# The interface text (generators/words.py)

from generators.words import WORDS, inline_word, word, words  # noqa: E402

CALL = re.compile(r"""\b(?:t|word|inline_word)\(\s*["']([\w.-]+)["']\s*[,)]""")  # t("key"), ctx.t("key", …)
TEMPLATE = re.compile(r"""zz_words\[["']([\w.-]+)["']\]""")
SCRIPT = re.compile(r"""\bsay\(\s*"(\w+)"|"(found_one)"|"(found)\"""")
THEME = ROOT / "theme"


@pytest.mark.parametrize("key", sorted(WORDS))
def test_every_text_in_both_languages(key):
    zh, en = WORDS[key]
    assert zh.strip() and en.strip()
    # one language may leave a placeholder out (Chinese says less of the folder's kind), never spell it otherwise
    assert _fields(zh) <= _fields(en) or _fields(en) <= _fields(zh)


def keys_named_in_code() -> dict[str, str]:
    """key → where it is named: the Python code (generators/example's t(zh, en) aside), the
    templates, the search script."""
    named = {}
    for path in SOURCES:
        if "example" not in path.relative_to(ROOT).parts:
            named |= {key: str(path) for key in CALL.findall(path.read_text(encoding="utf-8"))}
    for path in sorted(THEME.rglob("*.html")):
        named |= {key: str(path) for key in TEMPLATE.findall(path.read_text(encoding="utf-8"))}
    script = (THEME / "search" / "search.js").read_text(encoding="utf-8")
    named |= {f"search.{''.join(groups)}": "search.js" for groups in SCRIPT.findall(script)}
    return named


def test_the_code_names_keys():
    named = keys_named_in_code()
    assert {"home", "report.as_of", "page.not_found", "search_archive", "search.hint"} <= set(named)


def test_every_key_named_in_the_code_is_in_the_catalogue():
    assert {key: where for key, where in keys_named_in_code().items() if key not in WORDS} == {}


def test_keys_made_from_data_are_in_the_catalogue():
    from generators.rules.calendar import DAY_KINDS
    from generators.rules.procedure import STATE_NAMES
    from generators.rules.statistics import METRIC_WORDS
    from generators.search.pages import FACETS

    procedure = (ROOT / "generators" / "rules" / "procedure.py").read_text(encoding="utf-8")
    assert set(re.findall(r'"state"?[=:] ?"([\w-]+)"', procedure)) <= set(STATE_NAMES)
    made = ({f"state.{state}" for state in STATE_NAMES} | {f"day.{kind}" for kind in DAY_KINDS}
            | set(METRIC_WORDS.values()) | {f"search.facet.{name}" for _, name in FACETS})
    assert made - set(WORDS) == set()


def test_no_hard_coded_words_in_the_search_script():
    """search.js says nothing of its own: its words come from the page (main.html)."""
    script = (THEME / "search" / "search.js").read_text(encoding="utf-8")
    said = {text for lang in ("zh", "en") for text in words("search.", lang).values() if len(text) > 2}
    literals = set(re.findall(r'"((?:[^"\\\n]|\\.)*)"', re.sub(r'say\("\w+"', "", script)))
    assert sorted(said & literals) == []
    assert "TEXT = {" not in script and "zz-search-words" in script
    assert "config.extra.zz_search_words" in (THEME / "site" / "overrides" / "main.html").read_text(encoding="utf-8")


def test_words_for_a_template_and_inline():
    assert words("search.", "en")["facet.town"] == "Town"
    assert word("shown", "zh", a=1, b=10, n=42) == "显示 1–10，共 42 条"
    assert inline_word("not_done", "en") == "not done" and inline_word("not_done", "zh") == "未完成"
    assert inline_word("id", "en") == "ID"  # an acronym keeps its capitals


def test_one_wording_of_the_consequences():
    """Art. 15 and 16 in the spec's words, on the site and in make check alike."""
    spec = (ROOT / "content" / "spec" / "haimen-evaluation-spec-2022.zh.md").read_text(encoding="utf-8")
    for key in ("effect_no_collective", "effect_no_individual"):
        assert word(key, "zh") in spec
    assert word("effect_priority", "zh").split("（")[0] in spec
    assert "一票否决" in word("effect_veto", "zh")
    texts = [zh for zh, _ in WORDS.values()]
    assert sum("一票否决" in text for text in texts) == 1
