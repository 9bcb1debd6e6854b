from django.db import transaction
from django.utils.translation import gettext as _

from yingji.audit.services import audit_created
from yingji.core.errors import ApplicationError, full_clean_or_400
from yingji.regions.models import CODE_LENGTHS, Region
from yingji.regions.models import parent_code as parent_of


@transaction.atomic
def region_create(*, actor, code: str, name: str, parent_code: str | None) -> Region:
    """Add a street or community under an existing region (admins extend the shipped tree)."""
    code, name = (code or "").strip(), (name or "").strip()
    errors: dict[str, list[str]] = {}
    if not code.isdigit() or len(code) not in CODE_LENGTHS or len(code) < 9:
        errors["code"] = [_("A new region's code has 9 digits (street) or 12 (community).")]
    elif Region.objects.filter(code=code).exists():
        errors["code"] = [_("Region %(code)s already exists.") % {"code": code}]
    elif parent_code and parent_of(code) != parent_code:
        errors["parent_code"] = [
            _("Code %(code)s does not lie under %(parent)s.") % {"code": code, "parent": parent_code}
        ]
    elif not Region.objects.filter(code=parent_of(code)).exists():
        errors["parent_code"] = [_("Parent region %(parent)s does not exist.") % {"parent": parent_of(code)}]
    if not name:
        errors["name"] = [_("This field is required.")]
    if errors:
        raise ApplicationError(next(iter(errors.values()))[0], errors=errors)
    region = Region(code=code, name=name, level=CODE_LENGTHS[len(code)], parent_id=parent_of(code))
    full_clean_or_400(region)
    region.save()
    audit_created(actor=actor, obj=region)
    return region
