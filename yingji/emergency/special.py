"""The special-groups register (特殊群体): its members with the 四个一, their ID numbers kept
encrypted and shown masked everywhere (lists, details, exports, audit snapshots); the full
number only through `reveal`, for the bureau and the person's street, each reveal audited.
Import and export as XLSX; an import is all or nothing."""

import datetime
import io
import re

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from python_calamine import CalamineError, CalamineWorkbook

from yingji.audit.services import audit_record, snapshot
from yingji.core import uploads
from yingji.core.crypto import mask_id_number
from yingji.core.errors import ApplicationError
from yingji.core.exports import unguard, xlsx_stream
from yingji.emergency import permissions
from yingji.emergency.choices import RiskArea, SpecialCategory
from yingji.emergency.inputs import Errors, _shelter, region_in, text
from yingji.emergency.models import Shelter, SpecialPerson

ID_NUMBER = re.compile(r"^\d{17}[\dXx]$")
FLOOD_SEASON_START = (4, 1)  # 汛期 in Hunan: 4月1日 to 9月30日 (chosen; the check runs before it)
FLOOD_SEASON_END = (9, 30)
EDITABLE = ("name", "category", "risk_area", "id_number", "address", "phone", "responsible_person",
            "route", "shelter", "contact", "region_code")  # fmt: skip
HEADER = ["街道/社区代码", "姓名", "类别", "风险区域", "身份证号", "住址", "联系电话",
          "责任人", "转移路线", "安置点", "联系方式"]  # fmt: skip
CATEGORY_BY_LABEL = {"独居老人": "elderly_alone", "病患": "sick", "残疾人": "disabled", "孕产妇": "pregnant",
                     "儿童": "children", "留守人员": "left_behind", "其他": "other"}  # fmt: skip
AREA_BY_LABEL = {"山洪": "flash_flood", "地质灾害点": "geological", "低洼": "low_lying"}
LABEL_OF_CATEGORY = {v: k for k, v in CATEGORY_BY_LABEL.items()}
LABEL_OF_AREA = {v: k for k, v in AREA_BY_LABEL.items()}


def safe_snapshot(person) -> dict:
    values = snapshot(person)
    values["id_number"] = mask_id_number(person.id_number) if person.id_number else ""
    return values


def _validate(errors: Errors, actor, person, values: dict, prefix: str = "") -> None:
    def f(name):
        return f"{prefix}{name}"

    if "region_code" in values:
        person.region = region_in(errors, actor, values["region_code"], f("region_code"), street=True)
    if "name" in values:
        person.name = text(errors, f("name"), values["name"], required=True, max_length=50)
    if "category" in values:
        value = CATEGORY_BY_LABEL.get(values["category"], values["category"])
        if value not in SpecialCategory.values:
            errors.add(
                f("category"), _("Choose one of: %(values)s.") % {"values": ", ".join(SpecialCategory.values)}
            )
        person.category = value
    if "risk_area" in values:
        value = AREA_BY_LABEL.get(values["risk_area"], values["risk_area"])
        if value not in RiskArea.values:
            errors.add(
                f("risk_area"), _("Choose one of: %(values)s.") % {"values": ", ".join(RiskArea.values)}
            )
        person.risk_area = value
    if "id_number" in values:
        number = text(errors, f("id_number"), values["id_number"]).upper()
        if number and not ID_NUMBER.match(number):
            errors.add(
                f("id_number"), _("A resident ID number has 18 characters: 17 digits and a digit or X.")
            )
        person.id_number, person.id_last4 = number, number[-4:]
    for name, limit in (("address", 200), ("phone", 20), ("responsible_person", 100), ("route", 200), ("contact", 100)):  # fmt: skip
        if name in values:
            setattr(person, name, text(errors, f(name), values[name], max_length=limit))
    if "shelter" in values:
        sub = Errors()
        person.shelter = _shelter(sub, actor, values["shelter"])
        for message in sub.get("shelter", []):
            errors.add(f("shelter"), message)


def _audit(actor, person, action, before):
    audit_record(actor=actor, action=action, obj=person, before=before, after=safe_snapshot(person))


@transaction.atomic
def person_create(*, actor, **values) -> SpecialPerson:
    permissions.require(permissions.can_write_special, actor)
    errors = Errors()
    values = {k: v for k, v in values.items() if k in EDITABLE}
    for required in ("region_code", "name", "category", "risk_area"):
        values.setdefault(required, "")
    person = SpecialPerson(registered_on=timezone.localdate())
    _validate(errors, actor, person, values)
    errors.raise_if_any()
    person.save()
    _audit(actor, person, "create", None)
    return person


@transaction.atomic
def person_update(*, actor, person, changes: dict) -> SpecialPerson:
    permissions.require(permissions.can_write_special, actor)
    errors = Errors()
    for name in changes:
        if name not in EDITABLE:
            errors.add(name, _("Unknown field."))
    before = safe_snapshot(person)
    _validate(errors, actor, person, changes)
    errors.raise_if_any()
    person.save()
    _audit(actor, person, "update", before)
    return person


def reveal(*, actor, person) -> str:
    """The full ID number, for the bureau and the person's street (jurisdiction was checked by
    the caller: outside is 404); every reveal audited."""
    permissions.require(permissions.can_reveal, actor)
    audit_record(
        actor=actor,
        action="special_person.id_revealed",
        obj=person,
        before=None,
        after={"fields": ["id_number"]},
    )
    return person.id_number


def incomplete(qs):
    from yingji.emergency.models import complete_q

    return qs.exclude(complete_q())


def next_flood_season(today: datetime.date) -> datetime.date:
    start = datetime.date(today.year, *FLOOD_SEASON_START)
    end = datetime.date(today.year, *FLOOD_SEASON_END)
    if today <= end:
        return start
    return datetime.date(today.year + 1, *FLOOD_SEASON_START)


# --- export and import ----------------------------------------------------------------------


def export_rows(qs):
    for p in qs.select_related("shelter"):
        yield [p.region_id, p.name, LABEL_OF_CATEGORY.get(p.category, p.category), LABEL_OF_AREA.get(p.risk_area, p.risk_area),
               p.masked_id, p.address, p.phone, p.responsible_person, p.route,
               p.shelter.name if p.shelter_id else "", p.contact]  # fmt: skip


def export_stream(qs):
    return xlsx_stream(
        HEADER, export_rows(qs), sheet_name="特殊群体", widths=[14, 10, 10, 12, 22, 30, 14, 12, 30, 20, 16]
    )


def _rows(data: bytes) -> list[list]:
    try:
        uploads.check_upload(data)
    except uploads.UploadRefused as e:
        raise ApplicationError(e.message, errors={"file": [e.message]}) from None
    if data[:2] != b"PK":
        raise ApplicationError(
            _("Upload the register as an xlsx file."),
            errors={"file": [_("Upload the register as an xlsx file.")]},
        )
    try:
        book = CalamineWorkbook.from_object(io.BytesIO(data))
        return book.get_sheet_by_index(0).to_python(skip_empty_area=False)
    except (CalamineError, ValueError, OSError, EOFError, NotImplementedError, RuntimeError, IndexError):
        message = _("The file is not a readable xlsx file.")
        raise ApplicationError(message, errors={"file": [message]}) from None


def _cell(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unguard(str(value).strip()) if value not in (None, "") else ""


@transaction.atomic
def import_register(*, actor, data: bytes) -> int:
    """Every row of the template as a new member; a problem anywhere refuses the whole file
    (errors keyed `row N: field`). Returns the number of members added."""
    permissions.require(permissions.can_write_special, actor)
    rows = _rows(data)
    if not rows or [_cell(c) for c in rows[0][: len(HEADER)]] != HEADER:
        message = _("The first row must be the template's header: %(header)s.") % {
            "header": "、".join(HEADER)
        }
        raise ApplicationError(message, errors={"file": [message]})
    errors, people = Errors(), []
    names = ("region_code", "name", "category", "risk_area", "id_number", "address", "phone",
             "responsible_person", "route", "shelter", "contact")  # fmt: skip
    for number, row in enumerate(rows[1:], start=2):
        cells = [_cell(c) for c in row[: len(names)]] + [""] * (len(names) - len(row))
        if not any(cells):
            continue
        values = dict(zip(names, cells, strict=True))
        person = SpecialPerson(registered_on=timezone.localdate())
        _validate(errors, actor, person, values, prefix=_("row %(n)d: ") % {"n": number})
        people.append(person)
    if not people and not errors:
        errors.add("file", _("The file has no rows under the header."))
    errors.raise_if_any()
    for person in people:
        person.save()
        _audit(actor, person, "create", None)
    return len(people)


def shelter_names(user) -> list[str]:
    return list(Shelter.objects.for_user(user).values_list("name", flat=True))
