"""Report drafts: the work summary of a region and period, worded per report by the bureau's
office and finalised (定稿). One set of rules for the API, the pages and the worker.

Who: the report readers (administrator, bureau staff, leaders) read drafts in their
jurisdiction; the bureau's staff (and the administrator) create, edit and finalise them.
Leaders read and download; they do not word the office's report."""

import inspect
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from yingji.accounts.access import require_role
from yingji.accounts.choices import Role
from yingji.audit.services import audit_action, audit_created, audit_updated, snapshot
from yingji.core.errors import ApplicationError, Conflict
from yingji.regions.scoping import get_for_user
from yingji.reports import wording
from yingji.reports.draft_models import ReportDraft, ReportDraftVersion
from yingji.reports.draft_render import DraftView, Shown, merge
from yingji.reports.permissions import require_report_reader
from yingji.reports.scope import report_region
from yingji.reports.summary import summary_outline

DRAFT_EDITORS = frozenset({Role.ADMIN, Role.BUREAU})
TITLE_SUFFIX = "安全生产工作总结"


def can_edit(user) -> bool:
    return user.is_authenticated and user.role in DRAFT_EDITORS


def require_draft_editor(user) -> None:
    """403 for a role that may not word or finalise a report."""
    require_role(user, DRAFT_EDITORS)


def windows_supported() -> bool:
    """Whether the summary takes a date window (`start`, `end`) besides a period."""
    return "start" in inspect.signature(summary_outline).parameters


def _outline(user, draft: ReportDraft):
    if draft.start is not None:
        return summary_outline(user=user, region_code=draft.region_id, start=draft.start, end=draft.end)
    return summary_outline(user=user, region_code=draft.region_id, year=draft.year, period_code=draft.period)


def _bad(field: str, message: str) -> ApplicationError:
    return ApplicationError(message, errors={field: [message]})


@transaction.atomic
def draft_create(*, actor, region: str, year=None, period=None, start=None, end=None) -> ReportDraft:
    """A draft of the region's summary for a period (year and period) or a date window."""
    require_draft_editor(actor)
    report_region(actor, region)  # 404 outside the jurisdiction
    draft = ReportDraft(region_id=region, created_by=actor)
    if start is not None or end is not None:
        if start is None or end is None:
            raise _bad("from" if start is None else "to", _("A date window needs both from and to."))
        if start > end:
            raise _bad("to", _("The window ends before it starts."))
        if not windows_supported():
            raise _bad("from", _("Reports over a date window are not available yet."))
        draft.start, draft.end = start, end
    elif year is None or not period:
        raise _bad("period", _("Give a year and a period, or from and to."))
    else:
        draft.year, draft.period = year, period
    outline = _outline(actor, draft)  # a bad period answers 400 here
    draft.title, draft.period_label = outline.title[:200], outline.period_label[:60]
    draft.save()
    _version(draft, actor, "create", [])
    audit_created(actor=actor, obj=draft)
    return draft


def draft_list(user):
    require_report_reader(user)
    return ReportDraft.objects.for_user(user).select_related("region", "created_by")


def draft_get(user, draft_id: int) -> ReportDraft:
    """The draft if the user may read it; 404 outside the jurisdiction."""
    require_report_reader(user)
    return get_for_user(ReportDraft.objects.select_related("region"), user, pk=draft_id)


def draft_view(user, draft: ReportDraft) -> DraftView:
    """The draft as it reads now: fresh numbers, the office's text; a finalised one as it was."""
    if draft.final:
        return DraftView.thaw(draft.frozen)
    return merge(_outline(user, draft), edits=draft.edits, removed=draft.removed, added=draft.added)


@dataclass
class Edit:
    """One change to a paragraph: new text, removal, or back to the generated text."""

    slot: str
    text: str | None = None
    removed: bool = False
    reset: bool = False


@dataclass
class Addition:
    section: int
    text: str
    after: str | None = None


def _locked(actor, draft_id: int) -> ReportDraft:
    draft = get_for_user(ReportDraft.objects.select_for_update(), actor, pk=draft_id)
    if draft.final:
        raise Conflict(_("The report is finalised: it no longer changes."))
    return draft


@transaction.atomic
def draft_update(*, actor, draft_id: int, edits=(), added=()) -> ReportDraft:
    """Save the office's changes. Every text is checked first (400 with the reason, by the
    paragraph's slot); then all are saved as one version, audited."""
    require_draft_editor(actor)
    draft = _locked(actor, draft_id)
    before = snapshot(draft)
    view = draft_view(actor, draft)
    shown = view.paragraphs()
    errors: dict[str, list[str]] = {}
    changes: list[dict] = []
    for edit in edits:
        paragraph = shown.get(edit.slot)
        if paragraph is None:
            errors[edit.slot] = [_("No such paragraph in this report.")]
            continue
        try:
            change = _apply(draft, paragraph, edit)
        except wording.WordingError as e:
            errors[edit.slot] = [str(e)]
            continue
        if change:
            changes.append(change)
    for number, addition in enumerate(added):
        try:
            changes.append(_add(draft, view, addition))
        except (wording.WordingError, ValueError) as e:
            errors[f"added.{number}"] = [str(e)]
    if errors:
        raise ApplicationError(next(iter(errors.values()))[0], errors=errors)
    if changes:
        draft.save()
        _version(draft, actor, "edit", changes)
        audit_updated(actor=actor, obj=draft, before=before)
    return draft


def _normalised(text: str) -> str:
    return text.replace("\r\n", "\n").strip()


def _apply(draft: ReportDraft, paragraph: Shown, edit: Edit) -> dict | None:
    slot, old = paragraph.slot, paragraph.text
    if edit.removed:
        if paragraph.own:
            draft.added = [a for a in draft.added if a["slot"] != slot]
        else:
            draft.edits.pop(slot, None)
            if not paragraph.orphan:
                draft.removed = [*draft.removed, slot]
        return {"slot": slot, "before": old, "after": None}
    if edit.reset or edit.text is None:
        if not paragraph.edited or paragraph.orphan:
            return None
        draft.edits.pop(slot, None)
        return {"slot": slot, "before": old, "after": paragraph.generated}
    text = _normalised(edit.text)
    if not text:
        raise wording.WordingError(_("A paragraph cannot be empty: remove it instead."))
    wording.check(text, set() if paragraph.own else paragraph.allowed_names)
    if text == old:
        return None
    if paragraph.own:
        draft.added = [a | {"text": text} if a["slot"] == slot else a for a in draft.added]
    elif paragraph.generated is not None and text == paragraph.generated.strip():
        draft.edits.pop(slot, None)  # back to the generated text: it follows the records again
    else:
        draft.edits = draft.edits | {slot: {"text": text, "values": paragraph.context}}
    return {"slot": slot, "before": old, "after": text}


def _add(draft: ReportDraft, view: DraftView, addition: Addition) -> dict:
    if not 0 <= addition.section < len(view.sections):
        raise ValueError(_("No such section in this report."))
    if addition.after is not None and addition.after not in view.paragraphs():
        raise ValueError(_("No such paragraph in this report."))
    text = _normalised(addition.text)
    if not text:
        raise ValueError(_("A paragraph cannot be empty."))
    wording.check(text, set())  # the office's own sentences have no bound numbers
    number = max((int(a["slot"].split("/")[1]) for a in draft.added), default=0) + 1
    slot = f"own/{number}"
    draft.added = [
        *draft.added,
        {"slot": slot, "section": addition.section, "after": addition.after, "text": text},
    ]
    return {"slot": slot, "before": None, "after": text}


@transaction.atomic
def draft_finalise(*, actor, draft_id: int) -> ReportDraft:
    """定稿: the report as it reads now, numbers and text, stored for good with the moment they
    were counted; it never changes afterwards (409 on any later change)."""
    require_draft_editor(actor)
    draft = _locked(actor, draft_id)
    before = snapshot(draft)
    view = draft_view(actor, draft)
    draft.frozen = view.freeze()
    draft.status, draft.as_of, draft.finalised_by = ReportDraft.Status.FINAL, timezone.now(), actor
    draft.save()
    _version(draft, actor, "finalise", [])
    audit_action(actor=actor, obj=draft, action="finalise", before=before)
    return draft


def _version(draft: ReportDraft, actor, action: str, changes: list[dict]) -> ReportDraftVersion:
    last = draft.versions.order_by("-number").values_list("number", flat=True).first() or 0
    return ReportDraftVersion.objects.create(
        draft=draft, number=last + 1, action=action, actor=actor, changes=changes
    )


def draft_filename(draft: ReportDraft, extension: str) -> str:
    """芙蓉区2026年上半年安全生产工作总结.docx: the region's short name, the period, the kind."""
    return f"{draft.region.name}{draft.period_label}{TITLE_SUFFIX}.{extension}"


def report_regions(user):
    """The regions a user may report on, for the region picker: the jurisdiction's own region
    and those under it down to the streets (the administrator: provinces, cities and counties)."""
    from django.db.models.functions import Length

    from yingji.regions.models import Region
    from yingji.regions.scoping import Jurisdiction

    jurisdiction = Jurisdiction.of(user)
    regions = Region.objects.annotate(length=Length("code")).order_by("code")
    if jurisdiction.everything:
        return regions.filter(length__lte=6)
    if not jurisdiction.region:
        return regions.none()
    return regions.filter(code__startswith=jurisdiction.region, length__lte=9)
