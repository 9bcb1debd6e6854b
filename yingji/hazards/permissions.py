"""Who may take which hazard action. Jurisdiction is checked before (outside is 404);
these predicates decide 403 for a record the user can see.

Who may accept (验收) and write off (销号) a hazard — DOMAIN.md §3.2 (Order 16 Arts. 18 and 23:
the supervising department reviews a major hazard on site and writes it off) and §3.4. The same
rule decides accepting (approve), rejecting a rectification (reject: the failed review),
rectifying on the spot (which records the acceptance at once) and writing off (close):

- A hazard listed for supervision (挂牌督办) only by a bureau or department user of the
  organisation that listed it.
- A major hazard only by the bureau over it (bureau and inspector users of a bureau whose
  region holds it) or the department supervising its industry (in its region): the
  departments with safety-supervision duties (负有安全生产监督管理职责的部门).
- A general hazard by those too, and by a street office that found it or assigned its
  rectification ("谁检查、谁督办、谁验收"); a street does not accept what others found.
- Never by the enterprise (it rectifies and submits its own evidence, it does not judge it),
  a leader or the duty officer. The system administrator may, audited like everyone.

The ledger import applies the same rule (`import_statuses`): a row comes in no further along
the loop than its importer could take a hazard it found itself through these actions.
"""

from yingji.accounts.choices import Role
from yingji.hazards.choices import HazardAction, HazardLevel, HazardStatus
from yingji.regions.scoping import Jurisdiction

SUPERVISORS = frozenset({Role.ADMIN, Role.BUREAU, Role.INSPECTOR, Role.DEPARTMENT, Role.STREET})
# The enterprise's own users record evidence and ask for more time; bureaus often submit
# evidence on an enterprise's behalf, so submit is open to both.
ENTERPRISE_ACTIONS = frozenset({HazardAction.SUBMIT, HazardAction.REQUEST_EXTENSION})
ONLY = {
    HazardAction.CANCEL: frozenset({Role.ADMIN, Role.BUREAU}),
    HazardAction.LIST: frozenset({Role.ADMIN, Role.BUREAU, Role.DEPARTMENT}),
}
# The actions that judge a rectification: the acceptance rule above decides them.
ACCEPTANCE = frozenset(
    {HazardAction.APPROVE, HazardAction.REJECT, HazardAction.RECTIFY_ON_SITE, HazardAction.CLOSE}
)
# The departments with safety-supervision duties: the bureau (its staff and inspectors) and
# the member departments, within their industries.
AUTHORITIES = frozenset({Role.BUREAU, Role.INSPECTOR, Role.DEPARTMENT})
# Where the closed loop has got to, in order; cancelled stands apart.
LOOP = (
    HazardStatus.REPORTED,
    HazardStatus.RECTIFYING,
    HazardStatus.AWAITING_REVIEW,
    HazardStatus.RECTIFIED,
    HazardStatus.CLOSED,
)


def can_register(user) -> bool:
    return user.role in SUPERVISORS or user.role == Role.ENTERPRISE


def may_accept(user, *, level: str, listed_by_id: int | None = None, in_charge=frozenset()) -> bool:
    """The acceptance rule on a hazard's own terms, jurisdiction aside: its level, the
    organisation that listed it (None when not listed) and the organisations that found it or
    assigned its rectification (`in_charge`)."""
    if user.role == Role.ADMIN:
        return True
    if listed_by_id is not None:
        return user.role in AUTHORITIES and user.organisation_id == listed_by_id
    if user.role in AUTHORITIES:
        return True
    if user.role == Role.STREET:
        return level == HazardLevel.GENERAL and user.organisation_id in in_charge
    return False


def can_accept(user, hazard) -> bool:
    """Whether the user may accept, reject, rectify on the spot or write off this hazard."""
    if not _within(user, hazard):
        return False
    in_charge = in_charge_of(hazard) if user.role == Role.STREET else frozenset()
    listed_by = hazard.listed_by_id if hazard.is_listed else None
    return may_accept(user, level=hazard.level, listed_by_id=listed_by, in_charge=in_charge)


def in_charge_of(hazard) -> frozenset[int]:
    """The organisations that found the hazard (registered or imported it) or assigned its
    rectification, from its timeline."""
    from yingji.hazards.models import HazardEvent

    found_or_assigned = ("register", "import", HazardAction.ASSIGN)
    orgs = HazardEvent.objects.filter(hazard_id=hazard.pk, action__in=found_or_assigned).values_list(
        "actor__organisation_id", flat=True
    )
    return frozenset(o for o in orgs if o is not None)


def import_statuses(user, level: str) -> frozenset[str]:
    """The statuses a ledger row of this level may come in with when this user imports it: no
    further than the user could take, through the actions, a hazard they found themselves
    (an import is never listed). Rectification under way and submitted are the enterprise's
    own record; a major hazard is submitted only with evidence files, which a ledger cannot
    carry, so only one who may accept it imports it as awaiting acceptance or further."""
    accepts = may_accept(user, level=level, in_charge={user.organisation_id})
    statuses = set(LOOP[:2])
    if level == HazardLevel.GENERAL or accepts:
        statuses.add(HazardStatus.AWAITING_REVIEW)
    if accepts:
        statuses |= {HazardStatus.RECTIFIED, HazardStatus.CLOSED}
    if user.role in ONLY[HazardAction.CANCEL]:
        statuses.add(HazardStatus.CANCELLED)
    return frozenset(statuses)


def can_act(user, hazard, action: str) -> bool:
    if action in ONLY:
        return user.role in ONLY[action]
    if action in ACCEPTANCE:
        return can_accept(user, hazard)
    if user.role == Role.ENTERPRISE:
        return action in ENTERPRISE_ACTIONS
    return user.role in SUPERVISORS


def actions_for(user, hazard) -> list[str]:
    """The actions this user may take on this hazard now (for the UI's buttons)."""
    return [
        a for a in HazardAction.values if hazard.can(a) and _applies(hazard, a) and can_act(user, hazard, a)
    ]


def _within(user, hazard) -> bool:
    # Scoping has hidden what lies outside already; checked again because the rule is read
    # apart from any query (the import, tests, a future caller).
    j = Jurisdiction.of(user)
    if j.everything:
        return True
    return (
        j.contains_region(hazard.region_id)
        and (j.industries is None or hazard.industry in j.industries)
        and (j.enterprise_id is None or hazard.enterprise_id == j.enterprise_id)
    )


def _applies(hazard, action: str) -> bool:
    if action == HazardAction.RECTIFY_ON_SITE:
        return hazard.level == "general"
    if action == HazardAction.LIST:
        return hazard.level == "major" and not hazard.is_listed
    if action in (HazardAction.GRANT_EXTENSION, HazardAction.DENY_EXTENSION):
        return hazard.extension_requested_until is not None
    return True
