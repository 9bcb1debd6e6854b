from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    """Training, publicity, exams, demonstration communities."""

    name = "yingji.training"
    label = "training"
    verbose_name = _("Training and publicity")
