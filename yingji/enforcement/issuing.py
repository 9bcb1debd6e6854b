"""执法文书 issued from a case: numbered once (numbering.py) in the transaction that stores them,
written from the template in use (the administrator's replacement, else the shipped one)."""

import datetime

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from yingji.audit.services import audit_action
from yingji.core.errors import ApplicationError, Conflict
from yingji.enforcement import documents, numbering, permissions
from yingji.enforcement.choices import CaseStatus, DocumentKind, Procedure
from yingji.enforcement.models import Case, CaseDocument, CaseEvent, DocumentTemplate


def _fail(field: str, message: str) -> ApplicationError:
    return ApplicationError(message, errors={field: [message]})


# Documents that need the case to have reached a step.
DOCUMENT_NEEDS = {
    DocumentKind.FILING_APPROVAL: lambda c: c.filed_on is not None,
    DocumentKind.PENALTY_NOTICE: lambda c: (
        c.status not in (CaseStatus.FILING, CaseStatus.INVESTIGATION, CaseStatus.REVIEW, CaseStatus.NOT_FILED)  # noqa: E501
        and c.procedure == Procedure.ORDINARY
        and c.penalties.exists()
    ),
    DocumentKind.PENALTY_DECISION: lambda c: c.decided_on is not None,
    DocumentKind.CLOSING_APPROVAL: lambda c: (
        c.status in (CaseStatus.CLOSING, CaseStatus.CLOSED, CaseStatus.ARCHIVED)
    ),
}


def template_bytes(kind: str) -> bytes:
    override = DocumentTemplate.objects.filter(kind=kind).first()
    if override is not None:
        with override.file.open("rb") as handle:
            return handle.read()
    return documents.default_template(kind)


def document_issue(*, actor, case: Case, kind: str, today: datetime.date | None = None) -> CaseDocument:
    """The document of this kind for the case: numbered the first time (numbering.py), its
    file written again from the case as it stands on later calls, under the same number.
    Runs in the caller's transaction when there is one (the workflow issues as it acts)."""
    permissions.require_file(actor)
    with transaction.atomic():
        return _issue(actor=actor, case=case, kind=kind, today=today or timezone.localdate())


def _issue(*, actor, case: Case, kind: str, today: datetime.date) -> CaseDocument:
    if kind not in DocumentKind.values:
        raise _fail("kind", _("Unknown document."))
    case = (
        Case.objects.select_for_update(of=("self",))
        .select_related("issuer__region", "enterprise")
        .get(pk=case.pk)
    )
    need = DOCUMENT_NEEDS.get(kind)
    if need is not None and not need(case):
        raise Conflict(_("The case has not reached the step of this document yet."))
    document = case.documents.filter(kind=kind).first()
    if document is None:
        year = today.year
        serial = numbering.take_number(issuer=case.issuer, kind=kind, year=year)
        document = CaseDocument(
            case=case, kind=kind, issuer=case.issuer, year=year, serial=serial,
            number=numbering.format_number(case.issuer, kind, year, serial), issued_on=today,
            region_id=case.region_id, industry=case.industry, enterprise_id=case.enterprise_id, created_by=actor,
        )  # fmt: skip
        action = "document.issue"
    else:
        action = "document.regenerate"
    content = documents.fill(
        template_bytes(kind),
        documents.case_values(case, number=document.number, issued_on=document.issued_on),
    )
    document.file.save(f"{kind}-{case.pk}-{document.serial}.docx", ContentFile(content), save=False)
    document.save()
    CaseEvent.objects.create(case=case, actor=actor, action=action, note=document.number, data={"kind": kind})
    audit_action(
        actor=actor, obj=case, action=action, before={}, extra={"kind": kind, "number": document.number}
    )
    return document


def document_content(document: CaseDocument) -> bytes:
    """The document's file; one recorded without a file (loaded from elsewhere, as the demo's
    history) is written from its case under its own number the first time it is asked for."""
    if not document.file:
        case = Case.objects.select_related("issuer__region", "enterprise").get(pk=document.case_id)
        values = documents.case_values(case, number=document.number, issued_on=document.issued_on)
        content = documents.fill(template_bytes(document.kind), values)
        document.file.save(
            f"{document.kind}-{case.pk}-{document.serial}.docx", ContentFile(content), save=False
        )
        CaseDocument.objects.filter(pk=document.pk).update(file=document.file.name)
    with document.file.open("rb") as handle:
        return handle.read()


@transaction.atomic
def template_replace(*, actor, kind: str, upload) -> DocumentTemplate:
    permissions.require_admin(actor)
    if kind not in DocumentKind.values:
        raise _fail("kind", _("Unknown document."))
    content = upload.read()
    documents.check_template(content)
    template = DocumentTemplate.objects.filter(kind=kind).first() or DocumentTemplate(kind=kind)
    template.file.save(f"{kind}.docx", ContentFile(content), save=False)
    template.uploaded_by = actor
    template.save()
    audit_action(actor=actor, obj=template, action="template.replace", before={})
    return template


@transaction.atomic
def template_reset(*, actor, kind: str) -> None:
    permissions.require_admin(actor)
    template = DocumentTemplate.objects.filter(kind=kind).first()
    if template is not None:
        audit_action(actor=actor, obj=template, action="template.reset", before={"kind": kind})
        template.delete()
