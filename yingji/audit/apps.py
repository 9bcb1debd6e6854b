from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "yingji.audit"
    label = "audit"
    verbose_name = _("Audit log")

    def ready(self):
        from axes.signals import user_locked_out

        from yingji.audit import security

        user_locked_out.connect(security.locked_out, dispatch_uid="audit_locked_out")
