"""Duty numbers against records built for them: shifts and strengthened shifts, log lines by
kind; the summary's paragraph, the gaps problem; the to-do items of the roster's keeper, the
duty desk and the next shift."""

import datetime

import pytest
from django.utils import timezone

from yingji.duty import services
from yingji.notifications.todo import todo_for
from yingji.stats.catalog import CATALOG, Query
from yingji.stats.periods import period_of

pytestmark = pytest.mark.django_db
DISTRICT = "430102"


def _at(day, hour):
    return f"{day.isoformat()}T{hour:02d}:00"


@pytest.fixture
def roster(bureau, duty, duty2, leader):
    """National Day 2026: 10-01 two strengthened 12-hour shifts; 10-02 only the day shift
    (a 12-hour gap to midnight). Three log lines on 10-01, one to follow up."""
    national_day, second = datetime.date(2026, 10, 1), datetime.date(2026, 10, 2)
    for start, end, strengthened in [
        (_at(national_day, 0), _at(national_day, 12), True),
        (_at(national_day, 12), _at(second, 0), True),
        (_at(second, 0), _at(second, 12), False),
    ]:
        services.shift_create(actor=bureau, region_code=DISTRICT, starts_at=start, ends_at=end, leader="leader", officers=["duty", "duty2"], strengthened=strengthened)  # fmt: skip
    for kind, text, open_ in [("received", "接报渍水", True), ("reported", "报带班领导", False), ("relayed", "传达指令", False)]:  # fmt: skip
        services.log_add(actor=duty, kind=kind, content=text, at=_at(national_day, 9), open=open_)


def _value(user, key, **filters):
    return CATALOG[key].value(Query(user=user, period=period_of(2026, "year"), filters=filters))


def test_indicators(roster, bureau, outsider):
    assert _value(bureau, "duty.shifts") == 3
    assert _value(bureau, "duty.strengthened_shifts") == 2
    assert _value(bureau, "duty.log_entries") == 3
    assert _value(bureau, "duty.log_entries", kind="received") == 1
    assert _value(outsider, "duty.shifts") == 0


def test_the_summary_paragraph_and_the_gaps(roster, bureau):
    from yingji.reports.summary import build_summary

    # the fourth quarter as it stood on 10-02
    doc = build_summary(
        user=bureau, region_code=DISTRICT, year=2026, period_code="Q4", as_of=datetime.date(2026, 10, 2)
    )
    text = " ".join(p for _h, paragraphs in doc.sections for p in paragraphs)
    assert (
        "严格落实24小时应急值守和领导带班制度，安排值班3班次（其中节假日和汛期加强值守2班次），接报处置各类信息3条。"
        in text
    )
    assert "值班值守安排存在空档，1个时段共12小时未安排值班人员。" in text  # 10-02 12:00 to midnight
    assert "节假日加强值守落实不到位，1个法定节假日未安排加强值守。" in text  # 10-02 (国庆节)


def test_no_roster_no_paragraph_and_no_gaps(bureau):
    from yingji.reports.summary import build_summary

    doc = build_summary(
        user=bureau, region_code=DISTRICT, year=2026, period_code="year", as_of=timezone.localdate()
    )
    text = " ".join(p for _h, paragraphs in doc.sections for p in paragraphs)
    assert "安排值班" not in text and "值班值守安排存在空档" not in text


def test_to_do(bureau, duty, duty2, leader):
    now = timezone.localtime()
    start = now.replace(minute=0, second=0, microsecond=0) - datetime.timedelta(hours=1)
    shift = services.shift_create(actor=bureau, region_code=DISTRICT, starts_at=start, ends_at=start + datetime.timedelta(hours=12), leader="leader", officers=["duty"])  # fmt: skip
    services.shift_create(actor=bureau, region_code=DISTRICT, starts_at=start + datetime.timedelta(hours=12), ends_at=start + datetime.timedelta(hours=24), leader="bureau", officers=["duty2"])  # fmt: skip
    gaps = [i for i in todo_for(bureau) if i.kind == "duty_gap"]
    assert len(gaps) == 1 and gaps[0].due == start + datetime.timedelta(
        hours=24
    )  # the rest of the week is empty
    services.log_add(actor=duty, kind="received", content="接报：东岸路渍水", open=True)
    assert [i.title for i in todo_for(duty) if i.kind == "duty_follow_up"] == ["跟进：接报：东岸路渍水"]
    services.hand_over(actor=duty, shift=shift, notes="渍水待跟进")
    assert [i.kind for i in todo_for(duty2) if i.kind == "duty_accept"] == ["duty_accept"]
