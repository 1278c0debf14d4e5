"""Page builders, one module per kind of page; :func:`all_pages` lists every page of one language."""

from __future__ import annotations

from collections.abc import Iterator

from generators.site.context import Ctx
from generators.site.pages import Page


def all_pages(ctx: Ctx) -> Iterator[Page]:
    from generators.site.views import campaigns, hazards, notices, places, reports, sections

    yield from sections.pages(ctx)
    yield from campaigns.pages(ctx)
    yield from places.pages(ctx)
    yield from hazards.pages(ctx)
    yield from reports.pages(ctx)
    yield from notices.pages(ctx)
