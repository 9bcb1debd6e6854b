"""Who is told of what happens to hazards and accidents: one call from each service action,
after its change, so the rule of who must act lives here and not in each module's code."""

import functools

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from yingji.accounts.choices import Role
from yingji.notifications import kinds
from yingji.notifications.services import (
    bureau_users_over,
    district_bureau_users,
    enterprise_users,
    notify,
    street_users_over,
)

GRADE_ORDER = ("ordinary", "relatively_serious", "serious", "extraordinarily_serious")
ACCIDENT_WATCH = (Role.LEADER, Role.DUTY)


def in_site_language(func):
    """Stored text is written in the site's language, whatever the actor's page was in."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            return func(*args, **kwargs)

    return wrapper


def _others(actor, *querysets) -> list[int]:
    ids = {pk for qs in querysets for pk in qs.values_list("pk", flat=True)}
    ids.discard(getattr(actor, "pk", None))
    return sorted(ids)


@in_site_language
def hazard_registered(actor, hazard) -> None:
    if hazard.level == "major":
        notify(
            kind=kinds.MAJOR_HAZARD,
            users=_others(actor, bureau_users_over(hazard.region_id, (Role.BUREAU,))),
            title=_("Major hazard registered: %(enterprise)s") % {"enterprise": hazard.enterprise.name},
            body=hazard.description,
            url=f"/hazards/{hazard.pk}/",
        )


@in_site_language
def hazard_acted(actor, hazard, action: str) -> None:
    """Tell whoever must act next, once the action has been applied."""
    url, name = f"/hazards/{hazard.pk}/", hazard.enterprise.name
    enterprise = enterprise_users(hazard.enterprise)
    if action == "assign":
        users = _others(actor, enterprise, street_users_over(hazard.region_id))
        deadline = hazard.deadline.isoformat() if hazard.deadline else ""
        title = _("Hazard to rectify by %(deadline)s: %(enterprise)s") % {
            "deadline": deadline,
            "enterprise": name,
        }
        notify(kind=kinds.HAZARD_ASSIGNED, users=users, title=title, body=hazard.description, url=url)
    elif action == "submit":
        users = _others(actor, _assigners(hazard), district_bureau_users(hazard.region_id))
        title = _("Rectification evidence to accept: %(enterprise)s") % {"enterprise": name}
        notify(kind=kinds.EVIDENCE_SUBMITTED, users=users, title=title, body=hazard.description, url=url)
    elif action == "reject":
        title = _("Rectification rejected: %(enterprise)s") % {"enterprise": name}
        notify(
            kind=kinds.EVIDENCE_REJECTED,
            users=_others(actor, enterprise),
            title=title,
            url=url,
            body=hazard.description,
        )
    elif action in ("grant_extension", "deny_extension"):
        title = (
            _("Extension granted, new deadline %(deadline)s") % {"deadline": hazard.deadline}
            if action == "grant_extension"
            else _("Extension denied, the deadline stays %(deadline)s") % {"deadline": hazard.deadline}
        )
        notify(
            kind=kinds.EXTENSION_DECIDED,
            users=_others(actor, enterprise),
            title=title,
            url=url,
            body=hazard.description,
        )
    elif action == "list":
        title = _("Major hazard listed for supervision: %(enterprise)s") % {"enterprise": name}
        users = _others(actor, bureau_users_over(hazard.region_id, (Role.BUREAU,)))
        notify(kind=kinds.MAJOR_HAZARD, users=users, title=title, body=hazard.description, url=url)


def _assigners(hazard):
    """Whoever assigned the rectification (its latest assignment), else who registered it."""
    from yingji.accounts.models import User

    assigned = hazard.events.filter(action="assign", actor__isnull=False).order_by("-at", "-id").first()
    actor_id = assigned.actor_id if assigned else hazard.reported_by_id
    return User.objects.filter(pk=actor_id, is_active=True)


@in_site_language
def accident_registered(actor, accident) -> None:
    title = _("%(grade)s accident registered: %(place)s") % {
        "grade": accident.get_grade_display(),
        "place": accident.place,
    }
    notify(
        kind=kinds.ACCIDENT_REGISTERED,
        users=_others(actor, bureau_users_over(accident.region_id, ACCIDENT_WATCH)),
        title=title,
        body=accident.summary,
        url=f"/accidents/{accident.pk}/",
    )


@in_site_language
def accident_regraded(actor, accident, old_grade: str) -> None:
    if GRADE_ORDER.index(accident.grade) <= GRADE_ORDER.index(old_grade):
        return
    title = _("Accident grade raised to %(grade)s: %(place)s") % {
        "grade": accident.get_grade_display(),
        "place": accident.place,
    }
    notify(
        kind=kinds.ACCIDENT_GRADE_RAISED,
        users=_others(actor, bureau_users_over(accident.region_id, ACCIDENT_WATCH)),
        title=title,
        body=accident.summary,
        url=f"/accidents/{accident.pk}/",
    )
