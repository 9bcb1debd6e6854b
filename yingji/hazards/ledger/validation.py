"""The second step of an import: every row checked against the template's rules (required
cells, dates in order, what each status needs), against what the importer may do (a row comes
in no further along the loop than the importer's actions could take it: permissions.py) and
matched to an enterprise of the actor's jurisdiction; `ledger_validate` reports every problem
of every row with its row and column."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from stdnum.cn import uscc as uscc_number

from yingji.core import dates
from yingji.enterprises.models import Enterprise
from yingji.hazards import permissions
from yingji.hazards.choices import DONE_STATES, HazardLevel, HazardSource, HazardStatus
from yingji.hazards.ledger.cells import PARSERS, _Bad
from yingji.hazards.ledger.columns import (
    DESCRIPTION,
    NAME,
    NEEDS_DEADLINE,
    NEEDS_RECTIFIED_AT,
    STATUS_LABELS,
    USCC,
    S,
)
from yingji.hazards.ledger.errors import LedgerError, RowError, RowErrors
from yingji.hazards.ledger.reading import Sheet, _without_gc

ENTERPRISE_CHUNK = 2000  # names and codes per enterprise query (database parameter limits)
PROGRESS_ROWS = 1000  # rows between two reports to a `progress` callback
# Translated only when a message names them, not once per row of a 100,000-row file.
FOUND, RECTIFIED = gettext_lazy("date found"), gettext_lazy("date rectified")


@dataclass(slots=True)
class ParsedRow:
    number: int
    enterprise_name: str = ""
    uscc: str = ""
    description: str = ""
    location: str = ""
    category: str = ""
    level: str = ""
    source: str = HazardSource.INSPECTION
    found_at: datetime.date | None = None
    measures: str = ""
    responsible: str = ""
    deadline: datetime.date | None = None
    funds: Decimal | None = None
    rectified_at: datetime.date | None = None
    verifier: str = ""
    verified_at: datetime.date | None = None
    status: str = S.REPORTED
    note: str = ""
    enterprise: tuple | None = None  # (id, uscc, name, region code, industry)


@_without_gc
def ledger_validate(
    sheet: Sheet, *, actor, today: datetime.date | None = None, progress=None
) -> list[ParsedRow]:
    """Every row checked against the template's rules; LedgerError lists every problem.
    `progress(done, total)`, if given, hears how many rows are checked (a background job's bar)."""
    if not permissions.can_register(actor):
        raise PermissionDenied(_("Your role may not import hazards."))
    today = today or timezone.localdate()
    errors = RowErrors()
    may = {level: permissions.import_statuses(actor, level) for level in HazardLevel.values}
    if progress is None:
        parsed = [
            _parse_row(number, cells, sheet.columns, today, may, errors) for number, cells in sheet.rows
        ]
    else:
        parsed, total = [], len(sheet.rows)
        for number, cells in sheet.rows:
            parsed.append(_parse_row(number, cells, sheet.columns, today, may, errors))
            if len(parsed) % PROGRESS_ROWS == 0:
                progress(len(parsed), total)
        progress(total, total)
    _resolve_enterprises(parsed, actor, {c.header for _p, c in sheet.columns}, errors)
    if errors:
        raise LedgerError(rows=errors)
    return parsed


def _parse_row(number: int, cells: list, columns, today: datetime.date, may: dict, errors: list) -> ParsedRow:
    row, bad = ParsedRow(number), set()
    width = len(cells)
    for position, column in columns:
        value = cells[position] if position < width else None
        if value is None or value == "" or (isinstance(value, str) and not value.strip()):
            continue
        try:
            setattr(row, column.key, PARSERS[column.kind](value, column))
        except _Bad as e:
            errors.append(RowError(number, column.header, str(e)))
            bad.add(column.header)
    if row.uscc:
        row.uscc = row.uscc.upper()

    def problem(header: str, message: str) -> None:
        if header not in bad:
            errors.append(RowError(number, header, message))
            bad.add(header)

    for header, value in (
        (DESCRIPTION, row.description),
        ("隐患等级", row.level),
        ("发现日期", row.found_at),
    ):
        if not value:
            problem(header, _("Required."))
    status_label = STATUS_LABELS[row.status]
    if row.status in NEEDS_DEADLINE and row.deadline is None:
        problem("整改期限", _("Required when the status is %(status)s.") % {"status": status_label})
    if row.status in NEEDS_RECTIFIED_AT and row.rectified_at is None:
        problem("整改完成日期", _("Required when the status is %(status)s.") % {"status": status_label})
    _check_dates(row, today, problem)
    _check_authority(row, may, problem)
    return row


def _check_dates(row: ParsedRow, today: datetime.date, problem) -> None:
    """The dates rule of core/dates.py: found, rectified and accepted not in the future nor
    before 2000, in that order; the deadline not before the date found nor years after it."""
    found, rectified = row.found_at, row.rectified_at
    checks = [("发现日期", found and dates.past_problem(found, on=today))]
    if found and row.deadline:
        checks.append(("整改期限", dates.deadline_problem(row.deadline, start=found, name=FOUND)))
    if rectified:
        checks.append(("整改完成日期", dates.past_problem(rectified, not_before=found, name=FOUND, on=today)))
    if row.verified_at:
        after, name = (rectified, RECTIFIED) if rectified else (found, FOUND)
        checks.append(
            ("验收日期", dates.past_problem(row.verified_at, not_before=after, name=name, on=today))
        )
    for header, message in checks:
        if message:
            problem(header, message)


def _check_authority(row: ParsedRow, may: dict, problem) -> None:
    """A row reaches only a status its importer may reach (permissions.import_statuses), and
    no field the actions would not give it: a date rectified only once submitted (on the
    hazard only once accepted: writing.py), an acceptor only on an accepted row, where the
    importer is recorded as the acceptor (writing.py keeps a different typed name as a note)."""
    if not row.level:
        return
    if row.status not in may[row.level]:
        status = STATUS_LABELS[row.status]
        if row.level == HazardLevel.MAJOR:
            message = _("Your role cannot import a major hazard as %(status)s.") % {"status": status}
        else:
            message = _("Your role cannot import a general hazard as %(status)s.") % {"status": status}
        problem("状态", message)
    elif row.status not in DONE_STATES:
        if row.rectified_at and row.status != HazardStatus.AWAITING_REVIEW:
            problem(
                "整改完成日期",
                _("Only a hazard submitted for acceptance (待验收) or accepted has a date rectified."),
            )
        if row.verifier:
            problem("验收人", _("Only an accepted hazard (已整改 or 已销号) has an acceptor."))
        if row.verified_at:
            problem("验收日期", _("Only an accepted hazard (已整改 or 已销号) has an acceptance date."))


def _resolve_enterprises(parsed: list[ParsedRow], actor, headers: set[str], errors: list) -> None:
    """Each row's enterprise, from the USCC if it has one, else the exact name; looked up in the
    actor's jurisdiction in a few queries for the whole file, not one per row."""
    codes = {r.uscc for r in parsed if r.uscc}
    names = {r.enterprise_name for r in parsed if r.enterprise_name and not r.uscc}
    by_code: dict[str, tuple] = {}
    by_name: dict[str, dict[int, tuple]] = {}
    keys = [("u", c) for c in sorted(codes)] + [("n", n) for n in sorted(names)]
    scoped = Enterprise.objects.for_user(actor).order_by()
    for start in range(0, len(keys), ENTERPRISE_CHUNK):
        chunk = keys[start : start + ENTERPRISE_CHUNK]
        wanted = Q(uscc__in=[k for t, k in chunk if t == "u"]) | Q(name__in=[k for t, k in chunk if t == "n"])
        for found in scoped.filter(wanted).values_list("id", "uscc", "name", "region_id", "industry"):
            by_code[found[1]] = found
            by_name.setdefault(found[2], {})[found[0]] = found
    for row in parsed:
        if row.uscc:
            row.enterprise = by_code.get(row.uscc)
            if row.enterprise is None:
                message = (
                    _("No enterprise with this code in your jurisdiction.")
                    if uscc_number.is_valid(row.uscc)
                    else _("Not a valid unified social credit code: %(value)s.") % {"value": row.uscc}
                )
                errors.append(RowError(row.number, USCC, message))
        elif row.enterprise_name:
            matches = list(by_name.get(row.enterprise_name, {}).values())
            if len(matches) == 1:
                row.enterprise = matches[0]
            elif matches:
                message = _("Several enterprises in your jurisdiction have this name: give the code.")
                errors.append(RowError(row.number, NAME, message))
            else:
                message = _("No enterprise of this name in your jurisdiction.")
                errors.append(RowError(row.number, NAME, message))
        else:
            message = _("Give the enterprise's name or its unified social credit code.")
            errors.append(RowError(row.number, NAME if NAME in headers else USCC, message))
