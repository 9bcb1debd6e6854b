"""Issuing a notice: the next number of the region's year is taken under a lock on the region's
last notice (or the first), so two notices issued at once never share a number and a refused one
leaves no gap — the number is taken in the same transaction that saves the notice."""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from yingji.audit.services import audit_created
from yingji.core.inputs import Errors, choice, region_in, text
from yingji.notices.models import Notice, NoticeKind
from yingji.regions.models import Region
from yingji.reports.summary import Document
from yingji.tasks import permissions

MAX_PARAGRAPHS = 500


def prefix_for(region: Region) -> str:
    """芙蓉区 → 芙安委办通: the region's first character, the committee office, 通报."""
    return f"{region.name[:1]}安委办通"


@transaction.atomic
def issue(*, actor, region_code, kind, title, paragraphs, signature="") -> Notice:
    permissions.require(permissions.can_keep(actor))
    errors = Errors()
    region = region_in(errors, actor, region_code)
    notice = Notice(
        region=region, kind=choice(errors, "kind", kind, NoticeKind), title=text(errors, "title", title, required=True, max_length=200),
        signature=text(errors, "signature", signature or (actor.organisation.name if actor.organisation_id else ""), required=True, max_length=100),
        created_by=actor, issued_on=timezone.localdate(),
    )  # fmt: skip
    lines = [text(errors, "paragraphs", p, max_length=5000) for p in (paragraphs or [])[:MAX_PARAGRAPHS]]
    if not any(lines):
        errors.add("paragraphs", _("A notice says something."))
    errors.raise_if_any()
    notice.paragraphs, notice.year, notice.prefix = (
        [p for p in lines if p],
        notice.issued_on.year,
        prefix_for(region),
    )
    # Lock the region (one row, always there) so that numbering is serial per region.
    Region.objects.select_for_update().filter(code=region.code).first()
    last = Notice.objects.filter(region=region, year=notice.year).aggregate(n=Max("number"))["n"] or 0
    notice.number = last + 1
    notice.save()
    audit_created(actor=actor, obj=notice)
    return notice


def document(notice: Notice) -> Document:
    return Document(
        title=notice.title, subtitle=notice.document_number,
        sections=[("", [notice.document_number, *notice.paragraphs])], signature=notice.signature, date=notice.issued_on,
    )  # fmt: skip
