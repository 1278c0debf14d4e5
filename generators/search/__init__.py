"""Archive search: a static, sharded index of character bigrams and token pairs per language,
written over the built site (``index.build_index``) and run in the browser by
``theme/search/search.js``. See ``generators/search/index.py`` for the file layout."""

from generators.search.index import build_index

__all__ = ["build_index"]
