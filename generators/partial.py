"""All problems at once, even when some records did not load.

A syntax error or a misspelt field rejects a record (or a whole file); the other records are
still checked — every rule and reference check runs on the records that loaded. What a missing
record would make false is left out, and said so:

* checks that judge a whole campaign by what is *absent* (a stage not done, a town without a
  self-assessment or sub-report, a domain not graded, a hazard not verified, months without
  accident figures) are not reported for a campaign one of whose records did not load — the
  record may well be the one they would miss. A file that did not load names its campaigns
  (``campaign:`` lines, or the campaign it defines); a file that names none (organisations,
  vocabularies, accident figures) could concern any campaign, so it holds back these checks for
  all of them;
* a reference to an ID written in a file that did not load is not "to nothing";
* a note (N001) at each such file says which checks did not run and for which records, and a
  check that cannot run at all on the partial archive says so (N002) instead of a traceback.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from generators.checks import checkers
from generators.diagnostics import Diagnostic, Location, relative_path
from generators.docnumbers import normalise
from generators.records import Archive

# Loading errors after which the record is still in the archive (a bad reference or vocabulary
# value, a missing prose file): everything else rejects the record or the file.
_RECORD_STILL_LOADS = ("E021", "E022", "E023", "E024", "E030", "E031", "E032", "E033")
_YAML = (".yml", ".yaml")
# Diagnostics that report something absent from a campaign as a whole, by campaign parameter.
CAMPAIGN_WIDE = ("W210", "W211", "E212", "W213", "W215", "W221", "W222", "W223", "E230", "E235", "E237", "W252",
                 "W303", "W307")
ALL = "*"

_ID = re.compile(r"^[ \t-]*id:[ \t]*['\"]?([^\s'\"#,}]+)", re.MULTILINE)
_CAMPAIGN = re.compile(r"^[ \t-]*campaign:[ \t]*['\"]?([^\s'\"#,}]+)", re.MULTILINE)
_DEFINES_CAMPAIGN = re.compile(r"^[ \t-]*type:[ \t]*['\"]?campaign['\"]?[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class FailedFile:
    display: str
    ids: tuple[str, ...]  # IDs written in it that did not load, as far as its text tells
    campaigns: tuple[str, ...]  # the campaigns it concerns; (ALL,) when it names none
    text: str  # what it says, for references by document number

    def names(self, target: str) -> bool:
        """Whether a reference to ``target`` (an ID or a document number) may mean a record of this file."""
        typed = normalise(target)
        return target in self.ids or ("〔" in typed and typed in self.text)  # a document number


def failed_files(diagnostics: list[Diagnostic], archive: Archive) -> list[FailedFile]:
    """YAML files with a record (or the whole file) that did not load, from the loading errors."""
    rejected = [d for d in diagnostics if d.is_error and d.code < "E100" and d.code not in _RECORD_STILL_LOADS
                and d.location.path.lower().endswith(_YAML)]
    twice = {d.location.path: dict(d.params)["id"] for d in rejected if d.code == "E020"}
    return [_scan(path, archive, twice.get(path)) for path in sorted({d.location.path for d in rejected})]


def _scan(display: str, archive: Archive, duplicate: str | None) -> FailedFile:
    try:
        text = Path(display).read_bytes().decode("utf-8", errors="replace")
    except OSError:
        text = ""
    written = list(dict.fromkeys(_ID.findall(text)))
    ids = [i for i in written if i not in archive.records and i not in archive.nested]
    campaigns = list(dict.fromkeys(_CAMPAIGN.findall(text)))
    if _DEFINES_CAMPAIGN.search(text):
        campaigns += [i for i in written[:1] if i not in campaigns]
    return FailedFile(display, tuple(ids + ([duplicate] if duplicate else [])), tuple(campaigns) or (ALL,),
                      normalise(text))


def run_checks_on_partial(archive: Archive, failed: list[FailedFile], as_of: dt.date) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for checker in checkers(as_of):
        try:
            found += checker(archive)
        except Exception as error:
            found.append(Diagnostic.note("N002", Location(relative_path(archive.root)), check=checker.__name__,
                               detail=f"{type(error).__name__}: {error}"))
    for file in failed:
        campaigns = "、".join(file.campaigns) if ALL not in file.campaigns else "所有专项整治"
        campaigns_en = ", ".join(file.campaigns) if ALL not in file.campaigns else "every campaign"
        found.append(Diagnostic.note("N001", Location(file.display), ids=", ".join(file.ids) or "—",
                           campaigns=campaigns, campaigns_en=campaigns_en, count=len(archive.records)))
    return found


def without_consequences(diagnostics: list[Diagnostic], failed: list[FailedFile]) -> list[Diagnostic]:
    """Leave out what only the records that did not load make true (see the module's docstring)."""
    affected = {c for file in failed for c in file.campaigns}
    kept = []
    for d in diagnostics:
        params = dict(d.params)
        target = params.get("id") or params.get("target") if d.code in ("E021", "E301") else \
            params.get("vocabulary") if d.code in ("E022", "E024") else None
        if target and any(file.names(target) for file in failed):
            continue
        if d.code in CAMPAIGN_WIDE and (ALL in affected or params.get("campaign") in affected):
            continue
        kept.append(d)
    return kept
