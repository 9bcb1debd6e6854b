from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class EnterprisesConfig(AppConfig):
    name = "yingji.enterprises"
    label = "enterprises"
    verbose_name = _("Enterprises")

    def ready(self):
        from yingji.enterprises import tally

        post_migrate.connect(tally.keep_triggers, sender=self)
