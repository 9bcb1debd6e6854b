"""Answering a statistics question from the catalog: values, comparison and groups."""

from django.utils.translation import gettext as _

from yingji.core.errors import ApplicationError
from yingji.core.industries import Industry
from yingji.regions.models import Region
from yingji.stats.catalog import (
    CATALOG,
    GROUPS,
    MAX_GROUP_DIMENSIONS,
    REGION_GROUPS,
    Query,
    Ratio,
    remembering,
)
from yingji.stats.numbers import as_number, change
from yingji.stats.together import count_together


def indicators_for(keys: list[str]):
    unknown = [k for k in keys if k not in CATALOG]
    if unknown or not keys:
        message = _("Unknown indicator: %(keys)s. See /api/v1/stats/catalog.") % {
            "keys": ", ".join(unknown) or "—"
        }
        raise ApplicationError(message, errors={"indicators": [message]})
    return [CATALOG[k] for k in keys]


def _json(indicator, value):
    return as_number(value) if isinstance(indicator, Ratio) else value


def stats_answer(
    *, query: Query, keys: list[str], compare: str | None = None, group_by: str | None = None
) -> dict:
    with remembering():
        return _answer(query=query, keys=keys, compare=compare, group_by=group_by)


def _answer(*, query: Query, keys: list[str], compare: str | None, group_by: str | None) -> dict:
    indicators = indicators_for(keys)
    if compare not in (None, "", "yoy", "mom"):
        raise ApplicationError(_("compare is yoy or mom."), errors={"compare": [_("compare is yoy or mom.")]})
    dims = group_dimensions(group_by)
    before = None
    if compare:
        period = query.period.year_before() if compare == "yoy" else query.period.previous()
        before = Query(user=query.user, period=period, filters=query.filters, as_of=query.as_of)
    groups = _groups(indicators, query, dims) if dims else []  # first: totals may add them up
    if not dims:  # the small tables' numbers of both periods, a statement a table
        count_together((k, q) for q in (query, before) if q for k in keys)
    answer = {
        "period": {"from": query.period.start, "to": query.period.end},
        "compared_with": {"from": before.period.start, "to": before.period.end} if before else None,
        "indicators": {},
        "groups": groups,
    }
    for indicator in indicators:
        value = indicator.value(query)
        entry = {"label": str(indicator.label), "unit": indicator.unit, "value": _json(indicator, value)}
        if before:
            previous = indicator.value(before)
            entry["previous"] = _json(indicator, previous)
            if isinstance(indicator, Ratio):
                entry["change_pct"] = None
                entry["change_points"] = (
                    as_number(value - previous) if None not in (value, previous) else None
                )
            else:
                moved = change(value, previous)
                entry["change_pct"] = as_number(moved.pct)
                entry["change_text"] = moved.text(indicator.unit)
        answer["indicators"][indicator.key] = entry
    return answer


def group_dimensions(group_by: str | None) -> tuple[str, ...]:
    """ "street" or "street,industry": at most two known dimensions, none twice."""
    dims = tuple(d.strip() for d in (group_by or "").split(",") if d.strip())
    if any(d not in GROUPS for d in dims) or len(set(dims)) != len(dims) or len(dims) > MAX_GROUP_DIMENSIONS:
        message = _("group_by is one or two of %(groups)s, separated by a comma.") % {
            "groups": ", ".join(GROUPS)
        }
        raise ApplicationError(message, errors={"group_by": [message]})
    return dims


def _groups(indicators, query: Query, dims: tuple[str, ...]) -> list[dict]:
    # A group without records: a count of 0, a rate with nothing to divide (None).
    columns = [
        (i.key, {k: as_number(v) for k, v in per.items()}, None) if isinstance(i, Ratio) else (i.key, per, 0)
        for i in indicators
        for per in [i.grouped(query, *dims)]
    ]
    keys = sorted({k for _key, per, _default in columns for k in per})
    split = [key.split("|") for key in keys]
    labels = [_labels(dim, sorted({parts[n] for parts in split})) for n, dim in enumerate(dims)]
    return [  # 700 groups for a county's street × industry: each built in one pass
        {
            "key": key,
            "label": " · ".join([names.get(part, part) for names, part in zip(labels, parts, strict=True)]),
            "by": dict(zip(dims, parts, strict=True)),
            "values": {name: per.get(key, default) for name, per, default in columns},
        }
        for key, parts in zip(keys, split, strict=True)
    ]


def _labels(group_by: str, keys: list[str]) -> dict:
    if group_by in REGION_GROUPS:
        return dict(Region.objects.filter(code__in=keys).values_list("code", "name"))
    if group_by == "industry":
        names = dict(Industry.choices)  # built once: Industry.values is a new list at every look
        return {k: str(names[k]) for k in keys if k in names}
    return {}
