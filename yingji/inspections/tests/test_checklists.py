"""The shipped checklists: loaded by the migration and by `yingji loadchecklists`, one per
industry group, major-hazard criteria only where the determination standards list them."""

import pytest
from django.core.management import call_command

from yingji.core.industries import INDUSTRY_AND_TRADE, Industry
from yingji.inspections import selectors, services
from yingji.inspections.checklists import load_checklists
from yingji.inspections.models import ChecklistItem, ChecklistTemplate
from yingji.inspections.tests.factories import item, template

pytestmark = pytest.mark.django_db


def test_the_migration_loads_five_checklists_of_8_to_15_items():
    templates = {t.code: t for t in ChecklistTemplate.objects.all()}
    assert set(templates) == {
        "industry_trade",
        "hazardous_chemicals",
        "construction",
        "fire_crowded_places",
        "gas",
    }
    for t in templates.values():
        assert 8 <= t.items.filter(active=True).count() <= 15, t.code
        assert t.standard


@pytest.mark.parametrize(
    ("industry", "code"),
    [
        *[(i, "industry_trade") for i in INDUSTRY_AND_TRADE],
        (Industry.HAZARDOUS_CHEMICALS, "hazardous_chemicals"),
        (Industry.CONSTRUCTION, "construction"),
        (Industry.CROWDED_PLACES, "fire_crowded_places"),
        (Industry.GAS, "gas"),
    ],
)
def test_each_industry_gets_its_checklist(industry, code):
    assert selectors.checklist_for_industry(industry).code == code


def test_an_industry_without_a_checklist_gets_none():
    assert selectors.checklist_for_industry(Industry.ROAD_TRANSPORT) is None


@pytest.mark.parametrize(
    ("template_code", "item_code", "reference"),
    [
        ("industry_trade", "IT-03", "应急管理部令第10号 第三条第（一）项"),  # contractors and lessees
        ("industry_trade", "IT-04", "应急管理部令第10号 第三条第（二）项"),  # special operations
        ("industry_trade", "IT-08", "应急管理部令第10号 第十一条第（三）项"),  # dust: no explosion control
        ("industry_trade", "IT-10", "应急管理部令第10号 第十二条第（一）项"),  # ammonia air-conditioning
        ("industry_trade", "IT-13", "应急管理部令第10号 第十三条第（二）项"),  # confined space permit
        ("hazardous_chemicals", "HC-02", "安监总管三〔2017〕121号 第一项"),
        ("hazardous_chemicals", "HC-07", "安监总管三〔2017〕121号 第二十项"),  # storage
        ("construction", "CN-09", "建质规〔2022〕2号 第六条第（二）项"),  # wall ties
        ("construction", "CN-11", "建质规〔2022〕2号 第七条第（一）项"),  # lifting machinery
        ("fire_crowded_places", "FC-03", "GB 35181-2017 第6.5条"),  # exits below 80 %
        ("gas", "GS-01", "《城镇燃气经营安全重大隐患判定标准》 第四条第（一）项"),  # no licence
        ("gas", "GS-06", "《城镇燃气经营安全重大隐患判定标准》 第五条第（一）项"),  # tank monitoring
    ],
)
def test_major_criteria_name_their_article(template_code, item_code, reference):
    criterion = item(template_code, item_code)
    assert criterion.is_major_criterion and criterion.major_criterion_ref == reference


@pytest.mark.parametrize(
    ("template_code", "item_code"),
    [
        ("industry_trade", "IT-14"),  # emergency plan and drills
        ("industry_trade", "IT-15"),  # hazard ledger
        ("hazardous_chemicals", "HC-01"),  # licence: not among the 20 items of 121号
        ("fire_crowded_places", "FC-04"),  # blocked exits: a comprehensive element, not direct
        ("fire_crowded_places", "FC-06"),  # fire equipment
        ("gas", "GS-10"),  # cylinders: not in the gas standard's Art. 4–5
        ("gas", "GS-15"),
    ],
)
def test_general_duties_are_not_major_criteria(template_code, item_code):
    assert not item(template_code, item_code).is_major_criterion


def test_every_checklist_carries_the_general_items():
    for t in ChecklistTemplate.objects.all():
        sections = set(t.items.values_list("section", flat=True))
        texts = " ".join(t.items.values_list("text", flat=True))
        assert "隐患排查治理" in texts, t.code
        assert "预案" in texts and "演练" in texts, t.code
        assert sections, t.code
    for code, licence in (
        ("hazardous_chemicals", "许可证"),
        ("construction", "安全生产许可证"),
        ("gas", "燃气经营许可证"),
    ):
        assert template(code).items.filter(text__contains=licence).exists()
    for code in ("industry_trade", "hazardous_chemicals", "construction"):
        assert template(code).items.filter(text__contains="特种作业人员", is_major_criterion=True).exists()


def test_every_major_item_has_a_reference_and_every_item_a_basis_and_finding():
    for i in ChecklistItem.objects.all():
        assert i.legal_basis and i.finding and i.hazard_category, i.code
        assert bool(i.major_criterion_ref) == i.is_major_criterion, i.code


def test_loading_again_changes_nothing_and_restores_edits(capsys):
    counts = (ChecklistTemplate.objects.count(), ChecklistItem.objects.count())
    ChecklistItem.objects.filter(code="IT-08").update(
        text="改过的", is_major_criterion=False, major_criterion_ref=""
    )
    call_command("loadchecklists")
    assert "5 checklists with 74 items loaded" in capsys.readouterr().out
    assert (ChecklistTemplate.objects.count(), ChecklistItem.objects.count()) == counts
    restored = item("industry_trade", "IT-08")
    assert restored.text.startswith("干式除尘系统") and restored.is_major_criterion


def test_an_item_no_longer_shipped_is_kept_inactive():
    old = ChecklistItem.objects.create(
        template=template("gas"), code="GS-99", order=99, section="旧", text="旧条目"
    )
    load_checklists(ChecklistTemplate, ChecklistItem)
    old.refresh_from_db()
    assert not old.active
    assert old not in selectors.checklist_get(code="gas").items.all()


def test_a_failing_item_proposes_a_hazard_from_its_finding():
    dust = item("industry_trade", "IT-08")
    ledger = item("industry_trade", "IT-15")
    results = [
        {"item_id": dust.pk, "outcome": "fail"},
        {"item_id": ledger.pk, "outcome": "fail"},
        {"item_id": item("industry_trade", "IT-01").pk, "outcome": "pass"},
    ]
    major, general = services.inspection_proposed_hazards(template("industry_trade"), results)
    assert major == {
        "item_id": dust.pk,
        "description": "干式除尘系统未采取泄爆、惰化、抑爆等任一种爆炸防控措施",
        "category": "物的不安全状态",
        "level": "major",
        "note": "检查依据：《工贸企业粉尘防爆安全规定》（应急管理部令第6号）；重大事故隐患判定依据：应急管理部令第10号 第十一条第（三）项",
    }
    assert general["item_id"] == ledger.pk and general["level"] == "general"
    assert general["note"].startswith("检查依据：《安全生产法》第四十一条")
