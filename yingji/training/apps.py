from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    """Training, publicity, exams, demonstration communities."""

    name = "yingji.training"
    label = "training"
    verbose_name = _("Training and publicity")

    def ready(self):
        from yingji.training import permissions
        from yingji.web.navigation import STAFF, NavItem, register_nav
        from yingji.web.permissions import register_action

        register_nav(NavItem(_("Training and publicity"), "training:list", STAFF, order=180))
        register_action("training.record_event", permissions.can_record_event)
        register_action("training.record_exam", permissions.can_record_exam)
        register_action("training.record_community", permissions.can_record_community)
