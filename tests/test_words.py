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
