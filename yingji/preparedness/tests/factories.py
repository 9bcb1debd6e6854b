"""Records for the tests, built through the services (the same rules as the API)."""

from yingji.preparedness import services
from yingji.warnings.models import Contact

DISTRICT, DONGAN, WENYILU = "430102", "430102015", "430102001"


def team(actor, name="东岸街道应急抢险突击队", level="township", region=DONGAN, members=0, **values):
    t = services.team_create(
        actor=actor, values={"name": name, "level": level, "region_code": region, **values}
    )
    for n in range(members):
        services.member_add(actor=actor, team=t, values={"name": f"队员{n}", "phone": f"1380000{n:04d}"})
    return t


def plan(actor, title="芙蓉区防汛应急预案", approved_on="2024-05-10", region=DISTRICT, **values):
    return services.plan_create(actor=actor, values={"title": title, "level": "special", "type": "flood",
                                                     "region_code": region, "approved_on": approved_on, **values})  # fmt: skip


def drill(actor, day="2026-06-10", participants=100, region=DISTRICT, **values):
    return services.drill_create(actor=actor, values={"title": "防汛综合演练", "date": day, "type": "combined",
                                                      "region_code": region, "participants": participants, **values})  # fmt: skip


def officer(region, slot, name=None, **fields):
    return Contact.objects.create(region_id=region, name=name or f"信息员{slot}", phone="13900000000",
                                  role="info_officer", slot=slot, **fields)  # fmt: skip
