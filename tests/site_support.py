"""Shared by the site tests: an archive made of data/ plus the site's own fixture campaign."""

from __future__ import annotations

import shutil
from pathlib import Path

from generators.present import is_classified
from generators.records import Archive
from generators.records.walk import texts

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "site"


def make_data(tmp: Path) -> Path:
    """Copy data/ and content/ (prose paths are relative between them) and add the fixture."""
    shutil.copytree(ROOT / "data", tmp / "data")
    shutil.copytree(ROOT / "content", tmp / "content")
    shutil.copytree(FIXTURE, tmp / "data" / "zz-site-fixture")
    return tmp / "data"


def classified_phrases(archive: Archive) -> list[str]:
    """Texts of classified records that no published record also contains (so finding one in the
    site can only mean a leak); IDs of classified records too."""
    public_text = set()
    for record in archive:
        if not is_classified(archive, record):
            for _, value in texts(record):
                public_text.update(x for x in (value.zh, value.en) if x)
    phrases = set()
    for record in archive:
        if is_classified(archive, record):
            phrases.add(record.id)
            for _, value in texts(record):
                for x in (value.zh, value.en):
                    if x and len(x.strip()) >= 6 and not any(x in p for p in public_text):
                        phrases.add(x.strip())
    return sorted(phrases)
