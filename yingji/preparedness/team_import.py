"""Teams and their members from a spreadsheet, one member a row (队伍名称, 级别, 所属区域, 姓名, 电话,
and optionally 职务, 证书, 专长): a team not yet in the region is created, each row adds a member,
through the same services as the pages and the API. All or nothing: every bad row is reported
with its row number and column, and nothing is recorded unless every row is good. The file is
checked by core/uploads.check_upload before the parser sees it."""

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from yingji.core import uploads
from yingji.core.errors import ApplicationError
from yingji.core.sheets import ImportRejected, Problem, cell_text, first_sheet
from yingji.preparedness import permissions, services
from yingji.preparedness.choices import TeamLevel
from yingji.preparedness.models import Team
from yingji.regions.models import Region
from yingji.regions.scoping import Jurisdiction, ScopeFields

MAX_BYTES = uploads.WEB.file_bytes
MAX_ROWS = 5000
COLUMNS = {"队伍名称": "team", "级别": "level", "所属区域": "region", "姓名": "name", "电话": "phone",
           "联系电话": "phone", "职务": "position", "证书": "certificates", "专长": "specialty"}  # fmt: skip
REQUIRED = ("team", "level", "region", "name", "phone")
HEADINGS = {"team": "队伍名称", "level": "级别", "region": "所属区域", "region_code": "所属区域", "name": "姓名",
            "phone": "电话", "position": "职务", "certificates": "证书", "specialty": "专长"}  # fmt: skip
# 级别 as people write it: 县级/乡级/村级 (and 区级/街道/社区), 专业, 社会, 企业.
LEVELS = {"县级": TeamLevel.COUNTY, "区级": TeamLevel.COUNTY, "乡级": TeamLevel.TOWNSHIP,
          "街道": TeamLevel.TOWNSHIP, "乡镇": TeamLevel.TOWNSHIP, "村级": TeamLevel.VILLAGE,
          "社区": TeamLevel.VILLAGE, "专业": TeamLevel.PROFESSIONAL, "社会": TeamLevel.SOCIAL,
          "企业": TeamLevel.ENTERPRISE} | {v.value: v.value for v in TeamLevel}  # fmt: skip


@dataclass(frozen=True)
class Result:
    teams: int
    members: int


def _read(data: bytes) -> list[list]:
    return first_sheet(data, MAX_BYTES)


def _header(rows: list[list]) -> tuple[int, dict[int, str]]:
    for index, row in enumerate(rows[:20]):
        columns = {i: COLUMNS[cell_text(c)] for i, c in enumerate(row) if cell_text(c) in COLUMNS}
        if set(REQUIRED) <= set(columns.values()):
            return index, columns
    names = "、".join(HEADINGS[k] for k in REQUIRED)
    raise ImportRejected(
        [Problem(None, "header", _("No header row with the columns %(names)s.") % {"names": names})]
    )


def _region_code(text: str, regions: dict[str, str]) -> str:
    """所属区域 as a code or a name of a region (东岸街道)."""
    return text if text.isdigit() else regions.get(text, text)


def import_teams(*, actor, data: bytes) -> Result:
    permissions.require(
        permissions.can_keep(actor), _("Only the bureau or a street office may import teams.")
    )
    rows = _read(data)
    start, columns = _header(rows)
    body = [(start + 2 + n, row) for n, row in enumerate(rows[start + 1 :]) if any(cell_text(c) for c in row)]
    if len(body) > MAX_ROWS:
        raise ImportRejected([Problem(None, "file", _("At most %(n)d rows at once.") % {"n": MAX_ROWS})])
    scope = Jurisdiction.of(actor).q(ScopeFields(region="code"))
    names = dict(Region.objects.filter(scope).order_by("-code").values_list("name", "code")[:20000])
    problems: list[Problem] = []
    teams: dict[tuple[str, str], Team] = {}
    members = 0
    with transaction.atomic():
        for number, row in body:
            values = {field: cell_text(row[i]) if i < len(row) else "" for i, field in columns.items()}
            level = LEVELS.get(values["level"])
            if level is None:
                problems.append(Problem(number, "级别", _("Write 县级, 乡级, 村级, 专业, 社会 or 企业.")))
                continue
            code = _region_code(values["region"], names)
            try:
                with transaction.atomic():
                    key = (code, values["team"])
                    team = (
                        teams.get(key)
                        or Team.objects.for_user(actor).filter(region_id=code, name=values["team"]).first()
                    )
                    if team is None:
                        team = services.team_create(actor=actor, values={
                            "name": values["team"], "level": level, "region_code": code,
                            "specialty": values.get("specialty", "")})  # fmt: skip
                    teams[key] = team
                    services.member_add(actor=actor, team=team, values=values)
                    members += 1
            except ApplicationError as error:
                for field, messages in error.errors.items():
                    problems.extend(Problem(number, HEADINGS.get(field, field), m) for m in messages)
        if problems:  # raised inside the transaction: nothing is recorded
            raise ImportRejected(problems)
    return Result(teams=len(teams), members=members)
