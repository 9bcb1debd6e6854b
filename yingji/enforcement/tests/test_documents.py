"""执法文书: the seven standard documents generated as DOCX from their templates and opened by
LibreOffice; numbers in the official form, per issuer, kind and year, with no gap and no
duplicate even under 20 concurrent issuers (PostgreSQL); a template the administrator replaces."""

import io
import os
import shutil
import subprocess
import threading
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, connections
from docx import Document as DocxDocument

from yingji.core.errors import ApplicationError, Conflict
from yingji.enforcement import documents, issuing, numbering, workflow
from yingji.enforcement.choices import DocumentKind
from yingji.enforcement.tests.factories import TODAY, open_case, walk

pytestmark = pytest.mark.django_db


def _closed_case(bureau, officer, crew, enterprises):
    case = walk(open_case(officer, enterprises["A"], crew), officer=officer, approver=bureau, until="serve")
    workflow.case_act(
        actor=officer, case=case, action="record_payment", data={"amount": "20000"}, today=TODAY
    )
    return workflow.case_act(actor=officer, case=case, action="request_closing", today=TODAY)


def _text(content: bytes) -> str:
    docx = DocxDocument(io.BytesIO(content))
    cells = [c.text for t in docx.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in docx.paragraphs] + cells)


def test_each_document_is_numbered_and_filled_from_the_case(bureau, officer, crew, enterprises):
    case = _closed_case(bureau, officer, crew, enterprises)
    issued = {
        kind: issuing.document_issue(actor=officer, case=case, kind=kind, today=TODAY)
        for kind in DocumentKind
    }
    assert issued[DocumentKind.PENALTY_DECISION].number == "(芙)应急罚〔2026〕1号"
    assert issued[DocumentKind.RECTIFICATION_ORDER].number == "(芙)应急责改〔2026〕1号"
    assert issued[DocumentKind.FILING_APPROVAL].number == case.number == "(芙)应急立〔2026〕1号"
    decision = _text(issued[DocumentKind.PENALTY_DECISION].file.read())
    assert (
        "行政处罚决定书" in decision
        and "东岸建筑工程有限公司" in decision
        and "罚款人民币20,000.00元" in decision
    )
    assert "《中华人民共和国安全生产法》第二十八条" in decision and "{{" not in decision
    assert "执法员1（执法证号430102200001）" in _text(issued[DocumentKind.INSPECTION_RECORD].file.read())


def test_writing_a_document_again_keeps_its_number(bureau, officer, crew, enterprises):
    case = open_case(officer, enterprises["A"], crew)
    first = issuing.document_issue(actor=officer, case=case, kind="rectification_order", today=TODAY)
    again = issuing.document_issue(actor=officer, case=case, kind="rectification_order", today=TODAY)
    other = issuing.document_issue(actor=officer, case=open_case(officer, enterprises["B"], crew),
                                    kind="rectification_order", today=TODAY)  # fmt: skip
    assert first.pk == again.pk and (first.serial, other.serial) == (1, 2)


def test_a_document_before_its_step_is_refused(officer, crew, enterprises):
    case = open_case(officer, enterprises["A"], crew)
    with pytest.raises(Conflict):
        issuing.document_issue(actor=officer, case=case, kind="penalty_decision", today=TODAY)


def test_libreoffice_opens_every_generated_document(bureau, officer, crew, enterprises, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice is installed by scripts/install-test-deps in CI")
        pytest.skip("LibreOffice is not installed (outside CI)")
    case = _closed_case(bureau, officer, crew, enterprises)
    sources = []
    for kind in DocumentKind:
        document = issuing.document_issue(actor=officer, case=case, kind=kind, today=TODAY)
        path = tmp_path / f"{kind}.docx"
        path.write_bytes(document.file.read())
        sources.append(str(path))
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "pdf",
         "--outdir", str(tmp_path), *sources],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    for kind in DocumentKind:
        pdf = tmp_path / f"{kind}.pdf"
        assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF"), kind


def test_the_administrator_replaces_a_template(admin, bureau, officer, crew, enterprises):
    content = documents.fill(documents.default_template("rectification_order"), {})  # placeholders gone
    own = DocxDocument()
    own.add_paragraph("本局自定格式：{{ party }}，限于{{ rectify_by }}前整改。")
    out = io.BytesIO()
    own.save(out)
    issuing.template_replace(
        actor=admin, kind="rectification_order", upload=SimpleUploadedFile("t.docx", out.getvalue())
    )
    case = open_case(officer, enterprises["A"], crew)
    document = issuing.document_issue(actor=officer, case=case, kind="rectification_order", today=TODAY)
    assert _text(document.file.read()).startswith("本局自定格式：东岸建筑工程有限公司，限于")
    bad = DocxDocument()
    bad.add_paragraph("{{ case.enterprise.organisation.users }}{{ secret }}")
    out = io.BytesIO()
    bad.save(out)
    with pytest.raises(ApplicationError):  # only the known names, no lookups
        issuing.template_replace(
            actor=admin, kind="penalty_decision", upload=SimpleUploadedFile("b.docx", out.getvalue())
        )
    with pytest.raises(ApplicationError):
        issuing.template_replace(
            actor=admin, kind="penalty_decision", upload=SimpleUploadedFile("x.docx", b"not a zip")
        )
    assert content  # the shipped template fills without values too


def test_the_api_lists_generates_and_downloads(api, bureau, officer, crew, enterprises, street):
    case = _closed_case(bureau, officer, crew, enterprises)
    client = api(officer)
    made = client.post(
        f"/api/v1/cases/{case.pk}/documents", {"kind": "penalty_decision"}, content_type="application/json"
    )
    assert made.status_code == 201 and made.json()["number"] == "(芙)应急罚〔2026〕1号"
    listed = client.get(f"/api/v1/cases/{case.pk}/documents").json()
    assert {d["kind"] for d in listed} == {"filing_approval", "penalty_decision"}
    download = client.get(made.json()["download"])
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"PK")
    assert api(street).post(f"/api/v1/cases/{case.pk}/documents", {"kind": "penalty_decision"},
                            content_type="application/json").status_code == 403  # fmt: skip
    assert client.post(f"/api/v1/cases/{case.pk}/documents", {"kind": "nonsense"},
                       content_type="application/json").status_code == 400  # fmt: skip


@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_issuers_get_numbers_without_gap_or_duplicate(bureau):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are what this proves: PostgreSQL only")
    issuer = bureau.organisation
    numbers, errors = [], []
    barrier = threading.Barrier(20)

    def issue():
        try:
            barrier.wait(timeout=30)
            from django.db import transaction

            with transaction.atomic():
                numbers.append(numbering.take_number(issuer=issuer, kind="penalty_decision", year=2026))
        except Exception as error:  # noqa: BLE001 (reported below)
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=issue) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors
    assert sorted(numbers) == list(range(1, 21))
    assert numbering.format_number(issuer, "penalty_decision", 2026, 12) == "(芙)应急罚〔2026〕12号"
    assert Decimal(0) == 0
