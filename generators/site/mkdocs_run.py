"""One language's MkDocs build, in a process started before its pages are written.

``python -m generators.site.mkdocs_run`` imports MkDocs, Material and the Markdown extensions
(about a second of every MkDocs run) while the build loads the archive and makes the pages, then
waits for one line on standard input: the ``mkdocs build`` arguments as a JSON list. It runs that
build and exits with its status; an empty line or a closed input (the build stopped) exits at once.
"""

from __future__ import annotations

import json
import sys


def main() -> int:
    # What every build of the site's config imports and looks up; done now, while nothing waits.
    import markdown.extensions.admonition
    import markdown.extensions.attr_list
    import markdown.extensions.meta
    import markdown.extensions.tables
    import markdown.extensions.toc  # noqa: F401
    import mkdocs.commands.build  # noqa: F401
    from mkdocs import utils
    from mkdocs.__main__ import cli

    utils.get_themes()  # the installed themes' entry points (Material), cached for the build

    line = sys.stdin.readline()
    if not line.strip():
        return 0
    arguments = json.loads(line)
    return cli.main(args=["build", *arguments], prog_name="mkdocs", standalone_mode=False) or 0


if __name__ == "__main__":
    sys.exit(main())
