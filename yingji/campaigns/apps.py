from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    """专项整治行动: campaigns with their dispatch forms, submissions and the office's roll-up."""

    name = "yingji.campaigns"
    label = "campaigns"
    verbose_name = _("Campaigns")

    def ready(self):
        import datetime

        from yingji.campaigns import permissions, reminders, todo  # noqa: F401 (registers the to-do kinds)
        from yingji.jobs.schedule import register_periodic
        from yingji.web.navigation import NavItem, register_nav

        register_periodic("campaigns.remind", reminders.remind, every=datetime.timedelta(hours=1))
        register_nav(NavItem(_("Special campaigns"), "campaigns:list", permissions.READERS, order=185))
