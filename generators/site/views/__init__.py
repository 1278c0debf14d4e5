"""Page builders, one module per kind of page; :func:`all_pages` lists every page of one language."""

from __future__ import annotations

from collections.abc import Iterator

from generators.site.context import Ctx
from generators.site.pages import Later, Page


def all_pages(ctx: Ctx, *, later: bool = False) -> Iterator[Page | Later]:
    """Every page; with ``later``, the record pages and listings as :class:`Later` (made when the
    build needs them), else all made."""
    from generators.site.views import campaigns, hazards, notices, places, reports, sections

    for module in (sections, campaigns, places, hazards, reports, notices):
        for page in module.pages(ctx):
            yield page if later or isinstance(page, Page) else page.make(*page.args)
