"""应急准备: rescue teams and their members, the expert pool, contingency plans with their
measures per response level, drills and the annual drill plan. The disaster information officers
are the warnings module's contacts register (role info_officer), read here, never copied."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from yingji.core.models import BaseModel
from yingji.enterprises.models import PHONE
from yingji.preparedness.choices import DrillType, ExpertField, PlanLevel, PlanType, TeamLevel
from yingji.regions.scoping import ScopedQuerySet, ScopeFields

REGION = {"on_delete": models.PROTECT, "db_column": "region_code"}


class Team(BaseModel):
    """应急救援队伍: 县乡村三级 teams, professional, social and enterprise ones."""

    name = models.CharField(_("name"), max_length=100)
    level = models.CharField(_("level"), max_length=16, choices=TeamLevel.choices)
    specialty = models.CharField(_("specialty"), max_length=100, blank=True)  # 防汛抢险, 危化品…
    region = models.ForeignKey("regions.Region", **REGION)
    leader = models.CharField(_("leader"), max_length=50, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True, validators=[PHONE])
    equipment = models.JSONField(_("equipment"), default=list, blank=True)  # ["冲锋舟 2艘", …]
    founded_on = models.DateField(_("founded on"))
    active = models.BooleanField(_("active"), default=True)

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(region="region__code")

    class Meta:
        ordering = ["region_id", "level", "name"]
        verbose_name = _("rescue team")
        constraints = [models.UniqueConstraint(fields=["region", "name"], name="team_name_per_region")]

    def __str__(self) -> str:
        return self.name


class TeamMember(models.Model):
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="members")
    name = models.CharField(_("name"), max_length=50)
    phone = models.CharField(_("phone"), max_length=20, validators=[PHONE])
    position = models.CharField(_("position"), max_length=50, blank=True)  # 队长, 队员…
    certificates = models.JSONField(_("certificates"), default=list, blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(region="team__region__code")

    class Meta:
        ordering = ["team_id", "id"]
        constraints = [models.UniqueConstraint(fields=["team", "phone"], name="member_phone_per_team")]

    def __str__(self) -> str:
        return self.name

    @property
    def audit_region_code(self) -> str:
        return self.team.region_id


class Expert(BaseModel):
    """专家库."""

    name = models.CharField(_("name"), max_length=50)
    field = models.CharField(_("field"), max_length=20, choices=ExpertField.choices)
    employer = models.CharField(_("employer"), max_length=100, blank=True)
    title = models.CharField(_("professional title"), max_length=50, blank=True)
    phone = models.CharField(_("phone"), max_length=20, validators=[PHONE])
    region = models.ForeignKey("regions.Region", **REGION)
    available = models.BooleanField(_("available"), default=True)
    joined_on = models.DateField(_("joined on"))

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(region="region__code")

    class Meta:
        ordering = ["field", "name"]
        verbose_name = _("expert")

    def __str__(self) -> str:
        return self.name


class Plan(BaseModel):
    """应急预案. `review_due` is kept by services.plan_review_due: three years after approval, or
    the day a drill or event revealed problems (needs_revision)."""

    title = models.CharField(_("title"), max_length=200)
    level = models.CharField(_("level"), max_length=16, choices=PlanLevel.choices)
    type = models.CharField(_("type"), max_length=24, choices=PlanType.choices)
    region = models.ForeignKey("regions.Region", **REGION)
    version = models.CharField(_("version"), max_length=20, default="1")
    approved_on = models.DateField(_("approved on"))
    filed_on = models.DateField(_("filed on"), null=True, blank=True)  # 备案
    filed_with = models.CharField(_("filed with"), max_length=100, blank=True)  # 备案机关
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    measures = models.JSONField(_("measures per response level"), default=dict, blank=True)
    needs_revision = models.BooleanField(_("needs revision"), default=False)
    revision_reason = models.CharField(_("revision reason"), max_length=500, blank=True)
    revision_flagged_on = models.DateField(null=True, blank=True)
    review_due = models.DateField(_("review due"), db_index=True)
    file = models.FileField(upload_to="plans/%Y/", blank=True)
    file_sha256 = models.CharField(max_length=64, blank=True)
    file_type = models.CharField(max_length=40, blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(region="region__code")

    class Meta:
        ordering = ["review_due", "title"]
        verbose_name = _("contingency plan")

    def __str__(self) -> str:
        return self.title

    def measures_for(self, level: str) -> list[str]:
        """The measures the plan sets for a response level (IV…I), one line each."""
        return [str(line) for line in (self.measures or {}).get(str(level), []) if str(line).strip()]


class Drill(BaseModel):
    """应急演练."""

    title = models.CharField(_("title"), max_length=200)
    held_on = models.DateField(_("date"), db_index=True)
    type = models.CharField(_("type"), max_length=10, choices=DrillType.choices)
    region = models.ForeignKey("regions.Region", **REGION)
    participants = models.PositiveIntegerField(_("participants"))
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, null=True, blank=True, related_name="drills")
    organiser = models.CharField(_("organiser"), max_length=100, blank=True)
    scenario = models.TextField(_("scenario"), blank=True)
    evaluation = models.TextField(_("evaluation"), blank=True)  # 评估
    problems = models.TextField(_("problems found"), blank=True)
    follow_ups = models.JSONField(_("follow-up tasks"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(region="region__code")

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("drill")
        constraints = [
            models.CheckConstraint(condition=Q(participants__gte=1), name="drill_has_participants")
        ]

    def __str__(self) -> str:
        return self.title


class DrillTarget(models.Model):
    """The annual drill plan: how many drills a region means to hold in a year."""

    region = models.ForeignKey("regions.Region", **REGION)
    year = models.PositiveSmallIntegerField(_("year"))
    target = models.PositiveIntegerField(_("target"))

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(region="region__code")

    class Meta:
        ordering = ["-year", "region_id"]
        constraints = [models.UniqueConstraint(fields=["region", "year"], name="one_drill_target_per_year")]

    def __str__(self) -> str:
        return f"{self.region_id} {self.year} {self.target}"
