from django.db import models
from django.utils.translation import gettext_lazy as _

from yingji.core.models import BaseModel

# Significant digits of the 12-digit statistical code at each level (DESIGN.md "Regions and codes").
CODE_LENGTHS = {2: "province", 4: "city", 6: "county", 9: "street", 12: "community"}


class RegionLevel(models.TextChoices):
    PROVINCE = "province", _("Province")
    CITY = "city", _("City")
    COUNTY = "county", _("County / district")
    STREET = "street", _("Street / township")
    COMMUNITY = "community", _("Community / village")


def child_level(code: str) -> str | None:
    """The level of a region's children (43 → city, 4301 → county, 430102 → street)."""
    if len(code) not in CODE_LENGTHS:
        return None
    return next((level for n, level in sorted(CODE_LENGTHS.items()) if n > len(code)), None)


def parent_code(code: str) -> str | None:
    lengths = sorted(CODE_LENGTHS)
    index = lengths.index(len(code))
    return code[: lengths[index - 1]] if index else None


class Region(BaseModel):
    """A division of the national statistical code tree. The code is the key, and a child's
    code starts with its parent's, so "inside a jurisdiction" is an indexed prefix match."""

    code = models.CharField(_("code"), max_length=12, primary_key=True)
    name = models.CharField(_("name"), max_length=64)
    level = models.CharField(_("level"), max_length=10, choices=RegionLevel.choices)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(code__regex=r"^([0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{9}|[0-9]{12})$"),
                name="region_code_digits",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    @property
    def audit_region_code(self) -> str:
        return self.code
