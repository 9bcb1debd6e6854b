import datetime

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    name = "yingji.jobs"
    label = "jobs"
    verbose_name = _("Background work")

    def ready(self):
        from yingji.jobs.prune import prune_finished
        from yingji.jobs.schedule import register_periodic

        register_periodic("jobs.prune", prune_finished, daily_at=datetime.time(3, 30))
