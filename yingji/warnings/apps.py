import datetime

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WarningsConfig(AppConfig):
    """Warnings and 叫应, the contacts register of responsible persons."""

    name = "yingji.warnings"
    label = "warnings"
    verbose_name = _("Warnings")

    def ready(self):
        from yingji.jobs.schedule import register_periodic
        from yingji.warnings import dissemination, permissions, todo  # noqa: F401 (registers kinds)
        from yingji.web.dashboard import register_card
        from yingji.web.navigation import NavItem, register_nav
        from yingji.web.permissions import register_action

        register_nav(
            NavItem(_("Warnings and acknowledgement"), "warnings:list", permissions.READERS, order=135)
        )
        register_card("warnings.issued", "warnings.ack_rate")
        register_action("warnings.issue", permissions.can_issue)
        register_action("warnings.record_calls", permissions.can_record_calls)
        register_action("warnings.write_contacts", permissions.can_write_contacts)
        register_periodic("warnings.dispatch", dissemination.dispatch, every=datetime.timedelta(minutes=1))
