"""A background job's end told to the user who started it, with the link to its result (the
hazards imported, the file exported, or the page listing what stopped it)."""

from django.conf import settings
from django.dispatch import receiver
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yingji.jobs.models import Job
from yingji.jobs.signals import job_finished
from yingji.notifications.kinds import JOB_FINISHED
from yingji.notifications.services import send_now

WHAT = {
    "ledger_import": gettext_lazy("Hazard ledger import"),
    "ledger_export": gettext_lazy("Hazard ledger export"),
    "enterprise_import": gettext_lazy("Enterprise import"),
    "report": gettext_lazy("Report of a city or province"),
    "report_pdf": gettext_lazy("PDF of a report draft"),
}


@receiver(job_finished, dispatch_uid="notifications.job_finished")
def tell_the_user(sender, job: Job, **kwargs) -> None:
    result = job.result if isinstance(job.result, dict) else {}
    with translation.override(settings.LANGUAGE_CODE):
        what = str(WHAT.get(job.kind, job.kind))
        if job.state == Job.State.DONE:
            title = _("%(what)s finished") % {"what": what}
        else:
            title = _("%(what)s failed") % {"what": what}
        # The worker runs outside any transaction: written now, delivered by the outbox.
        send_now(
            kind=JOB_FINISHED,
            user_ids=[job.user_id],
            title=title,
            body=job.message,
            url=result.get("url", ""),
        )
