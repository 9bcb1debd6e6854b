"""Jurisdiction scoping: the one place that decides which records a user may see.

Every list, detail, export, statistic and report reaches the database through
`Model.objects.for_user(user)` (or `Jurisdiction.of(user).q(...)` where a query is
built by hand, as in stats). A user sees their organisation's region subtree; a
department only its supervised industries within it; an enterprise only itself.
"""

from dataclasses import dataclass

from django.db import models
from django.db.models import Q
from django.shortcuts import get_object_or_404

# Index operator classes for (region code, date): "inside jurisdiction" is a prefix match on the
# code, which a PostgreSQL index serves only with the pattern operators (any collation but C).
# Other databases ignore opclasses.
PREFIX_AND_DATE = ["varchar_pattern_ops", "date_ops"]


@dataclass(frozen=True)
class ScopeFields:
    """Where a model keeps what scoping filters on (ORM paths)."""

    region: str = "region__code"
    industry: str | None = None
    enterprise: str | None = None


@dataclass(frozen=True)
class Jurisdiction:
    everything: bool = False
    region: str | None = None
    industries: frozenset[str] | None = None
    enterprise_id: int | None = None

    @classmethod
    def of(cls, user) -> "Jurisdiction":
        # Imported here: accounts depends on regions, not the other way round.
        from yingji.accounts.choices import Role

        if not user or not user.is_authenticated or not user.is_active:
            return NOTHING
        if user.role == Role.ADMIN:
            return cls(everything=True)
        org = user.organisation
        if org is None:
            return NOTHING
        if user.role == Role.ENTERPRISE:
            return cls(region=org.region_id, enterprise_id=org.enterprise_id or 0)
        if user.role == Role.DEPARTMENT:
            return cls(region=org.region_id, industries=frozenset(org.industries))
        return cls(region=org.region_id)

    def q(self, fields: ScopeFields, within: str | None = None) -> Q:
        """The records the user may see — inside the region `within` too, when asked: one
        prefix match, the narrower of the two (a second, wider one misleads the planner)."""
        if self.everything and not within:
            return Q()
        region = self.narrower(within) if within else self.region
        if region is None:
            return Q(pk__in=[])
        q = Q(**{f"{fields.region}__startswith": region})
        # Records with an industry (enterprises, hazards…) narrow a department to its industries;
        # records without one (organisations, campaigns…) are scoped by region alone.
        if self.industries is not None and fields.industry:
            q &= Q(**{f"{fields.industry}__in": sorted(self.industries)})
        # An enterprise sees only records that are its own.
        if self.enterprise_id is not None:
            q &= Q(**{fields.enterprise: self.enterprise_id}) if fields.enterprise else Q(pk__in=[])
        return q

    def narrower(self, code: str) -> str | None:
        """The region both this jurisdiction and `code` cover; None when they don't meet."""
        if self.everything:
            return code
        if not self.region:
            return None
        if code.startswith(self.region):
            return code
        return self.region if self.region.startswith(code) else None

    def contains_region(self, code: str | None) -> bool:
        return self.everything or bool(self.region and code and code.startswith(self.region))


NOTHING = Jurisdiction()


class ScopedQuerySet(models.QuerySet):
    def for_user(self, user, *, within: str | None = None) -> "ScopedQuerySet":
        """What the user may see (inside the region `within`, when given)."""
        return self.filter(Jurisdiction.of(user).q(self.model.scope_fields, within))

    def in_region(self, prefix: str) -> "ScopedQuerySet":
        return self.filter(**{f"{self.model.scope_fields.region}__startswith": prefix})


def get_for_user(queryset: ScopedQuerySet, user, **lookup):
    """The record if it lies in the user's jurisdiction; 404 otherwise, so that records
    outside it are not revealed to exist."""
    return get_object_or_404(queryset.for_user(user), **lookup)
