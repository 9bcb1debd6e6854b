"""The ledger template (DOMAIN.md §0.3): its columns in order, the headers import requires, and the
labels of levels, sources and statuses that export writes and import reads back."""

from dataclasses import dataclass

from yingji.hazards.choices import HazardLevel, HazardSource, HazardStatus

S = HazardStatus


@dataclass(frozen=True)
class Column:
    header: str
    key: str  # the ParsedRow attribute it fills
    kind: str = "text"  # text, date, funds, level, source, status, ignore
    max_length: int = 0
    width: int = 14  # in the exported sheet, in characters


COLUMNS = (
    Column("序号", "", "ignore", width=7),
    Column("单位名称", "enterprise_name", max_length=200, width=28),
    Column("统一社会信用代码", "uscc", max_length=18, width=22),
    Column("隐患描述", "description", max_length=5000, width=40),
    Column("隐患部位", "location", max_length=200),
    Column("隐患类别", "category", max_length=200, width=16),
    Column("隐患等级", "level", "level", width=10),
    Column("隐患来源", "source", "source", width=12),
    Column("发现日期", "found_at", "date", width=12),
    Column("整改措施", "measures", max_length=5000, width=30),
    Column("整改责任人", "responsible", max_length=100, width=12),
    Column("整改期限", "deadline", "date", width=12),
    Column("整改资金（元）", "funds", "funds"),
    Column("整改完成日期", "rectified_at", "date"),
    Column("验收人", "verifier", max_length=100, width=10),
    Column("验收日期", "verified_at", "date", width=12),
    Column("状态", "status", "status", width=10),
    Column("备注", "note", max_length=5000, width=24),
)
HEADERS = tuple(c.header for c in COLUMNS)
BY_HEADER = {c.header: c for c in COLUMNS} | {"整改资金": COLUMNS[12]}
ORDER = {c.header: i for i, c in enumerate(COLUMNS)}
DESCRIPTION, NAME, USCC = "隐患描述", "单位名称", "统一社会信用代码"
REQUIRED_HEADERS = ("隐患描述", "隐患等级", "发现日期")

# The labels export writes; import also takes the aliases and the API codes.
LEVEL_LABELS = {HazardLevel.GENERAL: "一般", HazardLevel.MAJOR: "重大"}
SOURCE_LABELS = {
    HazardSource.SELF_CHECK: "企业自查",
    HazardSource.INSPECTION: "监管检查",
    HazardSource.COMPLAINT: "举报",
    HazardSource.LEADER_CHECK: "领导带队检查",
    HazardSource.OTHER: "其他",
}
STATUS_LABELS = {
    S.REPORTED: "待整改",
    S.RECTIFYING: "整改中",
    S.AWAITING_REVIEW: "待验收",
    S.RECTIFIED: "已整改",
    S.CLOSED: "已销号",
    # Not in the template's list, but export writes it, and an exported file must import back.
    S.CANCELLED: "已撤销",
}
CHOICES = {
    "level": {v: k for k, v in LEVEL_LABELS.items()}
    | {"一般隐患": HazardLevel.GENERAL, "一般事故隐患": HazardLevel.GENERAL}
    | {"重大隐患": HazardLevel.MAJOR, "重大事故隐患": HazardLevel.MAJOR},
    "source": {v: k for k, v in SOURCE_LABELS.items()},
    "status": {v: k for k, v in STATUS_LABELS.items()} | {"已登记": S.REPORTED},
}
for _codes in CHOICES.values():
    _codes.update({str(code): code for code in set(_codes.values())})
CHOICE_HINTS = {
    "level": " / ".join(LEVEL_LABELS.values()),
    "source": " / ".join(SOURCE_LABELS.values()),
    "status": " / ".join(STATUS_LABELS.values()),
}
NEEDS_DEADLINE = frozenset({S.RECTIFYING, S.AWAITING_REVIEW, S.RECTIFIED, S.CLOSED})  # 整改中 or later
NEEDS_RECTIFIED_AT = frozenset({S.RECTIFIED, S.CLOSED})
