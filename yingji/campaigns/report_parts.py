"""What campaigns add to the work summary: for each campaign that ran in the period, its
cumulative reported figures in the seeds' words ("百日专项整治行动期间，累计检查单位X家，发现
隐患X处，完成整改X处"). The figures are the submitted ones — what the office rolled up and
sent — summed over the periods that fall in the report's window."""

from django.utils.translation import gettext_lazy as _

from yingji.campaigns.choices import FieldKind
from yingji.campaigns.models import Campaign, Submission
from yingji.reports.parts import WorkPart, register_work_part


def _number(value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def sentence(campaign, start, end) -> str:
    fields = [f for f in campaign.fields.all() if f.kind == FieldKind.NUMBER]
    subs = Submission.objects.filter(campaign=campaign, period_start__gte=start, period_end__lte=end)
    totals = {f.key: sum(s.values.get(f.key, 0) or 0 for s in subs) for f in fields}
    if not subs.exists() or not fields:
        return ""
    figures = "，".join(f"{f.label}{_number(totals[f.key])}{f.unit}" for f in fields)
    return f"{campaign.name}期间，累计{figures}。"


def _numbers(value) -> dict:
    query = getattr(value, "query", None)  # the Facts of the report (a plain function when listing names)
    if query is None:
        return {"campaigns": {"text": ""}}
    start, end = query.period.start, query.cutoff
    running = Campaign.objects.for_user(query.user).filter(starts_on__lte=end, ends_on__gte=start)
    if region := query.filters.get("region"):
        running = running.filter(region__code__startswith=region[:6])
    text = "".join(
        sentence(c, start, end) for c in running.order_by("starts_on", "pk").prefetch_related("fields")
    )
    return {"campaigns": {"text": text}}


register_work_part(
    WorkPart(
        key="work_campaigns",
        default="{{ campaigns.text }}",
        numbers=_numbers,
        order=22,
        heading="深入开展专项整治行动",
        title=_("Section 2, work done: special campaigns"),
        labels={"campaigns.text": _("each campaign's cumulative figures, as reported")},
        applies=lambda numbers: bool(numbers["campaigns"]["text"]),
    )
)
