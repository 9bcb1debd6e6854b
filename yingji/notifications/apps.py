import datetime

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "yingji.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        from yingji.jobs.schedule import register_periodic
        from yingji.notifications import jobs  # noqa: F401 (connects the job_finished receiver)
        from yingji.notifications.delivery import deliver_pending
        from yingji.notifications.reminders import remind

        register_periodic("notifications.deliver", deliver_pending, every=datetime.timedelta(minutes=1))
        register_periodic("notifications.remind", remind, daily_at=datetime.time(8, 0))
