"""The spec as code: pure functions of the loaded archive (and a date) for arts. 5 and 7–16.

calendar — the official working-day calendar and day counting;
procedure — each campaign's stages, deadlines and states (the timeline);
completeness — what each stage must contain; results — the use of grades (arts. 15–16);
statistics — accident comparisons and hazard/target-task rates; check — diagnostics;
report — the timeline as text for ``make check``.
"""
