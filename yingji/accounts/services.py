from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from yingji.accounts.choices import ROLE_ORG_KIND, OrgKind, Role
from yingji.accounts.models import Organisation, User
from yingji.audit.services import audit_created
from yingji.core.errors import ApplicationError, full_clean_or_400
from yingji.core.industries import Industry
from yingji.regions.models import Region


def _fail(field: str, message: str) -> ApplicationError:
    return ApplicationError(message, errors={field: [message]})


@transaction.atomic
def organisation_create(
    *, actor, name: str, kind: str, region_code: str, industries: list[str] = (), enterprise=None
) -> Organisation:
    if kind not in OrgKind.values:
        raise _fail("kind", _("Unknown organisation kind %(kind)s.") % {"kind": kind})
    if not Region.objects.filter(code=region_code).exists():
        raise _fail("region", _("Unknown region code %(code)s.") % {"code": region_code})
    unknown = sorted(set(industries) - set(Industry.values))
    if unknown:
        raise _fail("industries", _("Unknown industry: %(codes)s.") % {"codes": ", ".join(unknown)})
    org = Organisation(
        name=name.strip(),
        kind=kind,
        region_id=region_code,
        industries=sorted(industries),
        enterprise=enterprise,
    )
    full_clean_or_400(org)
    org.save()
    audit_created(actor=actor, obj=org)
    return org


@transaction.atomic
def user_create(
    *,
    actor,
    username: str,
    role: str,
    organisation: Organisation | None,
    password: str,
    name: str = "",
    phone: str = "",
) -> User:
    if role not in Role.values:
        raise _fail(
            "role",
            _("Unknown role %(role)s. Roles: %(roles)s.") % {"role": role, "roles": ", ".join(Role.values)},
        )
    expected_kind = ROLE_ORG_KIND.get(role)
    if expected_kind and (organisation is None or organisation.kind != expected_kind):
        raise _fail(
            "organisation",
            _("A %(role)s user belongs to an organisation of kind %(kind)s.")
            % {"role": role, "kind": expected_kind},
        )
    if User.objects.filter(username=username).exists():
        raise _fail("username", _("User %(username)s already exists.") % {"username": username})
    user = User(
        username=username, role=role, organisation=organisation, name=name, phone=phone, is_staff=False
    )
    try:
        validate_password(password, user)
        user.set_password(password)
        user.full_clean()
    except ValidationError as e:
        if not hasattr(e, "error_dict"):
            e = ValidationError({"password": e.messages})
        raise ApplicationError.from_validation_error(e) from None
    user.save()
    audit_created(actor=actor, obj=user)
    return user
