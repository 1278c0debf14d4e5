"""A LibreOffice user profile whose font replacement table (Tools ▸ Options ▸ Fonts) maps the
official font names the Word files ask for (仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312, 宋体 and
their Latin spellings) to the faces the PDFs print in (theme/print/fonts.toml, resolved on this
machine), so a Word file opened here sets its text in the same faces as the PDF.

    python -m generators.documents.libreoffice PROFILE_DIR
    soffice -env:UserInstallation=file://PROFILE_DIR …
"""

from __future__ import annotations

import sys
from pathlib import Path
from xml.sax.saxutils import escape

from generators.documents.fonts import ROLES, FontSet, font_set

HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n')
SWITCH = ('<item oor:path="/org.openoffice.Office.Common/Font/Substitution"><prop oor:name="Replacement" '
          'oor:op="fuse"><value>true</value></prop></item>\n')
PAIR = ('<item oor:path="/org.openoffice.Office.Common/Font/Substitution/FontPairs"><node oor:name="_{n}" '
        'oor:op="replace"><prop oor:name="Always" oor:op="fuse"><value>true</value></prop>'
        '<prop oor:name="OnScreenOnly" oor:op="fuse"><value>false</value></prop>'
        '<prop oor:name="ReplaceFont" oor:op="fuse"><value>{official}</value></prop>'
        '<prop oor:name="SubstituteFont" oor:op="fuse"><value>{face}</value></prop></node></item>\n')


def substitutions(fonts: FontSet) -> list[tuple[str, str]]:
    """(official name, installed face) for every role whose official fonts are not installed."""
    pairs: list[tuple[str, str]] = []
    for role in ROLES:
        font = fonts.chosen.get(role)
        if font is None:
            continue
        for official in (fonts.word[role]["east_asia"], fonts.word[role]["latin"]):
            if official != font.family and (official, font.family) not in pairs:
                pairs.append((official, font.family))
    return pairs


def registry(fonts: FontSet) -> str:
    body = "".join(PAIR.format(n=n, official=escape(official), face=escape(face))
                   for n, (official, face) in enumerate(substitutions(fonts)))
    return HEAD + SWITCH + body + "</oor:items>\n"


def write_profile(folder: Path, fonts: FontSet | None = None) -> Path:
    """A profile folder for ``soffice -env:UserInstallation=file://<folder>`` with the table."""
    user = folder / "user"
    user.mkdir(parents=True, exist_ok=True)
    (user / "registrymodifications.xcu").write_text(registry(fonts or font_set()), encoding="utf-8")
    return folder


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        raise SystemExit(2)
    print(write_profile(Path(sys.argv[1]).resolve()))
