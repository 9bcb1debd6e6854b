from yingji.enterprises.models import Enterprise
from yingji.regions.scoping import get_for_user


def enterprise_list(*, user, filters: dict):
    qs = Enterprise.objects.for_user(user)
    if filters.get("region"):
        qs = qs.in_region(filters["region"])
    if filters.get("industry"):
        qs = qs.filter(industry=filters["industry"])
    if filters.get("search"):
        qs = qs.filter(name__contains=filters["search"])
    return qs


def enterprise_get(*, user, enterprise_id: int) -> Enterprise:
    return get_for_user(Enterprise.objects.all(), user, pk=enterprise_id)
