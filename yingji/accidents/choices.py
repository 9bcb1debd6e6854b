"""Accident codes (DOMAIN.md §0.4, §2.1): kinds, domains, GB 6441 categories, Decree 493 grades,
the investigation states and the table of allowed transitions."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from yingji.core.industries import INDUSTRY_MINING_COMMERCE, Industry


class AccidentKind(models.TextChoices):
    PRODUCTION = "production", _("Production safety accident")
    ROAD_TRAFFIC = "road_traffic", _("Road traffic accident")
    FIRE = "fire", _("Fire")
    FOREST_FIRE = "forest_fire", _("Forest fire")
    NATURAL_DISASTER = "natural_disaster", _("Natural disaster")


class AccidentDomain(models.TextChoices):
    """Where a production accident belongs in the bureau's statistics (only for `production`)."""

    INDUSTRY_MINING_COMMERCE = "industry_mining_commerce", _("Industry, mining and commerce")
    CONSTRUCTION = "construction", _("Construction")
    ROAD_TRANSPORT = "road_transport", _("Business road transport")
    WATERWAY = "waterway", _("Waterway traffic")
    FIRE = "fire", _("Business fire")
    OTHER = "other", _("Other")


class AccidentCategory(models.TextChoices):
    """事故类别 of GB 6441-1986, by its two-digit code."""

    STRUCK_BY_OBJECT = "01", _("Struck by object")
    VEHICLE = "02", _("Vehicle injury")
    MACHINERY = "03", _("Machinery injury")
    LIFTING = "04", _("Lifting injury")
    ELECTRIC_SHOCK = "05", _("Electric shock")
    DROWNING = "06", _("Drowning")
    BURNS = "07", _("Burns and scalds")
    FIRE = "08", _("Fire")
    FALL_FROM_HEIGHT = "09", _("Fall from height")
    COLLAPSE = "10", _("Collapse")
    ROOF_FALL = "11", _("Roof fall and rib spalling")
    WATER_INRUSH = "12", _("Water inrush")
    BLASTING = "13", _("Blasting injury")
    EXPLOSIVE = "14", _("Explosive explosion")
    FIREDAMP = "15", _("Gas (firedamp) explosion")
    BOILER = "16", _("Boiler explosion")
    PRESSURE_VESSEL = "17", _("Pressure vessel explosion")
    OTHER_EXPLOSION = "18", _("Other explosion")
    POISONING = "19", _("Poisoning and asphyxiation")
    OTHER = "20", _("Other injury")


class AccidentGrade(models.TextChoices):
    """Decree 493 Art. 3, from the lowest to the highest."""

    ORDINARY = "ordinary", pgettext_lazy("accident grade", "Ordinary")
    RELATIVELY_SERIOUS = "relatively_serious", pgettext_lazy("accident grade", "Relatively serious")
    SERIOUS = "serious", pgettext_lazy("accident grade", "Serious")
    EXTRAORDINARILY_SERIOUS = (
        "extraordinarily_serious",
        pgettext_lazy("accident grade", "Extraordinarily serious"),
    )


class ReportSource(models.TextChoices):
    """Who first told the bureau: kept to see how accidents reach it (and which arrive late)."""

    UNIT = "unit", _("The accident unit")
    EMERGENCY_CALL = "emergency_call", _("110/119/120 call")
    POLICE = "police", _("Police or traffic police")
    FIRE_RESCUE = "fire_rescue", _("Fire and rescue service")
    DEPARTMENT = "department", _("Supervising department")
    STREET = "street", _("Street or township")
    PUBLIC = "public", _("Member of the public")
    MEDIA = "media", _("Media or internet")
    OTHER = "other", _("Other")


class ReportLevel(models.TextChoices):
    """The levels an accident report climbs (Decree 493 Arts. 9–10)."""

    COUNTY = "county", _("County level")
    CITY = "city", _("City level")
    PROVINCE = "province", _("Province level")
    STATE_COUNCIL = "state_council", _("State Council")


class UpdateKind(models.TextChoices):
    INITIAL = "initial", _("First report")
    UPDATE = "update", _("Follow-up report")


class InvestigationStatus(models.TextChoices):
    REPORTED = "reported", _("Reported")
    INVESTIGATING = "investigating", _("Under investigation")
    REPORT_APPROVED = "report_approved", _("Investigation report approved")
    CLOSED = "closed", _("Case closed")


class AccidentAction(models.TextChoices):
    START_INVESTIGATION = "start_investigation", _("Start the investigation")
    EXTEND_INVESTIGATION = "extend_investigation", _("Extend the investigation")
    APPROVE_REPORT = "approve_report", _("Approve the investigation report")
    CLOSE = "close", _("Close the accident")


S = InvestigationStatus
# action -> (states it may start from, state it leads to; None keeps the state)
TRANSITIONS: dict[str, tuple[frozenset[str], str | None]] = {
    AccidentAction.START_INVESTIGATION: (frozenset({S.REPORTED}), S.INVESTIGATING),
    AccidentAction.EXTEND_INVESTIGATION: (frozenset({S.INVESTIGATING}), None),
    AccidentAction.APPROVE_REPORT: (frozenset({S.INVESTIGATING}), S.REPORT_APPROVED),
    AccidentAction.CLOSE: (frozenset({S.REPORT_APPROVED}), S.CLOSED),
}


def domain_for(industry: str) -> str:
    """The statistical domain a production accident of this industry falls in, by default."""
    if industry in INDUSTRY_MINING_COMMERCE:
        return AccidentDomain.INDUSTRY_MINING_COMMERCE
    return {
        Industry.CONSTRUCTION: AccidentDomain.CONSTRUCTION,
        Industry.ROAD_TRANSPORT: AccidentDomain.ROAD_TRANSPORT,
        Industry.WATERWAY_TRANSPORT: AccidentDomain.WATERWAY,
    }.get(industry, AccidentDomain.OTHER)
