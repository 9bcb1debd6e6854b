"""Writes to the enterprise registry. The web form, the API, the workbook import and the
command line all come here, so every rule is checked in one place and every write audited.

Fields are passed by their API names (`region_code`, `supervising_department_id`, …; see
FIELDS). Every problem of a call is collected, not only the first, so that an import can
report each bad cell of a row: ApplicationError.errors maps each field to its messages.
"""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from stdnum import exceptions as stdnum_errors
from stdnum.cn import uscc as uscc_number

from yingji.accounts.access import require_role
from yingji.accounts.choices import OrgKind, Role
from yingji.accounts.models import Organisation
from yingji.audit.services import audit_created, audit_updated, snapshot
from yingji.core.errors import ApplicationError
from yingji.core.industries import Industry
from yingji.enterprises.choices import FLAGS, EnterpriseStatus, RiskGrade, Scale, StandardisationGrade
from yingji.enterprises.models import Enterprise
from yingji.enterprises.permissions import REGISTRARS, SELF_SERVICE_FIELDS, can_edit, can_register
from yingji.regions.models import Region
from yingji.regions.scoping import Jurisdiction, get_for_user

# Every field a caller may set, in the order forms and the workbook show them.
FIELDS = (
    "uscc",
    "name",
    "region_code",
    "address",
    "industry",
    "gbt4754_code",
    "scale",
    "employees",
    "risk_grade",
    "supervising_department_id",
    "legal_representative",
    "phone",
    "safety_manager",
    "safety_manager_phone",
    "status",
    "is_major_hazard_source",
    "major_hazard_source_grade",
    "dust_explosion",
    "ammonia_refrigeration",
    "confined_space",
    "safety_director_appointed",
    "standardisation_grade",
    "liability_insurance",
    "longitude",
    "latitude",
)
REQUIRED = ("uscc", "name", "region_code", "industry")
TEXT = ("name", "address", "legal_representative", "phone", "safety_manager", "safety_manager_phone")
# field -> (choices, whether blank is allowed)
CHOICES = {
    "industry": (Industry, False),
    "scale": (Scale, True),
    "risk_grade": (RiskGrade, True),
    "status": (EnterpriseStatus, False),
    "standardisation_grade": (StandardisationGrade, False),
}
MAX_EMPLOYEES = 10_000_000
COORDINATE_LIMITS = {"latitude": 90, "longitude": 180}
SIX_PLACES = Decimal("0.000001")
# Model field name -> the name callers use, for messages from model validation.
API_NAMES = {"region": "region_code", "supervising_department": "supervising_department_id"}


class _Problems(dict):
    def add(self, field: str, message) -> None:
        self.setdefault(field, []).append(str(message))

    def raise_if_any(self) -> None:
        if self:
            raise ApplicationError(next(iter(self.values()))[0], errors=dict(self))


@transaction.atomic
def enterprise_create(*, actor, **fields) -> Enterprise:
    """Register an enterprise in the actor's jurisdiction."""
    require_role(actor, REGISTRARS)
    _check_names(fields)
    for name in REQUIRED:
        fields.setdefault(name, "")
    if actor.role == Role.DEPARTMENT:
        # A department registers what it supervises: it is the supervising department unless told otherwise.
        fields.setdefault("supervising_department_id", actor.organisation_id)
    enterprise = Enterprise()
    _apply(actor, enterprise, fields)
    _save(enterprise)
    audit_created(actor=actor, obj=enterprise)
    return enterprise


@transaction.atomic
def enterprise_update(*, actor, enterprise: Enterprise, **fields) -> Enterprise:
    """Change an enterprise the actor can see; fields left out keep their value. An
    enterprise's own users may change only SELF_SERVICE_FIELDS (others: 403)."""
    if not can_edit(actor):
        raise PermissionDenied(_("Your role may not do this."))
    _check_names(fields)
    enterprise = get_for_user(Enterprise.objects.select_for_update(), actor, pk=enterprise.pk)
    before = snapshot(enterprise)
    _apply(actor, enterprise, fields)
    after = snapshot(enterprise)
    changed = {API_NAMES.get(k.removesuffix("_id"), k) for k in after if after[k] != before[k]}
    if not changed:
        return enterprise  # nothing to save, nothing to audit
    if not can_register(actor) and changed - set(SELF_SERVICE_FIELDS):
        raise PermissionDenied(_("An enterprise may change only its address, phones and safety manager."))
    _save(enterprise)
    audit_updated(actor=actor, obj=enterprise, before=before)
    return enterprise


def _save(enterprise: Enterprise) -> None:
    try:
        with transaction.atomic():
            enterprise.save()
    except IntegrityError:
        # Another request registered the same code between our check and this write.
        message = _("This unified social credit code was registered a moment ago.")
        raise ApplicationError(message, errors={"uscc": [message]}) from None


def _check_names(fields: dict) -> None:
    unknown = sorted(set(fields) - set(FIELDS))
    if unknown:
        raise TypeError(f"Unknown enterprise fields: {', '.join(unknown)}")


def _apply(actor, enterprise: Enterprise, fields: dict) -> None:
    """Validate the given fields and set them on the (unsaved) enterprise; every problem
    found is raised at once."""
    problems = _Problems()
    for name, value in fields.items():
        _set_field(actor, enterprise, name, value, problems)
    if "is_major_hazard_source" in fields and not enterprise.is_major_hazard_source:
        if fields.get("major_hazard_source_grade") is None:
            enterprise.major_hazard_source_grade = None  # no longer one: its grade goes with it
    _check_together(actor, enterprise, fields, problems)
    _model_validation(enterprise, problems)
    problems.raise_if_any()


def _set_field(actor, enterprise: Enterprise, name: str, value, problems: _Problems) -> None:
    if name == "uscc":
        code = _clean_uscc(actor, enterprise, value, problems)
        if code:
            enterprise.uscc = code
    elif name == "region_code":
        code = _clean_region(actor, value, problems)
        if code:
            enterprise.region_id = code
    elif name in CHOICES:
        choices, blank = CHOICES[name]
        text = _text(value)
        if not text and not blank:
            problems.add(name, _("This field is required."))
        elif text and text not in choices.values:
            problems.add(name, _("Choose one of: %(codes)s.") % {"codes": ", ".join(choices.values)})
        elif (
            name == "industry" and actor.role == Role.DEPARTMENT and text not in actor.organisation.industries
        ):
            problems.add(name, _("Your department supervises only: %(industries)s.") % _industries(actor))
        else:
            setattr(enterprise, name, text)
    elif name in TEXT:
        setattr(enterprise, name, _text(value))
        if name == "name" and not enterprise.name:
            problems.add(name, _("This field is required."))
    elif name == "gbt4754_code":
        enterprise.gbt4754_code = _text(value).upper().replace(" ", "")
    elif name in FLAGS:
        if isinstance(value, bool):
            setattr(enterprise, name, value)
        else:
            problems.add(name, _("Enter true or false."))
    elif name == "employees":
        number = _whole_number(value, 0)
        if number is None or not 0 <= number <= MAX_EMPLOYEES:
            problems.add(name, _("Enter a whole number from 0 to %(max)s.") % {"max": MAX_EMPLOYEES})
        else:
            enterprise.employees = number
    elif name == "major_hazard_source_grade":
        grade = _whole_number(value, None)
        if (grade is None and value not in (None, "")) or (grade is not None and not 1 <= grade <= 4):
            problems.add(name, _("A major hazard source has grade 1, 2, 3 or 4."))
        else:
            enterprise.major_hazard_source_grade = grade
    elif name in COORDINATE_LIMITS:
        setattr(enterprise, name, _clean_coordinate(name, value, problems))
    elif name == "supervising_department_id":
        department_id = _whole_number(value, None)
        if value not in (None, "") and department_id is None:
            problems.add(name, _("Enter the number of a member department."))
        enterprise.supervising_department_id = department_id


def _check_together(actor, enterprise: Enterprise, fields: dict, problems: _Problems) -> None:
    if enterprise.is_major_hazard_source and enterprise.major_hazard_source_grade is None:
        if "major_hazard_source_grade" not in problems:
            problems.add("major_hazard_source_grade", _("Give the grade (1–4) of the major hazard source."))
    if not enterprise.is_major_hazard_source and enterprise.major_hazard_source_grade is not None:
        problems.add("major_hazard_source_grade", _("Only a major hazard source has a grade."))
    if (enterprise.latitude is None) != (enterprise.longitude is None) and not (
        {"latitude", "longitude"} & set(problems)
    ):
        problems.add(
            "latitude" if enterprise.latitude is None else "longitude",
            _("Give both the longitude and the latitude, or neither."),
        )
    touches_department = {"supervising_department_id", "region_code", "industry"} & set(fields)
    settled = not {"supervising_department_id", "region_code", "industry"} & set(problems)
    if touches_department and settled and enterprise.supervising_department_id is not None:
        _check_department(enterprise, problems)


def _check_department(enterprise: Enterprise, problems: _Problems) -> None:
    """The supervising department must be a member department whose region contains the
    enterprise and which supervises its industry (else it could not even see it)."""
    department = Organisation.objects.filter(
        pk=enterprise.supervising_department_id, kind=OrgKind.DEPARTMENT
    ).first()
    if department is None or not enterprise.region_id.startswith(department.region_id):
        problems.add(
            "supervising_department_id",
            _("No member department %(id)s covers this enterprise's region.")
            % {"id": enterprise.supervising_department_id},
        )
    elif enterprise.industry not in department.industries:
        problems.add(
            "supervising_department_id",
            _("%(department)s does not supervise the industry %(industry)s.")
            % {"department": department.name, "industry": Industry(enterprise.industry).label},
        )


def _model_validation(enterprise: Enterprise, problems: _Problems) -> None:
    # Field validators (GB/T 4754, phones, lengths) and the database constraints, for the
    # fields not already reported; foreign keys and uniqueness were checked above.
    reported = {k for k, v in API_NAMES.items() if v in problems} | set(problems)
    try:
        enterprise.full_clean(
            exclude=reported | {"region", "supervising_department", "uscc"}, validate_unique=False
        )
    except ValidationError as e:
        for field, messages in e.message_dict.items():
            for message in messages:
                problems.add(
                    API_NAMES.get(field, "non_field_errors" if field == "__all__" else field), message
                )


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _whole_number(value, empty):
    if value is None or value == "":
        return empty
    if isinstance(value, bool):
        return None
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    try:
        return int(str(value).strip())
    except ValueError:
        return None


def _clean_uscc(actor, enterprise: Enterprise, value, problems: _Problems) -> str | None:
    raw = _text(value)
    if not raw:
        problems.add("uscc", _("This field is required."))
        return None
    try:
        code = uscc_number.validate(raw)
    except stdnum_errors.InvalidLength:
        problems.add(
            "uscc",
            _("A unified social credit code has 18 characters; this one has %(count)s.")
            % {"count": len(uscc_number.compact(raw))},
        )
        return None
    except stdnum_errors.InvalidChecksum:
        problems.add(
            "uscc", _("The last character (the check character) does not match: look for a typing error.")
        )
        return None
    except stdnum_errors.ValidationError:
        problems.add(
            "uscc",
            _(
                "A unified social credit code has 8 digits, then 10 digits or capital letters "
                "(not I, O, S, V or Z)."
            ),
        )
        return None
    clash = Enterprise.objects.filter(uscc=code).exclude(pk=enterprise.pk).first()
    if clash is None:
        return code
    if Enterprise.objects.for_user(actor).filter(pk=clash.pk).exists():
        problems.add("uscc", _("%(name)s is registered with this code already.") % {"name": clash.name})
    else:
        problems.add("uscc", _("An enterprise outside your jurisdiction is registered with this code."))
    return None


def _clean_region(actor, value, problems: _Problems) -> str | None:
    code = _text(value)
    if not code:
        problems.add("region_code", _("This field is required."))
    elif not (code.isascii() and code.isdigit() and len(code) in (9, 12)):
        problems.add(
            "region_code",
            _(
                "An enterprise lies in a street or township (a 9-digit code such as 430102015) "
                "or a community or village (12 digits)."
            ),
        )
    elif not Jurisdiction.of(actor).contains_region(code):
        problems.add("region_code", _("Region %(code)s is outside your jurisdiction.") % {"code": code})
    elif not Region.objects.filter(code=code).exists():
        problems.add("region_code", _("Unknown region code %(code)s.") % {"code": code})
    else:
        return code
    return None


def _clean_coordinate(name: str, value, problems: _Problems) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        number = None
    limit = COORDINATE_LIMITS[name]
    if isinstance(value, bool) or number is None or not number.is_finite() or abs(number) > limit:
        problems.add(name, _("Enter degrees between -%(limit)s and %(limit)s.") % {"limit": limit})
        return None
    return number.quantize(SIX_PLACES)


def _industries(actor) -> dict:
    labels = [str(Industry(code).label) for code in actor.organisation.industries if code in Industry.values]
    return {"industries": ", ".join(labels) or "—"}
