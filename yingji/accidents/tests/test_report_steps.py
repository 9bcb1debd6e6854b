"""Each level of the reporting chain (Decree 493 Arts. 9–10: the unit to the county level within
1 hour, each level upward within 2 hours): when the report actually reached it and who
recorded it, flagged 迟报 when made after its deadline and 逾期 when still not made past it."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from yingji.accidents import deadlines, services
from yingji.accidents.tests.factories import accident_factory, beijing
from yingji.accounts.tests.factories import web_login
from yingji.audit.models import AuditEntry
from yingji.core.errors import ApplicationError, Conflict

pytestmark = pytest.mark.django_db
MINUTE = datetime.timedelta(minutes=1)


@pytest.fixture
def serious(bureau):
    """较大 (3 deaths) at 09:00 on 1 March: reported to the county by 10:00, the city by 12:00,
    the province by 14:00."""
    return accident_factory(actor=bureau, occurred_at=beijing(2026, 3, 1, 9, 0), deaths=3)


def made(actor, accident, level, *args, **kwargs):
    kwargs.setdefault("made_at", beijing(*args))
    return services.accident_report_made(actor=actor, accident=accident, level=level, **kwargs)


def states(accident, *now):
    return [(s.level, s.state) for s in accident.report_steps(now=beijing(*now))]


@pytest.mark.parametrize(
    ("made_at", "now", "state"),
    [
        (beijing(2026, 3, 1, 10, 0), None, "on_time"),  # the hour itself is on time
        (beijing(2026, 3, 1, 10, 1), None, "late"),
        (None, beijing(2026, 3, 1, 10, 0), "pending"),
        (None, beijing(2026, 3, 1, 10, 1), "overdue"),
    ],
)
def test_a_step_is_late_or_overdue_after_its_deadline(made_at, now, state):
    assert (
        deadlines.step_state(beijing(2026, 3, 1, 10, 0), made_at, now or beijing(2026, 3, 2, 0, 0)) == state
    )


def test_the_deadlines_table_flags_each_late_step(bureau, serious):
    made(bureau, serious, "county", 2026, 3, 1, 9, 50)
    made(bureau, serious, "city", 2026, 3, 1, 12, 30)
    steps = serious.report_steps(now=beijing(2026, 3, 1, 15, 0))
    assert [(s.level, s.deadline) for s in steps] == [
        ("county", beijing(2026, 3, 1, 10, 0)),
        ("city", beijing(2026, 3, 1, 12, 0)),
        ("province", beijing(2026, 3, 1, 14, 0)),
    ]
    assert [s.state for s in steps] == ["on_time", "late", "overdue"]
    assert steps[0].report.made_by == bureau
    assert states(serious, 2026, 3, 1, 13, 0)[2] == ("province", "pending")


def test_a_report_cannot_be_made_in_the_future_or_before_the_accident(bureau, serious):
    for when in (timezone.now() + 5 * MINUTE, beijing(2026, 3, 1, 8, 59)):
        with pytest.raises(ApplicationError) as error:
            services.accident_report_made(actor=bureau, accident=serious, level="county", made_at=when)
        assert list(error.value.errors) == ["made_at"]
    assert not serious.reports.exists()


def test_only_the_levels_of_the_grade_and_each_once(bureau, serious):
    with pytest.raises(ApplicationError) as error:  # 较大 climbs to the province, not higher
        made(bureau, serious, "state_council", 2026, 3, 1, 15, 0)
    assert list(error.value.errors) == ["level"]
    made(bureau, serious, "county", 2026, 3, 1, 9, 50)
    with pytest.raises(Conflict):
        made(bureau, serious, "county", 2026, 3, 1, 9, 55)


def test_recording_a_step_is_audited(bureau, serious):
    made(bureau, serious, "city", 2026, 3, 1, 12, 30, note="电话报市应急管理局")
    entry = AuditEntry.objects.get(action="accident.report_made")
    assert entry.actor == bureau and entry.object_id == str(serious.pk)
    assert entry.after["_action"] | {} == {
        "level": "city",
        "made_at": "2026-03-01T12:30:00+08:00",
        "deadline": "2026-03-01T12:00:00+08:00",
        "late": True,
        "note": "电话报市应急管理局",
    }


def test_the_api_records_and_lists_the_steps(api, bureau, serious):
    url = f"/api/v1/accidents/{serious.pk}/reports"
    answer = api(bureau).post(
        url, {"level": "city", "made_at": "2026-03-01T12:30:00"}, content_type="application/json"
    )
    assert answer.status_code == 201
    city = answer.json()[1]
    assert city["made_at"].startswith("2026-03-01T12:30:00") and city["state"] == "late"
    assert city["made_by"] == str(bureau)
    # county: the first report itself, on time; city: recorded late; province: never made.
    assert [s["state"] for s in api(bureau).get(url).json()] == ["on_time", "late", "overdue"]
    refused = api(bureau).post(
        url, {"level": "county", "made_at": "2026-03-01T08:00:00"}, content_type="application/json"
    )
    assert refused.status_code == 400 and "made_at" in refused.json()["errors"]
    again = api(bureau).post(
        url, {"level": "city", "made_at": "2026-03-01T12:40:00"}, content_type="application/json"
    )
    assert again.status_code == 409


def test_another_countys_accident_is_not_found(api, outsider, serious):
    url = f"/api/v1/accidents/{serious.pk}/reports"
    assert api(outsider).get(url).status_code == 404
    body = {"level": "county", "made_at": "2026-03-01T09:50:00"}
    assert api(outsider).post(url, body, content_type="application/json").status_code == 404
    client = Client()
    assert web_login(client, outsider.username)
    page = client.post(f"/accidents/{serious.pk}/reports/county/", {"made_at": "2026-03-01T09:50"})
    assert page.status_code == 404
    assert not serious.reports.exists()


def test_the_record_page_shows_made_at_and_records_a_step(bureau, serious):
    client = Client()
    assert web_login(client, bureau.username)
    answer = client.post(
        f"/accidents/{serious.pk}/reports/city/", {"made_at": "2026-03-01T12:30", "note": ""}
    )
    assert answer.status_code == 302
    page = client.get(f"/accidents/{serious.pk}/").content.decode()
    # The new headings (已报时间, 报送人) and the 已上报 form come with the lead's message compilation.
    assert (
        'data-testid="report-steps"' in page and f'action="/accidents/{serious.pk}/reports/province/"' in page
    )
    assert '<tr data-level="city" data-state="late">' in page and "2026-03-01 12:30" in page
    assert '<tr data-level="province" data-state="overdue">' in page and "逾期" in page
    future = (timezone.localtime() + datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    refused = client.post(f"/accidents/{serious.pk}/reports/province/", {"made_at": future})
    assert refused.status_code == 400 and not serious.reports.filter(level="province").exists()


def todo(api, user):
    return [(i["kind"], i["object_id"], i["due"]) for i in api(user).get("/api/v1/todo").json()["results"]]


def test_the_to_do_item_moves_on_once_a_step_is_made(api, bureau):
    now = timezone.now()
    fresh = accident_factory(
        actor=bureau, occurred_at=now - 30 * MINUTE, reported_at=now
    )  # 一般: county, city
    reports = [item for item in todo(api, bureau) if item[0] == "accident_report"]
    assert [r[1] for r in reports] == [fresh.pk]
    services.accident_report_made(actor=bureau, accident=fresh, level="county", made_at=now)
    (item,) = [item for item in todo(api, bureau) if item[0] == "accident_report"]
    due = datetime.datetime.fromisoformat(item[2])
    assert abs(due - (fresh.occurred_at + datetime.timedelta(hours=3))) < datetime.timedelta(seconds=1)
    services.accident_report_made(actor=bureau, accident=fresh, level="city", made_at=now)
    assert [item for item in todo(api, bureau) if item[0] == "accident_report"] == []


@pytest.mark.parametrize(("reported", "state"), [((9, 40), "on_time"), ((10, 20), "late")])
def test_the_first_report_is_the_county_step_until_one_is_recorded(bureau, reported, state):
    # Art. 9: the unit's first report is the report reaching the county; an accident whose
    # steps nobody recorded is not shown as never reported there.
    accident = accident_factory(
        actor=bureau, occurred_at=beijing(2026, 3, 1, 9, 0), reported_at=beijing(2026, 3, 1, *reported)
    )
    assert states(accident, 2026, 3, 1, 11, 0)[0] == ("county", state)
