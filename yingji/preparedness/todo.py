"""The plan owner's to-do: plans whose review falls due within 90 days, or is overdue (every
three years, or at once when a drill or event revealed problems)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yingji.notifications.todo import TodoItem, TodoKind, register
from yingji.preparedness import selectors


def plans_due(user) -> list[TodoItem]:
    return [
        TodoItem(
            kind="plan_review",
            title=_("Review the plan %(title)s (version %(version)s) by %(date)s")
            % {"title": p.title, "version": p.version, "date": p.review_due.isoformat()},
            object_id=p.pk,
            due=p.review_due,
            url=f"/preparedness/plans/{p.pk}/",
        )
        for p in selectors.plans_due(owner=user)
    ]


register(TodoKind("plan_review", gettext_lazy("Plans due for review"), plans_due))
