"""整治评估档案库 — compile YAML records into a bilingual archive site and official documents.

The pipeline, one stage per sub-package, data flowing one way:

    records  → load and validate DATA into one immutable Archive
    rules    → the evaluation spec as pure functions over the Archive
    refs     → the reference graph: resolve, backlinks, sieve coverage
    site     → Archive → pages per language → mkdocs build → site/
    documents→ Archive → pandoc → .docx / .pdf (GB/T 9704-2012)
    archive  → versions, git history, release packages
    cli      → what the Makefile calls
"""
