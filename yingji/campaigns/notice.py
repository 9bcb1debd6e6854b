"""The campaign progress notice (专项行动进展情况通报): the cumulative roll-up in words, and the
units whose last form due was missing or late — issued through the notices module, numbered."""

from django.utils import timezone

from yingji.campaigns.choices import FieldKind, Light
from yingji.campaigns.periods import periods
from yingji.campaigns.rollup import rollup
from yingji.notices import services as notices


def _number(value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def paragraphs(campaign, now=None) -> list[str]:
    now = now or timezone.now()
    total = rollup(campaign, None, now)
    numbers = [f for f in total.fields if f.kind == FieldKind.NUMBER]
    today = timezone.localdate(now)
    lines = [f"{campaign.name}开展以来，各参与单位认真组织实施。截至{today.month}月{today.day}日，" + "，".join(f"累计{f.label}{_number(total.totals[f.key])}{f.unit}" for f in numbers) + "。"]  # fmt: skip
    past = [p for p in periods(campaign) if p.due < now]
    if past:
        last = rollup(campaign, past[-1], now)
        red = [r.organisation.name for r in last.rows if r.light == Light.RED]
        lines.append(
            f"{past[-1].label}调度表，"
            + (f"{'、'.join(red)}未按时报送，予以通报。" if red else "各单位均按时报送。")
        )
    lines.append("请各单位对照专项行动方案，查漏补缺，按时报送调度情况，确保专项整治取得实效。")
    return lines


def issue(*, actor, campaign):
    return notices.issue(
        actor=actor, region_code=campaign.region_id, kind="campaign",
        title=f"关于{campaign.name}进展情况的通报", paragraphs=paragraphs(campaign),
    )  # fmt: skip
