from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render

from yingji.jobs.services import jobs_of


@login_required
def job_progress_partial(request, pk: int):
    """The progress bar of one of the user's jobs; it polls itself until the job has finished."""
    job = get_object_or_404(jobs_of(request.user), pk=pk)
    return render(request, "jobs/progress.html", {"job": job})
