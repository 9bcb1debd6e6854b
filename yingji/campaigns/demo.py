"""The demo district's campaign: 岁末年初安全生产专项整治, from five weeks ago for three months,
weekly forms due Friday 16:00, of four member departments and four streets: checks, hazards
found and rectified (pre-filled from their records) and a line of other work. Past weeks are
submitted — mostly the product's figures, some corrected upward by what happened off the
product — except that one street missed last week, another reported late, and the demo
department's form of this week is still to do. Deterministic from
ctx.rng("campaigns")."""

import datetime

from django.utils import timezone

from yingji.accounts.choices import OrgKind
from yingji.accounts.models import Organisation, User
from yingji.campaigns import tagging
from yingji.campaigns.models import Campaign, FormField, Submission
from yingji.campaigns.periods import periods
from yingji.campaigns.prefill import prefill
from yingji.core import demo
from yingji.enforcement.models import Case
from yingji.hazards.models import Hazard
from yingji.inspections.models import Inspection

FIELDS = [
    ("units", "检查单位", "家", "inspections.units"),
    ("hazards", "发现隐患", "处", "hazards.found"),
    ("rectified", "完成整改", "处", "hazards.rectified"),
]
WORK = ["开展联合执法检查", "组织企业负责人约谈", "开展安全宣传进企业活动", "督促企业开展自查自纠"]


@demo.generator("campaigns", after=["accounts", "hazards", "inspections", "enforcement"])
def campaigns(ctx: demo.DemoContext) -> None:
    rng = ctx.rng("campaigns")
    bureau = User.objects.filter(username="bureau").select_related("organisation").first()
    if bureau is None or not bureau.organisation_id:
        return
    orgs = Organisation.objects.filter(region__code__startswith=ctx.district)
    departments = list(orgs.filter(kind=OrgKind.DEPARTMENT).order_by("name")[:4])
    streets = list(orgs.filter(kind=OrgKind.STREET).order_by("region_id")[:4])
    start = ctx.today - datetime.timedelta(days=35 + ctx.today.weekday())
    campaign = Campaign.objects.create(
        name="岁末年初安全生产专项整治", region_id=ctx.district, lead=bureau.organisation, starts_on=start,
        ends_on=start + datetime.timedelta(days=90), cycle="weekly", due_weekday=4, due_hour=16, created_by=bureau,
        description="聚焦燃气、建筑施工、人员密集场所等重点行业领域，开展隐患排查整治，日跟踪、周调度。",
    )  # fmt: skip
    campaign.participants.set(departments + streets)
    FormField.objects.bulk_create(
        [
            FormField(campaign=campaign, position=i, key=k, label=label, unit=unit, indicator=ind)
            for i, (k, label, unit, ind) in enumerate(FIELDS)
        ]  # fmt: skip
        + [FormField(campaign=campaign, position=len(FIELDS), key="work", label="其他工作情况", kind="text")]
    )
    users = {u.organisation_id: u for u in User.objects.filter(organisation__in=departments + streets)}
    now = timezone.now()
    today = timezone.localdate(now)
    past = [p for p in periods(campaign) if p.due < now]
    last_week = max((p.start for p in past if p.end < today), default=None)
    # The demo department's form of this week is left to do, even after its due hour on Friday:
    # what its to-do shows (and the browser journey opens) whatever the day.
    to_do = User.objects.filter(username="department").values_list("organisation_id", flat=True).first()
    rows = []
    for org in departments + streets:
        author = users.get(org.pk, bureau)
        for period in past:
            if period.start == last_week and org == streets[-1]:
                continue  # missed last week
            if period.start <= today <= period.end and org.pk == to_do:
                continue
            figures = prefill(campaign, org, period)
            values = {k: v + (rng.randrange(0, 4) if rng.random() < 0.1 else 0) for k, v in figures.items()}
            values["work"] = rng.choice(WORK)
            late = org == streets[0] and period.start == last_week
            at = period.due + datetime.timedelta(hours=3) if late else period.due - datetime.timedelta(hours=rng.randrange(1, 30))  # fmt: skip
            rows.append(Submission(campaign=campaign, organisation=org, period_start=period.start, period_end=period.end,
                                   values=values, prefilled=figures, submitted_at=at, submitted_by=author, late=late))  # fmt: skip
    Submission.objects.bulk_create(rows)
    _tag_records(campaign)


def _tag_records(campaign) -> None:
    """The demo's records were written before the campaign: put those it covers into it, as
    entering them during the campaign would have."""
    for relation, model, day in (("inspections", Inspection, "inspected_on"), ("hazards", Hazard, "found_at"), ("cases", Case, "act_on")):  # fmt: skip
        records = model.objects.filter(region__code__startswith=campaign.region_id, **{f"{day}__range": (campaign.starts_on, campaign.ends_on)})  # fmt: skip
        tagging.tag_many(relation, list(records.values_list("pk", "region_id", "industry", day)))
