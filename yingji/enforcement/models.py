import datetime
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from yingji.core.industries import Industry
from yingji.core.models import BaseModel
from yingji.enforcement.choices import (
    OPEN,
    TRANSITIONS,
    CaseSource,
    CaseStatus,
    DocumentKind,
    PartyKind,
    PenaltyKind,
    Procedure,
    TransferKind,
)
from yingji.regions.scoping import ScopedQuerySet, ScopeFields


class ViolationCode(BaseModel):
    """常见安全生产违法行为: the illegal act, the article it breaks and the article that punishes
    it. Shipped by a data migration, kept by the administrator through the API."""

    code = models.SlugField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("illegal act"), max_length=200)
    legal_basis = models.TextField(_("legal basis (violated provision)"))
    penalty_basis = models.TextField(_("penalty basis"))
    penalty_range = models.CharField(_("penalty range"), max_length=300, blank=True)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("violation code")
        verbose_name_plural = _("violation codes")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class HolidayDay(models.Model):
    """A day of the official holiday schedule entered by the administrator for a year the
    chinese-calendar library does not know yet (DOMAIN.md 0.5): a holiday, or a make-up
    working day on a weekend."""

    day = models.DateField(_("day"), unique=True)
    is_workday = models.BooleanField(_("make-up working day"), default=False)
    name = models.CharField(_("name"), max_length=50, blank=True)

    class Meta:
        ordering = ["day"]
        verbose_name = _("holiday schedule day")
        verbose_name_plural = _("holiday schedule days")

    def __str__(self) -> str:
        return f"{self.day} {'workday' if self.is_workday else 'holiday'}"


class CaseQuerySet(ScopedQuerySet):
    def overdue(self, today: datetime.date | None = None):
        """The step under way has passed its deadline: derived from the stored step deadline."""
        return self.filter(due_on__lt=today or timezone.localdate(), status__in=OPEN)

    def open(self):
        return self.filter(status__in=OPEN)


class Case(BaseModel):
    """执法案件: one case against one party (an enterprise or a person) and its workflow."""

    number = models.CharField(_("case number"), max_length=40, blank=True)
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, db_column="region_code")
    industry = models.CharField(_("industry"), max_length=32, choices=Industry.choices, db_index=True)
    enterprise = models.ForeignKey(
        "enterprises.Enterprise", on_delete=models.PROTECT, null=True, blank=True, related_name="cases"
    )
    party_kind = models.CharField(_("party"), max_length=16, choices=PartyKind.choices)
    party_name = models.CharField(_("party name"), max_length=200)
    party_address = models.CharField(_("party address"), max_length=200, blank=True)
    source = models.CharField(_("case source"), max_length=16, choices=CaseSource.choices)
    inspection = models.ForeignKey(
        "inspections.Inspection", on_delete=models.SET_NULL, null=True, blank=True, related_name="cases"
    )
    hazard = models.ForeignKey(
        "hazards.Hazard", on_delete=models.SET_NULL, null=True, blank=True, related_name="cases"
    )
    violation = models.ForeignKey(
        ViolationCode, on_delete=models.PROTECT, null=True, blank=True, related_name="cases"
    )
    facts = models.TextField(_("illegal act (facts)"))
    act_on = models.DateField(_("date of the act"))
    legal_basis = models.TextField(_("violated provision"), blank=True)
    penalty_basis = models.TextField(_("penalty basis"), blank=True)
    procedure = models.CharField(
        _("procedure"), max_length=16, choices=Procedure.choices, default=Procedure.ORDINARY
    )
    status = models.CharField(
        _("status"), max_length=16, choices=CaseStatus.choices, default=CaseStatus.FILING, db_index=True
    )
    officers = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="enforcement_cases", blank=True)
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    issuer = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="enforcement_cases"
    )
    filed_on = models.DateField(_("filed on"), null=True, blank=True, db_index=True)
    notice_on = models.DateField(_("notice given on"), null=True, blank=True)
    statement_ends_on = models.DateField(
        _("statement and hearing request window ends"), null=True, blank=True
    )
    hearing_requested = models.BooleanField(_("hearing requested"), default=False)
    decided_on = models.DateField(_("decided on"), null=True, blank=True, db_index=True)
    served_on = models.DateField(_("served on"), null=True, blank=True)
    court_applied_on = models.DateField(_("court enforcement applied on"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True, db_index=True)
    archived_on = models.DateField(_("archived on"), null=True, blank=True)
    transfer_kind = models.CharField(_("transfer"), max_length=20, choices=TransferKind.choices, blank=True)
    transferred_to = models.CharField(_("transferred to"), max_length=100, blank=True)
    transferred_on = models.DateField(_("transferred on"), null=True, blank=True, db_index=True)
    # The deadline of the step under way (deadlines.step_deadline), kept with each transition
    # so that lists and statistics can filter on it.
    due_on = models.DateField(_("step due on"), null=True, blank=True, db_index=True)
    due_provisional = models.BooleanField(_("deadline provisional"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    objects = CaseQuerySet.as_manager()
    scope_fields = ScopeFields(industry="industry", enterprise="enterprise_id")

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("enforcement case")
        verbose_name_plural = _("enforcement cases")
        constraints = [
            models.CheckConstraint(
                condition=Q(party_kind=PartyKind.PERSON) | Q(enterprise__isnull=False),
                name="case_organisation_party_is_an_enterprise",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number or self.pk} {self.party_name}"

    def can(self, action: str) -> bool:
        allowed_from, _to = TRANSITIONS[action]
        return self.status in allowed_from

    @property
    def is_open(self) -> bool:
        return self.status in OPEN

    def overdue_on(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return bool(self.is_open and self.due_on and self.due_on < today)

    # Summed in Python over .all(), so that a list prefetching penalties and payments asks no more.
    @property
    def fine_total(self):
        return sum((p.amount for p in self.penalties.all() if p.kind == PenaltyKind.FINE), Decimal(0))

    @property
    def paid_total(self):
        return sum((p.amount for p in self.payments.all()), Decimal(0))

    @property
    def fine_outstanding(self):
        return max(self.fine_total - self.paid_total, 0)


class CasePenalty(models.Model):
    """One penalty proposed in the investigation and decided with the decision (DOMAIN.md 0.8)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="penalties")
    kind = models.CharField(_("penalty"), max_length=20, choices=PenaltyKind.choices)
    amount = models.DecimalField(_("amount (yuan)"), max_digits=14, decimal_places=2, default=0)
    note = models.CharField(_("note"), max_length=200, blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(
        region="case__region__code", industry="case__industry", enterprise="case__enterprise_id"
    )

    class Meta:
        ordering = ["case", "id"]
        verbose_name = _("penalty")
        verbose_name_plural = _("penalties")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=0), name="case_penalty_amount_not_negative")
        ]

    def __str__(self) -> str:
        return f"{self.case_id} {self.kind} {self.amount}"

    @property
    def audit_region_code(self) -> str:
        return self.case.region_id


class CasePayment(models.Model):
    """A payment of the fine (执行): when and how much."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="payments")
    amount = models.DecimalField(_("amount (yuan)"), max_digits=14, decimal_places=2)
    paid_on = models.DateField(_("paid on"), db_index=True)
    surcharge = models.DecimalField(
        _("late-payment surcharge (yuan)"), max_digits=14, decimal_places=2, default=0
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    objects = ScopedQuerySet.as_manager()
    scope_fields = CasePenalty.scope_fields

    class Meta:
        ordering = ["case", "paid_on", "id"]
        verbose_name = _("fine payment")
        verbose_name_plural = _("fine payments")
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="case_payment_amount_positive")]

    def __str__(self) -> str:
        return f"{self.case_id} {self.amount} {self.paid_on}"

    @property
    def audit_region_code(self) -> str:
        return self.case.region_id


class CaseEvent(models.Model):
    """The case's timeline: one append-only row per action, in the transaction of the action."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True)
    action = models.CharField(max_length=32)
    from_status = models.CharField(max_length=16, blank=True)
    to_status = models.CharField(max_length=16, blank=True)
    note = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["case", "at", "id"]

    def __str__(self) -> str:
        return f"{self.case_id} {self.action}"


def evidence_path(instance: "CaseEvidence", filename: str) -> str:
    return f"enforcement/{instance.case_id}/{filename}"


class CaseEvidence(models.Model):
    """证据: a photo or PDF, checked by content as hazard evidence is (hazards.evidence)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="evidence")
    description = models.CharField(_("what the evidence shows"), max_length=200, blank=True)
    file = models.FileField(upload_to=evidence_path)
    thumbnail = models.FileField(upload_to="enforcement/thumbnails/", blank=True)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=64)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(default=timezone.now)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True)
    captured_at = models.DateTimeField(null=True, blank=True)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)

    class Meta:
        ordering = ["case", "uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name

    @property
    def audit_region_code(self) -> str:
        return self.case.region_id


class DocumentCounter(models.Model):
    """The last number issued per issuing organisation, kind and year: locked while a number is
    taken (numbering.py), so numbers have no gap and no duplicate."""

    issuer = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=32, choices=DocumentKind.choices)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["issuer", "kind", "year"], name="document_counter_unique")
        ]

    def __str__(self) -> str:
        return f"{self.issuer_id} {self.kind} {self.year}: {self.last}"


class CaseDocument(models.Model):
    """执法文书: one generated document with its official number. Region, industry and
    enterprise are the case's, kept here so the document statistics scope by themselves."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("document"), max_length=32, choices=DocumentKind.choices)
    issuer = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    serial = models.PositiveIntegerField()
    number = models.CharField(_("document number"), max_length=60)
    issued_on = models.DateField(_("issued on"), db_index=True)
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, db_column="region_code")
    industry = models.CharField(max_length=32, choices=Industry.choices)
    enterprise = models.ForeignKey(
        "enterprises.Enterprise", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    file = models.FileField(upload_to="enforcement/documents/", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(industry="industry", enterprise="enterprise_id")

    class Meta:
        ordering = ["case", "issued_on", "id"]
        verbose_name = _("enforcement document")
        verbose_name_plural = _("enforcement documents")
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "kind", "year", "serial"], name="case_document_number_unique"
            )
        ]

    def __str__(self) -> str:
        return self.number


class DocumentTemplate(BaseModel):
    """An administrator's replacement for the shipped template of one kind of document."""

    kind = models.CharField(_("document"), max_length=32, choices=DocumentKind.choices, unique=True)
    file = models.FileField(upload_to="enforcement/templates/")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["kind"]

    def __str__(self) -> str:
        return self.kind
