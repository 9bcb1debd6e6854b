"""Reads, through the user's jurisdiction (outside: 404)."""

from yingji.regions.scoping import get_for_user
from yingji.training.models import DemoCommunity, Exam, TrainingEvent


def _dated(qs, filters: dict, field: str = "held_on"):
    if filters.get("date_from"):
        qs = qs.filter(**{f"{field}__gte": filters["date_from"]})
    if filters.get("date_to"):
        qs = qs.filter(**{f"{field}__lte": filters["date_to"]})
    return qs


def event_list(*, user, filters: dict | None = None):
    filters = filters or {}
    qs = TrainingEvent.objects.for_user(user, within=filters.get("region") or None).select_related("region")
    if filters.get("kind"):
        qs = qs.filter(kind=filters["kind"])
    if filters.get("kinds"):
        qs = qs.filter(kind__in=filters["kinds"])
    return _dated(qs, filters)


def exam_list(*, user, filters: dict | None = None):
    filters = filters or {}
    qs = Exam.objects.for_user(user, within=filters.get("region") or None).select_related("region")
    if filters.get("operation"):
        qs = qs.filter(operation=filters["operation"])
    return _dated(qs, filters)


def community_list(*, user, filters: dict | None = None):
    filters = filters or {}
    qs = DemoCommunity.objects.for_user(user, within=filters.get("region") or None).select_related("region")
    if filters.get("status"):
        qs = qs.filter(status=filters["status"])
    return qs


def get(model, *, user, pk: int):
    return get_for_user(model.objects.select_related("region"), user, pk=pk)
