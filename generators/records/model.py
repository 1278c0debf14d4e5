"""The record model: every record type the evaluation spec (articles 5–16) and docs/domain.md name.

One YAML mapping with a ``type`` key is one record. Record types are listed in
:data:`RECORD_TYPES`; the JSON Schemas in ``generators/schemas`` are generated from these
classes (``make schemas``), so this module is the single source of truth.

Parts of records that carry an ``id`` of their own (plans and target tasks inside a campaign)
can be referenced like records; :data:`NESTED_TYPES` names them.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generators.records.types import (
    DOCUMENT_NUMBER_PATTERN,
    Date,
    Id,
    Model,
    Number,
    Prose,
    Ref,
    Text,
    Vocab,
)

ANY_RECORD = (
    "jurisdiction", "organisation", "person", "domain", "campaign", "plan", "target-task",
    "evaluation-plan", "self-assessment", "overall-report", "sub-report", "extension-request",
    "comprehensive-review", "rectification-plan", "look-back", "supervision-check", "hazard",
    "accident-statistics", "mechanism", "notice", "attachment",
)
ORGANISATION = ("organisation",)
PERSON_OR_ORG = ("person", "organisation")


# ---------------------------------------------------------------------------------------------
# Shared parts


class Record(Model):
    id: Id
    type: str


class Withdrawal(Model):
    date: Date
    reason: Text


class ArchivalMetadata(Model):
    """DA/T 22-2015 item-level metadata: the fonds number comes from the jurisdiction."""

    year: int = Field(ge=1949, le=2200, description="年度")
    retention: Vocab("retention-periods") = Field(description="保管期限: Y / D30 / D10")
    item_number: int = Field(ge=1, le=9999, description="件号 (printed with four digits)")


class DocumentRecord(Record):
    """A record that is a document: classified, versioned, withdrawable, archived."""

    title: Text
    classification: Vocab("classifications") | None = Field(
        default=None, description="Defaults to the jurisdiction's default classification"
    )
    version: int = Field(default=1, ge=1)
    supersedes: Ref(*ANY_RECORD) | None = Field(default=None, description="ID of the version this revises")
    change_note: Text | None = Field(default=None, description="What changed and why (required with supersedes)")
    withdrawn: Withdrawal | None = None
    archival: ArchivalMetadata | None = None


class Approval(Model):
    by: Ref("person")
    on: Date


class Evidence(Model):
    title: Text
    method: Vocab("evaluation-methods") | None = None
    date: Date | None = None
    ref: Ref(*ANY_RECORD) | None = Field(default=None, description="A record that is the evidence")


class Section(Model):
    topic: Vocab("report-topics")
    heading: Text | None = Field(default=None, description="Defaults to the topic's label")
    body: Prose


class Circulation(Model):
    on: Date
    notice: Ref("notice") | None = Field(default=None, description="The circular that circulated it")


# ---------------------------------------------------------------------------------------------
# Jurisdiction, organisations, people, vocabularies, calendars


class Term(Model):
    key: str = Field(min_length=1)
    label: Text
    description: Text | None = None
    flags: list[str] = Field(default_factory=list, description="Meanings the rules act on, e.g. one-vote-veto")


class Vocabulary(Record):
    type: Literal["vocabulary"]
    title: Text
    terms: list[Term] = Field(min_length=1)


class Jurisdiction(Record):
    type: Literal["jurisdiction"]
    name: Text = Field(description="The district, e.g. 南通市海门区")
    issuer: Ref(*ORGANISATION) = Field(description="The issuing office (区安委办)")
    document_prefix: str = Field(min_length=1, description="e.g. 海安委办")
    default_classification: Vocab("classifications")
    fonds_number: str = Field(min_length=1, description="全宗号 of the issuing office")
    example_data: bool = Field(default=False, description="True when the data is invented")


class Organisation(Record):
    type: Literal["organisation"]
    kind: Vocab("organisation-kinds")
    name: Text
    short_name: Text | None = None
    parent: Ref(*ORGANISATION) | None = None


class Person(Record):
    type: Literal["person"]
    name: Text
    organisation: Ref(*ORGANISATION)
    role: Text
    mobile: str | None = Field(default=None, description="Personal data: masked on the site")
    id_number: str | None = Field(default=None, description="Personal data: masked on the site")


class Domain(Record):
    type: Literal["domain"]
    name: Text
    lead_department: Ref(*ORGANISATION)


class Calendar(Record):
    """The State Council's holiday calendar for one year not covered by `chinesecalendar`."""

    type: Literal["calendar"]
    year: int = Field(ge=2000, le=2200)
    source: Text = Field(description="The State Council notice the dates come from")
    holidays: list[Date] = Field(description="Statutory holidays and the rest days around them")
    workdays: list[Date] = Field(default_factory=list, description="Weekend make-up working days (调休)")


# ---------------------------------------------------------------------------------------------
# Campaigns and their structure


class Measure(Model):
    kind: Literal["quantitative", "qualitative"]
    target: Number | None = Field(default=None, description="Quantitative target value")
    actual: Number | None = Field(default=None, description="Quantitative achieved value")
    unit: Text | None = None
    done: bool | None = Field(default=None, description="Qualitative: achieved or not")
    note: Text | None = None


class Plan(Model):
    id: Id
    kind: Vocab("plan-kinds")
    title: Text
    domain: Ref("domain") | None = None


class TargetTask(Model):
    id: Id
    plan: Ref("plan")
    title: Text
    measure: Measure
    domain: Ref("domain") | None = None


class Scope(Model):
    towns: list[Ref(*ORGANISATION)] = Field(min_length=1)
    domains: list[Ref("domain")] = Field(min_length=1)


class ResultsReport(Model):
    """Art. 14: results sent to the district organisation department."""

    on: Date
    to: Ref(*ORGANISATION)


class Campaign(Record):
    type: Literal["campaign"]
    title: Text
    start: Date
    end: Date
    lead_department: Ref(*ORGANISATION)
    scope: Scope
    description: Prose | None = None
    plans: list[Plan] = Field(min_length=1)
    target_tasks: list[TargetTask] = Field(default_factory=list)
    results_reported: ResultsReport | None = None


# ---------------------------------------------------------------------------------------------
# The evaluation: preparation, self-assessment, re-evaluation, review, rectification


class LeadingGroupMember(Model):
    person: Ref("person")
    role: Text
    third_party: bool = Field(default=False, description="Third-party expert (art. 8(2))")


class ScheduleEntry(Model):
    stage: Vocab("stages")
    due: Date


class EvaluationPlan(DocumentRecord):
    type: Literal["evaluation-plan"]
    campaign: Ref("campaign")
    issued_on: Date
    leading_group: list[LeadingGroupMember] = Field(min_length=1)
    schedule: list[ScheduleEntry] = Field(default_factory=list)
    methods: list[Vocab("evaluation-methods")] = Field(default_factory=list)
    self_assessment_due: Date | None = Field(
        default=None, description="Art. 9(4): the plan may set the self-assessment deadline"
    )
    sections: list[Section] = Field(default_factory=list)


class TaskListItem(Model):
    task: Ref("target-task")
    status: Vocab("task-statuses")
    completion: Text
    evidence: list[Evidence] = Field(default_factory=list)


class HazardListItem(Model):
    hazard: Ref("hazard")
    status: Vocab("hazard-statuses")
    evidence: list[Evidence] = Field(default_factory=list)


class ExperienceItem(Model):
    title: Text
    description: Text | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class SelfAssessment(DocumentRecord):
    type: Literal["self-assessment"]
    campaign: Ref("campaign")
    town: Ref(*ORGANISATION)
    submitted_on: Date | None = None
    approval: Approval | None = Field(default=None, description="Town leader in charge, before submission")
    signed_by: Ref("person") | None = Field(
        default=None, description="签发人: who signs the report off to the district; printed as an upward "
                                  "document (GB/T 9704-2012 7.2.5) with the 签发人 line")
    document_number: str | None = Field(
        default=None, pattern=DOCUMENT_NUMBER_PATTERN,
        description="发文字号 of the town's report, e.g. 常乐政〔2023〕21号; printed left of the 签发人 line")
    sections: list[Section] = Field(default_factory=list)
    target_task_list: list[TaskListItem] = Field(default_factory=list)
    hazard_list: list[HazardListItem] = Field(default_factory=list)
    experience_list: list[ExperienceItem] = Field(default_factory=list)


class OverallReport(DocumentRecord):
    type: Literal["overall-report"]
    campaign: Ref("campaign")
    completed_on: Date | None = Field(default=None, description="Submitted to the district office")
    approval: Approval | None = None
    circulated: Circulation | None = None
    methods: list[Vocab("evaluation-methods")] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)


class Verification(Model):
    hazard: Ref("hazard")
    verified_on: Date
    method: Vocab("evaluation-methods")
    result: Vocab("verification-results")
    note: Text | None = None


class SubReport(DocumentRecord):
    type: Literal["sub-report"]
    campaign: Ref("campaign")
    town: Ref(*ORGANISATION)
    grade: Vocab("grades")
    sections: list[Section] = Field(default_factory=list)
    verifications: list[Verification] = Field(default_factory=list, description="The sieve check")
    approval: Approval | None = None
    fed_back_on: Date | None = Field(default=None, description="Fed back to the town (art. 10(4))")


class ExtensionDecision(Model):
    granted: bool
    on: Date
    by: Ref(*PERSON_OR_ORG)


class ExtensionRequest(DocumentRecord):
    type: Literal["extension-request"]
    campaign: Ref("campaign")
    stage: Vocab("stages")
    filed_on: Date
    requested_due: Date
    explanation: Prose | None = Field(default=None, description="The written explanation (art. 10(5))")
    decision: ExtensionDecision | None = None


class DomainGrade(Model):
    domain: Ref("domain")
    grade: Vocab("grades")
    summary: Text | None = None


class ComprehensiveReview(DocumentRecord):
    type: Literal["comprehensive-review"]
    campaign: Ref("campaign")
    reviewer: Ref(*ORGANISATION) = Field(description="The district office, or the lead department (art. 13)")
    completed_on: Date | None = None
    approval: Approval | None = None
    circulated: Circulation | None = None
    filed_with_office_on: Date | None = Field(default=None, description="Short campaigns: filed (备案)")
    domain_grades: list[DomainGrade] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)


class RectificationItem(Model):
    problem: Text
    responsible: Ref(*PERSON_OR_ORG)
    measures: Text
    deadline: Date
    done_on: Date | None = None


class RectificationPlan(DocumentRecord):
    type: Literal["rectification-plan"]
    campaign: Ref("campaign")
    town: Ref(*ORGANISATION)
    issued_on: Date
    items: list[RectificationItem] = Field(min_length=1)
    reported_to: list[Ref(*ORGANISATION)] = Field(default_factory=list)


class LookBack(DocumentRecord):
    type: Literal["look-back"]
    campaign: Ref("campaign")
    department: Ref(*ORGANISATION)
    towns: list[Ref(*ORGANISATION)] = Field(min_length=1)
    date: Date
    findings: Text
    hazards: list[Ref("hazard")] = Field(default_factory=list)


class SupervisionCheck(DocumentRecord):
    type: Literal["supervision-check"]
    campaign: Ref("campaign")
    by: Ref(*ORGANISATION)
    town: Ref(*ORGANISATION)
    date: Date
    findings: Text


class Mechanism(DocumentRecord):
    type: Literal["mechanism"]
    campaign: Ref("campaign")
    issued_on: Date
    issuer: Ref(*ORGANISATION)
    domain: Ref("domain") | None = None
    town: Ref(*ORGANISATION) | None = None
    description: Text | None = None
    document: Ref("notice") | None = None


# ---------------------------------------------------------------------------------------------
# Hazard dossiers (一患一档)


class ResponsibleEntity(Model):
    name: Text
    credit_code: str = Field(pattern=r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$",
                             description="统一社会信用代码 (18 characters)")
    location: Text
    contact: Ref("person") | None = None


class Discovery(Model):
    source: Vocab("hazard-sources")
    date: Date
    inspector: Text
    description: Text
    category: Vocab("hazard-categories")


class FiveInPlace(Model):
    """五到位 for a major hazard."""

    responsibility: Text
    measures: Text
    funds: Text
    deadline: Date
    emergency_plan: Text


class Treatment(Model):
    plan: Text
    five_in_place: FiveInPlace


class SupervisionListing(Model):
    """挂牌督办."""

    level: Vocab("supervision-levels")
    body: Ref(*ORGANISATION)
    document: Ref("notice") | None = None
    listed_on: Date
    lifted_on: Date | None = None


class HazardExtension(Model):
    requested_on: Date
    old_deadline: Date
    new_deadline: Date
    reason: Text
    approved_by: Ref(*PERSON_OR_ORG)
    approved_on: Date


class Progress(Model):
    date: Date
    note: Text
    before: Text | None = Field(default=None, description="Evidence before (photo caption, file name)")
    after: Text | None = None


class Acceptance(Model):
    method: Vocab("acceptance-methods")
    by: Text
    date: Date
    opinion: Text
    conclusion: Vocab("acceptance-conclusions")


class Closure(Model):
    """销号."""

    date: Date
    approved_by: Ref(*PERSON_OR_ORG)


class Hazard(DocumentRecord):
    type: Literal["hazard"]
    campaign: Ref("campaign")
    plan: Ref("plan") | None = None
    domain: Ref("domain")
    town: Ref(*ORGANISATION)
    entity: ResponsibleEntity
    discovery: Discovery
    grade: Vocab("hazard-grades")
    major_clause: Text | None = Field(default=None, description="The standard clause that makes it major")
    treatment: Treatment | None = Field(default=None, description="Required for major hazards")
    supervision: SupervisionListing | None = None
    deadline: Date
    extensions: list[HazardExtension] = Field(default_factory=list)
    progress: list[Progress] = Field(default_factory=list)
    acceptance: Acceptance | None = None
    closure: Closure | None = None


# ---------------------------------------------------------------------------------------------
# Accident statistics


class AccidentRow(Model):
    period: str = Field(pattern=r"^\d{4}-(0[1-9]|1[0-2])$", description="Month, YYYY-MM")
    town: Ref(*ORGANISATION)
    domain: Ref("domain")
    count: int = Field(ge=0)
    deaths: int = Field(ge=0)
    loss: Number = Field(ge=0, description="Direct economic loss, 万元")


class AccidentStatistics(Record):
    type: Literal["accident-statistics"]
    title: Text
    taken_on: Date = Field(description="The date the figures were taken (they may be revised later)")
    source: Text
    rows: list[AccidentRow] = Field(min_length=1)


# ---------------------------------------------------------------------------------------------
# Notices and circulars


class Attachment(Model):
    id: Id | None = Field(default=None, description="Lets prose reference the attachment")
    title: Text
    body: Prose | None = None
    ref: Ref(*ANY_RECORD) | None = Field(default=None, description="A record printed as this attachment")


class Notice(DocumentRecord):
    type: Literal["notice"]
    kind: Vocab("notice-kinds")
    document_number: str = Field(pattern=DOCUMENT_NUMBER_PATTERN, description="e.g. 海安委办〔2022〕17号")
    issuer: Ref(*ORGANISATION)
    date: Date
    addressees: Text
    body: Prose
    signature: Text | None = Field(default=None, description="Defaults to the issuer's name")
    note: Text | None = Field(default=None, description="附注")
    attachments: list[Attachment] = Field(default_factory=list)
    copy_to: Text | None = Field(default=None, description="抄送")
    printed_by: Ref(*ORGANISATION) | None = Field(default=None, description="印发机关")
    printed_on: Date | None = None
    copy_number: str | None = Field(default=None, pattern=r"^\d{6}$", description="份号")
    urgency: Vocab("urgency") | None = None
    campaign: Ref("campaign") | None = None


RECORD_TYPES: dict[str, type[Record]] = {
    "jurisdiction": Jurisdiction,
    "vocabulary": Vocabulary,
    "organisation": Organisation,
    "person": Person,
    "domain": Domain,
    "calendar": Calendar,
    "campaign": Campaign,
    "evaluation-plan": EvaluationPlan,
    "self-assessment": SelfAssessment,
    "overall-report": OverallReport,
    "sub-report": SubReport,
    "extension-request": ExtensionRequest,
    "comprehensive-review": ComprehensiveReview,
    "rectification-plan": RectificationPlan,
    "look-back": LookBack,
    "supervision-check": SupervisionCheck,
    "mechanism": Mechanism,
    "hazard": Hazard,
    "accident-statistics": AccidentStatistics,
    "notice": Notice,
}

# Parts with their own IDs, referable like records: (record type, attribute, nested type).
NESTED_TYPES: tuple[tuple[str, str, str], ...] = (
    ("campaign", "plans", "plan"),
    ("campaign", "target_tasks", "target-task"),
    ("notice", "attachments", "attachment"),
)

DOCUMENT_TYPES = tuple(name for name, cls in RECORD_TYPES.items() if issubclass(cls, DocumentRecord))
