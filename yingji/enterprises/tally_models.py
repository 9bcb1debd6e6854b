"""How many enterprises the register holds, by region, industry and status: the landing's
count at province scale (300,000 enterprises) without reading the register. Kept by the
triggers of tally.py in the same transaction as every write to enterprises."""

from django.db import models

from yingji.core.models import meta_class
from yingji.regions.scoping import ScopedQuerySet, ScopeFields


class Tally(models.Model):
    region_code = models.CharField(max_length=12)
    industry = models.CharField(max_length=32)  # left empty where a tally keeps no industry
    status = models.CharField(max_length=16)
    enterprises = models.IntegerField(default=0)

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(region="region_code", industry="industry")

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.region_code} {self.industry} {self.status}: {self.enterprises}"


def _tally_meta(name: str) -> type:
    return meta_class(
        constraints=[
            models.UniqueConstraint(fields=["region_code", "industry", "status"], name=f"{name}_key")
        ],
        # A prefix match on the code needs the pattern operators on PostgreSQL (any collation but C).
        indexes=[
            models.Index(fields=["region_code"], opclasses=["varchar_pattern_ops"], name=f"{name}_region")
        ],
    )


class EnterpriseTally(Tally):
    """By street and industry: street users, departments (scoped by industry)."""

    Meta = _tally_meta("enterprise_tally")


class EnterpriseCountyTally(Tally):
    """By county, all industries together: a province's, a city's and a county's count."""

    Meta = _tally_meta("enterprise_county_tally")
