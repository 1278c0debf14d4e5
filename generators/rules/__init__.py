"""The spec as code: pure functions of the loaded archive (and a date) for arts. 5 and 7–16.

Each module's docstring states its counting, rounding and interpretation choices. The API the
site and the printed documents call (one computation, shown everywhere):

* :mod:`.calendar` — ``WorkCalendar.of(archive)``: ``is_workday``, ``add_days_after(trigger, n)``
  → ``DatedResult`` (raw, due, calendars), ``working_days_between``, ``latest_filing_day``,
  ``day_kind``; ``CalendarMissing`` for a year nothing covers; ``one_year_or_longer``;
* :mod:`.procedure` — ``timeline(archive, campaign_id, as_of)`` → ``[StageStatus]``,
  ``required_stages``, ``is_long``, ``completing_review``, ``DONE_STATES``;
* :mod:`.completeness` — ``check_completeness`` (E23x);
* :mod:`.results` — ``consequences(archive, campaign_id)`` → ``[ConsequenceRow]``;
* :mod:`.statistics` — ``change``, ``rate_change`` → ``Change`` (``text(lang)``, ``footnote(lang)``),
  ``Rate``, ``Period``, ``accidents``, ``year_on_year``, ``period_on_period``, ``accident_breakdown``,
  ``hazard_figures``, ``task_completion``, ``by_town``, ``by_domain``, ``headline``;
* :mod:`.check` — ``check_calendars``, ``check_procedure``, ``check_statistics`` (E20x–E25x, W2xx);
* :mod:`.report` — the timeline and figures as text for ``make check`` (``state_text``, ``timeline_text``);
* :mod:`.records` — ``standing``: current, not withdrawn records the rules count.
"""
