import datetime

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "yingji.privacy"
    label = "privacy"
    verbose_name = _("Personal information")

    def ready(self):
        from yingji.jobs.schedule import register_periodic
        from yingji.privacy.services import retention_purge_scheduled

        register_periodic("privacy.purge", retention_purge_scheduled, daily_at=datetime.time(3, 45))
