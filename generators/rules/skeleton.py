"""The order a report's sections are laid out in, one definition for the site and the print.

Where the spec fixes a report's contents (art. 5's nine evaluation contents for a self-assessment
and the comprehensive review; arts. 10(3), 10(4) for the overall report and the sub-reports), the
topics flagged so in the ``report-topics`` vocabulary come first, in the vocabulary's order; the
report's other topics follow in the order the record lists them.
"""

from __future__ import annotations

from generators.records import Archive
from generators.records.model import ComprehensiveReview, OverallReport, Record, SelfAssessment, SubReport
from generators.rules.completeness import CONTENT_FLAG

# The report-topics flag that marks each report class's skeleton.
SKELETONS: dict[type[Record], str] = {
    SelfAssessment: CONTENT_FLAG,
    ComprehensiveReview: CONTENT_FLAG,
    OverallReport: "overall-report",
    SubReport: "sub-report",
}


def skeleton_flag(record: Record) -> str | None:
    return SKELETONS.get(type(record))


def topic_order(archive: Archive, record: Record) -> tuple[list[str], list[str]]:
    """(the skeleton's topics, every topic in the order the report is laid out)."""
    flag = skeleton_flag(record)
    topics = list(archive.vocabularies.get("report-topics", {}))
    skeleton = [k for k in topics if flag and archive.has_flag("report-topics", k, flag)]
    listed = dict.fromkeys(section.topic for section in getattr(record, "sections", []))
    return skeleton, skeleton + [k for k in listed if k not in skeleton]
