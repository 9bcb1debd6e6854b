"""Job functions the tests start by their dotted path, as apps will."""

from yingji.jobs.models import Job
from yingji.jobs.services import job_progress

SEEN: list[dict] = []  # the job's row as a watcher would have read it mid-way


def count_rows(job, *, rows: int):
    for done in range(1, rows + 1):
        job_progress(job, done, rows, message=f"row {done}")
        seen = Job.objects.get(pk=job.pk)
        SEEN.append({"state": seen.state, "done": seen.done, "total": seen.total})
    return {"counted": rows, "url": "/hazards/"}


def refuse(job, *, reason: str):
    job_progress(job, 1, 4)
    raise ValueError(reason)
