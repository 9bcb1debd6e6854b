"""隐患排查治理台账 (DOMAIN.md §0.3): the ledger template, its import and its export.

Import is all or nothing, in three steps that the benchmark times apart: `ledger_read`
finds the header row and the data rows of an xlsx/xls/csv file, `ledger_validate` checks
every row against the rules of the template and reports every problem of every row, and
`ledger_write` writes a clean file in one transaction. A ledger runs to 100,000 rows, so
the write is a bulk path instead of services.hazard_register per row; it applies the same
rules (jurisdiction, dates, the model's constraints) and leaves the same trail: a timeline
event per hazard and one audit entry for the import.

Export writes the same template, so that an exported file imports back unchanged.

The modules, each importing only those above it:
    columns     the template: columns, headers, the labels of levels, sources, statuses
    errors      RowError (row and column of one problem) and LedgerError
    cells       one cell to its value: text, dates, funds, labels
    reading     ledger_read: a file to its header and data rows
    validation  ledger_validate: the row rules and the enterprise lookup
    writing     ledger_write (the bulk write, events, audit) and ledger_import
    xlsx        xlsx_stream: the streaming xlsx writer
    export      ledger_rows, CSV, and the export and template responses

This package re-exports what the rest of the code uses, so `from yingji.hazards import ledger`
and `ledger.X` read as they did when the ledger was one module.
"""

from yingji.hazards.ledger.cells import _Bad, _date
from yingji.hazards.ledger.columns import CHOICE_HINTS, COLUMNS, HEADERS, NAME, REQUIRED_HEADERS, USCC
from yingji.hazards.ledger.errors import LedgerError
from yingji.hazards.ledger.export import (
    CONTENT_TYPES,
    csv_stream,
    ledger_export_response,
    ledger_rows,
    ledger_template_response,
)
from yingji.hazards.ledger.reading import MAX_FILE_BYTES, MAX_UNPACKED_BYTES, ledger_read
from yingji.hazards.ledger.validation import ledger_validate
from yingji.hazards.ledger.writing import (
    ledger_import,
    ledger_import_file,
    ledger_import_upload,
    ledger_write,
)
from yingji.hazards.ledger.xlsx import xlsx_stream

__all__ = [
    "CHOICE_HINTS",
    "COLUMNS",
    "CONTENT_TYPES",
    "HEADERS",
    "MAX_FILE_BYTES",
    "MAX_UNPACKED_BYTES",
    "NAME",
    "REQUIRED_HEADERS",
    "USCC",
    "LedgerError",
    "_Bad",
    "_date",
    "csv_stream",
    "ledger_export_response",
    "ledger_import",
    "ledger_import_file",
    "ledger_import_upload",
    "ledger_read",
    "ledger_rows",
    "ledger_template_response",
    "ledger_validate",
    "ledger_write",
    "xlsx_stream",
]
