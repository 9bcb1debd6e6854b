import datetime

from django.utils import timezone
from ninja import Field, Query, Router, Schema

from yingji.stats import selectors
from yingji.stats.catalog import CATALOG, GROUPS, Ratio
from yingji.stats.catalog import Query as StatsQuery
from yingji.stats.kept import kept
from yingji.stats.periods import Period, period_of

router = Router(tags=["stats"])


class StatsParams(Schema):
    indicators: str = Field(
        ..., description="comma-separated keys, e.g. hazards.found,hazards.rectification_rate"
    )
    region: str | None = Field(None, max_length=12, description="region code prefix")
    date_from: datetime.date | None = Field(None, alias="from")
    date_to: datetime.date | None = Field(None, alias="to")
    year: int | None = Field(None, ge=2000, le=2100)
    period: str | None = Field(None, description="with year: year, ytd, H1, H2, Q1..Q4, M01..M12")
    as_of: datetime.date | None = None
    compare: str | None = Field(None, description="yoy (同比) or mom (环比)")
    group_by: str | None = Field(
        None, description="one or two of " + ", ".join(GROUPS) + ", comma-separated, e.g. street,industry"
    )
    industry: str | None = Field(None, max_length=32)
    kind: str | None = Field(None, max_length=32)
    level: str | None = Field(None, max_length=16)
    source: str | None = Field(None, max_length=16)
    category: str | None = Field(None, max_length=2)
    type: str | None = Field(None, max_length=16)


class CatalogEntry(Schema):
    key: str
    label: str
    unit: str
    kind: str
    dimensions: list[str]
    description: str


def _period(params: StatsParams) -> Period:
    today = timezone.localdate()
    if params.year and params.period:
        return period_of(params.year, params.period, today=today)
    start = params.date_from or today.replace(month=1, day=1)
    return Period(start, params.date_to or today, "range")


@router.get("")
def stats(request, params: Query[StatsParams]):
    """Indicators for a period, compared (yoy 同比 / mom 环比) and grouped, in the caller's jurisdiction."""
    filters = {
        name: getattr(params, name)
        for name in ("region", "industry", "kind", "level", "source", "category", "type")
        if getattr(params, name)
    }
    query = StatsQuery(user=request.auth, period=_period(params), filters=filters, as_of=params.as_of)
    keys = [k.strip() for k in params.indicators.split(",") if k.strip()]
    asked = ("stats", tuple(sorted(params.model_dump(exclude_none=True).items())))
    return kept(
        asked,
        request.auth,
        lambda: selectors.stats_answer(
            query=query, keys=keys, compare=params.compare, group_by=params.group_by
        ),
    )


@router.get("/catalog", response=list[CatalogEntry])
def catalog(request):
    return [
        {
            "key": i.key,
            "label": str(i.label),
            "unit": i.unit,
            "kind": "ratio" if isinstance(i, Ratio) else "measure",
            "dimensions": ["region", *i.dimensions],
            "description": i.description,
        }
        for i in sorted(CATALOG.values(), key=lambda i: i.key)
    ]
