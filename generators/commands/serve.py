"""``make serve``: build the site, serve it locally and rebuild when a YAML record or Markdown text
changes (DATA and content/). A failed rebuild prints its diagnostics and keeps serving the last
good site.

Each build is ``make site``'s own, in a process of its own: incremental (only changed pages are
rendered, unchanged record files come from the cache), and free to fork its helper for the
second core, which a process running this server's and watcher's threads must not do."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from generators.commands import site as site_command
from generators.webserver import serve

WATCHED_SUFFIXES = (".yml", ".yaml", ".md")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    site_command.add_arguments(parser)
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--content", type=Path, default=Path("content"), help="Markdown texts to watch too")


def _build(args: argparse.Namespace) -> int:
    """``make site`` in its own process; its messages go to this terminal."""
    command = [sys.executable, "-m", "generators", "site", "--data", str(args.data), "--out", str(args.out),
               "--build", str(args.build)]
    code = str(Path(__file__).resolve().parents[2])  # this code, whatever the working folder
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, (code, os.environ.get("PYTHONPATH")))))
    return subprocess.run(command, check=False, env=env).returncode


def run(args: argparse.Namespace) -> int:
    status = _build(args)
    if status != 0 and not args.out.exists():
        return status
    with serve(args.out, args.host, args.port) as url:
        print(f"serving {args.out} on {url} (English: /en/); Ctrl-C stops", flush=True)
        _rebuild_on_change(args)
    return 0


def _rebuild_on_change(args: argparse.Namespace) -> None:
    """Watch DATA and content/ and rebuild after each change, until Ctrl-C."""
    from watchdog.events import FileSystemEvent, FileSystemEventHandler
    from watchdog.observers import Observer

    changed = threading.Event()

    class OnChange(FileSystemEventHandler):
        def on_any_event(self, event: FileSystemEvent) -> None:
            # Only changes: inotify also reports files opened and closed, which the build itself does.
            if event.event_type not in ("created", "modified", "moved", "deleted"):
                return
            path = str(getattr(event, "dest_path", "") or event.src_path)
            if path.endswith(WATCHED_SUFFIXES):
                changed.set()

    observer = Observer()
    for folder in (args.data, args.content):
        if folder.is_dir():
            observer.schedule(OnChange(), str(folder), recursive=True)
    observer.start()
    try:
        while True:
            if changed.wait(0.5):
                time.sleep(0.3)  # an editor's save is often several events: rebuild once
                changed.clear()
                print("change seen: rebuilding…", flush=True)
                started = time.monotonic()
                if _build(args) == 0:
                    print(f"rebuilt in {time.monotonic() - started:.1f} s", flush=True)
    except KeyboardInterrupt:
        pass
    finally:
        observer.stop()
