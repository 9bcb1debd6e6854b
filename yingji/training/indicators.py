"""Training, publicity and exam indicators, each counted on the day held: 安全培训讲座 are the
training and lecture events (场 = sessions, 人次 = participants); publicity is every other kind
(场次 = sessions); materials are the copies handed out at any event. Exams: candidates (人次) and
passes on the sitting's day. Named demonstration communities are counted cumulatively: named
in the period's year or before."""

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from yingji.stats.catalog import Measure, register
from yingji.training.choices import PUBLICITY_KINDS, TRAINING_KINDS, CommunityStatus
from yingji.training.models import DemoCommunity, Exam, TrainingEvent

EVENT_DIMENSIONS = {"kind": "kind"}


def _events(key, label, unit, aggregate, kinds, group):
    return Measure(
        key=key,
        label=label,
        unit=unit,
        model=TrainingEvent,
        date_field="held_on",
        aggregate=aggregate,
        where=(lambda q: Q(kind__in=kinds)) if kinds else (lambda q: Q()),
        dimensions=EVENT_DIMENSIONS,
        link=lambda q: f"/training/?group={group}&date_from={q.period.start}&date_to={q.period.end}",
    )


def _exams(key, label, field):
    return Measure(
        key=key,
        label=label,
        unit="人次",
        model=Exam,
        date_field="held_on",
        aggregate=lambda: Sum(field),
        dimensions={"operation": "operation"},
        link=lambda q: f"/training/exams/?date_from={q.period.start}&date_to={q.period.end}",
    )


register(
    _events("trainings.sessions", _("Safety training sessions and lectures"), "场", lambda: Sum("sessions"), TRAINING_KINDS, "training"),
    _events("trainings.participants", _("Safety training participants"), "人次", lambda: Sum("participants"), TRAINING_KINDS, "training"),
    _events("publicity.events", _("Publicity events"), "场次", lambda: Sum("sessions"), PUBLICITY_KINDS, "publicity"),
    _events("publicity.materials", _("Publicity materials distributed"), "份", lambda: Sum("materials"), (), "all"),
    _exams("exams.candidates", _("Special-operations exam candidates"), "candidates"),
    _exams("exams.passed", _("Special-operations exam passes"), "passed"),
    Measure(
        key="communities.named",
        label=_("Demonstration communities named"),
        unit="个",
        model=DemoCommunity,
        date_field="started_on",
        aggregate=lambda: Count("id"),
        in_period=lambda q: Q(status=CommunityStatus.NAMED, named_year__lte=q.period.end.year),
        dimensions={"level": "level"},
        link=lambda q: "/training/communities/?status=named",
    ),
)  # fmt: skip
