"""Who may read reports and who may word them: one rule for the pages, the API and the
services."""

from yingji.accounts.access import require_role
from yingji.accounts.choices import Role

# The work summary and the statistics tables are the bureau's documents: made by the bureau,
# read by its leaders. Offices, departments, inspectors, duty officers and enterprises work on
# records; they do not issue the bureau's summary.
REPORT_READERS = frozenset({Role.ADMIN, Role.BUREAU, Role.LEADER})
# The administrator words the defaults, a bureau its own reports.
WORDING_EDITORS = frozenset({Role.ADMIN, Role.BUREAU})


def require_report_reader(user) -> None:
    """403 for a role that may not read reports."""
    require_role(user, REPORT_READERS)


def require_wording_editor(user) -> None:
    require_role(user, WORDING_EDITORS)
