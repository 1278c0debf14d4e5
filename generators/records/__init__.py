"""Records: read DATA into one immutable, validated :class:`~generators.records.archive.Archive`."""

from generators.records.archive import Archive
from generators.records.load import load_archive

__all__ = ["Archive", "load_archive"]
