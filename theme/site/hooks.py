"""MkDocs hooks of the site build (the generated config names this file): what makes each MkDocs
run start faster, never what it renders.

- The search runtime that the search page carries inline is added to the config here, not
  written into the generated mkdocs.yml: MkDocs reads its config with PyYAML's pure-Python
  loader, and 47 kB of script in it took a second of every run.
- The theme's Jinja templates are compiled once and their bytecode kept beside the config
  (``templates-cache/``): compiling Material's templates took another second and a half of every
  run, dirty or clean. Jinja checks each template's source against its cached bytecode.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import FileSystemBytecodeCache

RUNTIME = Path(__file__).resolve().parents[1] / "search" / "search.js"


def on_config(config):
    config.extra["zz_search_runtime"] = RUNTIME.read_text(encoding="utf-8")
    return config


def on_env(env, config, files):
    folder = Path(config.config_file_path).parent / "templates-cache"
    folder.mkdir(exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    return env
