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


def text(doc) -> str:
    return "\n".join(p for _h, paragraphs in doc.sections for p in paragraphs)


def section(doc, heading_start: str) -> str:
    return "\n".join(next(p for h, p in doc.sections if h.startswith(heading_start)))


def test_the_shape_of_a_real_report(bureau, records):
    doc = summary(bureau)
    assert doc.title == "长沙市芙蓉区应急管理局2026年上半年安全生产工作总结"  # the full name
    assert [h for h, _p in doc.sections] == [
        "",  # 导语
        "一、安全生产形势",
        "二、主要工作开展情况",
        "三、存在问题",
        "四、下半年工作计划",  # after H1
    ]
    assert doc.sections[0][1][0].startswith("2026年上半年，全区")
    assert doc.signature == "长沙市芙蓉区应急管理局" and doc.date == D(2026, 7, 15)
    work = doc.sections[2][1]
    assert work[0].startswith("（一）") and work[2].startswith("（二）")


def test_after_the_year_the_plan_is_next_year_s(bureau, records):
    doc = build_summary(
        user=bureau, region_code="430102", year=2026, period_code="year", as_of=D(2027, 1, 10)
    )
    assert doc.sections[-1][0] == "四、2027年工作计划"


def test_production_accidents_with_their_breakdown_and_year_on_year(bureau, records):
    situation = section(summary(bureau), "一")
    # 4 construction accidents this half-year (4 deaths), 7 last year (4 deaths).
    assert "全区共发生生产安全事故4起、死亡4人（含建筑施工事故4起、死亡4人）" in situation
    assert "事故起数同比下降42.9%、死亡人数同比持平" in situation  # mixed: each said
    assert "直接经济损失20万元" in situation  # 万元 without trailing zeros
    assert "未发生较大及以上生产安全事故" in situation


def test_both_falling_is_said_with_fen_bie(bureau, enterprises):
    for n in range(4):
        accident("430102015", D(2025, 3, 1 + n), deaths=1 if n < 1 else 0)
    for n in range(5):
        accident("430102015", D(2025, 4, 1 + n), deaths=1)
    # last year 9 accidents, 6 deaths; this year 3 and 3
    for n in range(3):
        accident("430102015", D(2026, 3, 1 + n), deaths=1)
    assert "事故起数、死亡人数同比分别下降66.7%、50%" in section(summary(bureau), "一")


def test_equal_falls_are_said_with_jun(bureau, enterprises):
    for n in range(5):
        accident("430102015", D(2025, 3, 1 + n), deaths=1)
    for n in range(4):
        accident("430102015", D(2026, 3, 1 + n), deaths=1)
    assert "事故起数、死亡人数均同比下降20%" in section(summary(bureau), "一")


def test_four_falls_are_si_xia_jiang(bureau, enterprises):
    last = accident("430102015", D(2025, 3, 1), deaths=2)
    Accident.objects.filter(pk=last.pk).update(minor_injuries=3)
    accident("430102015", D(2025, 3, 2), deaths=1)
    accident("430102015", D(2026, 3, 1), deaths=1)  # loss 5万 against 10万, no injuries against 3
    assert "“四下降”" in section(summary(bureau), "一")


def test_a_serious_accident_is_named_with_its_deaths(bureau, enterprises):
    accident("430102015", D(2026, 3, 1), deaths=3, grade="relatively_serious")
    situation = section(summary(bureau), "一")
    assert "发生较大及以上生产安全事故1起、死亡3人" in situation
    assert "未发生较大及以上" not in situation
    assert "依然严峻复杂" in summary(bureau).sections[0][1][0]  # the 导语's judgement


def test_fatal_road_accidents_include_the_business_ones_as_han(bureau, enterprises):
    accident("430102001", D(2026, 6, 1), kind="road_traffic", industry="other", deaths=2)
    accident("430102001", D(2026, 6, 2), kind="road_traffic", industry="other", deaths=0)  # not fatal
    road = accident("430102001", D(2026, 6, 3), deaths=1)
    Accident.objects.filter(pk=road.pk).update(domain="road_transport", industry="road_transport")
    situation = section(summary(bureau), "一")
    assert "发生亡人道路交通事故2起、死亡3人（含生产经营性道路运输事故1起、死亡1人）" in situation
    assert "含生产经营性道路运输事故1起、死亡1人" in situation.split("\n")[0]  # and in the production total
    assert "没有发生亡人火灾事故" in situation


def test_the_overall_judgement_follows_the_rule(bureau, enterprises):
    for n in range(3):
        accident("430102015", D(2025, 3, 1 + n), deaths=1)
    accident("430102015", D(2026, 3, 1), deaths=1)
    assert "形势持续向好" in summary(bureau).sections[0][1][0]  # both fell, none serious
    accident("430102015", D(2026, 3, 2), deaths=1)
    accident("430102015", D(2026, 3, 3), deaths=1)
    assert "形势总体平稳" in summary(bureau).sections[0][1][0]  # 3 and 3: neither rose by more than one
    accident("430102015", D(2026, 3, 4), deaths=1)
    accident("430102015", D(2026, 3, 5), deaths=1)
    assert "形势依然严峻复杂" in summary(bureau).sections[0][1][0]  # 5 against 3


def test_inspections_say_what_they_count(bureau, records, enterprises):
    a = enterprises["A"]
    for kind in ("self_check", "self_check", "leader", "unannounced"):
        Inspection.objects.create(
            enterprise=a, region_id=a.region_id, industry=a.industry, inspected_on=D(2026, 3, 1), type=kind
        )
    work = section(summary(bureau), "二")
    # The supervisors' three (daily, leader-led, 四不两直) and, apart, the two self-checks.
    assert "共开展安全检查3次，出动检查人员4人次，检查生产经营单位1家" in work
    assert "其中领导带队检查1次，开展“四不两直”暗查暗访1次；督促企业开展自查2次" in work


def test_hazards_paragraph(bureau, records):
    work = section(summary(bureau), "二")
    assert "共排查各类隐患2处，已整改1处，整改率50%" in work


def test_overdue_says_as_of_when(bureau, records):
    assert "截至6月底，仍有1处隐患逾期未整改" in section(summary(bureau), "三")


def test_rising_count_and_deaths_are_one_item_and_the_closing_phrase_comes_once(bureau, enterprises):
    accident("430102015", D(2026, 3, 1), deaths=1)
    accident("430102001", D(2026, 6, 1), kind="road_traffic", industry="other", deaths=1)
    problems = section(summary(bureau), "三")
    assert "一是生产安全事故起数、死亡人数同比“双上升”，安全形势依然严峻。" in problems
    assert "二是道路交通事故起数、死亡人数同比“双上升”。" in problems
    assert problems.count("安全形势依然严峻") == 1


def test_concentration_only_when_it_says_something(bureau, enterprises):
    for n, industry in enumerate(["construction", "construction", "commerce_trade", "machinery"]):
        accident("430102015", D(2026, 3, 1 + n), industry=industry, deaths=1)
    # three industries, all of them named: 100% says nothing
    assert "事故主要集中在" not in section(summary(bureau), "三")
    for n in range(4):
        accident("430102015", D(2026, 4, 1 + n), industry="construction", deaths=1)
    accident("430102015", D(2026, 5, 1), industry="machinery", deaths=1)
    accident("430102015", D(2026, 5, 2), industry="gas", deaths=0)
    # 10 accidents in four industries: the top three hold 9 (90%) and all 9 deaths
    problems = section(summary(bureau), "三")
    assert "事故主要集中在建筑施工、机械、商贸等行业，起数占事故总量的90%、死亡人数占100%" in problems


def test_double_zero_is_said_when_true(bureau, enterprises):
    situation = section(summary(bureau), "一")
    assert "零发生、零死亡“双零”" in situation and "未发生较大及以上生产安全事故" in situation


def test_an_admin_rewords_a_part(bureau, records):
    NarrativeText.objects.create(key="plan", text="一是{{ region_word }}要继续努力。")
    assert summary(bureau).sections[-1][1] == ["一是全区要继续努力。"]


def test_a_module_adds_its_paragraph_of_the_work_by_registering_it(bureau, records, monkeypatch):
    monkeypatch.setattr(parts, "WORK_PARTS", dict(parts.WORK_PARTS))
    monkeypatch.setattr(narrative, "DEFAULTS", dict(narrative.DEFAULTS))
    parts.register_work_part(
        parts.WorkPart(
            key="work_campaigns",
            default="开展专项整治，发现隐患{{ found }}处。",
            numbers=lambda value: {"found": value("hazards.found", level="general")},
            order=99,
            heading="深入开展专项整治",
        )
    )
    work = summary(bureau).sections[2][1]
    assert work[-2].endswith("）深入开展专项整治") and work[-1] == "开展专项整治，发现隐患2处。"


def test_a_part_with_nothing_to_say_adds_no_paragraph(bureau, records, monkeypatch):
    monkeypatch.setattr(parts, "WORK_PARTS", dict(parts.WORK_PARTS))
    monkeypatch.setattr(narrative, "DEFAULTS", dict(narrative.DEFAULTS))
    parts.register_work_part(
        parts.WorkPart(
            key="work_none", default="立案{{ n }}起。", numbers=lambda value: {"n": 0}, heading="执法"
        )
    )
    assert "立案0起。" not in section(summary(bureau), "二")


def test_a_street_reports_on_its_street_only(street, records):
    doc = summary(street, region="430102015")
    assert doc.title.startswith("东岸街道2026年上半年") and "全街道共发生生产安全事故4起" in section(
        doc, "一"
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
    assert to_markdown(doc).startswith("# 长沙市芙蓉区应急管理局2026年第一季度安全生产工作总结")
    assert "<h2>二、主要工作开展情况</h2>" in to_html(doc)


def test_the_docx_says_what_the_markdown_says(bureau, records):
    """Each 口径 sentence tested above in the document is in the DOCX as it is in the Markdown."""
    import io

    from docx import Document as DocxDocument

    from yingji.reports.writers import to_docx

    doc = summary(bureau)
    in_docx = [p.text for p in DocxDocument(io.BytesIO(to_docx(doc))).paragraphs]
    paragraphs = [p for _h, ps in doc.sections for p in ps]
    assert paragraphs and all(p in in_docx for p in paragraphs)
    assert in_docx[-2:] == ["长沙市芙蓉区应急管理局", "2026年7月15日"]  # 落款 and 成文日期
