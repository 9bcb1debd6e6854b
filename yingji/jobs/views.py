from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render

from yingji.jobs.services import jobs_of


@login_required
def job_progress_partial(request, pk: int):
    """The progress bar of one of the user's jobs; it polls itself until the job has finished."""
    job = get_object_or_404(jobs_of(request.user), pk=pk)
    return render(request, "jobs/progress.html", {"job": job})


@login_required
def job_file(request, pk: int):
    """The file a finished job wrote (an export), for the user who started it only: another
    user's job, or a job without a file (or whose file was pruned), is a 404."""
    job = get_object_or_404(jobs_of(request.user), pk=pk, state="done")
    path = (job.result or {}).get("path") if isinstance(job.result, dict) else None
    if not path or not default_storage.exists(path):
        raise Http404
    return FileResponse(
        default_storage.open(path, "rb"), as_attachment=True, filename=job.result.get("filename")
    )
