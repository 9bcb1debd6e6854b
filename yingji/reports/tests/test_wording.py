"""Report wording: a small placeholder language over plain values (no template language, no
objects), and wording that belongs to the organisation that edits it (issue 8, item 1)."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from yingji.accounts.choices import Role
from yingji.accounts.models import User
from yingji.accounts.tests.factories import user_factory, web_login
from yingji.audit.models import AuditEntry
from yingji.core.errors import ApplicationError
from yingji.hazards.models import Hazard
from yingji.regions.models import Region
from yingji.reports import narrative, services, wording
from yingji.reports.models import NarrativeText
from yingji.reports.narrative import DEFAULTS
from yingji.reports.parts import placeholder_names
from yingji.reports.summary import build_summary

pytestmark = pytest.mark.django_db
D = datetime.date
PLAN = DEFAULTS["plan"].replace("{{ region_word }}", "全区").splitlines()  # 芙蓉区 and 天心区 alike

# As a bureau user of 430102 saved it (the issue): 天心区's hazards and users' password hashes.
ISSUE_PAYLOAD = (
    "{% for c in region.parent.children.all %}{% if c.code == '430103' %}{% for st in c.children.all %}"
    "{% for h in st.hazard_set.all %}[{{ h.description }} {{ h.responsible }}]{% endfor %}"
    "{% for o in st.organisation_set.all %}{% for u in o.users.all %}[{{ u.username }} {{ u.password }}]"
    "{% endfor %}{% endfor %}{% endfor %}{% endif %}{% endfor %}"
)
# Each with the placeholder or tag its refusal names.
ATTACKS = [
    (ISSUE_PAYLOAD, "{% for c in region.parent.children.all %}"),
    ("{{ user.password }}", "user.password"),
    ("{{ region.parent.name }}", "region.parent.name"),
    ("{% load static %}", "{% load static %}"),
    ('{% include "base.html" %}', '{% include "base.html" %}'),
    ("{% debug %}", "{% debug %}"),
    ('{{ x|default:"a" }}', '{{ x|default:"a" }}'),
    ("{{ p.count.value|add:1 }}", "{{ p.count.value|add:1 }}"),
    ("{{ p.count.value.__class__ }}", "{{ p.count.value.__class__ }}"),
    ("{{ region }}", "region"),
    ("{{ region_word.upper }}", "region_word.upper"),  # a walk into a string's methods
    ("{{ p.count }}", "p.count"),  # a group, not a value
    ("{{ p.0 }}", "{{ p.0 }}"),  # no index access
    ("{% if region.parent %}x{% endif %}", "region.parent"),
    ("{% if c.code == '430103' %}x{% endif %}", "{% if c.code == '430103' %}"),
    ("{% with r=region %}{{ r }}{% endwith %}", "{% with r=region %}"),
    ("{% if double_zero %}x", "{% if double_zero %}"),  # not closed
    ("x{% endif %}", "{% endif %}"),
    ("{{ region_word ", "{{ region_word"),
    ("{{ inspections.count }}", "inspections.count"),  # the work paragraph's, not the plan's
]
SECRET = "天心机密隐患"


@pytest.fixture
def tianxin(enterprises, outsider):
    """天心区 (430103): a hazard and a street office user, what the issue's payload reached."""
    d = enterprises["D"]
    Hazard.objects.create(
        enterprise=d, region_id=d.region_id, industry=d.industry, description=SECRET, found_at=D(2026, 2, 1)
    )
    return user_factory(
        role=Role.STREET, username="tianxin-street", region=d.region_id, name="天心街道办事处"
    )


def summary(user, region="430102"):
    return build_summary(user=user, region_code=region, year=2026, period_code="H1", as_of=D(2026, 7, 15))


def text_of(document) -> str:
    return "\n".join([document.title, *(p for _h, paragraphs in document.sections for p in paragraphs)])


# --- the language -----------------------------------------------------------------------


@pytest.mark.parametrize(("payload", "named"), ATTACKS)
def test_an_attack_is_refused_on_save_naming_what_is_wrong(client, bureau, payload, named):
    web_login(client, "bureau")
    response = client.post("/reports/wording/", dict(DEFAULTS) | {"plan": payload})
    assert response.status_code == 400
    error = dict((k, e) for k, _title, _t, e, _p in response.context["parts"])["plan"]
    assert named in error
    assert not NarrativeText.objects.exists()
    with pytest.raises(ApplicationError) as refused:
        services.wording_set(actor=bureau, key="plan", text=payload)
    assert refused.value.status == 400 and named in refused.value.errors["plan"][0]


@pytest.mark.parametrize(("payload", "named"), ATTACKS)
def test_an_attack_forced_into_the_database_is_never_rendered(bureau, outsider, tianxin, payload, named):
    NarrativeText.objects.create(key="plan", text=payload)  # the administrator's default
    NarrativeText.objects.create(organisation=bureau.organisation, key="plan", text=payload)
    for user, region in ((bureau, "430102"), (outsider, "430103")):
        document = summary(user, region)
        text = text_of(document)
        assert document.sections[-1][1] == PLAN  # the shipped wording stands in
        assert SECRET not in text and "pbkdf2" not in text and "argon2" not in text
        assert not any(u.password in text for u in User.objects.all())
        assert "{" not in text and "}" not in text and "tianxin-street" not in text


def test_the_shipped_wording_still_reads_the_same(bureau):
    document = summary(bureau)
    assert document.title == "长沙市芙蓉区应急管理局2026年上半年安全生产工作总结"
    assert document.sections[1][1][0] == (
        "2026年上半年，全区共发生生产安全事故0起、死亡0人，事故起数、死亡人数同比均持平；受伤0人，"
        "直接经济损失0万元，受伤人数、直接经济损失同比均持平。未发生较大及以上生产安全事故。"
        "实现生产安全事故零发生、零死亡“双零”目标。"
    )
    assert document.sections[-1][1] == PLAN


def test_if_not_and_else_and_dotted_names():
    nodes = wording.parse("{% if not a %}无{% else %}有{{ b.c }}个{% endif %}")
    assert wording.render(nodes, {"a": 0, "b": {"c": 3}}) == "无"
    assert wording.render(nodes, {"a": 1, "b": {"c": Decimal("2.5")}}) == "有2.5个"


def test_the_renderer_reads_dictionary_keys_only():
    context = {"region_word": "全区", "p": {"count": {"value": 4}}}
    assert wording.render(wording.parse("{{ region_word.upper }}{{ p.count }}{{ nothing }}"), context) == ""


class AnObject:
    name = "芙蓉区"  # something with attributes


@pytest.mark.parametrize(
    "value",
    [AnObject(), [1], (1,), {"a": AnObject()}, print, lambda: 1, {"_secret": 1}, {1: 2}],
)
def test_the_context_takes_plain_values_only(value):
    with pytest.raises(TypeError):
        wording.plain(value)


def test_a_model_or_a_queryset_is_refused_in_the_context():
    with pytest.raises(TypeError):
        wording.plain({"region": Region.objects.get(code="430102")})
    with pytest.raises(TypeError):
        wording.plain({"regions": Region.objects.all()})


def test_the_summary_gives_each_part_plain_values_and_the_names_the_page_lists(bureau, monkeypatch):
    given = {}
    render = narrative.Narrative.render

    def spy(self, key, context):
        given[key] = context
        return render(self, key, context)

    monkeypatch.setattr(narrative.Narrative, "render", spy)
    summary(bureau)
    for key, context in given.items():
        assert wording.plain(context) == context
        assert set(wording.names(context)) == placeholder_names(key)


# --- whose wording ------------------------------------------------------------------------


def test_a_bureau_s_wording_is_its_own(client, bureau, outsider):
    web_login(client, "bureau")
    form = dict(DEFAULTS) | {"plan": "一是芙蓉区自己的计划。\r\n二是{{ region_word }}继续努力。"}
    assert client.post("/reports/wording/", form).status_code == 302
    assert summary(bureau).sections[-1][1] == ["一是芙蓉区自己的计划。", "二是全区继续努力。"]
    assert summary(outsider, "430103").sections[-1][1] == PLAN
    client.logout()
    web_login(client, "outsider")
    outsiders_page = dict((k, t) for k, _title, t, _e, _p in client.get("/reports/wording/").context["parts"])
    assert outsiders_page["plan"] == DEFAULTS["plan"]
    entry = AuditEntry.objects.get(object_type="reports.narrativetext")
    assert (entry.action, entry.actor_username, entry.region_code) == ("create", "bureau", "430102")


def test_the_administrator_s_wording_is_the_default_of_every_bureau(client, admin, bureau, outsider):
    web_login(client, "admin")
    assert (
        client.post(
            "/reports/wording/", dict(DEFAULTS) | {"plan": "一是{{ region_word }}统一部署。"}
        ).status_code
        == 302
    )
    assert summary(bureau).sections[-1][1] == ["一是全区统一部署。"]
    assert summary(outsider, "430103").sections[-1][1] == ["一是全区统一部署。"]
    services.wording_set(actor=bureau, key="plan", text="一是芙蓉区自己的计划。")
    assert summary(bureau).sections[-1][1] == ["一是芙蓉区自己的计划。"]
    assert summary(outsider, "430103").sections[-1][1] == ["一是全区统一部署。"]
    assert summary(admin).sections[-1][1] == ["一是全区统一部署。"]


def test_a_leader_reads_the_wording_of_the_bureau(bureau):
    leader = user_factory(role=Role.LEADER, org=bureau.organisation, username="leader")
    services.wording_set(actor=bureau, key="title", text="{{ org_name }}{{ period_label }}工作总结")
    assert summary(leader).title == "长沙市芙蓉区应急管理局2026年上半年工作总结"


def test_a_bureau_restores_what_it_inherits(client, admin, bureau):
    services.wording_set(actor=admin, key="plan", text="一是统一部署。")
    web_login(client, "bureau")
    assert client.post("/reports/wording/", dict(DEFAULTS) | {"plan": "一是自己的。"}).status_code == 302
    assert client.post("/reports/wording/", dict(DEFAULTS) | {"plan": ""}).status_code == 302
    assert list(NarrativeText.objects.values_list("organisation_id", "text")) == [(None, "一是统一部署。")]
    assert list(
        AuditEntry.objects.filter(region_code="430102")
        .exclude(object_type="security")  # the sign-in
        .order_by("id")
        .values_list("action", flat=True)
    ) == ["create", "delete"]


def test_one_bad_part_saves_nothing(client, bureau):
    web_login(client, "bureau")
    form = dict(DEFAULTS) | {"title": "新的标题", "plan": "{{ user.password }}"}
    assert client.post("/reports/wording/", form).status_code == 400
    assert not NarrativeText.objects.exists()


def test_the_page_lists_each_part_s_placeholders(client, bureau):
    web_login(client, "bureau")
    response = client.get("/reports/wording/")
    listed = {key: placeholders for key, _title, _t, _e, placeholders in response.context["parts"]}
    assert "p.count.value" in listed["plan"] and "inspections.count" not in listed["plan"]
    assert {"inspections.count", "inspections.self_checks", "region_word"} <= listed["work"].keys()
    assert {"hazards.rate", "hazards.closed_names"} <= listed["hazards"].keys()
    assert all(label for label in listed["situation"].values())
    assert 'data-testid="placeholders-work"' in response.content.decode()


def test_streets_may_not_reword(client, street):
    web_login(client, "street")
    assert client.get("/reports/wording/").status_code == 403
    with pytest.raises(PermissionDenied):
        services.wording_set(actor=street, key="plan", text="x")


def test_the_page_names_each_part_by_its_place_in_the_summary(client, bureau):
    web_login(client, "bureau")
    titles = [title for _k, title, _t, _e, _p in client.get("/reports/wording/").context["parts"]]
    # The page speaks Chinese: the work paragraph is named by its section of the summary.
    assert "二、工作开展情况：安全检查" in [str(t) for t in titles]
    assert not {"title", "situation", "work", "plan"} & {str(t) for t in titles}
