"""The bundled example archive and synthetic archives of any size (``make example-data``).

Everything here is invented except the real notice 海安委办〔2022〕17号, which is hand-written in
``data/`` and only copied (never rewritten) into new folders. Output is deterministic: a seeded
``random.Random`` and fixed dates, never the wall clock, so re-running reproduces ``data/`` byte
for byte.
"""

from generators.example.generate import GENERATED_MARK, generate

__all__ = ["GENERATED_MARK", "generate"]
