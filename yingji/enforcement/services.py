"""Every write to a case except its workflow actions (workflow.py): opening a case (by hand, from
an inspection finding, from an overdue hazard), its penalties, its evidence and its documents.
Each checks the actor's role (403) and jurisdiction (404, or 400 on the field pointing outside
it), validates, writes and audits in one transaction."""

import datetime
import hashlib
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from yingji.accounts.choices import OrgKind, Role
from yingji.accounts.models import Organisation, User
from yingji.audit.services import audit_action, audit_created, audit_record, snapshot
from yingji.campaigns import tagging
from yingji.core.errors import ApplicationError, Conflict
from yingji.core.industries import Industry
from yingji.core.inputs import Errors, text
from yingji.enforcement import permissions
from yingji.enforcement.choices import (
    MONEY_PENALTIES,
    CaseSource,
    CaseStatus,
    PartyKind,
    PenaltyKind,
    Procedure,
)
from yingji.enforcement.models import (
    Case,
    CaseEvent,
    CaseEvidence,
    CasePenalty,
    ViolationCode,
)
from yingji.enterprises.models import Enterprise
from yingji.hazards import evidence as hazard_evidence
from yingji.hazards.models import Hazard
from yingji.inspections.models import Inspection, InspectionResult
from yingji.regions.models import Region
from yingji.regions.scoping import Jurisdiction

MAX_AMOUNT = Decimal("999999999999.99")
# 行政处罚法 Art. 51: on the spot, a warning or a fine of at most 200 yuan (a person) or 3,000
# yuan (an organisation).
SIMPLIFIED_LIMITS = {PartyKind.PERSON: Decimal(200), PartyKind.ORGANISATION: Decimal(3000)}
SIMPLIFIED_KINDS = frozenset({PenaltyKind.WARNING, PenaltyKind.FINE})
MIN_OFFICERS = 2  # Art. 42
EDITABLE_PENALTIES = frozenset({CaseStatus.FILING, CaseStatus.INVESTIGATION})


def _fail(field: str, message: str) -> ApplicationError:
    return ApplicationError(message, errors={field: [message]})


def amount_of(value, field: str = "amount") -> Decimal:
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        amount = None
    if amount is None or not amount.is_finite() or not 0 <= amount <= MAX_AMOUNT:
        raise _fail(field, _("Enter an amount in yuan."))
    if amount != amount.quantize(Decimal("0.01")):
        raise _fail(field, _("At most two decimal places (fen)."))
    return amount


def issuer_for(region_code: str) -> Organisation | None:
    """The county-level bureau that issues the case's documents."""
    return Organisation.objects.filter(kind=OrgKind.BUREAU, region_id=region_code[:6]).first()


def _officers(errors: Errors, actor, ids, region_code: str) -> list[User]:
    ids = sorted({int(i) for i in ids or [] if isinstance(i, int) and not isinstance(i, bool)})
    users = list(
        User.objects.filter(pk__in=ids, is_active=True, role__in=permissions.ENFORCERS).exclude(
            enforcement_cert_no=""
        )
    )
    users = [u for u in users if Jurisdiction.of(u).contains_region(region_code)]
    if len(users) < len(ids):
        errors.add(
            "officer_ids", _("Every officer must be an active enforcement officer with a certificate number.")
        )
    elif len(users) < MIN_OFFICERS:
        errors.add("officer_ids", _("At least two enforcement officers with certificate numbers are needed."))
    return users


def _party(errors: Errors, actor, values: dict) -> tuple[Enterprise | None, Region | None]:
    enterprise = None
    if values.get("enterprise_id") is not None:
        enterprise = Enterprise.objects.for_user(actor).filter(pk=values["enterprise_id"]).first()
        if enterprise is None:
            errors.add("enterprise_id", _("This enterprise is not in your jurisdiction."))
            return None, None
        return enterprise, enterprise.region
    if values.get("party_kind", PartyKind.ORGANISATION) != PartyKind.PERSON:
        errors.add("enterprise_id", _("Choose the enterprise (or make the party a person)."))
        return None, None
    code = str(values.get("region_code") or "").strip()
    region = Region.objects.filter(code=code).first() if code.isdigit() else None
    if region is None or len(code) not in (6, 9):
        errors.add("region_code", _("Choose a county or a street."))
    elif not Jurisdiction.of(actor).contains_region(code):
        errors.add("region_code", _("This region is not in your jurisdiction."))
        region = None
    return None, region


def _links(errors: Errors, actor, values: dict) -> tuple[Inspection | None, Hazard | None]:
    inspection = hazard = None
    if values.get("inspection_id") is not None:
        inspection = Inspection.objects.for_user(actor).filter(pk=values["inspection_id"]).first()
        if inspection is None:
            errors.add("inspection_id", _("This inspection is not in your jurisdiction."))
    if values.get("hazard_id") is not None:
        hazard = Hazard.objects.for_user(actor).filter(pk=values["hazard_id"]).first()
        if hazard is None:
            errors.add("hazard_id", _("This hazard is not in your jurisdiction."))
    return inspection, hazard


@transaction.atomic
def case_create(*, actor, values: dict) -> Case:
    """A case against an enterprise (or a person), awaiting filing approval (or, under the
    simplified procedure, the decision on the spot)."""
    permissions.require_file(actor)
    errors = Errors()
    enterprise, region = _party(errors, actor, values)
    inspection, hazard = _links(errors, actor, values)
    party_kind = values.get("party_kind") or PartyKind.ORGANISATION
    if party_kind not in PartyKind.values:
        errors.add("party_kind", _("Unknown kind of party."))
    if party_kind == PartyKind.PERSON and enterprise is not None:
        errors.add("party_kind", _("A person is not an enterprise: leave the enterprise empty."))
    source = values.get("source") or (
        CaseSource.HAZARD if hazard else CaseSource.INSPECTION if inspection else ""
    )
    if source not in CaseSource.values:
        errors.add("source", _("Choose where the case comes from."))
    procedure = values.get("procedure") or Procedure.ORDINARY
    if procedure not in Procedure.values:
        errors.add("procedure", _("Unknown procedure."))
    violation = None
    if values.get("violation_code"):
        violation = ViolationCode.objects.filter(code=str(values["violation_code"])[:32], active=True).first()
        if violation is None:
            errors.add("violation_code", _("Unknown violation code."))
    party_name = text(errors, "party_name", values.get("party_name") or (enterprise.name if enterprise else ""),
                       required=True, max_length=200)  # fmt: skip
    facts = text(errors, "facts", values.get("facts") or (violation.name if violation else ""), required=True)
    act_on = values.get("act_on") or timezone.localdate()
    if not isinstance(act_on, datetime.date) or act_on > timezone.localdate() or act_on.year < 2000:
        errors.add("act_on", _("Enter a date from 2000 up to today."))
    for kind, link in (("inspection_id", inspection), ("hazard_id", hazard)):
        if link and enterprise and link.enterprise_id != enterprise.pk:
            errors.add(kind, _("It concerns another enterprise than the case's."))
    address = text(errors, "party_address", values.get("party_address"), max_length=200)
    officers = (
        _officers(errors, actor, values.get("officer_ids"), region.code if region else "") if region else []
    )
    issuer = issuer_for(region.code) if region else None
    if region and issuer is None:
        errors.add("region_code", _("No bureau is registered for this county."))
    place = enterprise.region_id if enterprise else region.code if region else ""
    industry = enterprise.industry if enterprise else Industry.OTHER
    chosen = values.get("campaign_ids")
    if chosen is None and (hazard or inspection):  # a case from a finding is in the finding's campaigns
        chosen = tagging.ids_of(hazard or inspection)
    campaigns = tagging.choose(errors, chosen, region_code=place, industry=industry, day=act_on)
    errors.raise_if_any()
    case = Case.objects.create(
        region=region,
        industry=industry,
        enterprise=enterprise,
        party_kind=party_kind,
        party_name=party_name,
        party_address=address or (enterprise.address if enterprise else ""),
        source=source,
        inspection=inspection or (hazard.inspection if hazard else None),
        hazard=hazard,
        violation=violation,
        facts=facts,
        act_on=act_on,
        legal_basis=str(values.get("legal_basis") or (violation.legal_basis if violation else "")).strip(),
        penalty_basis=str(
            values.get("penalty_basis") or (violation.penalty_basis if violation else "")
        ).strip(),
        procedure=procedure,
        handler=actor,
        issuer=issuer,
        created_by=actor,
    )
    case.officers.set(officers)
    case.campaigns.set(campaigns)
    CaseEvent.objects.create(case=case, actor=actor, action="create", to_status=case.status, note=facts[:200])
    audit_record(actor=actor, action="create", obj=case, before=None,
                 after=snapshot(case) | {"campaign_ids": [c.pk for c in campaigns]})  # fmt: skip
    return case


def prefill_from_hazard(hazard: Hazard) -> dict:
    return {
        "enterprise_id": hazard.enterprise_id,
        "hazard_id": hazard.pk,
        "source": CaseSource.HAZARD,
        "act_on": hazard.deadline or hazard.found_at,
        # The facts are the case's legal text: in Chinese whatever the page's language.
        "facts": f"{hazard.description}，逾期未整改（整改期限{hazard.deadline or '—'}）。",
        "violation_code": "hazard_not_eliminated" if hazard.deadline else "",
    }


def prefill_from_inspection(inspection: Inspection, result: InspectionResult | None = None) -> dict:
    values = {
        "enterprise_id": inspection.enterprise_id,
        "inspection_id": inspection.pk,
        "source": CaseSource.INSPECTION,
        "act_on": inspection.inspected_on,
        "facts": inspection.notes,
    }
    if result is not None:
        values["facts"] = result.note or result.item.finding or result.item.text
        values["legal_basis"] = result.item.legal_basis
        if result.hazard_id:
            values["hazard_id"] = result.hazard_id
    return values


def open_case_from_hazard(*, actor, hazard: Hazard, officer_ids, **values) -> Case:
    """立案 from an overdue hazard: the case is pre-filled from it and links back to it."""
    return case_create(
        actor=actor, values=prefill_from_hazard(hazard) | {"officer_ids": officer_ids} | values
    )


def open_case_from_inspection(*, actor, inspection: Inspection, officer_ids, result=None, **values) -> Case:
    """立案 from an inspection finding (a failed checklist item, or the inspection's notes)."""
    prefill = prefill_from_inspection(inspection, result)
    return case_create(actor=actor, values=prefill | {"officer_ids": officer_ids} | values)


def check_simplified(case: Case, penalties) -> None:
    """400 unless the penalties are within the simplified procedure's limits (Art. 51)."""
    limit = SIMPLIFIED_LIMITS[case.party_kind]
    if any(p.kind not in SIMPLIFIED_KINDS for p in penalties):
        raise _fail("kind", _("The simplified procedure allows only a warning or a fine."))
    total = sum((p.amount for p in penalties if p.kind == PenaltyKind.FINE), Decimal(0))
    if total > limit:
        raise _fail(
            "amount",
            _("The simplified procedure allows a fine of at most %(limit)s yuan for this party.")
            % {"limit": limit},
        )


@transaction.atomic
def penalty_add(*, actor, case: Case, kind: str, amount=0, note: str = "") -> CasePenalty:
    permissions.require_file(actor)
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.status not in EDITABLE_PENALTIES:
        raise Conflict(_("Penalties are proposed during the investigation only."))
    if kind not in PenaltyKind.values:
        raise _fail("kind", _("Unknown penalty."))
    amount = amount_of(amount or 0)
    if kind in MONEY_PENALTIES and amount <= 0:
        raise _fail("amount", _("Enter the amount in yuan."))
    if kind not in MONEY_PENALTIES and amount:
        raise _fail("amount", _("This penalty has no amount."))
    errors = Errors()
    note = text(errors, "note", note, max_length=200)
    errors.raise_if_any()
    penalty = CasePenalty(case=case, kind=kind, amount=amount, note=note)
    if case.procedure == Procedure.SIMPLIFIED:
        check_simplified(case, [*case.penalties.all(), penalty])
    penalty.save()
    audit_created(actor=actor, obj=penalty)
    return penalty


@transaction.atomic
def penalty_remove(*, actor, penalty: CasePenalty) -> None:
    permissions.require_file(actor)
    case = Case.objects.select_for_update().get(pk=penalty.case_id)
    if case.status not in EDITABLE_PENALTIES:
        raise Conflict(_("Penalties are proposed during the investigation only."))
    audit_action(
        actor=actor,
        obj=penalty,
        action="delete",
        before={"kind": penalty.kind, "amount": str(penalty.amount)},
    )
    penalty.delete()


@transaction.atomic
def evidence_add(*, actor, case: Case, upload, description: str = "") -> CaseEvidence:
    """A photo or PDF, checked by its content as hazard evidence is (hazards.evidence)."""
    permissions.require_file(actor)
    limit = settings.YINGJI_MAX_UPLOAD_MB * 1024 * 1024
    if upload.size > limit:
        raise _fail("files", _("A file may be at most %(mb)s MB.") % {"mb": settings.YINGJI_MAX_UPLOAD_MB})
    content = upload.read()
    content_type, extension = hazard_evidence.sniff(content)
    errors = Errors()
    description = text(errors, "description", description, max_length=200)
    errors.raise_if_any()
    item = CaseEvidence(
        case=case,
        description=description,
        original_name=(upload.name or "upload")[:200],
        content_type=content_type,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        uploaded_by=actor,
        **(hazard_evidence.exif_facts(content) if content_type != "application/pdf" else {}),
    )
    item.file.save(f"{item.sha256}.{extension}", ContentFile(content), save=False)
    if content_type != "application/pdf":
        item.thumbnail.save(f"{item.sha256}.jpg", hazard_evidence._thumbnail(content), save=False)
    item.save()
    CaseEvent.objects.create(case=case, actor=actor, action="evidence", note=item.original_name)
    audit_created(actor=actor, obj=item)
    return item


def officer_choices(user):
    """The enforcement officers a user may put on a case: in their bureau, with a certificate."""
    if user.role == Role.ADMIN or not user.organisation_id:
        return User.objects.none()
    return User.objects.filter(
        organisation__kind=OrgKind.BUREAU,
        organisation__region_id=user.organisation.region_id[:6],
        role__in=permissions.ENFORCERS,
        is_active=True,
    ).exclude(enforcement_cert_no="")
