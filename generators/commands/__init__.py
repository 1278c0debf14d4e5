"""One module per command-line command (see :mod:`generators.cli`)."""
