"""The tables the inspection statistics read at province scale (2 million inspections),
kept by database triggers in the same transaction as every write to inspections (rollup.py).

- **By month** (street, county, county total): how many inspections and person-times of one
  region, industry and type (the supervisors' kinds, or the enterprise's own self-check) fell
  in a month: the leader-led and unannounced inspections a report counts are rows too.
  Sums of months add up, so any whole months are a sum of rows.
- **Units inspected** (`InspectedUnit`): units are counted distinct over a period, which no sum
  of months can give (an enterprise inspected in March and in May is one unit in the half year).
  One row per enterprise, year, region and industry holds the first day it was inspected that
  year (and the first day a supervisor did): the units inspected from 1 January to any day D are
  the enterprises with a row whose first day is on or before D, counted distinct — exact for
  every period that starts on 1 January (year to date, a quarter's or half year's cumulative
  figure, the whole year); other periods count the records.
- **Graded units** (plans.inspected): each row of `InspectedUnit` carries its enterprise's
  risk grade, copied from the registry when the row is counted and again whenever the registry's
  grade changes, so that the graded enterprises inspected need not read the registry.
- **Units by the month first inspected** (street, county, county total; kept by triggers on the
  units table): the rows of `InspectedUnit` counted by the month of their first day, so that a
  province's year to date is a sum of a few thousand rows, the days of the last month counted
  from `InspectedUnit`. The rows of an enterprise inspected under two regions or industries in a
  year are marked `shared`: the few such rows are counted again distinct, and the difference
  taken away, so that such an enterprise stays one unit.
"""

from django.db import models

from yingji.core.models import meta_class
from yingji.regions.scoping import ScopedQuerySet, ScopeFields


class InspectionRollup(models.Model):
    region_code = models.CharField(max_length=12)
    industry = models.CharField(max_length=32)  # empty in the county total
    month = models.DateField()
    type = models.CharField(max_length=16)  # the inspection's type (self_check: the enterprise's own)
    inspections = models.IntegerField(default=0)
    person_times = models.IntegerField(default=0)

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(region="region_code", industry="industry")

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.region_code} {self.industry} {self.month:%Y-%m}: {self.inspections}"


COUNTED = ["industry", "type", "inspections", "person_times"]


def _meta(name: str, key: tuple = ("month", "region_code", "industry", "type"), include=COUNTED) -> type:
    """The Meta of a concrete month table: its key and its region index, which holds what is
    summed too (read from the index alone on PostgreSQL: a province's months of 134 counties)."""
    return meta_class(
        constraints=[models.UniqueConstraint(fields=list(key), name=f"{name}_key")],
        # "Inside the region" is a prefix match: pattern operators on PostgreSQL.
        indexes=[
            models.Index(
                fields=["region_code", "month"],
                opclasses=["varchar_pattern_ops", "date_ops"],
                include=include,
                name=f"{name}_region",
            )
        ],
    )


class InspectionMonth(InspectionRollup):
    """By street and industry: street users, street groups, anything narrower than a county."""

    Meta = _meta("inspection_month")


class InspectionStreetTotal(InspectionRollup):
    """By street, all industries together: a county's streets."""

    Meta = _meta("inspection_street_total")


class InspectionCountyMonth(InspectionRollup):
    """By county and industry: a province's or city's questions about industries."""

    Meta = _meta("inspection_county_month")


class InspectionCountyTotal(InspectionRollup):
    """By county, all industries together: a province's or city's headline numbers."""

    Meta = _meta("inspection_county_total")


class InspectionCityTotal(InspectionRollup):
    """By city, all industries together: a province's headline numbers and map."""

    Meta = _meta("inspection_city_total")


class InspectedUnit(models.Model):
    """An enterprise inspected in a year under one region and industry (as its inspections
    recorded them): the first day it was inspected, and the first day a supervisor did
    (empty when it only checked itself)."""

    enterprise_id = models.BigIntegerField()
    year = models.SmallIntegerField()
    region_code = models.CharField(max_length=12)
    industry = models.CharField(max_length=32)
    first_day = models.DateField()
    first_supervision_day = models.DateField(null=True)
    shared = models.BooleanField(db_default=False)  # the enterprise has other rows that year
    # The enterprise's risk grade as the registry holds it now (kept by a trigger on the
    # registry): the graded enterprises inspected (plans.inspected) without reading the registry.
    risk_grade = models.CharField(max_length=16, db_default="")

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(region="region_code", industry="industry", enterprise="enterprise_id")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["enterprise_id", "year", "region_code", "industry"], name="inspected_unit_key"
            )
        ]
        # Read from the index alone on PostgreSQL: the units first inspected in a few days (the
        # last month of a period), and the shared rows.
        indexes = [
            models.Index(
                fields=["year", "first_day"],
                include=["region_code", "industry", "enterprise_id"],
                name="inspected_unit_first",
            ),
            models.Index(
                fields=["year", "first_supervision_day"],
                include=["region_code", "industry", "enterprise_id", "risk_grade"],
                condition=models.Q(first_supervision_day__isnull=False),
                name="inspected_unit_supervised",
            ),
            models.Index(
                fields=["year", "enterprise_id"],
                include=["region_code", "industry", "first_day", "first_supervision_day", "risk_grade"],
                condition=models.Q(shared=True),
                name="inspected_unit_shared",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.enterprise_id} {self.year} {self.region_code}: {self.first_day}"


class UnitRollup(models.Model):
    region_code = models.CharField(max_length=12)
    industry = models.CharField(max_length=32)  # empty in the county total
    month = models.DateField()
    units = models.IntegerField(default=0)  # rows of InspectedUnit whose first day fell in the month
    supervised_units = models.IntegerField(default=0)  # ... whose first supervisory day did
    graded_units = models.IntegerField(default=0)  # ... of those, the graded enterprises'

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(region="region_code", industry="industry")

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.region_code} {self.industry} {self.month:%Y-%m}: {self.units}"


def _unit_meta(name: str) -> type:
    include = ["industry", "units", "supervised_units", "graded_units"]
    return _meta(name, key=("month", "region_code", "industry"), include=include)


class InspectedUnitMonth(UnitRollup):
    Meta = _unit_meta("unit_month")


class InspectedUnitCountyMonth(UnitRollup):
    Meta = _unit_meta("unit_county_month")


class InspectedUnitCountyTotal(UnitRollup):
    Meta = _unit_meta("unit_county_total")
