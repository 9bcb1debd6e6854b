"""The work summary: sections like the seeds, numbers from stats, wording editable."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from yingji.accidents.models import Accident
from yingji.core.errors import ApplicationError
from yingji.hazards.models import Hazard
from yingji.inspections.models import Inspection
from yingji.regions.models import Region
from yingji.reports import narrative, parts
from yingji.reports.models import NarrativeText
from yingji.reports.summary import build_summary, region_word
from yingji.reports.writers import to_html, to_markdown

pytestmark = pytest.mark.django_db
D = datetime.date
SHANGHAI = ZoneInfo("Asia/Shanghai")


def accident(region, day, kind="production", industry="construction", deaths=0, grade="ordinary"):
    at = datetime.datetime(day.year, day.month, day.day, 10, tzinfo=SHANGHAI)
    return Accident.objects.create(
        occurred_at=at,
        reported_at=at,
        region_id=region,
        place="x",
        kind=kind,
        category="01",
        industry=industry,
        deaths=deaths,
        direct_loss=Decimal("50000"),
        grade=grade,
        summary="x",
        domain="construction" if kind == "production" else "",
    )


@pytest.fixture
def records(enterprises):
    a, c = enterprises["A"], enterprises["C"]
    for day, deaths in ((D(2026, 2, 1), 1), (D(2026, 3, 1), 1), (D(2026, 4, 1), 0), (D(2026, 5, 1), 2)):
        accident("430102015", day, deaths=deaths)
    for n in range(7):
        accident("430102015", D(2025, 3, 1 + n), deaths=1 if n < 4 else 0)  # last year: 7 accidents, 4 deaths
    accident("430102001", D(2026, 6, 1), kind="road_traffic", industry="other", deaths=1)
    Hazard.objects.create(
        enterprise=a,
        region_id=a.region_id,
        industry=a.industry,
        description="x",
        found_at=D(2026, 2, 1),
        status="rectified",
        rectified_at=D(2026, 2, 3),
    )
    Hazard.objects.create(
        enterprise=c,
        region_id=c.region_id,
        industry=c.industry,
        description="y",
        found_at=D(2026, 3, 1),
        status="rectifying",
        deadline=D(2026, 3, 10),
    )
    Inspection.objects.create(
        enterprise=a,
        region_id=a.region_id,
        industry=a.industry,
        inspected_on=D(2026, 2, 1),
        type="daily",
        inspector_count=2,
    )


def summary(user, region="430102", period="H1"):
    return build_summary(user=user, region_code=region, year=2026, period_code=period, as_of=D(2026, 7, 15))


def test_the_four_sections_with_their_numbers(bureau, records):
    doc = summary(bureau)
    assert doc.title == "芙蓉区应急管理局2026年上半年安全生产工作总结"
    assert [h for h, _p in doc.sections] == [
        "一、安全生产形势",
        "二、工作开展情况",
        "三、存在问题",
        "四、下步工作计划",
    ]
    situation = doc.sections[0][1][0]
    assert "全区共发生生产安全事故4起、死亡4人" in situation
    assert "同比起数下降42.9%、死亡人数持平" in situation  # 4 against 7; 4 against 4
    assert "直接经济损失20.00万元" in situation
    assert "道路交通事故1起、死亡1人" in doc.sections[0][1][1]
    work = doc.sections[1][1][0]
    assert "开展安全检查1次，出动检查人员2人次，检查生产经营单位1家" in work
    assert "排查各类隐患2处，已整改1处，整改率50%" in work


def test_problems_are_drawn_from_the_data(bureau, records):
    problems = " ".join(summary(bureau).sections[2][1])
    assert "仍有1处隐患逾期未整改" in problems
    assert "道路交通事故起数同比增加1起" in problems


def test_double_zero_is_said_when_true(bureau, enterprises):
    situation = summary(bureau).sections[0][1][0]
    assert "零发生、零死亡“双零”" in situation and "未发生较大及以上生产安全事故" in situation


def test_an_admin_rewords_a_part(bureau, records):
    NarrativeText.objects.create(key="plan", text="一是{{ region_word }}要继续努力。")
    assert summary(bureau).sections[3][1] == ["一是全区要继续努力。"]


def test_a_module_adds_its_paragraph_of_the_work_by_registering_it(bureau, records, monkeypatch):
    monkeypatch.setattr(parts, "WORK_PARTS", dict(parts.WORK_PARTS))
    monkeypatch.setattr(narrative, "DEFAULTS", dict(narrative.DEFAULTS))
    parts.register_work_part(
        parts.WorkPart(
            key="work_campaigns",
            default="开展专项整治，发现隐患{{ found }}处。",
            numbers=lambda value: {"found": value("hazards.found", level="general")},
            order=20,
        )
    )
    work = summary(bureau).sections[1][1]
    assert len(work) == 2 and work[1] == "开展专项整治，发现隐患2处。"


def test_a_street_reports_on_its_street_only(street, records):
    doc = summary(street, region="430102015")
    assert (
        doc.title.startswith("东岸街道2026年上半年")
        and "全街道共发生生产安全事故4起" in doc.sections[0][1][0]
    )
    with pytest.raises(ApplicationError):
        summary(street, region="430102")  # the district is outside its jurisdiction


@pytest.mark.parametrize(
    ("code", "word"),
    [
        ("43", "全省"),
        ("4301", "全市"),
        ("430102", "全区"),
        ("430121", "全县"),
        ("430181", "全市"),
        ("430102015", "全街道"),
    ],
)
def test_the_region_word_follows_the_level(code, word):
    assert region_word(Region.objects.get(code=code)) == word


def test_markdown_and_html(bureau, records):
    doc = summary(bureau, period="Q1")
    assert to_markdown(doc).startswith("# 芙蓉区应急管理局2026年第一季度安全生产工作总结")
    assert "<h2>二、工作开展情况</h2>" in to_html(doc)
