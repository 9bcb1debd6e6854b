"""Meetings and interviews under /api/v1/: each decision or commitment given as {"unit_id",
"title", "due_on", "detail"} becomes a task of that unit (/api/v1/tasks)."""

import datetime
from typing import Literal

from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from yingji.core.api import MAX_ID, Page
from yingji.meetings import services
from yingji.meetings.models import Interview, Meeting
from yingji.regions.scoping import get_for_user
from yingji.tasks import permissions

router = Router(tags=["meetings"])


class TaskSpec(Schema):
    unit_id: int = Field(..., ge=1, le=MAX_ID)
    title: str = Field(..., max_length=200)
    due_on: datetime.date
    detail: str = Field("", max_length=5000)


class MeetingIn(Schema):
    region_code: str = Field(..., max_length=12)
    kind: Literal["plenary", "topical", "dispatch", "office"]
    title: str = Field(..., max_length=200)
    held_on: datetime.date
    chair: str = Field(..., max_length=50)
    attendees: str = Field("", max_length=5000)
    minutes: str = Field("", max_length=50000)
    decisions: list[TaskSpec] = Field([], max_length=services.MAX_DECISIONS)


class MeetingOut(Schema):
    id: int
    region_code: str = Field(..., alias="region_id")
    kind: str
    title: str
    held_on: datetime.date
    chair: str
    attendees: str
    minutes: str
    decision_task_ids: list[int]

    @staticmethod
    def resolve_decision_task_ids(obj):
        return sorted(t.pk for t in obj.decisions.all())


class InterviewIn(Schema):
    reason: Literal["accident", "hazards", "work", "other"]
    held_on: datetime.date
    by_whom: str = Field(..., max_length=100)
    unit_id: int | None = Field(None, ge=1, le=MAX_ID)
    enterprise_id: int | None = Field(None, ge=1, le=MAX_ID)
    attendees: str = Field("", max_length=5000)
    detail: str = Field("", max_length=50000)
    commitments: list[TaskSpec] = Field([], max_length=services.MAX_DECISIONS)


class InterviewOut(Schema):
    id: int
    region_code: str = Field(..., alias="region_id")
    unit_id: int | None = Field(None, alias="organisation_id")
    enterprise_id: int | None
    reason: str
    held_on: datetime.date
    by_whom: str
    attendees: str
    detail: str
    commitment_task_ids: list[int]

    @staticmethod
    def resolve_commitment_task_ids(obj):
        return sorted(t.pk for t in obj.commitments.all())


def _read(user):
    permissions.require(permissions.can_read(user))


def _specs(items):
    return [i.dict() | {"due_on": i.due_on.isoformat()} for i in items]


@router.get("/meetings", response=list[MeetingOut])
@paginate(Page)
def meeting_list(request):
    _read(request.auth)
    return Meeting.objects.for_user(request.auth).prefetch_related("decisions")


@router.post("/meetings", response={201: MeetingOut})
def meeting_create(request, payload: MeetingIn):
    data = payload.dict() | {"decisions": _specs(payload.decisions)}
    meeting = services.meeting_create(actor=request.auth, **data)
    return Status(
        201, get_for_user(Meeting.objects.prefetch_related("decisions"), request.auth, pk=meeting.pk)
    )


@router.get("/meetings/{meeting_id}", response=MeetingOut)
def meeting_detail(request, meeting_id: int):
    _read(request.auth)
    return get_for_user(Meeting.objects.prefetch_related("decisions"), request.auth, pk=meeting_id)


@router.get("/interviews", response=list[InterviewOut])
@paginate(Page)
def interview_list(request):
    _read(request.auth)
    return Interview.objects.for_user(request.auth).prefetch_related("commitments")


@router.post("/interviews", response={201: InterviewOut})
def interview_create(request, payload: InterviewIn):
    data = payload.dict() | {"commitments": _specs(payload.commitments)}
    interview = services.interview_create(actor=request.auth, **data)
    return Status(
        201, get_for_user(Interview.objects.prefetch_related("commitments"), request.auth, pk=interview.pk)
    )
