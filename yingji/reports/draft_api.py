"""/api/v1/reports/drafts: the office's drafts of the work summary, their edits, 定稿 and
downloads. Reading a draft makes it again with fresh numbers; a finalised one never changes."""

import datetime
from typing import Literal

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from yingji.core.api import Page
from yingji.core.errors import Conflict
from yingji.jobs.api import JobOut
from yingji.reports import draft_files, drafts
from yingji.reports.draft_models import ReportDraft

router = Router(tags=["reports"])
Text = Field(None, max_length=5000)


class DraftIn(Schema):
    region: str = Field(..., max_length=12, description="a region in your jurisdiction")
    year: int | None = Field(None, ge=2000, le=2100)
    period: str | None = Field(None, max_length=4, description="year, ytd, H1, H2, Q1..Q4, M01..M12")
    start: datetime.date | None = Field(None, alias="from", description="a date window instead of a period")
    end: datetime.date | None = Field(None, alias="to")


class EditIn(Schema):
    slot: str = Field(..., max_length=80, description="the paragraph's slot, as the draft lists it")
    text: str | None = Field(None, max_length=5000, description="wording: numbers as {{ name }}")
    removed: bool = False
    reset: bool = Field(False, description="back to the generated text (it follows the records again)")


class AddIn(Schema):
    section: int = Field(..., ge=0, le=20, description="index of the section")
    after: str | None = Field(None, max_length=80, description="slot it follows; none: the section's start")
    text: str = Field(..., max_length=5000, description="the office's own sentence (no numbers)")


class DraftPatch(Schema):
    paragraphs: list[EditIn] = Field(default_factory=list, max_length=500)
    added: list[AddIn] = Field(default_factory=list, max_length=100)


class ParagraphOut(Schema):
    slot: str
    key: str
    text: str = Field(..., description="wording: conditions decided, numbers as {{ name }}")
    rendered: str
    edited: bool
    own: bool
    orphan: bool = Field(..., description="edited, but the summary no longer makes this paragraph")
    values: dict[str, str] = Field(..., description="each number's name and value as shown")
    links: dict[str, str] = Field(..., description="each number's name and the list of its records")


class SectionOut(Schema):
    heading: str
    paragraphs: list[ParagraphOut]


class DraftBriefOut(Schema):
    id: int
    region_code: str
    region_name: str
    year: int | None
    period: str
    start: datetime.date | None
    end: datetime.date | None
    title: str
    period_label: str
    status: str
    as_of: datetime.datetime | None = Field(..., description="定稿: when its numbers were counted")
    created_at: datetime.datetime
    updated_at: datetime.datetime

    @staticmethod
    def resolve_region_code(draft):
        return draft.region_id

    @staticmethod
    def resolve_region_name(draft):
        return draft.region.name


class DraftOut(DraftBriefOut):
    date: datetime.date = Field(..., description="成文日期")
    sections: list[SectionOut]


class VersionChangeOut(Schema):
    slot: str
    before: str | None
    after: str | None


class VersionOut(Schema):
    number: int
    action: str
    actor: str
    at: datetime.datetime
    changes: list[VersionChangeOut]

    @staticmethod
    def resolve_actor(version):
        return version.actor.username


class ConflictOut(Schema):
    detail: str


def _out(user, draft: ReportDraft) -> ReportDraft:
    """The draft with the paragraphs it reads as now (DraftOut)."""
    view = drafts.draft_view(user, draft)
    draft.date = view.date
    draft.sections = [
        {
            "heading": heading,
            "paragraphs": [
                {
                    "slot": p.slot,
                    "key": p.key,
                    "text": p.text,
                    "rendered": p.rendered,
                    "edited": p.edited,
                    "own": p.own,
                    "orphan": p.orphan,
                    "values": {s["name"]: s["value"] for s in p.segments if "name" in s},
                    "links": {s["name"]: s["url"] for s in p.segments if s.get("url")},
                }
                for p in shown
            ],
        }
        for heading, shown in view.sections
    ]
    return draft


@router.get("", response=list[DraftBriefOut])
@paginate(Page)
def draft_list(request):
    """The drafts of the regions in the caller's jurisdiction, last changed first."""
    return drafts.draft_list(request.auth)


@router.post("", response={201: DraftOut})
def draft_create(request, payload: DraftIn):
    """A draft of the summary for `region` and `year`+`period`, or a window `from`–`to`. Bureau
    staff and the administrator only (403); a region outside the jurisdiction is 404."""
    data = payload.dict()
    draft = drafts.draft_create(actor=request.auth, **data)
    return Status(201, _out(request.auth, drafts.draft_get(request.auth, draft.pk)))


@router.get("/{draft_id}", response=DraftOut)
def draft_detail(request, draft_id: int):
    """The draft as it reads now: unedited paragraphs generated afresh, edited ones in the
    office's words with fresh numbers. A finalised draft reads as it was finalised."""
    return _out(request.auth, drafts.draft_get(request.auth, draft_id))


@router.patch("/{draft_id}", response=DraftOut)
def draft_patch(request, draft_id: int, payload: DraftPatch):
    """Edit paragraphs by slot (text, removed or reset) and add the office's own paragraphs.
    A text outside the wording language or using a number the paragraph lacks is a 400 naming
    the slot; a finalised draft is 409."""
    edits = [drafts.Edit(**e.dict()) for e in payload.paragraphs]
    added = [drafts.Addition(**a.dict()) for a in payload.added]
    draft = drafts.draft_update(actor=request.auth, draft_id=draft_id, edits=edits, added=added)
    return _out(request.auth, drafts.draft_get(request.auth, draft.pk))


@router.post("/{draft_id}/actions/finalise", response=DraftOut)
def draft_finalise(request, draft_id: int):
    """定稿: freeze the text and the numbers with their as_of. 409 when already finalised."""
    draft = drafts.draft_finalise(actor=request.auth, draft_id=draft_id)
    return _out(request.auth, drafts.draft_get(request.auth, draft.pk))


@router.post("/{draft_id}/actions/pdf", response={202: JobOut})
def draft_pdf(request, draft_id: int):
    """Start making the PDF (LibreOffice, in the background worker): follow the job at
    /api/v1/jobs/{id}, then download with format=pdf."""
    return Status(202, draft_files.start_pdf(actor=request.auth, draft_id=draft_id))


@router.get("/{draft_id}/versions", response=list[VersionOut])
def draft_versions(request, draft_id: int):
    """Each save: who, when, and the changed paragraphs' text before and after."""
    draft = drafts.draft_get(request.auth, draft_id)
    return list(draft.versions.select_related("actor"))


class DownloadParams(Schema):
    format: Literal["docx", "md", "pdf"] = "docx"


@router.get("/{draft_id}/download", response={200: None, 409: ConflictOut})
def draft_download(request, draft_id: int, params: Query[DownloadParams]):
    """The report as DOCX, Markdown or PDF, named 芙蓉区2026年上半年安全生产工作总结.docx. The PDF
    is the one made for the report as it reads now (409 until POST …/actions/pdf has made it)."""
    return download_response(request.auth, draft_id, params.format)


def download_response(user, draft_id: int, extension: str) -> HttpResponse:
    draft = drafts.draft_get(user, draft_id)
    view = drafts.draft_view(user, draft)
    if extension == "pdf":
        content = draft_files.stored_pdf(draft, view)
        if content is None:
            raise Conflict(_("The PDF of the report as it reads now is not made yet: make it first."))
        content_type = draft_files.PDF_TYPE
    else:
        content, content_type = draft_files.document_bytes(view, extension)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(
        True, drafts.draft_filename(draft, extension)
    )
    return response
