"""Assessment schemes and the office's manual scores, audited; the API and pages call these."""

from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _

from yingji.assessments.models import Item, ManualScore, Scheme
from yingji.assessments.rules import RULES
from yingji.audit.services import audit_action, audit_created, snapshot
from yingji.core import attachments
from yingji.core.inputs import MAX_ID, Errors, region_in, text, units_in
from yingji.tasks import permissions


def _points(errors: Errors, field: str, value, most=Decimal(1000)) -> Decimal:
    try:
        number = Decimal(str(value))
    except (InvalidOperation, TypeError):
        number = Decimal(-1)
    if not number.is_finite() or not 0 <= number <= most:
        errors.add(field, _("Enter points from 0 to %(n)s.") % {"n": most})
        return Decimal(0)
    return number.quantize(Decimal("0.1"))


@transaction.atomic
def scheme_create(*, actor, region_code, year, name, unit_ids, items):
    permissions.require(permissions.can_keep(actor))
    errors = Errors()
    scheme = Scheme(region=region_in(errors, actor, region_code), name=text(errors, "name", name, required=True, max_length=100), created_by=actor)  # fmt: skip
    if isinstance(year, int) and 2000 <= year <= 2100:
        scheme.year = year
    else:
        errors.add("year", _("A year from 2000 to 2100."))
    units = units_in(errors, actor, unit_ids, "unit_ids")
    made = []
    for n, spec in enumerate(items if isinstance(items, list) else [], 1):
        spec = spec if isinstance(spec, dict) else {}
        rule = str(spec.get("rule") or "")
        if rule and rule not in RULES:
            errors.add(f"items.{n}.rule", _("Choose one of: %(values)s.") % {"values": ", ".join(RULES)})
        label = text(errors, f"items.{n}.label", spec.get("label"), required=True, max_length=100)
        made.append(Item(position=n, label=label, rule=rule, points=_points(errors, f"items.{n}.points", spec.get("points")),
                         per=_points(errors, f"items.{n}.per", spec.get("per", 1)), veto=bool(spec.get("veto"))))  # fmt: skip
    if not made:
        errors.add("items", _("A scheme has at least one item."))
    if (
        scheme.region_id
        and Scheme.objects.filter(region=scheme.region, year=scheme.year, name=scheme.name).exists()
    ):
        errors.add("name", _("This region has a scheme of this name for the year already."))
    errors.raise_if_any()
    scheme.save()
    scheme.units.set(units)
    for item in made:
        item.scheme = scheme
    Item.objects.bulk_create(made)
    audit_created(actor=actor, obj=scheme)
    return scheme


@transaction.atomic
def score(*, actor, scheme, item_id, unit_id, points, reason, evidence=None):
    """The office scores a manual item for a unit (again: replaces), with its reason and, if
    given, an evidence file (a photo or PDF; a new score without one keeps the earlier file)."""
    permissions.require(permissions.can_keep(actor))
    errors = Errors()
    item = (
        scheme.items.filter(pk=item_id).first()
        if isinstance(item_id, int) and 0 < item_id <= MAX_ID
        else None
    )
    if item is None or item.rule:
        errors.add("item_id", _("No manual item of this scheme."))
    unit = (
        scheme.units.filter(pk=unit_id).first()
        if isinstance(unit_id, int) and 0 < unit_id <= MAX_ID
        else None
    )
    if unit is None:
        errors.add("unit_id", _("No such unit in this scheme."))
    reason = text(errors, "reason", reason, required=True, max_length=500)
    value = _points(errors, "points", points, item.points if item else Decimal(1000))
    checked = attachments.check(errors, "evidence", evidence)
    errors.raise_if_any()
    existing = ManualScore.objects.select_for_update().filter(item=item, organisation=unit).first()
    before = snapshot(existing) if existing else None
    mark = existing or ManualScore(item=item, organisation=unit)
    mark.points, mark.reason, mark.by = value, reason, actor
    attachments.attach(mark, checked)
    mark.save()
    if before is None:
        audit_created(actor=actor, obj=mark)
    else:
        audit_action(actor=actor, obj=mark, action="assessment.rescore", before=before)
    return mark
