"""The audit log: who, when, from where, what, before and after; append-only; scoped browsing."""

import pytest
from django.db import DatabaseError, connection, transaction

from yingji.accounts.tests.factories import web_login
from yingji.audit.models import AuditEntry, AuditLogIsAppendOnly
from yingji.audit.services import audit_action, audit_created, audit_deleted, audit_updated, snapshot
from yingji.enterprises.tests.factories import enterprise_factory

pytestmark = pytest.mark.django_db


def test_an_entry_records_actor_ip_object_and_values(api, admin):
    api(admin).post(
        "/api/v1/regions",
        {"code": "430102015001", "name": "东岸社区", "parent_code": "430102015"},
        "application/json",
        REMOTE_ADDR="10.1.2.3",
    )
    entry = AuditEntry.objects.get(object_id="430102015001")
    assert (entry.actor_username, entry.ip, entry.action) == ("admin", "10.1.2.3", "create")
    assert entry.before is None and entry.after["name"] == "东岸社区"
    assert entry.region_code == "430102015001"


@pytest.mark.parametrize(
    ("peer", "forwarded", "recorded"),
    [
        ("127.0.0.1", "10.9.8.7", "10.9.8.7"),  # behind the trusted nginx: the client
        ("10.1.2.3", "10.9.8.7", "10.1.2.3"),  # a client's own header proves nothing
        ("127.0.0.1", "6.6.6.6, 10.9.8.7", "10.9.8.7"),  # what the client prepended neither
    ],
)
def test_the_address_is_the_clients_own_behind_the_trusted_proxy(api, admin, peer, forwarded, recorded):
    api(admin).post(
        "/api/v1/regions",
        {"code": "430102015001", "name": "东岸社区", "parent_code": "430102015"},
        "application/json",
        REMOTE_ADDR=peer,
        HTTP_X_FORWARDED_FOR=forwarded,
    )
    assert AuditEntry.objects.get(object_id="430102015001").ip == recorded


def test_update_and_workflow_entries_keep_before_and_after(bureau):
    e = enterprise_factory(name="旧名称")
    before = snapshot(e)
    e.name = "新名称"
    e.save()
    entry = audit_updated(actor=bureau, obj=e, before=before)
    assert ("name", "旧名称", "新名称") in entry.changed_fields()
    assert audit_updated(actor=bureau, obj=e, before=snapshot(e)) is None  # nothing changed, nothing logged
    action = audit_action(
        actor=bureau, obj=e, action="enterprise.suspend", before=before, extra={"reason": "整改"}
    )
    assert action.after["_action"] == {"reason": "整改"}
    deleted = audit_deleted(actor=bureau, obj=e)
    assert deleted.after is None and deleted.before["name"] == "新名称"


def test_passwords_never_reach_the_log(street):
    entry = audit_created(actor=None, obj=street)
    assert "password" not in entry.after and entry.actor_username == "system"


def test_the_model_refuses_to_change_or_delete_an_entry(bureau):
    entry = audit_created(actor=bureau, obj=enterprise_factory())
    entry.action = "forged"
    with pytest.raises(AuditLogIsAppendOnly):
        entry.save()
    with pytest.raises(AuditLogIsAppendOnly):
        entry.delete()


@pytest.mark.parametrize(
    "sql", ["UPDATE audit_auditentry SET action = 'forged'", "DELETE FROM audit_auditentry"]
)
def test_the_database_refuses_to_change_or_delete_an_entry(bureau, sql):
    audit_created(actor=bureau, obj=enterprise_factory())
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)
    assert AuditEntry.objects.filter(action="create").count() == 1


def test_bureau_browses_its_districts_entries_only(api, bureau, outsider):
    audit_created(actor=bureau, obj=enterprise_factory(region="430102015", name="芙蓉企业"))
    audit_created(actor=outsider, obj=enterprise_factory(region="430103002", name="天心企业"))
    ours = api(bureau).get("/api/v1/audit").json()
    assert [e["object_repr"] for e in ours["results"]] == ["芙蓉企业"]
    theirs = api(outsider).get("/api/v1/audit").json()
    assert [e["object_repr"] for e in theirs["results"]] == ["天心企业"]


def test_audit_filters(api, admin, bureau):
    audit_created(actor=bureau, obj=enterprise_factory(name="甲"))
    audit_created(actor=admin, obj=enterprise_factory(name="乙"))
    client = api(admin)
    assert [e["object_repr"] for e in client.get("/api/v1/audit", {"actor": "bureau"}).json()["results"]] == [
        "甲"
    ]
    assert client.get("/api/v1/audit", {"object_type": "enterprises.enterprise"}).json()["count"] == 2
    assert client.get("/api/v1/audit", {"from": "2000-01-01", "to": "2000-12-31"}).json()["count"] == 0
    assert client.get("/api/v1/audit", {"from": "not-a-date"}).status_code == 400


@pytest.mark.parametrize("persona", ["street", "department", "enterprise_user", "inspector"])
def test_only_admin_and_bureau_may_browse(api, request, persona, enterprises):
    user = request.getfixturevalue(persona)
    assert api(user).get("/api/v1/audit").status_code == 403


def test_the_audit_page_is_scoped_and_filtered(client, bureau, outsider):
    audit_created(actor=bureau, obj=enterprise_factory(region="430102015", name="芙蓉企业"))
    audit_created(actor=outsider, obj=enterprise_factory(region="430103002", name="天心企业"))
    web_login(client, "bureau")
    page = client.get("/audit/").content.decode()
    assert "芙蓉企业" in page and "天心企业" not in page
    assert "芙蓉企业" not in client.get("/audit/", {"actor": "nobody"}).content.decode()


def test_the_audit_page_is_forbidden_to_a_street(client, street):
    web_login(client, "street")
    assert client.get("/audit/").status_code == 403
