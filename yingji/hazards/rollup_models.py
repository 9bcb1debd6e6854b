"""The month-grain tables the hazard statistics read at province scale, kept by the triggers
of rollup.py in the same transaction as every write to hazards."""

import datetime

from django.db import models

from yingji.core.models import meta_class
from yingji.regions.scoping import ScopedQuerySet, ScopeFields


class MonthRollup(models.Model):
    """A month-grain rollup of hazards the statistics read at province scale: how many hazards
    of one region, industry and level were found in a month and rectified in another (or not
    yet: NOT_RECTIFIED). Kept current by database triggers in the same transaction as every
    write to hazards (rollup.py), so it never drifts; cancelled hazards count nowhere."""

    NOT_RECTIFIED = datetime.date(9999, 12, 1)

    region_code = models.CharField(max_length=12)
    industry = models.CharField(max_length=32)
    level = models.CharField(max_length=16)
    found_month = models.DateField()
    rectified_month = models.DateField()
    hazards = models.IntegerField(default=0)
    # 整改资金 of those hazards, in fen (分): whole numbers add up exactly on SQLite too.
    funds_fen = models.BigIntegerField(default=0)

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(region="region_code", industry="industry")

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.region_code} {self.industry} {self.level} {self.found_month:%Y-%m}: {self.hazards}"


def _rollup_meta(
    name: str,
    month: str = "found_month",
    indexed: str = "found_month",
    then: str = "rectified_month",
    extra: tuple = (),
) -> type:
    """The Meta of a concrete rollup: its key, and its region index (and `extra` indexes)."""
    return meta_class(
        constraints=[
            models.UniqueConstraint(
                fields=[month, "region_code", "industry", "level", then],
                name=f"{name}_key",
            )
        ],
        # A prefix match on the code ("inside jurisdiction") needs the pattern operators on
        # PostgreSQL in any collation but C; other databases ignore opclasses.
        indexes=[
            models.Index(
                fields=["region_code", indexed],
                opclasses=["varchar_pattern_ops", "date_ops"],
                name=f"{name}_region",
            ),
            *extra,
        ],
    )


class HazardMonth(MonthRollup):
    """By street: for street users, street groups and anything narrower than a county."""

    Meta = _rollup_meta("hazard_month")


# A province's major hazards: a thirteenth of its county rows, from the index alone.
_BY_LEVEL = models.Index(
    fields=["level", "found_month"],
    include=["region_code", "industry", "rectified_month", "hazards"],
    name="hazard_county_month_level",
)


class HazardStreetTotal(MonthRollup):
    """By street, all industries and levels together: a county's streets (its map and table
    of parts) from an eighth of the street rows."""

    Meta = _rollup_meta("hazard_street_total")


class HazardCountyMonth(MonthRollup):
    """By county: a tenth of the street rows, for province and city questions."""

    Meta = _rollup_meta("hazard_county_month", extra=(_BY_LEVEL,))


class HazardCityTotal(MonthRollup):
    """By city, all industries and levels together: the province's trend from a few thousand rows."""

    Meta = _rollup_meta("hazard_city_total")


class HazardMajorCounty(MonthRollup):
    """The major hazards by county, all industries together (industry left empty): a fourth of
    the county rollup's major rows, a thirtieth of them grouped by city — the major cards
    and the map of a province or a city."""

    Meta = _rollup_meta("hazard_major_county")


class HazardMajorCity(MonthRollup):
    """The major hazards by city (industry left empty): a province's major cards and map from
    a tenth of the county rows."""

    Meta = _rollup_meta("hazard_major_city")


class HazardCountyTotal(MonthRollup):
    """By county, all industries and levels together (industry and level left empty): a
    twentieth of the county rows, for the province's and cities' headline numbers."""

    Meta = _rollup_meta("hazard_county_total")


class DeadlineRollup(MonthRollup):
    """How many hazards of one region, industry and level fall due in a month and were rectified
    in another (or not yet): overdue on any day, without reading the hazards (rollup.py keeps it
    with the month rollups' triggers). Hazards without a deadline, and cancelled ones, are not in
    it. The month rollup's columns, with the month due in place of the month found."""

    found_month = None
    deadline_month = models.DateField()

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return (
            f"{self.region_code} {self.industry} {self.level} due {self.deadline_month:%Y-%m}: {self.hazards}"
        )


def _deadline_meta(name: str) -> type:
    return _rollup_meta(name, month="deadline_month", indexed="rectified_month")


class HazardDeadlineMonth(DeadlineRollup):
    """By street, industry and level: street users and groups, anything narrower than a county."""

    Meta = _deadline_meta("hazard_deadline_month")


class HazardDeadlineStreet(DeadlineRollup):
    """By street, all industries and levels together: a county's streets overdue."""

    Meta = _deadline_meta("hazard_deadline_street")


class HazardDeadlineCounty(DeadlineRollup):
    """By county, industry and level: province and city questions about an industry or level."""

    Meta = _deadline_meta("hazard_deadline_county")


class HazardDeadlineTotal(DeadlineRollup):
    """By county, all industries and levels together: the headline overdue of a province or city."""

    Meta = _deadline_meta("hazard_deadline_total")


class HazardDeadlineCity(DeadlineRollup):
    """By city, all industries and levels together: a province's overdue and its map."""

    Meta = _deadline_meta("hazard_deadline_city")


class ClosedRollup(MonthRollup):
    """How many hazards of one region, industry and level were found in a month and closed
    (销号) in another (or not yet: NOT_RECTIFIED): found and closed by a day, without reading
    the hazards (rollup.py keeps it with the month rollups' triggers)."""

    rectified_month = None
    closed_month = models.DateField()

    class Meta:
        abstract = True


def _closed_meta(name: str) -> type:
    return _rollup_meta(name, then="closed_month")


class HazardClosedMonth(ClosedRollup):
    """By street, industry and level."""

    Meta = _closed_meta("hazard_closed_month")


class HazardClosedCounty(ClosedRollup):
    """By county, industry and level."""

    Meta = _closed_meta("hazard_closed_county")


class HazardClosedTotal(ClosedRollup):
    """By county, all industries and levels together."""

    Meta = _closed_meta("hazard_closed_total")


class ListedRollup(MonthRollup):
    """How many hazards of one region, industry and level were listed for supervision (挂牌督办)
    in a month and rectified in another (or not yet): the listed cards of a province without
    reading the hazards (rollup.py keeps it with the month rollups' triggers). Hazards never
    listed, and cancelled ones, are not in it."""

    found_month = None
    listed_month = models.DateField()

    class Meta:
        abstract = True


def _listed_meta(name: str) -> type:
    return _rollup_meta(name, month="listed_month", indexed="listed_month")


class HazardListedMonth(ListedRollup):
    """By street, industry and level."""

    Meta = _listed_meta("hazard_listed_month")


class HazardListedCounty(ListedRollup):
    """By county, all industries and levels together: a province's listed hazards."""

    Meta = _listed_meta("hazard_listed_county")
