"""What a question needs of a rollup's grain, for every rollup to choose the smallest table
that keeps it (hazards.rollup.grain_for, inspections.rollup_stats._grain_for)."""

from yingji.regions.scoping import Jurisdiction

STREET_CODE = 99  # longer than any code a coarser rollup keeps: only the street's whole code


def code_length(query, dims: tuple[str, ...]) -> int:
    """How much of the region code the rollup must keep: a group's (a street's whole, a
    county's 6, a city's 4), or the scope's and the filter's codes, matched as prefixes."""
    grouped = STREET_CODE if "street" in dims else 6 if "county" in dims else 4 if "city" in dims else 0
    codes = (Jurisdiction.of(query.user).region, query.filters.get("region"))
    return max([grouped] + [len(code) for code in codes if code])


def by_industry(query, dims: tuple[str, ...]) -> bool:
    """The question needs the industry: grouped or filtered by it, or a department's scope."""
    scoped = Jurisdiction.of(query.user).industries is not None
    return "industry" in dims or scoped or bool(query.filters.get("industry"))


def keeps_region(code_length_kept: int | None, needed: int) -> bool:
    return code_length_kept is None or code_length_kept >= needed
