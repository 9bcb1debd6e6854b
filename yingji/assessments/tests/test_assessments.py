"""Assessment: automatic items scored from records built for them (an accident of the 较大 grade
in 东岸 with three deaths, an overdue task of 住建局), a manual item scored with a reason, the
ranking with the veto last and the yellow card; the ranking notice numbered without gaps and
laid out as DOCX; refusals; scoping."""

import io
from decimal import Decimal

import pytest
from docx import Document

from yingji.accidents.tests.factories import accident_factory
from yingji.assessments import scoring, services
from yingji.core.errors import ApplicationError
from yingji.notices import services as notices
from yingji.tasks import services as tasks

pytestmark = pytest.mark.django_db
ITEMS = [
    {"label": "生产安全事故", "points": "20", "rule": "accidents", "per": "5"},
    {"label": "事故死亡", "points": "10", "rule": "deaths", "per": "10", "veto": True},
    {"label": "隐患逾期未整改", "points": "20", "rule": "hazards_overdue", "per": "2"},
    {"label": "调度表迟报漏报", "points": "10", "rule": "forms_missing", "per": "2"},
    {"label": "任务逾期", "points": "10", "rule": "tasks_overdue", "per": "5"},
    {"label": "工作落实", "points": "30"},
]


@pytest.fixture
def scheme(bureau, department, street, other_street):
    accident_factory(actor=bureau, deaths=3)  # 东岸, 2026-03-01: 较大 by its deaths
    tasks.task_create(
        actor=bureau, organisation=department.organisation_id, title="燃气检查", due_on="2026-06-30"
    )
    made = services.scheme_create(actor=bureau, region_code="430102", year=2026, name="2026年度安全生产目标责任考核",
                                  unit_ids=[department.organisation_id, street.organisation_id, other_street.organisation_id], items=ITEMS)  # fmt: skip
    manual = made.items.get(rule="")
    services.score(
        actor=bureau,
        scheme=made,
        item_id=manual.pk,
        unit_id=department.organisation_id,
        points="28",
        reason="工作扎实",
    )
    services.score(
        actor=bureau,
        scheme=made,
        item_id=manual.pk,
        unit_id=street.organisation_id,
        points="25",
        reason="基本落实",
    )
    return made


def test_scores_and_ranking(scheme):
    ranked = scoring.results(scheme)
    table = {
        r.unit.name: ([line.score for line in r.lines], r.total, r.rank, r.vetoed, r.yellow_card)
        for r in ranked
    }
    d = Decimal
    assert table["区住房和城乡建设局"] == ([d(20), d(10), d(20), d(10), d(5), d(28)], d(93), 1, False, False)
    assert table["文艺路街道办事处"] == ([d(20), d(10), d(20), d(10), d(10), None], d(70), 2, False, False)
    # 东岸: one accident (−5), three deaths (0, and the veto), 25 by hand: 80, yet last
    assert table["东岸街道办事处"] == ([d(15), d(0), d(20), d(10), d(10), d(25)], d(80), 3, True, True)
    counts = {line.item.rule: line.count for line in ranked[2].lines}
    assert counts["accidents"] == 1 and counts["deaths"] == 3


def test_the_ranking_notice_is_numbered_without_gaps(scheme, bureau, call):
    status, first = call(bureau, "post", f"/api/v1/assessments/{scheme.pk}/notice")
    assert status == 201 and first["document_number"] == "芙安委办通〔2026〕1号"
    assert (
        call(bureau, "post", f"/api/v1/assessments/{scheme.pk}/notice")[1]["document_number"]
        == "芙安委办通〔2026〕2号"
    )
    with pytest.raises(ApplicationError):  # a refused notice takes no number
        notices.issue(actor=bureau, region_code="430102", kind="other", title="", paragraphs=[])
    assert (
        call(bureau, "post", f"/api/v1/assessments/{scheme.pk}/notice")[1]["document_number"]
        == "芙安委办通〔2026〕3号"
    )
    from django.test import Client

    client = Client()
    client.force_login(bureau)
    text = "\n".join(
        p.text for p in Document(io.BytesIO(client.get(f"/notices/{first['id']}.docx").content)).paragraphs
    )
    assert "关于2026年度安全生产工作考核结果的通报" in text and "芙安委办通〔2026〕1号" in text
    assert "第1名：区住房和城乡建设局（93分）" in text and "第3名：东岸街道办事处（80分），一票否决" in text
    assert "东岸街道办事处辖区（行业领域）发生较大及以上生产安全事故，予以黄牌警告。" in text


def test_refusals(scheme, bureau, department, outsider, call):
    manual = scheme.items.get(rule="")
    auto = scheme.items.get(rule="accidents")
    path = f"/api/v1/assessments/{scheme.pk}/scores"
    assert call(department, "post", path, {"item_id": manual.pk, "unit_id": department.organisation_id, "points": 30, "reason": "x"})[0] == 403  # fmt: skip
    assert call(bureau, "post", path, {"item_id": auto.pk, "unit_id": department.organisation_id, "points": 1, "reason": "x"})[0] == 400  # computed, not scored  # fmt: skip
    assert call(bureau, "post", path, {"item_id": manual.pk, "unit_id": department.organisation_id, "points": 31, "reason": "x"})[0] == 400  # above its 30  # fmt: skip
    assert call(bureau, "post", path, {"item_id": manual.pk, "unit_id": outsider.organisation_id, "points": 1, "reason": "x"})[0] == 400  # fmt: skip
    assert call(outsider, "get", f"/api/v1/assessments/{scheme.pk}/results")[0] == 404
    bad = {"region_code": "430102", "year": 2026, "name": "x", "unit_ids": [department.organisation_id], "items": [{"label": "a", "points": 1, "rule": "luck"}]}  # fmt: skip
    status, body = call(bureau, "post", "/api/v1/assessments", bad)
    assert status == 400 and "items.1.rule" in body["errors"]


def test_the_pages(client, scheme, bureau):
    client.force_login(bureau)
    page = client.get(f"/assessments/{scheme.pk}/").content.decode()
    assert "黄牌警告" in page and "一票否决" in page and 'data-testid="rank-1"' in page
    client.post(f"/assessments/{scheme.pk}/", {"do": "notice"})
    assert "芙安委办通〔2026〕1号" in client.get("/notices/").content.decode()


def test_a_manual_score_keeps_its_evidence_file_for_the_scheme_page(client, scheme, bureau, department, outsider):

    from django.core.files.uploadedfile import SimpleUploadedFile

    manual = scheme.items.get(rule="")
    pdf = SimpleUploadedFile("会议纪要.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    mark = services.score(actor=bureau, scheme=scheme, item_id=manual.pk, unit_id=department.organisation_id,
                          points="29", reason="资料齐全", evidence=pdf)  # fmt: skip
    assert mark.file_type == "application/pdf"
    rescored = services.score(actor=bureau, scheme=scheme, item_id=manual.pk, unit_id=department.organisation_id,
                              points="27", reason="复核扣分")  # fmt: skip
    assert rescored.file_name == "会议纪要.pdf"  # a new score without a file keeps the earlier one
    url = f"/assessments/{scheme.pk}/scores/{mark.pk}/file"
    client.force_login(bureau)
    assert url in client.get(f"/assessments/{scheme.pk}/").content.decode()
    assert b"".join(client.get(url).streaming_content).startswith(b"%PDF-")
    client.force_login(outsider)
    assert client.get(url).status_code == 404


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker):
    from django.db import transaction
    from django.utils import timezone

    from yingji.core import demo

    with django_db_blocker.unblock(), transaction.atomic():
        yield demo.build(seed=7, size="small", today=timezone.localdate(), log=lambda _: None)
        transaction.set_rollback(True)


def test_the_demo_scheme_ranks_every_unit(built):
    from yingji.assessments.models import Scheme

    scheme = Scheme.objects.get()
    ranked = scoring.results(scheme)
    assert len(ranked) == scheme.units.count() > 10
    assert [r.rank for r in ranked] == list(range(1, len(ranked) + 1))
    assert all(
        r.vetoed for r in ranked[next((i for i, r in enumerate(ranked) if r.vetoed), len(ranked)) :]
    )  # vetoed last

