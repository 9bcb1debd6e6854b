"""Three years of enforcement cases for 芙蓉区, at the rate the seed reports show for a district
(about one case a year for every 25 enterprises, one in four decided on the spot): most found
by inspections, some from overdue hazards; their documents numbered without gaps, their
penalties, payments and timelines. Cases of the last weeks are still under way. In bulk."""

import datetime
from decimal import Decimal

from django.contrib.auth.hashers import make_password

from yingji.accounts.choices import OrgKind, Role
from yingji.accounts.models import Organisation, User
from yingji.core import demo
from yingji.enforcement import deadlines, numbering
from yingji.enforcement.choices import CaseStatus as S
from yingji.enforcement.choices import DocumentKind as K
from yingji.enforcement.models import (
    Case,
    CaseDocument,
    CaseEvent,
    CasePayment,
    CasePenalty,
    DocumentCounter,
    ViolationCode,
)
from yingji.enterprises.models import Enterprise
from yingji.hazards.models import Hazard

CASES_PER_ENTERPRISE_YEAR = 0.03
SIMPLIFIED_SHARE = 0.25
FINES = [5000, 10000, 10000, 15000, 20000, 20000, 30000, 50000]
# (username, name, 执法证号): the inspector account and the bureau's other officers.
OFFICERS = [("inspector", "李执法", "43010220230001"), ("zhang.zf", "张正法", "43010220230002"),
            ("wang.zf", "王立明", "43010220230003")]  # fmt: skip
# Days ago the last cases opened, so that the demo has cases at filing, in investigation, at
# the notice and in execution.
RECENT = (1, 20, 45, 70)
REFERRED_TO = ["区市场监督管理局", "区住房和城乡建设局", "区消防救援大队"]


def _officers(bureau) -> list[User]:
    users = []
    for username, name, cert in OFFICERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            # The bureau's other officers sign in only once an administrator sets their password.
            user = User(
                username=username,
                name=name,
                role=Role.INSPECTOR,
                organisation=bureau,
                password=make_password(None),
            )
        user.enforcement_cert_no = cert
        users.append(user)
    User.objects.bulk_create([u for u in users if u.pk is None])
    User.objects.bulk_update([u for u in users], ["enforcement_cert_no"])
    return users


class _Numbers:
    """Serials per kind and year in the order the documents were issued; the counters are left
    at the last one so that live numbering goes on without a gap."""

    def __init__(self, issuer):
        self.issuer, self.rows = issuer, []

    def add(self, case, kind, day):
        self.rows.append(CaseDocument(case=case, kind=kind, issuer=self.issuer, year=day.year, serial=0, number="",
                                      issued_on=day, region_id=case.region_id, industry=case.industry,
                                      enterprise_id=case.enterprise_id))  # fmt: skip

    def number(self) -> dict:
        last: dict = {}
        for doc in sorted(self.rows, key=lambda d: (d.issued_on, d.case.created_at, d.kind)):
            key = (doc.kind, doc.year)
            last[key] = doc.serial = last.get(key, 0) + 1
            doc.number = numbering.format_number(self.issuer, doc.kind, doc.year, doc.serial)
        return last


def _plan(rng, age: int) -> dict:
    """How far an ordinary case got, by its age in days, and when each step happened (offsets)."""
    filed = rng.randrange(0, 4)
    steps = {"filed": filed, "review": filed + rng.randrange(20, 45)}
    steps["notice"] = steps["review"] + rng.randrange(3, 10)
    steps["decided"] = steps["notice"] + rng.randrange(8, 20)
    steps["served"] = steps["decided"] + rng.randrange(0, 6)
    steps["paid"] = steps["served"] + (rng.randrange(1, 15) if rng.random() < 0.9 else rng.randrange(16, 40))
    steps["closed"] = steps["paid"] + rng.randrange(3, 12)
    steps["archived"] = steps["closed"] + rng.randrange(10, 40)
    return {name: offset for name, offset in steps.items() if offset <= age}


def _status(steps: dict, paid: bool) -> str:
    for name, status in (("archived", S.ARCHIVED), ("closed", S.CLOSED)):
        if name in steps:
            return status
    if "served" in steps:
        return S.EXECUTION if not paid or "paid" not in steps else S.CLOSING
    for name, status in (
        ("decided", S.SERVICE),
        ("notice", S.NOTICE),
        ("review", S.REVIEW),
        ("filed", S.INVESTIGATION),
    ):
        if name in steps:
            return status
    return S.FILING


@demo.generator("enforcement", after=["hazards", "inspections"])
def enforcement(ctx: demo.DemoContext) -> None:
    rng = ctx.rng("enforcement")
    bureau = Organisation.objects.select_related("region").get(kind=OrgKind.BUREAU, region_id=ctx.district)
    crew = _officers(bureau)
    approver = User.objects.filter(username="bureau").first()
    enterprises = list(Enterprise.objects.filter(region__code__startswith=ctx.district).values_list(
        "id", "name", "region_id", "industry", "address"))  # fmt: skip
    by_id = {e[0]: e for e in enterprises}
    inspections = [i for i in ctx.shared.get("inspections", []) if i[1] in by_id]
    overdue = list(Hazard.objects.filter(region__code__startswith=ctx.district, deadline__lt=ctx.today,
                   deadline__isnull=False).values_list("id", "enterprise_id", "deadline", "description"))  # fmt: skip
    codes = {c.code: c for c in ViolationCode.objects.all()}
    start = ctx.today - datetime.timedelta(days=3 * 365)
    count = int(len(enterprises) * CASES_PER_ENTERPRISE_YEAR * 3 / (1 - SIMPLIFIED_SHARE))
    cases, plans = [], []
    for _n in range(count):
        roll = rng.random()
        if overdue and roll < 0.2:
            hazard_id, enterprise_id, day, description = rng.choice(overdue)
            inspection_id, source, code = None, "hazard", codes["hazard_not_eliminated"]
            facts = f"{description}，逾期未整改"
            day += datetime.timedelta(days=rng.randrange(1, 10))
        elif inspections and roll < 0.8:
            inspection_id, enterprise_id, day = rng.choice(inspections)
            hazard_id, source = None, "inspection"
            code = rng.choice(list(codes.values()))
            facts = code.name
        else:
            enterprise_id = rng.choice(enterprises)[0]
            hazard_id = inspection_id = None
            source, code = (
                rng.choice(["complaint", "complaint", "referral", "transfer"]),
                rng.choice(list(codes.values())),
            )
            day = start + datetime.timedelta(days=rng.randrange((ctx.today - start).days + 1))
            facts = code.name
        recent = _n >= count - len(RECENT)
        if recent:  # the last few open in the last weeks: cases under way
            day = ctx.today - datetime.timedelta(days=RECENT[count - _n - 1])
        if not start <= day <= ctx.today:
            continue
        _id, name, region, industry, address = by_id[enterprise_id]
        simplified = rng.random() < SIMPLIFIED_SHARE and not recent
        case = Case(region_id=region, industry=industry, enterprise_id=enterprise_id, party_kind="organisation",
                    party_name=name, party_address=address, source=source, inspection_id=inspection_id,
                    hazard_id=hazard_id, violation=code, facts=facts, act_on=day, legal_basis=code.legal_basis,
                    penalty_basis=code.penalty_basis, procedure="simplified" if simplified else "ordinary",
                    issuer=bureau, handler=crew[0], created_by=crew[0])  # fmt: skip
        cases.append(case)
        plan = _simulate(rng, case, day, ctx.today, recent)
        plan["opened_at"] = datetime.datetime.combine(day, datetime.time(1, rng.randrange(60)), datetime.UTC)
        plans.append(plan)
    Case.objects.bulk_create(cases, batch_size=1000)
    for case, plan in zip(cases, plans, strict=True):  # bulk_create stamped them now: the day they opened
        case.created_at = plan["opened_at"]
    _write(rng, cases, plans, crew, approver, bureau)


def _simulate(rng, case: Case, day: datetime.date, today: datetime.date, recent: bool) -> dict:
    """Fill the case's dates and state; return its penalties, payments, events and documents."""
    age = (today - day).days
    plan = {"penalties": [], "payment": None, "events": [("create", "", S.FILING, day)], "docs": []}
    if case.source in ("inspection", "hazard"):
        plan["docs"] += [(K.INSPECTION_RECORD, day), (K.RECTIFICATION_ORDER, day)]
    if case.procedure == "simplified":
        amount = Decimal(rng.choice([0, 500, 1000, 2000, 3000]))
        plan["penalties"].append(("fine", amount) if amount else ("warning", Decimal(0)))
        case.status, case.decided_on = S.EXECUTION, day
        case.served_on = day
        plan["docs"].append((K.PENALTY_DECISION, day))
        plan["events"].append(("decide_summary", S.FILING, S.EXECUTION, day))
        if amount and age > 3:
            plan["payment"] = (amount, day + datetime.timedelta(days=rng.randrange(0, 4)))
            case.status, case.closed_on = S.CLOSED, day + datetime.timedelta(days=rng.randrange(4, 10))
            if case.closed_on > today:
                case.status, case.closed_on = S.CLOSING, None
        elif not amount:
            case.status, case.closed_on = S.CLOSED, day
        _deadline(case)
        return plan
    if rng.random() < 0.08 and not recent:  # not ours: handed over at filing
        case.status, case.transfer_kind = S.TRANSFERRED, "referral"
        case.transferred_to, case.transferred_on = rng.choice(REFERRED_TO), day + datetime.timedelta(days=2)
        plan["events"].append(("transfer", S.FILING, S.TRANSFERRED, case.transferred_on))
        return plan
    steps = _plan(rng, age)
    at = {name: day + datetime.timedelta(days=offset) for name, offset in steps.items()}
    kinds = (
        ["fine"]
        + (["suspension"] if rng.random() < 0.08 else [])
        + (["licence_suspended"] if rng.random() < 0.02 else [])
    )
    kinds += ["closure"] if rng.random() < 0.01 else []
    fine = Decimal(rng.choice(FINES))
    plan["penalties"] = [(k, fine if k == "fine" else Decimal(0)) for k in kinds]
    if "filed" in at:
        case.filed_on = at["filed"]
        plan["docs"].append((K.FILING_APPROVAL, at["filed"]))
        plan["events"].append(("approve_filing", S.FILING, S.INVESTIGATION, at["filed"]))
        if "review" in at and rng.random() < 0.02 and not recent:
            case.status, case.transfer_kind, case.transferred_to = (
                S.TRANSFERRED,
                "criminal_transfer",
                "长沙市公安局芙蓉分局",
            )
            case.transferred_on = at["review"]
            plan["events"].append(("criminal_transfer", S.INVESTIGATION, S.TRANSFERRED, at["review"]))
            return plan
    if "notice" in at:
        case.notice_on = at["notice"]
        case.statement_ends_on = deadlines.statement_window(at["notice"]).due
        plan["docs"].append((K.PENALTY_NOTICE, at["notice"]))
    if "decided" in at:
        case.decided_on = at["decided"]
        plan["docs"].append((K.PENALTY_DECISION, at["decided"]))
    if "served" in at:
        case.served_on = at["served"]
    paid = "paid" in at and rng.random() < 0.95
    if paid:
        due = deadlines.payment_deadline(at["served"]).due
        plan["payment"] = (fine, at["paid"], deadlines.surcharge(fine, due, at["paid"]))
    elif "paid" in at:
        case.court_applied_on = at["paid"]
    for name, action, before, after in (("review", "end_investigation", S.INVESTIGATION, S.REVIEW),
                                        ("notice", "give_notice", S.REVIEWED, S.NOTICE),
                                        ("decided", "approve_decision", S.DECISION, S.SERVICE),
                                        ("served", "serve", S.SERVICE, S.EXECUTION),
                                        ("closed", "approve_closing", S.CLOSING, S.CLOSED),
                                        ("archived", "archive", S.CLOSED, S.ARCHIVED)):  # fmt: skip
        if name in at:
            plan["events"].append((action, before, after, at[name]))
    case.status = _status(steps, paid or case.court_applied_on is not None)
    if "closed" in at:
        case.closed_on = at["closed"]
        plan["docs"].append((K.CLOSING_APPROVAL, at["closed"]))
    case.archived_on = at.get("archived")
    plan["fine_outstanding"] = not paid
    _deadline(case, unpaid=not paid)
    return plan


def _deadline(case: Case, unpaid: bool = True) -> None:
    found = None
    if (
        case.status in (S.INVESTIGATION, S.REVIEW, S.REVIEWED, S.NOTICE, S.HEARING, S.DECISION)
        and case.filed_on
    ):
        found = deadlines.decision_deadline(case.filed_on)
    elif case.status == S.SERVICE:
        found = deadlines.service_deadline(case.decided_on)
    elif case.status == S.EXECUTION and case.served_on and unpaid and case.court_applied_on is None:
        found = deadlines.payment_deadline(case.served_on)
    case.due_on, case.due_provisional = (found.due, found.provisional) if found else (None, False)


def _write(rng, cases, plans, crew, approver, bureau) -> None:
    through = Case.officers.through
    through.objects.bulk_create(
        [through(case_id=c.pk, user_id=u.pk) for c in cases for u in rng.sample(crew, 2)], batch_size=5000
    )
    CasePenalty.objects.bulk_create(
        [
            CasePenalty(case=c, kind=k, amount=a)
            for c, p in zip(cases, plans, strict=True)
            for k, a in p["penalties"]
        ],
        batch_size=5000,
    )
    payments = []
    for case, plan in zip(cases, plans, strict=True):
        if plan["payment"]:
            amount, day, *surcharge = plan["payment"]
            payments.append(
                CasePayment(case=case, amount=amount, paid_on=day, surcharge=surcharge[0] if surcharge else 0)
            )
    CasePayment.objects.bulk_create(payments, batch_size=5000)
    events = []
    for case, plan in zip(cases, plans, strict=True):
        for action, before, after, day in plan["events"]:
            actor = approver if action.startswith(("approve", "transfer", "criminal")) else crew[0]
            at = datetime.datetime.combine(day, datetime.time(10, 0), datetime.UTC)
            events.append(
                CaseEvent(case=case, actor=actor, action=action, from_status=before, to_status=after, at=at)
            )
    CaseEvent.objects.bulk_create(events, batch_size=5000)
    numbers = _Numbers(bureau)
    for case, plan in zip(cases, plans, strict=True):
        for kind, day in plan["docs"]:
            numbers.add(case, kind, day)
    last = numbers.number()
    CaseDocument.objects.bulk_create(numbers.rows, batch_size=5000)
    DocumentCounter.objects.bulk_create(
        [DocumentCounter(issuer=bureau, kind=kind, year=year, last=n) for (kind, year), n in last.items()]
    )
    named = {
        (d.case_id, d.kind): d.number
        for d in numbers.rows
        if d.kind in (K.FILING_APPROVAL, K.PENALTY_DECISION)
    }
    for case in cases:
        case.number = named.get((case.pk, K.FILING_APPROVAL)) or named.get((case.pk, K.PENALTY_DECISION), "")
    Case.objects.bulk_update(cases, ["number", "created_at"], batch_size=1000)
