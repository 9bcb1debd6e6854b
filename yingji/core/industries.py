"""行业领域: the industry codes of DOMAIN.md §0.1, a contract with our users' files and clients."""

from django.db import models
from django.utils.translation import pgettext_lazy


class Industry(models.TextChoices):
    HAZARDOUS_CHEMICALS = "hazardous_chemicals", pgettext_lazy("industry", "Hazardous chemicals")
    NON_COAL_MINING = "non_coal_mining", pgettext_lazy("industry", "Non-coal mining")
    COAL_MINING = "coal_mining", pgettext_lazy("industry", "Coal mining")
    FIREWORKS = "fireworks", pgettext_lazy("industry", "Fireworks")
    CIVIL_EXPLOSIVES = "civil_explosives", pgettext_lazy("industry", "Civil explosives")
    METALLURGY = "metallurgy", pgettext_lazy("industry", "Metallurgy")
    NONFERROUS = "nonferrous", pgettext_lazy("industry", "Non-ferrous metals")
    BUILDING_MATERIALS = "building_materials", pgettext_lazy("industry", "Building materials")
    MACHINERY = "machinery", pgettext_lazy("industry", "Machinery")
    LIGHT_INDUSTRY = "light_industry", pgettext_lazy("industry", "Light industry")
    TEXTILE = "textile", pgettext_lazy("industry", "Textile")
    TOBACCO = "tobacco", pgettext_lazy("industry", "Tobacco")
    COMMERCE_TRADE = "commerce_trade", pgettext_lazy("industry", "Commerce and trade")
    CONSTRUCTION = "construction", pgettext_lazy("industry", "Construction")
    ROAD_TRANSPORT = "road_transport", pgettext_lazy("industry", "Road transport")
    WATERWAY_TRANSPORT = "waterway_transport", pgettext_lazy("industry", "Waterway transport")
    GAS = "gas", pgettext_lazy("industry", "Town gas")
    CROWDED_PLACES = "crowded_places", pgettext_lazy("industry", "Crowded places (fire safety)")
    SPECIAL_EQUIPMENT = "special_equipment", pgettext_lazy("industry", "Special equipment")
    AGRICULTURAL_MACHINERY = "agricultural_machinery", pgettext_lazy("industry", "Agricultural machinery")
    FISHING_VESSELS = "fishing_vessels", pgettext_lazy("industry", "Fishing vessels")
    TOURISM = "tourism", pgettext_lazy("industry", "Tourist sites and culture")
    EDUCATION = "education", pgettext_lazy("industry", "Schools")
    HEALTHCARE = "healthcare", pgettext_lazy("industry", "Healthcare")
    OTHER = "other", pgettext_lazy("industry", "Other")


# 工贸: the eight industry-and-trade industries that reports group together.
INDUSTRY_AND_TRADE = frozenset(
    {
        Industry.METALLURGY,
        Industry.NONFERROUS,
        Industry.BUILDING_MATERIALS,
        Industry.MACHINERY,
        Industry.LIGHT_INDUSTRY,
        Industry.TEXTILE,
        Industry.TOBACCO,
        Industry.COMMERCE_TRADE,
    }
)

# 工矿商贸: industry, mining and commerce, as accident statistics group them.
INDUSTRY_MINING_COMMERCE = INDUSTRY_AND_TRADE | {
    Industry.HAZARDOUS_CHEMICALS,
    Industry.NON_COAL_MINING,
    Industry.COAL_MINING,
    Industry.FIREWORKS,
    Industry.CIVIL_EXPLOSIVES,
}


def chinese_name(code: str) -> str:
    """The industry's name in a report, which is written in Chinese whatever the reader's language."""
    from django.utils import translation

    if code not in Industry.values:
        return code
    with translation.override("zh-hans"):
        return str(Industry(code).label)
