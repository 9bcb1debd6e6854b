"""The one task of background jobs: run the job's function and record how it ended."""

from django.tasks import task
from django.utils.module_loading import import_string

from yingji.jobs import services
from yingji.jobs.models import Job
from yingji.jobs.signals import job_finished


@task()
def run_job(job_id: int) -> str:
    job = Job.objects.get(pk=job_id)
    services.mark_running(job)
    try:
        func = import_string(job.func)
        result = func(job, **job.params)
    except services.JobFailed as exc:
        # The user's own problem (the rows of a file), told to the user: no traceback to log.
        services.mark_failed(job, exc)
        job_finished.send_robust(sender=Job, job=job)
        return job.state
    except Exception as exc:
        services.mark_failed(job, exc)
        job_finished.send_robust(sender=Job, job=job)
        raise  # the task's own row records the traceback for the operator
    services.mark_done(job, result)
    job_finished.send_robust(sender=Job, job=job)
    return job.state
