"""The accident notice (事故通报) the committee office sends round after an accident: what
happened, to whom, its grade, its cause as far as known, and what every unit is to do — issued
through the notices module, numbered per region and year. Always in Chinese: it is an official
document, whatever the page's language."""

from django.utils import timezone, translation

from yingji.notices import services as notices

FIGURES = (("deaths", "死亡"), ("missing", "失踪"), ("serious_injuries", "重伤"), ("minor_injuries", "轻伤"))


def _casualties(accident) -> str:
    said = [f"{getattr(accident, key)}人{word}" for key, word in FIGURES if getattr(accident, key)]
    return "造成" + "、".join(said) if said else "未造成人员伤亡"


def _loss(accident) -> str:
    loss = accident.direct_loss
    return f"，直接经济损失约{loss / 10000:.2f}万元" if loss else ""


def title(accident) -> str:
    when = timezone.localtime(accident.occurred_at)
    who = accident.enterprise.name if accident.enterprise_id else accident.place
    with translation.override("zh-hans"):
        kind = str(accident.get_kind_display())
    return f"关于{who}“{when.month}·{when.day}”{kind}的通报"


def paragraphs(accident) -> list[str]:
    when = timezone.localtime(accident.occurred_at)
    with translation.override("zh-hans"):
        kind, grade = str(accident.get_kind_display()), str(accident.get_grade_display())
        industry = str(accident.get_industry_display())
    who = f"{accident.enterprise.name}（{accident.place}）" if accident.enterprise_id else accident.place
    lines = [
        f"{when.year}年{when.month}月{when.day}日{when.hour}时{when.minute:02d}分，{accident.region.name}{who}"
        f"发生一起{kind}，{_casualties(accident)}{_loss(accident)}，初步认定为{grade}事故。",
        f"事故经过：{accident.summary}",
    ]
    if accident.cause:
        lines.append(f"事故原因：{accident.cause}")
    if accident.conclusion:
        lines.append(f"调查结论：{accident.conclusion}")
    lines.append(
        f"各单位要深刻吸取事故教训，举一反三，立即组织开展{industry}领域安全隐患排查整治，"
        "严格落实企业安全生产主体责任和部门监管责任，坚决防范和遏制同类事故发生。"
    )
    return lines


def issue(*, actor, accident):
    """The numbered notice, issued by the county's committee office."""
    return notices.issue(
        actor=actor, region_code=accident.region_id[:6], kind="accident",
        title=title(accident), paragraphs=paragraphs(accident),
    )  # fmt: skip
