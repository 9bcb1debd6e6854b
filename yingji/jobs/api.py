import datetime
from typing import Any

from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from yingji.jobs.models import Job
from yingji.jobs.services import jobs_of

router = Router(tags=["jobs"])


class ProgressOut(Schema):
    done: int
    total: int | None


class JobOut(Schema):
    id: int
    kind: str
    state: Job.State
    progress: ProgressOut
    message: str
    result: Any = None
    created_at: datetime.datetime
    finished_at: datetime.datetime | None

    @staticmethod
    def resolve_progress(job: Job) -> dict:
        return {"done": job.done, "total": job.total}


@router.get("/{job_id}", response=JobOut)
def job_detail(request, job_id: int):
    """A background job the caller started: its state, progress (`total` null while unknown),
    message (the error of a failed job) and result. Another user's job is a 404."""
    return get_object_or_404(jobs_of(request.auth), pk=job_id)
