"""The lead-time chain of DOMAIN.md 6.3 ("1262": outlook about a week ahead, forecast two days,
warning six hours, imminent warning two hours), as configurable stages rather than constants:
YINGJI_WARNING_STAGES replaces the table, YINGJI_WARNING_ACK_MINUTES the default time a
recipient has to acknowledge (叫应) before the warning escalates to their superior."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Stage:
    key: str
    label: str
    lead_hours: int  # how long before the hazard this stage is issued
    ack_minutes: int | None = None  # None: YINGJI_WARNING_ACK_MINUTES

    @property
    def ack_window(self) -> datetime.timedelta:
        return datetime.timedelta(minutes=self.ack_minutes or settings.YINGJI_WARNING_ACK_MINUTES)


DEFAULT = (
    Stage("outlook", _("Outlook (about a week ahead)"), 168, 240),
    Stage("forecast", _("Forecast (about two days ahead)"), 48, 120),
    Stage("warning", _("Warning (about six hours ahead)"), 6),
    Stage("imminent", _("Imminent warning (about two hours ahead)"), 2, 10),
)


def stages() -> tuple[Stage, ...]:
    configured = getattr(settings, "YINGJI_WARNING_STAGES", None)
    return tuple(Stage(**s) if isinstance(s, dict) else s for s in configured) if configured else DEFAULT


def stage(key: str) -> Stage | None:
    return next((s for s in stages() if s.key == key), None)


def choices() -> list[tuple[str, str]]:
    return [(s.key, s.label) for s in stages()]
