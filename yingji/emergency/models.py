"""突发事件 and their 信息报送, 应急响应 with its level history and checklist, 转移避险,
特殊群体 with the 四个一, and 避难场所."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from yingji.core.crypto import EncryptedTextField, mask_id_number
from yingji.core.models import BaseModel
from yingji.emergency.choices import (
    ChangeKind,
    EventStatus,
    EventType,
    ReportChannel,
    ReportKind,
    ResponseLevel,
    ResponseStatus,
    ResponseType,
    RiskArea,
    SpecialCategory,
)
from yingji.regions.scoping import ScopedQuerySet, ScopeFields

USER = settings.AUTH_USER_MODEL


def _region(**kwargs):
    return models.ForeignKey("regions.Region", on_delete=models.PROTECT, db_column="region_code", **kwargs)


class Shelter(BaseModel):
    """避难场所: where people moved out of harm's way are placed."""

    name = models.CharField(_("name"), max_length=100)
    region = _region()
    place = models.CharField(_("address"), max_length=200)
    capacity = models.PositiveIntegerField(_("capacity (people)"))
    facilities = models.TextField(_("facilities"), blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(region="region__code")

    class Meta:
        ordering = ["region_id", "name", "id"]
        verbose_name = _("shelter")
        constraints = [models.UniqueConstraint(fields=["region", "name"], name="shelter_unique_name")]

    def __str__(self) -> str:
        return self.name


class Event(BaseModel):
    """突发事件."""

    type = models.CharField(_("type"), max_length=24, choices=EventType.choices)
    title = models.CharField(_("title"), max_length=200)
    place = models.CharField(_("place"), max_length=200)
    region = _region(verbose_name=_("region"))
    regions = models.ManyToManyField("regions.Region", blank=True, related_name="+")
    occurred_at = models.DateTimeField(_("time it occurred"), db_index=True)
    accident = models.ForeignKey(
        "accidents.Accident", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    dead = models.PositiveIntegerField(_("dead"), default=0)
    missing = models.PositiveIntegerField(_("missing"), default=0)
    injured = models.PositiveIntegerField(_("injured"), default=0)
    losses = models.DecimalField(_("losses (10,000 yuan)"), max_digits=12, decimal_places=2, default=0)
    summary = models.TextField(_("summary"), blank=True)
    status = models.CharField(
        _("status"), max_length=8, choices=EventStatus.choices, default=EventStatus.OPEN
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    created_by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(region="region__code")

    class Meta:
        ordering = ["-occurred_at", "-id"]
        verbose_name = _("emergency event")

    def __str__(self) -> str:
        return self.title


class EventReport(BaseModel):
    """One 信息报送 of an event: 首报, 续报 or 终报, by phone or in writing."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="reports")
    kind = models.CharField(_("kind"), max_length=10, choices=ReportKind.choices)
    channel = models.CharField(_("channel"), max_length=8, choices=ReportChannel.choices)
    made_at = models.DateTimeField(_("reported at"))
    due_at = models.DateTimeField(_("due at"), null=True, blank=True)
    late = models.BooleanField(_("late"), default=False)
    content = models.TextField(_("content"), blank=True)
    made_by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(region="event__region__code")

    class Meta:
        ordering = ["made_at", "id"]
        verbose_name = _("information report")

    def __str__(self) -> str:
        return f"{self.event} {self.get_kind_display()}"

    @property
    def audit_region_code(self) -> str:
        return self.event.region_id


class Response(BaseModel):
    """应急响应: a type and a level, in force from its start to its end."""

    type = models.CharField(_("type"), max_length=24, choices=ResponseType.choices)
    level = models.CharField(_("level"), max_length=3, choices=ResponseLevel.choices)
    region = _region(verbose_name=_("region"))
    started_at = models.DateTimeField(_("started at"), db_index=True)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=8, choices=ResponseStatus.choices, default=ResponseStatus.ACTIVE
    )
    reason = models.TextField(_("reason"), blank=True)
    events = models.ManyToManyField(Event, blank=True, related_name="responses")
    created_by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(region="region__code")

    class Meta:
        ordering = ["-started_at", "-id"]
        verbose_name = _("emergency response")

    def __str__(self) -> str:
        return f"{self.get_type_display()} {self.get_level_display()}"


class ResponseChange(models.Model):
    """The level history: the start, each 升级/降级, the end — with the time and who."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="changes")
    kind = models.CharField(_("change"), max_length=6, choices=ChangeKind.choices)
    from_level = models.CharField(max_length=3, choices=ResponseLevel.choices, blank=True)
    to_level = models.CharField(max_length=3, choices=ResponseLevel.choices, blank=True)
    at = models.DateTimeField(_("time"))
    by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    note = models.TextField(blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(region="response__region__code")

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.to_level or self.from_level}"


class ResponseMeasure(models.Model):
    """One measure of a level's checklist, ticked with who and when."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="measures")
    level = models.CharField(max_length=3, choices=ResponseLevel.choices)
    position = models.PositiveSmallIntegerField(default=0)
    text = models.TextField()
    ticked_at = models.DateTimeField(null=True, blank=True)
    ticked_by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.text

    @property
    def audit_region_code(self) -> str:
        return self.response.region_id


class Evacuation(BaseModel):
    """转移避险: people moved in one street on one day (for an event, when there is one)."""

    event = models.ForeignKey(
        Event, on_delete=models.PROTECT, null=True, blank=True, related_name="evacuations"
    )
    region = _region(verbose_name=_("region"))
    date = models.DateField(_("date"), db_index=True)
    people = models.PositiveIntegerField(_("people moved"))
    special_group_people = models.PositiveIntegerField(_("of whom special groups"), default=0)
    shelter = models.ForeignKey(Shelter, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    returned_on = models.DateField(_("returned on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    created_by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(region="region__code")

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("evacuation")
        constraints = [
            models.CheckConstraint(
                condition=Q(special_group_people__lte=models.F("people")), name="evacuation_special_within"
            )
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.region_id} {self.people}"


def complete_q() -> Q:
    """四个一 complete: a responsible person, a route, a shelter and a contact."""
    return ~Q(responsible_person="") & ~Q(route="") & Q(shelter__isnull=False) & ~Q(contact="")


class SpecialPerson(BaseModel):
    """One member of the special-groups register (特殊群体) with the 四个一."""

    region = _region(verbose_name=_("region"))
    name = models.CharField(_("name"), max_length=50)
    category = models.CharField(_("category"), max_length=16, choices=SpecialCategory.choices)
    risk_area = models.CharField(_("risk area"), max_length=16, choices=RiskArea.choices)
    id_number = EncryptedTextField(_("ID number"), blank=True)
    id_last4 = models.CharField(max_length=4, blank=True, editable=False)
    address = models.CharField(_("address"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    # 四个一
    responsible_person = models.CharField(_("responsible person"), max_length=100, blank=True)
    route = models.CharField(_("transfer route"), max_length=200, blank=True)
    shelter = models.ForeignKey(
        Shelter, on_delete=models.PROTECT, null=True, blank=True, related_name="special_people"
    )
    contact = models.CharField(_("contact"), max_length=100, blank=True)
    registered_on = models.DateField(_("registered on"))

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(region="region__code")

    class Meta:
        ordering = ["region_id", "name", "id"]
        verbose_name = _("special-group member")

    def __str__(self) -> str:
        return self.name

    @property
    def masked_id(self) -> str:
        return mask_id_number(self.id_number) if self.id_number else ""

    @property
    def missing_items(self) -> list[str]:
        """The 四个一 items not yet given."""
        items = [
            ("responsible_person", self.responsible_person),
            ("route", self.route),
            ("shelter", self.shelter_id),
            ("contact", self.contact),
        ]
        return [name for name, value in items if not value]

    @property
    def complete(self) -> bool:
        return not self.missing_items
