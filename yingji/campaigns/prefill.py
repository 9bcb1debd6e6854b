"""Pre-filling a participant's form: each field bound to an indicator is counted from the
participant's own records — its jurisdiction as its own users see it (a department only its
industries, a street only its street) — inside the campaign's region and industry and the
period's days. The one scoping mechanism and the one catalog, with the organisation as viewer."""

from dataclasses import dataclass

from yingji.accounts.choices import ROLE_ORG_KIND, Role
from yingji.stats.catalog import CATALOG, Query
from yingji.stats.periods import Period

ORG_ROLE = {kind: role for role, kind in ROLE_ORG_KIND.items() if role not in (Role.INSPECTOR, Role.LEADER, Role.DUTY)}  # fmt: skip


@dataclass(frozen=True)
class OrganisationViewer:
    """What Jurisdiction.of needs of a user, for an organisation as a whole."""

    organisation: object
    is_authenticated: bool = True
    is_active: bool = True
    pk: None = None

    @property
    def role(self) -> str:
        return ORG_ROLE[self.organisation.kind]

    @property
    def organisation_id(self):
        return self.organisation.pk


def prefill(campaign, organisation, period) -> dict:
    """{field key: the product's figure} for the fields bound to an indicator."""
    viewer = OrganisationViewer(organisation)
    filters = {"region": campaign.region_id} | ({"industry": campaign.industry} if campaign.industry else {})
    query = Query(user=viewer, period=Period(period.start, period.end), filters=filters)
    values = {}
    for field in campaign.fields.all():
        measure = CATALOG.get(field.indicator) if field.indicator else None
        if measure is not None:
            value = measure.value(query)
            values[field.key] = float(value) if value is not None and not isinstance(value, int) else value
    return values
