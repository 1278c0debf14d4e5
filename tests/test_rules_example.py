"""The example archive against a hand calculation: procedure timelines, consequences, headline figures.

Every expected value below was worked out by hand from the records in data/ (the arithmetic is in
the comments) and the State Council calendar, not by running the code under test.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from decimal import Decimal

import pytest

from generators.records import load_archive
from generators.rules.procedure import timeline
from generators.rules.results import consequences
from generators.rules.statistics import Period, headline, year_on_year
from tests.conftest import ROOT

D = dt.date
AS_OF = D(2023, 12, 31)


@pytest.fixture(scope="module")
def archive():
    loaded, diagnostics = load_archive(ROOT / "data")
    assert not [d for d in diagnostics if d.is_error]
    return loaded


def rows(archive, campaign):
    return [(s.stage, s.trigger_date, s.days, s.raw_due, s.due, s.completed, s.state, s.late_by, s.extension)
            for s in timeline(archive, campaign, AS_OF)]


def test_zz2020_timeline(archive):
    assert rows(archive, "zz2020") == [
        # 2022-12-31 + 10 = 2023-01-10, a Tuesday; plan issued 2023-01-06
        ("preparation", D(2022, 12, 31), 10, D(2023, 1, 10), D(2023, 1, 10), D(2023, 1, 6), "done-on-time", None,
         None),
        # 2022-12-31 + 30 = 2023-01-30, a Monday (Spring Festival 1/21–27 is over); the last town submits that day
        ("self-assessment", D(2022, 12, 31), 30, D(2023, 1, 30), D(2023, 1, 30), D(2023, 1, 30), "done-on-time",
         None, None),
        # 2023-01-30 + 30 = 2023-03-01 (Wed); extended to 2023-03-17; overall report completed 2023-03-16
        ("re-evaluation", D(2023, 1, 30), 30, D(2023, 3, 1), D(2023, 3, 17), D(2023, 3, 16), "done-on-time", None,
         "zz2020-ext-reeval"),
        # 2023-03-16 + 30 = 2023-04-15, a Saturday → Monday 2023-04-17; completed 2023-04-21: 4 days late
        ("comprehensive-review", D(2023, 3, 16), 30, D(2023, 4, 15), D(2023, 4, 17), D(2023, 4, 21), "done-late", 4,
         None),
        ("rectification", None, None, None, None, D(2023, 5, 15), "done", None, None),
    ]


def test_zz2020_extension_request(archive):
    (status,) = [s for s in timeline(archive, "zz2020", AS_OF) if s.stage == "re-evaluation"]
    (extension,) = status.extensions
    # working days after 2/15 up to 3/1: 2/16, 2/17, 2/20–24, 2/27, 2/28, 3/1 = 10 ≥ 7;
    # counting 7 back from 3/1 (3/1, 2/28, 2/27, 2/24, 2/23, 2/22, 2/21) the latest filing day is 2/20
    assert (extension.filed_on, extension.working_days_before, extension.latest_filing_day, extension.valid,
            extension.decision, extension.requested_due) == (
        D(2023, 2, 15), 10, D(2023, 2, 20), True, "granted", D(2023, 3, 17))
    assert status.original_due == D(2023, 3, 1) and status.calendar == "chinesecalendar 1.11.0"


def test_rq2023_short_campaign_timeline(archive):
    assert rows(archive, "rq2023") == [
        # 2023-09-30 + 10 = 2023-10-10 (Tue; National Day 9/29–10/6 is over)
        ("preparation", D(2023, 9, 30), 10, D(2023, 10, 10), D(2023, 10, 10), D(2023, 10, 9), "done-on-time", None,
         None),
        # the evaluation plan sets 2023-10-25 (art. 9(4)), a Wednesday
        ("self-assessment", D(2023, 10, 25), 0, D(2023, 10, 25), D(2023, 10, 25), D(2023, 10, 25), "done-on-time",
         None, None),
        # 2023-10-25 + 30 = 2023-11-24 (Fri); completed 2023-11-21
        ("re-evaluation", D(2023, 10, 25), 30, D(2023, 11, 24), D(2023, 11, 24), D(2023, 11, 21), "done-on-time",
         None, None),
        # 2023-11-21 + 30 = 2023-12-21 (Thu); the housing bureau's review filed with the office 2023-12-12
        ("comprehensive-review", D(2023, 11, 21), 30, D(2023, 12, 21), D(2023, 12, 21), D(2023, 12, 12),
         "done-on-time", None, None),
        ("rectification", None, None, None, None, None, "not-required", None, None),
    ]


def test_zz2020_consequences(archive):
    table = [(r.unit, r.organisation, r.grade, r.priority_advanced_collective, r.veto,
              r.principal_leader_loses_individual_eligibility) for r in consequences(archive, "zz2020")]
    assert table == [
        ("haimen-jd", "haimen-jd", "优", True, False, False),
        ("sanchang-jd", "sanchang-jd", "良", False, False, False),
        ("binjiang-jd", "binjiang-jd", "良", False, False, False),
        ("sanxing", "sanxing", "优", True, False, False),  # from the revised sub-report (version 2)
        ("changle", "changle", "良", False, False, False),
        ("yuelai", "yuelai", "中", False, False, False),
        ("sijia", "sijia", "良", False, False, False),
        ("yudong", "yudong", "中", False, False, False),
        ("zhengyu", "zhengyu", "良", False, False, False),
        ("baochang", "baochang", "中", False, False, False),
        ("linjiang", "linjiang", "良", False, False, False),
        ("haiyong", "haiyong", "差", False, True, True),  # one-vote veto
        ("kaifaqu", "kaifaqu", "优", True, False, False),
        ("gangxinqu", "gangxinqu", "中", False, False, False),
        ("hazchem", "emergency", "良", False, False, False),
        ("coal", "development", "良", False, False, False),
        ("non-coal", "resources", "中", False, False, False),
        ("fire-safety", "fire", "优", True, False, False),
        ("road", "transport", "良", False, False, False),
        ("transport-other", "transport", "良", False, False, False),
        ("construction", "housing", "中", False, False, False),
        ("parks", "commerce", "良", False, False, False),
        ("hazwaste", "ecology", "中", False, False, False),
    ]
    assert next(r for r in consequences(archive, "zz2020") if r.unit == "sanxing").source == "zz2020-sub-sanxing-v2"


def test_zz2020_headline_accidents(archive):
    facts = headline(archive, "zz2020", AS_OF).accidents
    # campaign 2020-04..2022-12 against 2019-04..2021-12, summed from data/accidents (2022 with the revision)
    assert (facts.current.count, facts.current.deaths, facts.current.loss) == (482, 105, Decimal("15887.7"))
    assert (facts.base.count, facts.base.deaths, facts.base.loss) == (589, 133, Decimal("19566.4"))
    # (482 − 589) / 589 = −18.166…% → −18.2%; (105 − 133) / 133 = −21.052…% → −21.1%;
    # (15887.7 − 19566.4) / 19566.4 = −18.801…% → −18.8%
    assert [facts.changes[m].text("zh") for m in ("count", "deaths", "loss")] == ["−18.2%", "−21.1%", "−18.8%"]


def test_revised_accident_figures_by_hand(archive):
    # Changle, road, 2022-Q4: Oct 2/0/25.1, Nov revised on 2023-03-01 to 2/1/96.4 (was 1/0/27.2), Dec 0/0/0
    #   = 4/1/121.5; 2021-Q4: 2/1/125.3 + 1/0/4.6 + 1/0/10 = 4/1/139.9
    q4 = year_on_year(archive, Period.parse("2022-Q4"), town="changle", domain="road")
    assert (q4.current.count, q4.current.deaths, q4.current.loss) == (4, 1, Decimal("121.5"))
    assert (q4.base.count, q4.base.deaths, q4.base.loss) == (4, 1, Decimal("139.9"))
    # count and deaths unchanged: 持平; loss (121.5 − 139.9) / 139.9 = −13.152…% → −13.2%
    assert [q4.changes[m].text("zh") for m in ("count", "deaths", "loss")] == ["持平", "持平", "−13.2%"]
    # Kaifaqu, hazardous chemicals, 2022: only the revised August row (1/0/35); 2021 none: a zero base
    kaifaqu = year_on_year(archive, Period.parse("2022"), town="kaifaqu", domain="hazchem")
    assert kaifaqu.changes["count"].text("zh") == "—*" and kaifaqu.changes["count"].footnote("zh")


def test_zz2020_headline_rates(archive):
    facts = headline(archive, "zz2020", D(2023, 4, 21))  # the day the comprehensive review was completed
    hazards = facts.hazards
    # 272 of 300 rectified = 90.666…% → 90.7%; 26 of 29 major hazards closed = 89.655…% → 89.7%
    assert (hazards.total, hazards.rectified, hazards.major_total, hazards.major_closed) == (300, 272, 29, 26)
    assert (hazards.rectification_rate.text("zh"), hazards.major_closure_rate.text("zh")) == ("90.7%", "89.7%")
    assert len(hazards.overdue) == 28
    # 182 of 224 list items done = 81.25% → 81.3% (half up; banker's rounding would print 81.2%)
    assert (facts.tasks.numerator, facts.tasks.denominator, facts.tasks.text("en")) == (182, 224, "81.3%")


def test_make_check_prints_the_timeline(tmp_path):
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1704067200", "LANG": "C.UTF-8", "LC_ALL": ""}  # 2024-01-01
    result = subprocess.run([sys.executable, "-m", "generators", "check", "--data", "data"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=300)
    out = result.stdout
    assert "end of the re-evaluation 2023-03-16 (Thu) (zz2020-overall-report: completed_on) + 30 days = " \
           "2023-04-15 (Sat) rest day → moves to 2023-04-17 (Mon) [chinesecalendar 1.11.0]" in out
    assert "→ completed 2023-04-21 (Fri) (zz2020-review); done late by 4 days" in out
    assert "extension request zz2020-ext-reeval: filed 2023-02-15 (Wed), 10 working days before the original " \
           "last day (latest valid filing day 2023-02-20 (Mon)); valid; granted" in out
    assert "Haiyong Town: Poor (zz2020-sub-haiyong) — one-vote veto" in out
    assert out.index("Campaign rq2023") < out.index("Campaign zz2020") < out.rindex("records (")
