"""The accident notice (事故通报): the committee office issues it from the accident, numbered per
region and year without gaps, in the words of an official notice; a DOCX; refused to roles that do
not keep the office's documents and answered 404 outside the jurisdiction."""

import io

import pytest
from docx import Document

from yingji.accidents.tests.factories import accident_factory

pytestmark = pytest.mark.django_db


@pytest.fixture
def fall(bureau):
    """东岸, 2026-03-01 09:00: one worker killed falling from scaffolding, 1.2 million yuan lost."""
    return accident_factory(actor=bureau, cause="未系安全带，脚手架未设防护网。")


def test_the_notice_says_what_happened_in_the_words_of_a_notice(api, bureau, fall):
    response = api(bureau).post(f"/api/v1/accidents/{fall.pk}/notice")
    assert response.status_code == 201
    issued = response.json()
    assert issued["document_number"] == "芙安委办通〔2026〕1号" and issued["kind"] == "accident"
    assert issued["title"] == "关于五一大道123号工地“3·1”生产安全事故的通报"
    first, how, why, *_rest, asked = issued["paragraphs"]
    assert first == (
        "2026年3月1日9时00分，东岸街道五一大道123号工地发生一起生产安全事故，造成1人死亡，"
        "直接经济损失约120.00万元，初步认定为一般事故。"
    )
    assert how == "事故经过：一名工人从脚手架坠落。" and why == "事故原因：未系安全带，脚手架未设防护网。"
    assert asked.startswith("各单位要深刻吸取事故教训")


def test_notices_of_the_year_are_numbered_on_without_gaps(api, bureau, fall):
    numbers = [
        api(bureau).post(f"/api/v1/accidents/{fall.pk}/notice").json()["document_number"] for _ in range(2)
    ]
    assert numbers == ["芙安委办通〔2026〕1号", "芙安委办通〔2026〕2号"]


def test_the_page_issues_it_and_the_docx_opens(client, bureau, fall):
    client.force_login(bureau)
    assert b'data-testid="accident-notice"' in client.get(f"/accidents/{fall.pk}/").content
    response = client.post(f"/accidents/{fall.pk}/notice/", follow=True)
    notice_id = response.context["notices"][0].pk
    docx = client.get(f"/notices/{notice_id}.docx")
    text = "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    assert "芙安委办通〔2026〕1号" in text and "造成1人死亡" in text


def test_only_the_office_issues_it_and_only_for_its_own_accidents(api, fall, street, inspector, outsider):
    assert api(street).post(f"/api/v1/accidents/{fall.pk}/notice").status_code == 403
    assert api(inspector).post(f"/api/v1/accidents/{fall.pk}/notice").status_code == 403
    assert api(outsider).post(f"/api/v1/accidents/{fall.pk}/notice").status_code == 404
