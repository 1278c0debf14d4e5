"""Ledgers (台账) as workbooks: templates to fill in, import into records, export of the printed lists.

``columns`` defines every sheet once; ``template`` and ``export`` write workbooks from it (openpyxl),
``read`` reads any workbook (python-calamine; CSV by the standard library) and ``importer`` turns
its rows into record changes, shown before they are written, all files or none.
"""
