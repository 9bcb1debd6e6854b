from yingji.accounts.models import Organisation


def organisation_list(*, user, filters: dict):
    qs = Organisation.objects.for_user(user)
    if filters.get("kind"):
        qs = qs.filter(kind=filters["kind"])
    if filters.get("region"):
        qs = qs.in_region(filters["region"])
    return qs
