from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmergencyConfig(AppConfig):
    """Events and information reports, response activation, evacuation, special groups, shelters."""

    name = "yingji.emergency"
    label = "emergency"
    verbose_name = _("Emergency response")

    def ready(self):
        from yingji.emergency import permissions, todo  # noqa: F401 (registers the to-do kinds)
        from yingji.web.dashboard import register_card
        from yingji.web.navigation import NavItem, register_nav
        from yingji.web.permissions import register_action

        register_nav(
            NavItem(_("Emergency events and responses"), "emergency:list", permissions.STAFF, order=140)
        )
        register_card("responses.count", "evacuations.people")
        register_action("emergency.write_events", permissions.can_write_events)
        register_action("emergency.write_responses", permissions.can_write_responses)
        register_action("emergency.write_evacuations", permissions.can_write_evacuations)
        register_action("emergency.read_special", permissions.can_read_special)
        register_action("emergency.write_special", permissions.can_write_special)
        register_action("emergency.reveal", permissions.can_reveal)
        register_action("emergency.write_shelters", permissions.can_write_shelters)
