"""Sent by the worker when a job ends (done or failed), e.g. to notify the user who started it.

@receiver(job_finished)
def tell_the_user(sender, job, **kwargs): ...
"""

from django.dispatch import Signal

job_finished = Signal()  # sender=Job, job=<the Job, its state done or failed>
