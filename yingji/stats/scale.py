"""The rule of province scale: every indicator in the catalog says how it stays fast when a whole
province is in the database (10 million hazards, 2 million inspections, 134 counties; the
benchmark in bench/province/ builds it). The target: a dashboard's card with its 同比 in under
TARGET_MS at province scale, server time.

An indicator is fast in one of these ways, and `how_fast` tells which (the suite fails for an
indicator in none of them, so whoever registers one over a big table must decide):

- it has a **rollup** (its whole months from a pre-aggregated table kept by triggers, the
  partial months from covering indexes: stats.catalog.Measure._parts);
- it is a **ratio** of two measures, as fast as they are;
- it counts a **small table**: at most SMALL_ROWS rows in a province, with an index on its region;
- it was **measured** under the target through the server (bench/province/pages.py --computed;
  the figure, in ms, is here);
- it is **pending**: known to miss the target at province scale, with what will bring it under.
  A pending indicator still answers (from the raw table); a county's numbers stay fast.
"""

from yingji.stats.catalog import CATALOG, Ratio

TARGET_MS = 50
SMALL_ROWS = 1_000_000

# Rows a province holds in three years, generously: a county's year times 134 × 3.
SMALL_TABLES = {
    "accidents.Accident": 40_000,
    "complaints.Complaint": 400_000,
    "duty.LogEntry": 800_000,
    "duty.Shift": 150_000,
    "emergency.Evacuation": 40_000,
    "emergency.Event": 80_000,
    "emergency.EventReport": 200_000,
    "emergency.ResponseChange": 20_000,
    "emergency.Shelter": 20_000,
    "emergency.SpecialPerson": 300_000,
    "enforcement.Case": 250_000,
    "enforcement.CaseDocument": 900_000,
    "enforcement.CasePayment": 150_000,
    "enforcement.CasePenalty": 300_000,
    "enterprises.Enterprise": 300_000,
    "inspections.PlanRow": 300_000,
    "inspections.RandomDraw": 40_000,
    "meetings.Interview": 20_000,
    "meetings.Meeting": 40_000,
    "preparedness.Drill": 100_000,
    "preparedness.Expert": 20_000,
    "preparedness.Plan": 100_000,
    "preparedness.Team": 20_000,
    "preparedness.TeamMember": 300_000,
    "regions.Region": 3_000,
    "supplies.MinimumStock": 50_000,
    "supplies.Movement": 500_000,
    "supplies.StockLevel": 200_000,
    "supplies.Warehouse": 5_000,
    "tasks.DutyItem": 50_000,
    "tasks.Task": 100_000,
    "training.DemoCommunity": 10_000,
    "training.Exam": 100_000,
    "training.TrainingEvent": 200_000,
    "warnings.Recipient": 900_000,
    "warnings.WarningChange": 40_000,
}

# The stats API call of its card through `yingji serve`, computed (bench/province/pages.py
# --computed): the province's bureau user, year to date with 同比, p95 of 20 calls (ms).
MEASURED: dict[str, int] = {}  # none now: hazards.listed, the last, has a rollup since 2026-12-05

# Known to miss the target at province scale, and what will bring each under it (none now:
# plans.inspected, the last, reads the graded units the inspection rollups keep since 2026-12-05).
PENDING: dict[str, str] = {}


def how_fast(key: str) -> str | None:
    """rollup, ratio, small table, measured, pending — or None: the rule is broken."""
    indicator = CATALOG[key]
    if isinstance(indicator, Ratio):
        return "ratio"
    if indicator.rollup is not None:
        return "rollup"
    if key in MEASURED:
        return "measured" if MEASURED[key] < TARGET_MS else None
    if key in PENDING:
        return "pending"
    if SMALL_TABLES.get(indicator.model._meta.label, SMALL_ROWS + 1) <= SMALL_ROWS:
        return "small table"
    return None
