import datetime

from django.utils import timezone

from yingji.inspections import services
from yingji.inspections.models import ChecklistItem, ChecklistTemplate

TODAY = timezone.localdate()


def template(code: str) -> ChecklistTemplate:
    return ChecklistTemplate.objects.get(code=code)


def item(template_code: str, item_code: str) -> ChecklistItem:
    return ChecklistItem.objects.get(template__code=template_code, code=item_code)


def inspection_factory(*, actor, enterprise, type="daily", inspected_on=None, **kwargs):
    return services.inspection_record(
        actor=actor,
        enterprise=enterprise,
        inspected_on=inspected_on or TODAY - datetime.timedelta(days=3),
        type=type,
        **kwargs,
    )
