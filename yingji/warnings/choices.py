"""The warnings module's codes: hazard types, the four levels (DOMAIN.md 6.1: 一级 red is the
highest), the kinds of change in a warning's history and how a 叫应 was answered."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class WarningType(models.TextChoices):
    RAINSTORM = "rainstorm", _("Rainstorm")  # 暴雨
    FLASH_FLOOD = "flash_flood", _("Flash flood")  # 山洪
    GEOLOGICAL = "geological", _("Geological disaster")  # 地质灾害
    FOREST_FIRE = "forest_fire", _("Forest fire danger")  # 森林火险
    TYPHOON = "typhoon", _("Typhoon")
    HEAT = "heat", _("High temperature")  # 高温
    COLD_WAVE = "cold_wave", _("Cold wave")  # 寒潮
    GALE = "gale", _("Gale")  # 大风
    FREEZING = "freezing", _("Freezing")  # 冰冻
    FOG = "fog", _("Heavy fog")  # 大雾
    DROUGHT = "drought", _("Drought")  # 干旱
    OTHER = "other", _("Other")


class Level(models.TextChoices):
    """Listed from the lowest: RANK orders them."""

    BLUE = "blue", _("Blue (level IV)")
    YELLOW = "yellow", _("Yellow (level III)")
    ORANGE = "orange", _("Orange (level II)")
    RED = "red", _("Red (level I)")


RANK = {level: i for i, level in enumerate(Level.values)}


def higher(level: str, than: str) -> bool:
    return RANK[level] > RANK[than]


class Source(models.TextChoices):
    METEOROLOGY = "meteorology", _("Meteorological bureau")  # 气象
    HYDROLOGY = "hydrology", _("Hydrological station")  # 水文
    NATURAL_RESOURCES = "natural_resources", _("Natural resources bureau")  # 自然资源
    FORESTRY = "forestry", _("Forestry bureau")  # 林业
    WATER = "water", _("Water resources bureau")  # 水利
    HEADQUARTERS = "headquarters", _("Command headquarters")  # 防指 / 应急指挥部
    OTHER = "other", _("Other")


class ChangeKind(models.TextChoices):
    ISSUE = "issue", _("Issued")  # 发布
    RAISE = "raise", _("Raised")  # 升级
    LOWER = "lower", _("Lowered")  # 降级
    LIFT = "lift", _("Lifted")  # 解除


# Each of these counts one 条次 (the issue's rule): the issue and every change of level.
COUNTED = (ChangeKind.ISSUE, ChangeKind.RAISE, ChangeKind.LOWER)


class Status(models.TextChoices):
    IN_FORCE = "in_force", _("In force now")
    LIFTED = "lifted", _("Lifted already")


class AckChannel(models.TextChoices):
    APP = "app", _("In the product")
    LINK = "link", _("By the link in the SMS")
    CALL = "call", _("By phone, recorded by the duty officer")
