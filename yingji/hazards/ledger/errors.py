"""What stops an import: a problem of one cell (row and column as the spreadsheet shows them), and
LedgerError, which carries the file's own problems or every problem of every row."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from yingji.core.errors import ApplicationError
from yingji.hazards.ledger.columns import ORDER


@dataclass(frozen=True)
class RowError:
    row: int  # as the spreadsheet numbers it: the sheet's first row is 1
    column: str  # the template header
    message: str

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "message": self.message}


# A file of 150,000 rows can hold millions of bad cells; listing them all would cost the worker
# more memory than the file (and help nobody). The first ones are listed, the rest counted.
MAX_LISTED = 10_000


class RowErrors(list):
    """The problems of a file: the first MAX_LISTED kept, the others only counted."""

    def __init__(self):
        super().__init__()
        self.limit, self.unlisted = MAX_LISTED, 0

    def append(self, error: RowError) -> None:
        if len(self) < self.limit:
            super().append(error)
        else:
            self.unlisted += 1


class LedgerError(ApplicationError):
    """A file that cannot be imported: the file's own problems, or every problem of every row."""

    def __init__(self, *, file: Iterable[str] = (), rows: Iterable[RowError] = ()):
        self.file = list(file)
        unlisted = getattr(rows, "unlisted", 0)
        if unlisted:
            self.file.append(
                _("%(count)s more problems are not listed: correct those listed and import again.")
                % {"count": unlisted}
            )
        self.rows = sorted(rows, key=lambda e: (e.row, ORDER.get(e.column, 99)))
        errors: dict = {}
        if self.file:
            errors["file"] = self.file
        if self.rows:
            errors["rows"] = [e.as_dict() for e in self.rows]
        if self.file and not self.rows:
            summary = self.file[0]
        else:
            summary = _("%(count)s problems in the file; nothing was imported.") % {
                "count": len(self.rows) + unlisted
            }
        super().__init__(summary, errors=errors)

    def lines(self) -> list[str]:
        """One line per problem, for the command line."""
        return self.file + [_("Row %(row)s [%(column)s] %(message)s") % e.as_dict() for e in self.rows]
