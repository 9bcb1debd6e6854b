"""The seven questions of issue 5, each asked three ways: through the API, as hand-written SQL
on the raw tables in PostgreSQL, and as the same SQL in DuckDB. The SQL is written once with
`:name` parameters and runs unchanged on both engines.

The answers are brought to one shape to be compared:
- groups: {key: (found, rectified, rate)}, the key as the API writes it ("430102",
  "430102001|commerce_trade", "2024-01");
- yoy: {"now" | "before": (found, rectified, rate)};
- list: (count, [ids of the page]);
- summary: {number's name: value}, read out of the work summary's Markdown.
"""

# The SQL is assembled from our own constants; values go in as parameters.
# ruff: noqa: S608

import datetime
import re
from dataclasses import dataclass

from yingji.stats.numbers import as_number, percent

OPEN = "('reported', 'rectifying', 'awaiting_review')"
LIST_COLUMNS = (
    "id, enterprise_id, region_code, industry, description, location, category, level, source, found_at, "
    "measures, responsible, deadline, funds, status, rectified_at, verified_at, verifier, closed_at, "
    "listing_level, listed_on, extension_requested_until, inspection_id"
)
H1 = (datetime.date(2026, 1, 1), datetime.date(2026, 6, 30))
H1_BEFORE = (datetime.date(2025, 1, 1), datetime.date(2025, 6, 30))
THREE_YEARS = (datetime.date(2024, 1, 1), datetime.date(2026, 12, 31))
INDICATORS = "hazards.found,hazards.rectified,hazards.rectification_rate"


@dataclass(frozen=True)
class Subject:
    """Whom the questions are about: a county, one of its enterprises, and today (the server's
    date in Asia/Shanghai, which decides what is overdue)."""

    county: str
    county_name: str
    enterprise: int
    enterprise_hazards: int
    today: datetime.date


@dataclass(frozen=True)
class Question:
    key: str
    title: str
    user: str  # "province" or "county": whose token asks
    path: str  # format fields: county, enterprise
    sql: tuple[str, ...]
    shape: str  # groups, yoy, list, summary
    period: tuple[datetime.date, datetime.date] = H1
    aggregate: bool = True  # its answers must agree exactly

    def params(self, s: Subject) -> dict:
        start, end = self.period
        return {
            "province": "43%",
            "county": s.county + "%",
            "enterprise": s.enterprise,
            "today": s.today,
            "start": start,
            "end": end,
            "before_start": H1_BEFORE[0],
            "before_end": H1_BEFORE[1],
        }

    def url(self, s: Subject) -> str:
        return self.path.format(county=s.county, enterprise=s.enterprise)


def _by(key: str, scope: str) -> str:
    # Rectified by the period's end, or by today in a period still running (stats.catalog.Query.cutoff).
    return f"""SELECT {key} AS key, count(*) AS found, count(*) FILTER (WHERE rectified_at <= LEAST(:end, :today)) AS rectified
        FROM hazards_hazard
        WHERE region_code LIKE :{scope} AND found_at BETWEEN :start AND :end AND status <> 'cancelled'
        GROUP BY 1 ORDER BY 1"""


QUESTIONS = [
    Question(
        "a",
        "every county's half-year found / rectified / rate (province)",
        "province",
        f"/api/v1/stats?indicators={INDICATORS}&region=43&from=2026-01-01&to=2026-06-30&group_by=county",
        (_by("substr(region_code, 1, 6)", "province"),),
        "groups",
    ),
    Question(
        "b",
        "one county by street × industry",
        "county",
        f"/api/v1/stats?indicators={INDICATORS}&region={{county}}&from=2026-01-01&to=2026-06-30"
        "&group_by=street,industry",
        (_by("substr(region_code, 1, 9) || '|' || industry", "county"),),
        "groups",
    ),
    Question(
        "c",
        "one county's H1 2026 year-on-year",
        "county",
        f"/api/v1/stats?indicators={INDICATORS}&region={{county}}&from=2026-01-01&to=2026-06-30&compare=yoy",
        (
            """SELECT CASE WHEN found_at >= :start THEN 'now' ELSE 'before' END AS key, count(*) AS found,
                count(*) FILTER (WHERE rectified_at <= CASE WHEN found_at >= :start THEN :end ELSE :before_end END)
                    AS rectified
            FROM hazards_hazard
            WHERE region_code LIKE :county AND status <> 'cancelled'
              AND (found_at BETWEEN :start AND :end OR found_at BETWEEN :before_start AND :before_end)
            GROUP BY 1""",
        ),
        "yoy",
    ),
    Question(
        "d",
        "a county's overdue hazards, top 100 by deadline",
        "county",
        "/api/v1/hazards?region={county}&overdue=true&ordering=deadline&page_size=100",
        (
            f"""SELECT {LIST_COLUMNS}, count(*) OVER () AS total FROM hazards_hazard
            WHERE region_code LIKE :county AND deadline < :today AND status IN {OPEN}
            ORDER BY deadline, id LIMIT 100""",
        ),
        "list",
        aggregate=False,
    ),
    Question(
        "e",
        "the province's 36-month trend",
        "province",
        "/api/v1/stats?indicators=hazards.found,hazards.rectified&region=43&from=2024-01-01&to=2026-12-31"
        "&group_by=month",
        (_by("date_trunc('month', found_at)", "province"),),
        "groups",
        period=THREE_YEARS,
    ),
    Question(
        "f",
        "one enterprise's hazard page",
        "county",
        "/api/v1/hazards?enterprise={enterprise}",
        (
            f"""SELECT {LIST_COLUMNS}, count(*) OVER () AS total FROM hazards_hazard
            WHERE region_code LIKE :county AND enterprise_id = :enterprise
            ORDER BY found_at DESC, id DESC LIMIT 50""",
        ),
        "list",
        aggregate=False,
    ),
    Question(
        "g",
        "a county's H1 2026 work summary (Markdown)",
        "county",
        "/api/v1/reports/work-summary?region={county}&year=2026&period=H1&format=md",
        (
            """SELECT
                count(*) FILTER (WHERE found_at BETWEEN :start AND :end) AS found,
                count(*) FILTER (WHERE found_at BETWEEN :start AND :end AND rectified_at <= :end) AS rectified,
                count(*) FILTER (WHERE found_at BETWEEN :start AND :end AND level = 'major') AS major_found,
                count(*) FILTER (WHERE listed_on BETWEEN :start AND :end) AS listed,
                count(*) FILTER (WHERE closed_at BETWEEN :start AND :end AND level = 'major') AS major_closed,
                count(*) FILTER (WHERE found_at <= :end AND (rectified_at IS NULL OR rectified_at > :end)
                                 AND deadline < :end) AS overdue
            FROM hazards_hazard WHERE region_code LIKE :county AND status <> 'cancelled'""",
            # The supervisors' inspections: the summary states the enterprises' self-checks apart.
            """SELECT count(*) AS inspections, sum(inspector_count) AS person_times,
                count(DISTINCT enterprise_id) AS units
            FROM inspections_inspection WHERE region_code LIKE :county AND inspected_on BETWEEN :start AND :end
            AND type <> 'self_check'""",
        ),
        "summary",
    ),
]


# Answers in one shape ------------------------------------------------------------------


def from_api(question: Question, body: bytes | str, data: dict | None):
    if question.shape == "groups":
        return {
            g["key"]: _triple(
                g["values"]["hazards.found"],
                g["values"]["hazards.rectified"],
                g["values"].get("hazards.rectification_rate", "-"),
            )
            for g in data["groups"]
        }
    if question.shape == "yoy":
        i = data["indicators"]
        return {
            when: _triple(
                i["hazards.found"][field],
                i["hazards.rectified"][field],
                i["hazards.rectification_rate"][field],
            )
            for when, field in (("now", "value"), ("before", "previous"))
        }
    if question.shape == "list":
        return data["count"], [h["id"] for h in data["results"]]
    return _summary_numbers(body)


def from_sql(question: Question, results: list[tuple[list[str], list[tuple]]]):
    """`results`: (column names, rows) of each statement."""
    names, rows = results[0]
    if question.shape in ("groups", "yoy"):
        with_rate = question.shape == "yoy" or "rectification_rate" in question.path
        return {
            _key(key): _triple(f, r, as_number(percent(r, f)) if with_rate else "-") for key, f, r in rows
        }
    if question.shape == "list":
        return (rows[0][-1] if rows else 0), [row[0] for row in rows]
    numbers = {}
    for names, rows in results:
        numbers |= {n: int(v or 0) for n, v in zip(names, rows[0], strict=True)}
    return numbers


def _triple(found, rectified, rate) -> tuple:
    return int(found), int(rectified), rate


def _key(value) -> str:
    return value.strftime("%Y-%m") if isinstance(value, datetime.date) else str(value)


# The narrative's sentences (reports/narrative.py) with the numbers we check.
SUMMARY_PATTERNS = {
    "inspections": r"开展安全检查(\d+)次",
    "person_times": r"出动检查人员(\d+)人次",
    "units": r"检查生产经营单位(\d+)家",
    "found": r"排查各类隐患(\d+)处",
    "rectified": r"已整改(\d+)处",
    "major_found": r"排查重大事故隐患(\d+)处",
    "listed": r"挂牌督办(\d+)处",
    "major_closed": r"销号(\d+)处",
    "overdue": r"仍有(\d+)处隐患逾期未整改",
}


def _summary_numbers(body: bytes | str) -> dict:
    text = body.decode() if isinstance(body, bytes) else body
    text = text.replace(",", "")
    found = {}
    for name, pattern in SUMMARY_PATTERNS.items():
        match = re.search(pattern, text)
        if match:
            found[name] = int(match.group(1))
    return found


def disagreements(question: Question, api, pg, duck) -> list[str]:
    """What differs between the three answers; empty when they agree."""
    problems = []
    for name, other in (("PostgreSQL", pg), ("DuckDB", duck)):
        if other is None or api is None:
            continue
        if question.shape == "summary":
            missing = sorted(set(other) - set(api))
            if missing:
                problems.append(f"not found in the summary's text: {', '.join(missing)}")
            problems += [
                f"{k}: API {api[k]} vs {name} {other[k]}"
                for k in sorted(set(api) & set(other))
                if api[k] != other[k]
            ]
        elif question.shape == "list":
            if api[0] != other[0]:
                problems.append(f"count: API {api[0]} vs {name} {other[0]}")
            if api[1] != other[1]:
                problems.append(
                    f"ids of the page differ between API and {name} (first: {api[1][:3]} vs {other[1][:3]})"
                )
        elif api != other:
            keys = sorted(set(api) | set(other))
            diff = [k for k in keys if api.get(k) != other.get(k)]
            sample = ", ".join(f"{k}: API {api.get(k)} vs {other.get(k)}" for k in diff[:3])
            problems.append(f"{len(diff)} of {len(keys)} groups differ from {name} ({sample})")
    return problems
