"""The permission matrix: every page and every API operation, with who may do what, written once.

Each row names an endpoint (a URL name for a page, an operation id of /api/v1/schema without its
"yingji_" prefix for the API), its action (read, list, export, stats, report, write), the record
it is called on (a maker of permission_records.py, "in" and "out" of the jurisdiction), and the
answer each role gets, as a string of letters in the order of ROLES:

    admin  bureau inspector  street other_street  department  enterprise  outsider  anonymous
      o       o      o          o        h             o           f          h         l

written "o oo oh o f h l" (the spaces only group them). The letters:

    o  allowed (2xx, or a redirect elsewhere than the sign-in page)
    f  403: the role may not do this
    h  404: not found for this role (outside its jurisdiction)
    l  sign in first (401 from the API, a redirect to /login/ from a page)
    b  400, or a page's form shown again with its errors: the request is refused as it stands
       (a region outside the role's jurisdiction, a field missing)
    r  a page's write refused by a redirect with an error message

`inside` is the answer on the record in 东岸街道 of 芙蓉区 (enterprise A, construction); `outside`
the answer on the record of 天心区 (enterprise D). For an API list, both say who finds the
record in the list (o) and who must not (h). A write is called only as the roles that may
not write (f, h, l, b, r): it must be refused and change nothing; its success is tested in its
app. An API write is sent a body of the schema's shape (permission_calls.sample_body), a page's
write an empty form; a page that shows a form has a second row, WRITE, for posting it.

A street office's subtree is its street: 文艺路 (other_street) is a sibling of 东岸, and records
of 东岸 are outside it. The department supervises construction and gas (enterprise A is
construction); the enterprise user is enterprise A. District-level records (a team, a plan of
芙蓉区) lie outside a street's subtree.

An exemption is still a row: `exempt` says why the endpoint is not called here.
"""

from dataclasses import dataclass, field

API_PREFIX = "/api/v1"
ROLES = (
    "admin",
    "bureau",
    "inspector",
    "street",
    "other_street",
    "department",
    "enterprise_user",
    "outsider",
    "anonymous",
)
READ, LIST, EXPORT, STATS, REPORT, WRITE = "read", "list", "export", "stats", "report", "write"


@dataclass(frozen=True)
class Row:
    name: str
    action: str
    inside: str = ""
    outside: str = ""
    record: str = ""
    params: dict = field(default_factory=dict)
    query: dict = field(default_factory=dict)
    data: dict = field(default_factory=dict)  # the form a page's write posts
    body: dict | None = None  # the API write's body, where the schema's sample would not pass
    exempt: str = ""
    api: bool = False
    # Filled from the URL resolver or the schema when the test collects the row.
    method: str = "GET"
    path: str = ""
    kwargs: tuple = ()
    app: str = ""

    def answers(self, side: str) -> dict[str, str]:
        letters = (self.inside if side == "in" else self.outside).replace(" ", "")
        assert len(letters) == len(ROLES), f"{self.name}: {len(letters)} answers for {len(ROLES)} roles"
        return dict(zip(ROLES, letters, strict=True))


def page(name, action, inside="", outside="", **extra) -> Row:
    return Row(name, action, inside, outside, **extra)


def api(name, action, inside="", outside="", **extra) -> Row:
    return Row(name, action, inside, outside, api=True, **extra)


A_FILE = "needs an uploaded file or a generated document; its scoping is tested in the app's tests"
AN_UPLOAD = "a multipart upload whose file is checked before the permission; refusals are in the app's tests"

ROWS: list[Row] = [
    # home
    page("home", READ, "o oo oo o o o l"),
    # todo
    page("todo", READ, "o oo oo o o o l"),
    # screen
    page("screen", READ, "f of ff f f o l"),
    # dashboard-geo
    page("dashboard-geo", READ, "o oo oo o o h l", "o hh hh h h o l", record="county"),
    # login
    page("login", READ, "o oo oo o o o o"),
    # login-code
    page("login-code", READ, "l ll ll l l l l"),
    # logout
    page("logout", WRITE, "l ll ll l l l l"),
    # accounts
    page("accounts:detail", READ, "o oo oo o o o l"),
    page("accounts:password", READ, "o oo oo o o o l"),
    page("accounts:two-factor", READ, "o oo oo o o o l"),
    page("accounts:token-revoke", WRITE, "h oh hh h h h l", "h hh hh h h o l", record="token"),
    page("accounts:tokens-revoke-all", WRITE, "o oo oo o o o l"),
    page("accounts:users", READ, "o of ff f f o l"),
    page("accounts:user-add", READ, "o of ff f f o l"),
    page("accounts:user", READ, "o of ff f f h l", "o hf ff f f o l", record="user"),
    page("accounts:user-active", WRITE, "o of ff f f h l", "o hf ff f f b l", record="user"),
    page("accounts:user-password", WRITE, "o of ff f f h l", "o hf ff f f o l", record="user"),
    page("accounts:user-role", WRITE, "b bf ff f f h l", "b hf ff f f b l", record="user"),
    page("accounts:user-two-factor", WRITE, "b bf ff f f h l", "b hf ff f f b l", record="user"),
    # enterprises
    page("enterprises:list", LIST, "o oo oo o o o l"),
    page("enterprises:create", READ, "o oo oo o f o l"),
    page("enterprises:export", EXPORT, "o oo oo o o o l"),
    page("enterprises:import", READ, "o oo oo o f o l"),
    page("enterprises:detail", READ, "o oo oh o o h l", "o hh hh h h o l", record="enterprise"),
    page("enterprises:edit", READ, "o oo oh o o h l", "o hh hh h h o l", record="enterprise"),
    # inspections
    page("inspections:list", LIST, "o oo oo o o o l"),
    page("inspections:new", READ, "o oo oo o o o l"),
    page("inspections:checklists", READ, "o oo oo o o o l"),
    page("inspections:planning", READ, "o oo oo o o o l"),
    page("inspections:draws", READ, "o oo oo o o o l"),
    page("inspections:draw", READ, "o oo oh o h h l", "o hh hh h h o l", record="draw"),
    page("inspections:draw-export", EXPORT, "o oo oh o h h l", "o hh hh h h o l", record="draw"),
    page("inspections:detail", READ, "o oo oh o o h l", "o hh hh h h o l", record="inspection"),
    page("inspections:record", READ, "o oo oh o o h l", "o hh hh h h o l", record="inspection"),
    page("inspections:add-photos", WRITE, "r rr rh r f h l", "r hh hh h h r l", record="inspection"),
    page("inspections:photo", READ, "o oo oh o o h l", "o hh hh h h o l", record="inspection_photo"),
    # ledger
    page("ledger:import", READ, "o oo oo o o o l"),
    page("ledger:export", EXPORT, "o oo oo o o o l"),
    page("ledger:template", READ, "o oo oo o o o l"),
    # hazards
    page("hazards:list", LIST, "o oo oo o o o l"),
    page("hazards:detail", READ, "o oo oh o o h l", "o hh hh h h o l", record="hazard"),
    page("hazards:plan", WRITE, "r rr rh r f h l", "r hh hh h h r l", record="hazard"),
    page("hazards:notice", READ, "o oo oh o o h l", "o hh hh h h o l", record="hazard"),
    page(
        "hazards:action",
        WRITE,
        "r rr rh r r h l",
        "r hh hh h h r l",
        record="hazard",
        params={"action": "assign"},
    ),
    page("hazards:evidence", READ, "o oo oh o o h l", "o hh hh h h o l", record="hazard_evidence"),
    page("hazards:evidence-thumbnail", READ, "o oo oh o o h l", "o hh hh h h o l", record="hazard_evidence"),
    # accidents
    page("accidents:list", LIST, "o oo oo o o o l"),
    page("accidents:export", EXPORT, "o oo oo o o o l"),
    page("accidents:create", READ, "o oo oo o f o l"),
    page("accidents:grade_preview", READ, "o oo oo o o o l"),
    page("accidents:detail", READ, "o oo oh h h h l", "o hh hh h h o l", record="accident"),
    page("accidents:edit", READ, "o oo oh h h h l", "o hh hh h h o l", record="accident"),
    page("accidents:notice", WRITE, "r of fh h h h l", "r hh hh h h o l", record="accident"),
    page("accidents:update_create", WRITE, "b bb bh h h h l", "b hh hh h h b l", record="accident"),
    page(
        "accidents:act",
        WRITE,
        "b bb bh h h h l",
        "b hh hh h h b l",
        record="accident",
        params={"action": "start_investigation"},
    ),
    page(
        "accidents:report_made",
        WRITE,
        "b bb bh h h h l",
        "b hh hh h h b l",
        record="accident",
        params={"level": "city"},
    ),
    page("accidents:measure_create", WRITE, "b bb bh h h h l", "b hh hh h h b l", record="accident"),
    page(
        "accidents:measure_complete", WRITE, "o oo oh h h h l", "o hh hh h h o l", record="accident_measure"
    ),
    page("accidents:report_upload", WRITE, "b bb bh h h h l", "b hh hh h h b l", record="accident"),
    page("accidents:report_download", EXPORT, exempt=A_FILE),
    # audit
    page("audit:list", LIST, "o of ff f f o l"),
    # enforcement
    page("enforcement:list", LIST, "o oo oo o o o l"),
    page("enforcement:table", REPORT, "h oo oo o o o l"),
    page("enforcement:create", READ, "f oo ff f f o l"),
    page("enforcement:detail", READ, "o oo oh o o h l", "o hh hh h h o l", record="case"),
    page(
        "enforcement:act",
        WRITE,
        "f of fh f f h l",
        "f hh hh h h o l",
        record="case",
        params={"action": "approve_filing"},
    ),
    page("enforcement:penalty_add", WRITE, "f rr fh f f h l", "f hh hh h h r l", record="case"),
    page("enforcement:penalty_remove", WRITE, "f oo fh f f h l", "f hh hh h h o l", record="case_penalty"),
    page("enforcement:evidence_add", WRITE, "r rr rh r r h l", "r hh hh h h r l", record="case"),
    page("enforcement:evidence_file", READ, exempt=A_FILE),
    page("enforcement:document_generate", WRITE, "f rr fh f f h l", "f hh hh h h r l", record="case"),
    page("enforcement:document_download", EXPORT, exempt=A_FILE),
    # warnings
    page("warnings:list", LIST, "o oo oo o f o l"),
    page("warnings:detail", READ, "o oo oh o f h l", "o hh hh h f o l", record="warning"),
    page(
        "warnings:act",
        WRITE,
        "r rf fh f f h l",
        "r hh hh h f r l",
        record="warning",
        params={"action": "change_level"},
    ),
    page("warnings:contacts", READ, "o oo oo o f o l"),
    page("warnings:ack", READ, "h hh hh h h h h", params={"token": "xxxxxxxxxxxxxxxxxxxx"}),
    # emergency
    page("emergency:list", LIST, "o oo oo o f o l"),
    page("emergency:events", READ, "o oo oo o f o l"),
    page("emergency:event", READ, "o oo oh o f h l", "o hh hh h f o l", record="event"),
    page("emergency:responses", READ, "o oo oo o f o l"),
    page("emergency:response", READ, "o oo hh o f h l", "o hh hh h f o l", record="response"),
    page("emergency:evacuations", READ, "o oo oo o f o l"),
    page("emergency:evacuation_return", WRITE, "o of oh f h h l", "o hh hh h h o l", record="evacuation"),
    page("emergency:special", READ, "o oo oo f f o l"),
    page("emergency:special_export", EXPORT, "o oo oo f f o l"),
    page("emergency:special_reveal", WRITE, "f bf bh f f h l", "f hh hh f f b l", record="special_person"),
    page("emergency:shelters", READ, "o oo oo o f o l"),
    # duty
    page("duty:desk", READ, "o oo oo f f o l"),
    page("duty:act", WRITE, "h hh hh f f h l", params={"action": "close"}),
    page("duty:roster", READ, "o oo oo f f o l"),
    # preparedness
    page("preparedness:list", LIST, "o oo oo o o o l"),
    page("preparedness:create", READ, "o of oo f f o l"),
    page("preparedness:import", WRITE, "r rf rr f f r l"),
    page("preparedness:team", READ, "o oo oh o h h l", "o hh hh h h o l", record="team"),
    page("preparedness:experts", READ, "o oo oo o o o l"),
    page("preparedness:expert_create", READ, "o of oo f f o l"),
    page("preparedness:expert", READ, "o oo hh o h h l", "o hh hh h h o l", record="expert"),
    page("preparedness:coverage", READ, "o oo oo o o o l"),
    page("preparedness:plans", READ, "o oo oo o o o l"),
    page("preparedness:plan_create", READ, "o of oo o f o l"),
    page("preparedness:plan", READ, "o oo hh o h h l", "o hh hh h h o l", record="plan"),
    page("preparedness:drills", READ, "o oo oo o o o l"),
    page("preparedness:drill_create", READ, "o of oo o f o l"),
    page("preparedness:drill", READ, "o oo hh o h h l", "o hh hh h h o l", record="drill"),
    # supplies
    page("supplies:list", LIST, "o oo oo o o o l"),
    page("supplies:create", READ, "o of oo f f o l"),
    page("supplies:stock_table", READ, "o oo oo o o o l"),
    page("supplies:import", READ, "o of oo f f o l"),
    page("supplies:detail", READ, "o oo oh o h h l", "o hh hh h h o l", record="warehouse"),
    page("supplies:move", WRITE, "r rf rh f h h l", "r hh hh h h r l", record="warehouse"),
    page("supplies:minimum", WRITE, "r rf rh f h h l", "r hh hh h h r l", record="warehouse"),
    # training
    page("training:list", LIST, "o oo oo o o o l"),
    page("training:create", READ, "o of oo o f o l"),
    page("training:exams", READ, "o oo oo o o o l"),
    page("training:exam_create", READ, "o of ff f f o l"),
    page("training:communities", READ, "o oo oo o o o l"),
    page("training:community_create", READ, "o of oo f f o l"),
    page("training:community_name", WRITE, "r rf rh f h h l", "r hh hh h h r l", record="community"),
    # complaints
    page("complaints:list", LIST, "o oo oo o o o l"),
    page("complaints:export", EXPORT, "o oo oo o o o l"),
    page("complaints:create", READ, "f of ff f f o l"),
    page("complaints:detail", READ, "o oo hh h h h l", "o hh hh h h o l", record="complaint"),
    page(
        "complaints:act",
        WRITE,
        "f rf hh h h h l",
        "f hh hh h h r l",
        record="complaint",
        params={"action": "assign"},
    ),
    page("complaints:attachment", READ, exempt=A_FILE),
    page("complaints:report", READ, "o oo oo o o o o"),
    page("complaints:receipt", READ, "o oo oo o o o o"),
    page("complaints:captcha", READ, "h hh hh h h h h", params={"key": "x"}),
    page("complaints:lookup", READ, "o oo oo o o o o"),
    # campaigns
    page("campaigns:list", LIST, "o oo oo o f o l"),
    page("campaigns:detail", READ, "o oo oh o f h l", "o hh hh h f o l", record="campaign"),
    page("campaigns:xlsx", EXPORT, "o oo fh f f h l", "o hh hh h f o l", record="campaign"),
    page("campaigns:form", READ, "f ff oh f f h l", "f hh hh h f f l", record="campaign"),
    # tasks
    page("tasks:list", LIST, "o oo oo o f o l"),
    page("tasks:detail", READ, "o oo oh o f h l", "o hh hh h f o l", record="task"),
    page("tasks:update_file", READ, exempt=A_FILE),
    page("tasks:duty_items", READ, "o oo oo o f o l"),
    page("tasks:export", EXPORT, "o oo oo o f o l", params={"kind": "tasks"}),
    # meetings
    page("meetings:list", LIST, "o oo oo o f o l"),
    # assessments
    page("assessments:list", LIST, "o oo oo o f o l"),
    page("assessments:detail", READ, "o oo hh o f h l", "o hh hh h f o l", record="scheme"),
    page("assessments:score_file", READ, exempt=A_FILE),
    # notices
    page("notices:list", LIST, "o oo oo o f o l"),
    page("notices:docx", EXPORT, "o oo hh o f h l", "o hh hh h f o l", record="notice"),
    # notifications
    page("notifications:list", LIST, "o oo oo o o o l"),
    page("notifications:read", WRITE, "o oo oo o o o l"),
    page("notifications:preferences", WRITE, "o oo oo o o o l"),
    page("notifications:open", WRITE, "h oh hh h h h l", "h hh hh h h o l", record="notification"),
    # jobs
    page("jobs:progress", READ, "h oh hh h h h l", "h hh hh h h o l", record="job"),
    page("jobs:file", READ, exempt=A_FILE),
    # reports
    page("reports:work-summary", REPORT, "o of ff f f o l"),
    page("reports:wording", READ, "o of ff f f o l"),
    page("reports:wording-preview", WRITE, "b bf ff f f b l"),
    page("reports:drafts", READ, "o of ff f f o l"),
    page("reports:draft", READ, "o of ff f f h l", "o hf ff f f o l", record="draft"),
    page("reports:draft-edit", WRITE, "b bf ff f f h l", "b hf ff f f b l", record="draft"),
    page(
        "reports:draft-finalise",
        WRITE,
        "o of ff f f h l",
        "o hf ff f f o l",
        record="draft",
        data={"confirmed": "1"},
    ),
    page("reports:draft-pdf", WRITE, "o of ff f f h l", "o hf ff f f o l", record="draft"),
    page(
        "reports:draft-download",
        EXPORT,
        "o of ff f f h l",
        "o hf ff f f o l",
        record="draft",
        params={"extension": "docx"},
    ),
    # The forms: a page that shows a form on GET writes on POST to the same address.
    page("accounts:password", WRITE, "b bb bb b b b l"),
    page("accounts:two-factor", WRITE, "o oo oo o o o l"),
    page("accounts:user-add", WRITE, "b bf ff f f b l"),
    page("accounts:user", WRITE, "b bf ff f f h l", "b hf ff f f b l", record="user"),
    page("enterprises:create", WRITE, "b bb bb b f b l"),
    page("enterprises:import", WRITE, "b bb bb b f b l"),
    page("enterprises:edit", WRITE, "b bb bh b b h l", "b hh hh h h b l", record="enterprise"),
    page("inspections:new", WRITE, "b bb bb b b b l"),
    page("inspections:planning", WRITE, "b bf ff f f b l"),
    page("inspections:draws", WRITE, "b bf ff f f b l"),
    page("ledger:import", WRITE, "b bb bb b b b l"),
    page("accidents:create", WRITE, "b bb bb b f b l"),
    page("accidents:edit", WRITE, "b bb bh h h h l", "b hh hh h h b l", record="accident"),
    page("enforcement:create", WRITE, "f bb ff f f b l"),
    page("warnings:list", WRITE, "b bf ff f f b l"),
    page("warnings:contacts", WRITE, "b bf bb f f b l"),
    page("emergency:events", WRITE, "b bf bb f f b l"),
    page("emergency:responses", WRITE, "b bf ff f f b l"),
    page("emergency:response", WRITE, "o oo hh o f h l", "o hh hh h f o l", record="response"),
    page("emergency:evacuations", WRITE, "b bf bb f f b l"),
    page("emergency:special", WRITE, "b bf bb f f b l"),
    page("emergency:shelters", WRITE, "b bf bb f f b l"),
    page("duty:desk", WRITE, "b bf bb f f b l"),
    page("duty:roster", WRITE, "b bf bb f f b l"),
    page("preparedness:create", WRITE, "b bf bb f f b l"),
    page("preparedness:team", WRITE, "b bf bh f h h l", "b hh hh h h b l", record="team"),
    page("preparedness:expert_create", WRITE, "b bf bb f f b l"),
    page("preparedness:expert", WRITE, "b bb hh b h h l", "b hh hh h h b l", record="expert"),
    page("preparedness:plan_create", WRITE, "b bf bb b f b l"),
    page("preparedness:plan", WRITE, "r rr hh r h h l", "r hh hh h h r l", record="plan"),
    page("preparedness:drill_create", WRITE, "b bf bb b f b l"),
    page("preparedness:drill", WRITE, "b bb hh b h h l", "b hh hh h h b l", record="drill"),
    page("supplies:create", WRITE, "b bf bb f f b l"),
    page("supplies:import", WRITE, "b bf bb f f b l"),
    page("training:create", WRITE, "b bf bb b f b l"),
    page("training:exam_create", WRITE, "b bf ff f f b l"),
    page("training:community_create", WRITE, "b bf bb f f b l"),
    page("complaints:create", WRITE, "f bf ff f f b l"),
    page("complaints:report", WRITE, "b bb bb b b b b"),
    page("campaigns:list", WRITE, "b bf ff f f b l"),
    page("campaigns:detail", WRITE, "r of fh f f h l", "r hh hh h f o l", record="campaign"),
    page("campaigns:form", WRITE, "f ff oh f f h l", "f hh hh h f f l", record="campaign"),
    page("tasks:list", WRITE, "b bf ff f f b l"),
    page("tasks:detail", WRITE, "b bf bh f f h l", "b hh hh h f b l", record="task"),
    page("tasks:duty_items", WRITE, "b bb bb b f b l"),
    page("meetings:list", WRITE, "b bf ff f f b l"),
    page("assessments:list", WRITE, "b bf ff f f b l"),
    page("assessments:detail", WRITE, "r rf hh f f h l", "r hh hh h f r l", record="scheme"),
    page("reports:wording", WRITE, "o of ff f f o l"),
    page("reports:draft", WRITE, "b bf ff f f h l", "b hf ff f f b l", record="draft"),
    # accounts
    api(
        "accounts_api_token_create",
        WRITE,
        exempt="signing in: public by design (password, then the code); tested in accounts/tests",
    ),
    api("accounts_api_token_revoke", WRITE, "o oo oo o o o l"),
    api("accounts_api_me", READ, "o oo oo o o o l"),
    api("accounts_api_organisation_list", LIST, "o oo oo o o o l"),
    # regions
    api("regions_api_region_list", LIST, "o oo oo o o o l"),
    api("regions_api_region_create", WRITE, "b ff ff f f f l"),
    api("regions_api_region_detail", READ, "o oo oo o o o l", "o oo oo o o o l", record="region"),
    # enterprises
    api("enterprises_api_enterprise_list", LIST, "o oo oh o o h l", "o hh hh h h o l", record="enterprise"),
    api("enterprises_api_enterprise_create", WRITE, "b bb bb b f b l"),
    api("enterprises_api_enterprise_export", EXPORT, "o oo oo o o o l"),
    api("enterprises_api_enterprise_import", WRITE, "b bb bb b f b l"),
    api("enterprises_api_enterprise_detail", READ, "o oo oh o o h l", "o hh hh h h o l", record="enterprise"),
    api(
        "enterprises_api_enterprise_update", WRITE, "o oo oh o o h l", "o hh hh h h o l", record="enterprise"
    ),
    # inspections
    api("inspections_api_inspection_list", LIST, "o oo oh o o h l", "o hh hh h h o l", record="inspection"),
    api("inspections_api_inspection_create", WRITE, "o oo ob o f b l"),
    api("inspections_api_checklist_list", LIST, "o oo oo o o o l"),
    api("inspections_api_checklist_detail", READ, "o oo oo o o o l", params={"code": "gas"}),
    api("inspections_api_inspection_detail", READ, "o oo oh o o h l", "o hh hh h h o l", record="inspection"),
    api("inspections_api_inspection_photos", WRITE, exempt=AN_UPLOAD),
    api(
        "inspections_api_inspection_photo",
        READ,
        "o oo oh o o h l",
        "o hh hh h h o l",
        record="inspection_photo",
    ),
    api(
        "inspections_planning_api_plan_list",
        LIST,
        "o oo hh o h h l",
        "o hh hh h h o l",
        record="enforcement_plan",
    ),
    api("inspections_planning_api_plan_create", WRITE, "b of ff f f o l", body={"year": 2026, "rows": []}),
    api(
        "inspections_planning_api_plan_detail",
        READ,
        "o oo hh o h h l",
        "o hh hh h h o l",
        record="enforcement_plan",
    ),
    api(
        "inspections_planning_api_plan_update",
        WRITE,
        "o of hh f h h l",
        "o hh hh h h o l",
        record="enforcement_plan",
    ),
    api("inspections_planning_api_draw_create", WRITE, "o of ff f f b l"),
    api("inspections_planning_api_draw_list", LIST, "o oo oh o h h l", "o hh hh h h o l", record="draw"),
    api("inspections_planning_api_draw_detail", READ, "o oo oh o h h l", "o hh hh h h o l", record="draw"),
    # hazards
    api("hazards_ledger_api_ledger_import", WRITE, exempt=AN_UPLOAD),
    api("hazards_ledger_api_ledger_export", EXPORT, "o oo oo o o o l"),
    api("hazards_api_hazard_list", LIST, "o oo oh o o h l", "o hh hh h h o l", record="hazard"),
    api("hazards_api_hazard_create", WRITE, "o oo ob o o b l"),
    api("hazards_api_hazard_detail", READ, "o oo oh o o h l", "o hh hh h h o l", record="hazard"),
    api("hazards_api_hazard_plan", WRITE, "o oo oh o f h l", "o hh hh h h o l", record="hazard"),
    api(
        "hazards_api_hazard_action",
        WRITE,
        "b bb bh b f h l",
        "b hh hh h h b l",
        record="hazard",
        params={"action": "assign"},
    ),
    api("hazards_api_hazard_action_with_files", WRITE, exempt=AN_UPLOAD),
    api("hazards_api_evidence_detail", READ, "o oo oh o o h l", "o hh hh h h o l", record="hazard_evidence"),
    api(
        "hazards_api_evidence_supersede",
        WRITE,
        "b bb bh b f h l",
        "b hh hh h h b l",
        record="hazard_evidence",
    ),
    # accidents
    api("accidents_api_accident_list", LIST, "o oo oh h h h l", "o hh hh h h o l", record="accident"),
    api("accidents_api_accident_create", WRITE, "o oo ob b f b l"),
    api("accidents_api_accident_detail", READ, "o oo oh h h h l", "o hh hh h h o l", record="accident"),
    api("accidents_api_accident_patch", WRITE, "o oo oh h h h l", "o hh hh h h o l", record="accident"),
    api("accidents_api_update_list", LIST, "o oo oh h h h l", "o hh hh h h o l", record="accident"),
    api("accidents_api_update_create", WRITE, "o oo oh h h h l", "o hh hh h h o l", record="accident"),
    api(
        "accidents_api_accident_act",
        WRITE,
        "b bb fh h h h l",
        "b hh hh h h b l",
        record="accident",
        params={"action": "start_investigation"},
    ),
    api("accidents_api_report_upload", WRITE, "o oo fh h h h l", "o hh hh h h o l", record="accident"),
    api("accidents_api_report_download", EXPORT, exempt=A_FILE),
    api("accidents_api_report_steps", READ, "o oo oh h h h l", "o hh hh h h o l", record="accident"),
    api("accidents_api_report_made", WRITE, "o oo oh h h h l", "o hh hh h h o l", record="accident"),
    api("accidents_api_measure_list", LIST, "o oo oh h h h l", "o hh hh h h o l", record="accident"),
    api("accidents_api_measure_create", WRITE, "o oo oh h h h l", "o hh hh h h o l", record="accident"),
    api(
        "accidents_api_measure_complete",
        WRITE,
        "o oo oh h h h l",
        "o hh hh h h o l",
        record="accident_measure",
    ),
    api("accidents_api_accident_notice", WRITE, "b of fh h h h l", "b hh hh h h o l", record="accident"),
    # stats
    api(
        "stats_api_stats",
        STATS,
        "o oo oo o o o l",
        query={"indicators": "hazards.found", "region": "430102", "year": "2026"},
    ),
    api("stats_api_catalog", STATS, "o oo oo o o o l"),
    # web
    api("web_api_region_shapes", READ, "o oo oo o o h l", "o hh hh h h o l", record="county"),
    # reports
    api("reports_api_work_summary", REPORT, "o of ff f f h l", query={"region": "430102", "year": "2026"}),
    api("reports_api_hazard_table", REPORT, "o of ff f f h l", query={"region": "430102", "year": "2026"}),
    api("reports_api_accident_table", REPORT, "o of ff f f h l", query={"region": "430102", "year": "2026"}),
    api("reports_draft_api_draft_list", LIST, "o of ff f f h l", "o hf ff f f o l", record="draft"),
    api("reports_draft_api_draft_create", WRITE, "o of ff f f h l"),
    api("reports_draft_api_draft_detail", READ, "o of ff f f h l", "o hf ff f f o l", record="draft"),
    api("reports_draft_api_draft_patch", WRITE, "o of ff f f h l", "o hf ff f f o l", record="draft"),
    api("reports_draft_api_draft_finalise", WRITE, "o of ff f f h l", "o hf ff f f o l", record="draft"),
    api("reports_draft_api_draft_pdf", WRITE, "o of ff f f h l", "o hf ff f f o l", record="draft"),
    api("reports_draft_api_draft_versions", READ, "o of ff f f h l", "o hf ff f f o l", record="draft"),
    api("reports_draft_api_draft_download", EXPORT, "o of ff f f h l", "o hf ff f f o l", record="draft"),
    # audit
    api("audit_api_audit_list", LIST, "o of ff f f o l"),
    # notifications
    api(
        "notifications_api_notification_list",
        LIST,
        "h oh hh h h h l",
        "h hh hh h h o l",
        record="notification",
    ),
    api(
        "notifications_api_notification_read",
        WRITE,
        "h oh hh h h h l",
        "h hh hh h h o l",
        record="notification",
    ),
    api("notifications_api_preference_list", LIST, "o oo oo o o o l"),
    api("notifications_api_preference_set", WRITE, "o oo oo o o o l"),
    api("notifications_api_todo_list", LIST, "o oo oo o o o l"),
    # jobs
    api("jobs_api_job_detail", READ, "h oh hh h h h l", "h hh hh h h o l", record="job"),
    # enforcement
    api("enforcement_api_case_list", LIST, "o oo oh o o h l", "o hh hh h h o l", record="case"),
    api("enforcement_api_case_create", WRITE, "f bb ff f f b l"),
    api("enforcement_api_case_table", REPORT, "o oo hh o h h l", query={"region": "430102", "year": "2026"}),
    api("enforcement_api_case_detail", READ, "o oo oh o o h l", "o hh hh h h o l", record="case"),
    api(
        "enforcement_api_case_act",
        WRITE,
        "o of fh f f h l",
        "o hh hh h h o l",
        record="case",
        params={"action": "approve_filing"},
    ),
    api("enforcement_api_case_events", READ, "o oo oh o o h l", "o hh hh h h o l", record="case"),
    api("enforcement_api_penalty_add", WRITE, "f oo fh f f h l", "f hh hh h h o l", record="case"),
    api("enforcement_api_penalty_remove", WRITE, "f oo fh f f h l", "f hh hh h h o l", record="case_penalty"),
    api("enforcement_api_evidence_list", LIST, "o oo oh o o h l", "o hh hh h h o l", record="case"),
    api("enforcement_api_evidence_add", WRITE, "f bb fh f f h l", "f hh hh h h b l", record="case"),
    api("enforcement_api_evidence_file", READ, exempt=A_FILE),
    api("enforcement_api_document_list", LIST, "o oo oh o o h l", "o hh hh h h o l", record="case"),
    api("enforcement_api_document_generate", WRITE, "f oo fh f f h l", "f hh hh h h o l", record="case"),
    api("enforcement_api_document_download", EXPORT, exempt=A_FILE),
    api("enforcement_admin_api_code_list", LIST, "o oo oo o o o l"),
    api("enforcement_admin_api_code_create", WRITE, "o ff ff f f f l"),
    api("enforcement_admin_api_code_update", WRITE, "o ff ff f f f l", params={"code": "no_safety_training"}),
    api("enforcement_admin_api_holiday_list", LIST, "o oo oo o o o l"),
    api("enforcement_admin_api_holiday_set", WRITE, "o ff ff f f f l"),
    api("enforcement_admin_api_holiday_delete", WRITE, "h ff ff f f f l", params={"day": "2026-10-01"}),
    api("enforcement_admin_api_template_list", LIST, "o oo oo o o o l"),
    api(
        "enforcement_admin_api_template_download",
        EXPORT,
        "o oo oo o o o l",
        params={"kind": "penalty_decision"},
    ),
    api(
        "enforcement_admin_api_template_replace",
        WRITE,
        "b ff ff f f f l",
        params={"kind": "penalty_decision"},
    ),
    api(
        "enforcement_admin_api_template_reset", WRITE, "o ff ff f f f l", params={"kind": "penalty_decision"}
    ),
    api("enforcement_admin_api_officer_list", LIST, "o oo oo o o o l"),
    api(
        "enforcement_admin_api_officer_certificate",
        WRITE,
        "o of ff f f h l",
        "o hf ff f f o l",
        record="user",
    ),
    # warnings
    api("warnings_api_contact_list", LIST, "o oo oh o f h l", "o hh hh h f o l", record="contact"),
    api("warnings_api_contact_create", WRITE, "b bf bb f f b l"),
    api("warnings_api_contact_detail", READ, "o oo oh o f h l", "o hh hh h f o l", record="contact"),
    api("warnings_api_contact_patch", WRITE, "o of oh f h h l", "o hh hh h h o l", record="contact"),
    api("warnings_api_warning_list", LIST, "o oo oh o f h l", "o hh hh h f o l", record="warning"),
    api("warnings_api_warning_issue", WRITE, "b bf ff f f b l"),
    api("warnings_api_warning_detail", READ, "o oo oh o f h l", "o hh hh h f o l", record="warning"),
    api(
        "warnings_api_warning_act",
        WRITE,
        "b bb bh b h h l",
        "b hh hh h h b l",
        record="warning",
        params={"action": "change_level"},
    ),
    # campaigns
    api("campaigns_api_campaign_list", LIST, "o oo oh o f h l", "o hh hh h f o l", record="campaign"),
    api("campaigns_api_campaign_create", WRITE, "b of ff f f b l"),
    api("campaigns_api_campaign_detail", READ, "o oo oh o f h l", "o hh hh h f o l", record="campaign"),
    api(
        "campaigns_api_form_get",
        READ,
        "f ff oh f f h l",
        "f hh hh h f f l",
        record="campaign",
        params={"period": "2026-11-02"},
    ),
    api(
        "campaigns_api_form_put",
        WRITE,
        "f ff oh f f h l",
        "f hh hh h f f l",
        record="campaign",
        params={"period": "2026-11-02"},
    ),
    api("campaigns_api_campaign_rollup", READ, "o oo fh f f h l", "o hh hh h f o l", record="campaign"),
    api("campaigns_api_campaign_notice", WRITE, "b of fh f f h l", "b hh hh h f o l", record="campaign"),
    # tasks
    api("tasks_api_duty_items", READ, "o oo oo o f o l"),
    api("tasks_api_duty_item_create", WRITE, "o of ff f f b l"),
    api("tasks_api_task_list", LIST, "o oo oh o f h l", "o hh hh h f o l", record="task"),
    api("tasks_api_task_create", WRITE, "o of ff f f b l"),
    api("tasks_api_task_import", WRITE, "b bf ff f f b l"),
    api("tasks_api_duty_item_import", WRITE, "b bf ff f f b l"),
    api("tasks_api_task_detail", READ, "o oo oh o f h l", "o hh hh h f o l", record="task"),
    api("tasks_api_task_report", WRITE, "o of oh f h h l", "o hh hh h h o l", record="task"),
    api("tasks_api_task_report_with_evidence", WRITE, "b bf bh f h h l", "b hh hh h h b l", record="task"),
    # meetings
    api("meetings_api_meeting_list", LIST, "o oo hh o f h l", "o hh hh h f o l", record="meeting"),
    api("meetings_api_meeting_create", WRITE, "o of ff f f b l"),
    api("meetings_api_meeting_detail", READ, "o oo hh o f h l", "o hh hh h f o l", record="meeting"),
    api("meetings_api_interview_list", LIST, "o oo oo o f o l"),
    api("meetings_api_interview_create", WRITE, "b bf ff f f b l"),
    # assessments
    api("assessments_api_scheme_list", LIST, "o oo hh o f h l", "o hh hh h f o l", record="scheme"),
    api("assessments_api_scheme_create", WRITE, "o of ff f f b l"),
    api("assessments_api_scheme_results", READ, "o oo hh o f h l", "o hh hh h f o l", record="scheme"),
    api("assessments_api_scheme_score", WRITE, "b bf hh f f h l", "b hh hh h f b l", record="scheme"),
    api("assessments_api_scheme_notice", WRITE, "b of hh f f h l", "b hh hh h f o l", record="scheme"),
    # notices
    api("notices_api_notice_list", LIST, "o oo hh o f h l", "o hh hh h f o l", record="notice"),
    api("notices_api_notice_detail", READ, "o oo hh o f h l", "o hh hh h f o l", record="notice"),
    # emergency
    api("emergency_api_shelter_list", LIST, "o oo oo o f o l"),
    api("emergency_api_shelter_create", WRITE, "o of ob f f b l"),
    api("emergency_api_event_list", LIST, "o oo oh o f h l", "o hh hh h f o l", record="event"),
    api("emergency_api_event_create", WRITE, "o of ob f f b l"),
    api("emergency_api_event_detail", READ, "o oo oh o f h l", "o hh hh h f o l", record="event"),
    api("emergency_api_event_patch", WRITE, "o of oh f h h l", "o hh hh h h o l", record="event"),
    api("emergency_api_event_report", WRITE, "o of oh f h h l", "o hh hh h h o l", record="event"),
    api("emergency_api_event_close", WRITE, "o of oh f h h l", "o hh hh h h o l", record="event"),
    api("emergency_api_response_list", LIST, "o oo hh o f h l", "o hh hh h f o l", record="response"),
    api("emergency_api_response_start", WRITE, "o of ff f f b l"),
    api("emergency_api_response_detail", READ, "o oo hh o f h l", "o hh hh h f o l", record="response"),
    api(
        "emergency_api_response_act",
        WRITE,
        "o of hh f h h l",
        "o hh hh h h o l",
        record="response",
        params={"action": "end"},
    ),
    api("emergency_api_evacuation_list", LIST, "o oo oh o f h l", "o hh hh h f o l", record="evacuation"),
    api("emergency_api_evacuation_create", WRITE, "o of ob f f b l"),
    api("emergency_api_evacuation_return", WRITE, "o of oh f h h l", "o hh hh h h o l", record="evacuation"),
    api(
        "emergency_api_special_person_list",
        LIST,
        "o oo oh f f h l",
        "o hh hh f f o l",
        record="special_person",
    ),
    api("emergency_api_special_person_create", WRITE, "o of ob f f b l"),
    api("emergency_api_special_person_export", EXPORT, "o oo oo f f o l"),
    api("emergency_api_special_person_import", WRITE, "b bf bb f f b l"),
    api(
        "emergency_api_special_person_detail",
        READ,
        "o oo oh f f h l",
        "o hh hh f f o l",
        record="special_person",
    ),
    api(
        "emergency_api_special_person_patch",
        WRITE,
        "o of oh f f h l",
        "o hh hh f f o l",
        record="special_person",
    ),
    api(
        "emergency_api_special_person_reveal",
        WRITE,
        "f of oh f f h l",
        "f hh hh f f o l",
        record="special_person",
    ),
    # duty
    api("duty_api_roster", LIST, "o oo hh f f h l", "o hh hh f f o l", record="shift"),
    api("duty_api_shift_create", WRITE, "b bf bb f f b l"),
    api("duty_api_shift_detail", READ, "o oo hh f f h l", "o hh hh f f o l", record="shift"),
    api(
        "duty_api_shift_act",
        WRITE,
        "o of hh f h h l",
        "o hh hh h h o l",
        record="shift",
        params={"action": "hand_over"},
    ),
    api(
        "duty_api_duty_coverage", REPORT, "b oo oo f f o l", query={"from": "2026-06-01", "to": "2026-06-30"}
    ),
    api("duty_api_log_list", LIST, "o oo hh f f h l", "o hh hh f f o l", record="log_entry"),
    api("duty_api_log_add", WRITE, "b of oo f f o l"),
    api("duty_api_log_close", WRITE, "o of hh f h h l", "o hh hh h h o l", record="log_entry"),
    # preparedness
    api("preparedness_api_team_list", LIST, "o oo oh o h h l", "o hh hh h h o l", record="team"),
    api("preparedness_api_team_create", WRITE, "o of ob f f b l"),
    api("preparedness_api_team_import_xlsx", WRITE, "b bf bb f f b l"),
    api("preparedness_api_team_detail", READ, "o oo oh o h h l", "o hh hh h h o l", record="team"),
    api("preparedness_api_member_list", LIST, "o oo oh o h h l", "o hh hh h h o l", record="team"),
    api("preparedness_api_member_add", WRITE, "b bf bh f h h l", "b hh hh h h b l", record="team"),
    api("preparedness_api_expert_list", LIST, "o oo hh o h h l", "o hh hh h h o l", record="expert"),
    api("preparedness_api_expert_create", WRITE, "b bf bb f f b l"),
    api("preparedness_api_expert_detail", READ, "o oo hh o h h l", "o hh hh h h o l", record="expert"),
    api("preparedness_api_expert_patch", WRITE, "o of hh f h h l", "o hh hh h h o l", record="expert"),
    api("preparedness_api_officer_list", LIST, "o oo oo o o o l"),
    api("preparedness_api_officer_coverage", REPORT, "o oo oo o o o l"),
    api("preparedness_api_plan_list", LIST, "o oo hh o h h l", "o hh hh h h o l", record="plan"),
    api("preparedness_api_plan_create", WRITE, "o of ob o f b l"),
    api("preparedness_api_plan_detail", READ, "o oo hh o h h l", "o hh hh h h o l", record="plan"),
    api("preparedness_api_plan_revise", WRITE, "o of hh o h h l", "o hh hh h h o l", record="plan"),
    api(
        "preparedness_api_plan_file_upload",
        WRITE,
        "b bf hh b h h l",
        "b hh hh h h b l",
        record="plan_with_file",
    ),
    api(
        "preparedness_api_plan_file_download",
        EXPORT,
        "o oo hh o h h l",
        "o hh hh h h o l",
        record="plan_with_file",
    ),
    api("preparedness_api_drill_list", LIST, "o oo hh o h h l", "o hh hh h h o l", record="drill"),
    api("preparedness_api_drill_create", WRITE, "o of ob o f b l"),
    api("preparedness_api_drill_progress", REPORT, "o oo oo o o o l", query={"year": "2026"}),
    api("preparedness_api_drill_target", WRITE, "o of ob f f b l"),
    api("preparedness_api_drill_detail", READ, "o oo hh o h h l", "o hh hh h h o l", record="drill"),
    # supplies
    api("supplies_api_warehouse_list", LIST, "o oo oh o h h l", "o hh hh h h o l", record="warehouse"),
    api("supplies_api_warehouse_create", WRITE, "o of ob f f b l"),
    api("supplies_api_stock_table", READ, "o oo oo o o o l"),
    api("supplies_api_warehouse_detail", READ, "o oo oh o h h l", "o hh hh h h o l", record="warehouse"),
    api("supplies_api_warehouse_stock", READ, "o oo oh o h h l", "o hh hh h h o l", record="warehouse"),
    api("supplies_api_movement_list", LIST, "o oo oh o h h l", "o hh hh h h o l", record="warehouse"),
    api("supplies_api_movement_create", WRITE, "b bf bh f h h l", "b hh hh h h b l", record="warehouse"),
    api("supplies_api_minimum_set", WRITE, "b bf bh f h h l", "b hh hh h h b l", record="warehouse"),
    api("supplies_api_item_list", LIST, "o oo oo o o o l"),
    api("supplies_api_item_create", WRITE, "o ff ff f f f l"),
    api("supplies_api_item_edit", WRITE, "o ff ff f f f l", "o ff ff f f f l", record="supply_item"),
    # training
    api("training_api_event_list", LIST, "o oo hh o h h l", "o hh hh h h o l", record="training_event"),
    api("training_api_event_create", WRITE, "b of ob o f b l"),
    api("training_api_event_detail", READ, "o oo hh o h h l", "o hh hh h h o l", record="training_event"),
    api("training_api_exam_list", LIST, "o oo hh o h h l", "o hh hh h h o l", record="exam"),
    api("training_api_exam_create", WRITE, "o of ff f f b l"),
    api("training_api_exam_detail", READ, "o oo hh o h h l", "o hh hh h h o l", record="exam"),
    api("training_api_community_list", LIST, "o oo oh o h h l", "o hh hh h h o l", record="community"),
    api("training_api_community_create", WRITE, "o of ob f f b l"),
    api("training_api_community_detail", READ, "o oo oh o h h l", "o hh hh h h o l", record="community"),
    api("training_api_community_name", WRITE, "b bf bh f h h l", "b hh hh h h b l", record="community"),
    # complaints
    api("complaints_api_complaint_list", LIST, "o oo hh h h h l", "o hh hh h h o l", record="complaint"),
    api("complaints_api_complaint_create", WRITE, "f bf ff f f b l"),
    api("complaints_api_complaint_export", EXPORT, "o oo oo o o o l"),
    api("complaints_api_complaint_detail", READ, "o oo hh h h h l", "o hh hh h h o l", record="complaint"),
    api(
        "complaints_api_complaint_act",
        WRITE,
        "f bf hh h h h l",
        "f hh hh h h b l",
        record="complaint",
        params={"action": "assign"},
    ),
    api("complaints_api_complaint_events", READ, "o oo hh h h h l", "o hh hh h h o l", record="complaint"),
    api("complaints_public_api_public_complaint_create", WRITE, "b bb bb b b b b"),
    api("complaints_public_api_public_complaint_status", READ, "h hh hh h h h h", params={"receipt": "X1"}),
]
