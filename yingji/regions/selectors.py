from yingji.core.errors import ApplicationError
from yingji.regions.models import Region


def region_list(*, parent: str | None = None, search: str | None = None):
    """Regions are public reference data: every signed-in user may read the tree."""
    qs = Region.objects.all()
    if parent:
        if not Region.objects.filter(code=parent).exists():
            raise ApplicationError(
                f"Unknown region {parent}.", errors={"parent": [f"Unknown region {parent}."]}
            )
        qs = qs.filter(parent_id=parent)
    elif not search:
        qs = qs.filter(parent__isnull=True)
    if search:
        qs = qs.filter(name__contains=search)
    return qs


def region_path(code: str) -> list[Region]:
    """The region and its ancestors, province first."""
    codes = [code[:n] for n in (2, 4, 6, 9, 12) if n <= len(code)]
    return list(Region.objects.filter(code__in=codes).order_by("code"))


def region_full_name(code: str) -> str:
    return "".join(r.name for r in region_path(code) if r.name != "市辖区")


def region_choices(user, levels=("county", "street"), limit: int = 500) -> list[tuple[str, str]]:
    """(code, name) of the regions of `levels` inside the user's jurisdiction, for a form's picker;
    the admin's is the whole tree, a user without a region gets none."""
    from yingji.regions.scoping import Jurisdiction  # scoping imports the accounts' roles

    jurisdiction = Jurisdiction.of(user)
    qs = Region.objects.filter(level__in=levels)
    if jurisdiction.region:
        qs = qs.filter(code__startswith=jurisdiction.region)
    elif not jurisdiction.everything:
        return []
    return list(qs.order_by("code").values_list("code", "name")[:limit])
