"""The preparedness API's request and answer schemas (named apart from other modules': the
OpenAPI components share one namespace)."""

import datetime

from ninja import Field, Schema

from yingji.core.api import MAX_ID
from yingji.preparedness import services
from yingji.preparedness.choices import DrillType, ExpertField, PlanLevel, PlanType, TeamLevel

Region = Field(None, max_length=12, description="region code prefix")


class TeamMemberOut(Schema):
    id: int
    name: str
    phone: str
    position: str
    certificates: list[str]


class TeamMemberIn(Schema):
    name: str = Field(..., min_length=1, max_length=50)
    phone: str = Field(..., min_length=1, max_length=20)
    position: str = Field("", max_length=50)
    certificates: list[str] = Field(default_factory=list, max_length=100)


class TeamOut(Schema):
    id: int
    name: str
    level: str
    specialty: str
    region_code: str
    region_name: str
    leader: str
    phone: str
    equipment: list[str]
    founded_on: datetime.date
    member_count: int
    minimum: int | None
    shortfall: int


class TeamDetail(TeamOut):
    members: list[TeamMemberOut]


class TeamIn(Schema):
    name: str = Field(..., min_length=1, max_length=100)
    level: TeamLevel
    region_code: str = Field(..., min_length=2, max_length=12)
    specialty: str = Field("", max_length=100)
    leader: str = Field("", max_length=50)
    phone: str = Field("", max_length=20)
    equipment: list[str] = Field(default_factory=list, max_length=100)
    founded_on: datetime.date | None = Field(None, description="default today")


class TeamFilters(Schema):
    region: str | None = Region
    level: TeamLevel | None = None
    short: bool = Field(False, description="only teams below their level's minimum strength")


class TeamPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[TeamOut]


class TeamImportOut(Schema):
    teams: int
    members: int


class ExpertOut(Schema):
    id: int
    name: str
    field: str
    employer: str
    title: str
    phone: str
    region_code: str
    available: bool
    joined_on: datetime.date


class ExpertIn(Schema):
    name: str = Field(..., min_length=1, max_length=50)
    field: ExpertField
    phone: str = Field(..., min_length=1, max_length=20)
    region_code: str = Field(..., min_length=2, max_length=12)
    employer: str = Field("", max_length=100)
    title: str = Field("", max_length=50)
    available: bool = True
    joined_on: datetime.date | None = None


class ExpertPatch(Schema):
    available: bool


class ExpertFilters(Schema):
    region: str | None = Region
    field: ExpertField | None = None
    available: bool | None = None


class ExpertPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[ExpertOut]


class InfoOfficerOut(Schema):
    id: int
    region_code: str
    region_name: str
    name: str
    phone: str
    slot: str
    position: str


class InfoOfficerCoverageRow(Schema):
    region_code: str
    region_name: str
    level: str
    has_a: bool
    has_b: bool
    covered: bool


class InfoOfficerCoverage(Schema):
    covered: int
    uncovered: int
    results: list[InfoOfficerCoverageRow]


class InfoOfficerFilter(Schema):
    region: str | None = Region


class PlanMeasures(Schema):
    IV: list[str] = Field(default_factory=list, max_length=100)
    III: list[str] = Field(default_factory=list, max_length=100)
    II: list[str] = Field(default_factory=list, max_length=100)
    I: list[str] = Field(default_factory=list, max_length=100)  # noqa: E741


class ContingencyPlanOut(Schema):
    id: int
    title: str
    level: str
    type: str
    region_code: str
    version: str
    approved_on: datetime.date
    filed_on: datetime.date | None
    filed_with: str
    owner_id: int | None
    measures: dict[str, list[str]]
    needs_revision: bool
    revision_reason: str
    review_due: datetime.date
    has_file: bool


class ContingencyPlanIn(Schema):
    title: str = Field(..., min_length=1, max_length=200)
    level: PlanLevel
    type: PlanType
    region_code: str = Field(..., min_length=2, max_length=12)
    approved_on: datetime.date
    version: str = Field("1", max_length=20)
    filed_on: datetime.date | None = None
    filed_with: str = Field("", max_length=100)
    measures: PlanMeasures | None = None


class ContingencyPlanRevise(Schema):
    version: str = Field(..., min_length=1, max_length=20)
    approved_on: datetime.date
    filed_on: datetime.date | None = None
    filed_with: str = Field("", max_length=100)
    measures: PlanMeasures | None = None


class ContingencyPlanFilters(Schema):
    region: str | None = Region
    level: PlanLevel | None = None
    type: PlanType | None = None
    overdue: bool = Field(False, description="only plans past their review date")


class ContingencyPlanPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[ContingencyPlanOut]


class DrillOut(Schema):
    id: int
    title: str
    date: datetime.date
    type: str
    region_code: str
    participants: int
    plan_id: int | None
    organiser: str
    scenario: str
    evaluation: str
    problems: str
    follow_ups: list[str]


class DrillIn(Schema):
    title: str = Field(..., min_length=1, max_length=200)
    date: datetime.date
    type: DrillType
    region_code: str = Field(..., min_length=2, max_length=12)
    participants: int = Field(..., ge=1, le=services.MAX_COUNT)
    plan_id: int | None = Field(None, ge=1, le=MAX_ID)
    organiser: str = Field("", max_length=100)
    scenario: str = Field("", max_length=5000)
    evaluation: str = Field("", max_length=5000)
    problems: str = Field("", max_length=5000)
    follow_ups: list[str] = Field(default_factory=list, max_length=100)
    plan_needs_revision: bool = Field(False, description="the problems found call for revising the plan")


class DrillFilters(Schema):
    region: str | None = Region
    type: DrillType | None = None
    year: int | None = Field(None, ge=2000, le=2100)


class DrillPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[DrillOut]


class DrillTargetIn(Schema):
    region_code: str = Field(..., min_length=2, max_length=12)
    year: int = Field(..., ge=2000, le=2100)
    target: int = Field(..., ge=0, le=10000)


class DrillProgressRow(Schema):
    region_code: str
    region_name: str
    target: int
    held: int


class DrillYearFilter(Schema):
    year: int = Field(..., ge=2000, le=2100)
