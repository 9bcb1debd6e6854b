"""The permission matrix (permission_matrix.py) against the running site: every page and API
operation has its row, and each row answers each role as written, inside and outside the
jurisdiction. Then the widening attacks on the region filters."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from yingji.core.tests import permission_calls as calls
from yingji.core.tests.permission_matrix import API_PREFIX, ROLES, ROWS, WRITE, Row

pytestmark = pytest.mark.django_db

REFUSALS = set("fhlbr")  # the answers of a write that must change nothing


def _pages() -> dict[str, tuple]:
    """Every named page of the URL configuration (the API has its own list), with its parameters."""
    found = {}

    def walk(resolver, namespaces):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace == "api" or str(pattern.pattern).startswith("i18n/"):
                    continue
                walk(pattern, namespaces + [pattern.namespace] if pattern.namespace else namespaces)
            elif isinstance(pattern, URLPattern):
                assert pattern.name, f"an unnamed page: {pattern.pattern}"
                kinds = tuple(
                    (name, "int" if type(converter).__name__ == "IntConverter" else "str")
                    for name, converter in pattern.pattern.converters.items()
                )
                module = pattern.callback.__module__  # yingji.<app>.views, or Django's sign-out
                app = module.split(".")[1] if module.startswith("yingji.") else "accounts"
                found[":".join(namespaces + [pattern.name])] = (kinds, app)

    walk(get_resolver(), [])
    return found


def _operations() -> dict[str, tuple]:
    """Every operation of /api/v1/schema: its id without "yingji_", method and path."""
    found = {}
    for path, operations in calls.schema()["paths"].items():
        for method, operation in operations.items():
            name = operation["operationId"].removeprefix("yingji_")
            found[name] = (method.upper(), path.removeprefix(API_PREFIX), name.split("_")[0])
    return found


def _collected() -> list[Row]:
    import dataclasses

    pages, operations = _pages(), _operations()
    rows = []
    for row in ROWS:
        if row.api and row.name in operations:
            method, path, app = operations[row.name]
            rows.append(dataclasses.replace(row, method=method, path=path, app=app))
        elif not row.api and row.name in pages:
            kinds, app = pages[row.name]
            method = "POST" if row.action == WRITE else "GET"
            rows.append(dataclasses.replace(row, method=method, kwargs=kinds, app=app))
    return rows


COLLECTED = _collected()
CALLED = [row for row in COLLECTED if not row.exempt]


def test_every_page_and_api_operation_has_one_row():
    pages, operations = _pages(), _operations()
    page_rows = [row.name for row in ROWS if not row.api]
    api_rows = [row.name for row in ROWS if row.api]
    assert sorted(set(pages) - set(page_rows)) == [], "pages without a row in permission_matrix.py"
    assert sorted(set(operations) - set(api_rows)) == [], "API operations without a row"
    assert sorted(set(page_rows) - set(pages)) == [], "rows naming no page"
    assert sorted(set(api_rows) - set(operations)) == [], "rows naming no API operation"
    # One row per endpoint; a page with a form has two: showing it (GET) and posting it (WRITE).
    names = [(row.api, row.name, row.action == WRITE) for row in ROWS]
    assert len(names) == len(set(names)), "an endpoint with two rows"


def test_each_row_says_who_may_or_why_it_is_exempt():
    for row in ROWS:
        if row.exempt:
            assert not row.inside and not row.outside, row.name
            continue
        row.answers("in")
        assert set(row.inside.replace(" ", "")) <= set("ofhlbr"), row.name
        if row.record:
            row.answers("out")
        else:
            assert not row.outside, f"{row.name}: an outside answer needs a record"


def _is_list(row: Row) -> bool:
    return row.api and row.method == "GET" and bool(row.record) and "{" not in row.path


def _answer(callers, row: Row, role: str, path: str, names: dict) -> str:
    """The role's answer; for a list, whether the record is in it (o) or not (h)."""
    if not _is_list(row):
        return calls.call(callers, row, role, path)
    response = callers.api(role).get(path, {**row.query, "page_size": 500})
    if response.status_code != 200:
        return calls.letter(response)
    return "o" if names["pk"] in [item.get("id") for item in response.json()["results"]] else "h"


@pytest.mark.parametrize(
    "row", CALLED, ids=[f"{r.name}{' POST' if r.method == 'POST' else ''}" for r in CALLED]
)
def test_the_row_answers_each_role_as_written(row, request):
    people = calls.people(request)
    callers = calls.Callers(people)
    wrong = []
    for side in ("in", "out") if row.record else ("in",):
        names = calls.make(people, row, side)
        path = calls.path_of(row, names)
        for role, expected in row.answers(side).items():
            if row.method != "GET" and expected not in REFUSALS:
                continue  # a write's success is tested in its app
            before = calls.fingerprint(row) if row.method != "GET" else None
            got = _answer(callers, row, role, path, names)
            if got != expected:
                wrong.append(f"{side:>3} {role}: {got}, written {expected}")
            elif before is not None and calls.fingerprint(row) != before:
                wrong.append(f"{side:>3} {role}: refused ({got}) but the records of {row.app} changed")
    assert not wrong, f"{row.method} {path}\n" + "\n".join(wrong)


def test_exemptions_are_few():
    exempt = [row.name for row in ROWS if row.exempt]
    assert len(exempt) <= len(ROWS) // 20, exempt


# The widening attacks: a region filter naming the parent region, a sibling, or a LIKE pattern
# never returns more than the caller's own jurisdiction. 文艺路 (other_street) and 天心区
# (outsider) must not find the record of 东岸 (inside 芙蓉区) whatever the filter says.
ATTACKS = {
    "other_street": ["430102", "4301", "43", "430102015", "430102_15", "43010201%", "%", "_", "4301%"],
    "outsider": ["430102", "4301", "43", "430102015", "430102%", "%", "_", "43010_"],
}
REGION_LISTS = [
    row
    for row in COLLECTED
    if _is_list(row)
    and any(
        p["name"] in ("region", "street")
        for p in calls.schema()["paths"][API_PREFIX + row.path]["get"].get("parameters", [])
    )
]


@pytest.mark.parametrize("row", REGION_LISTS, ids=[r.name for r in REGION_LISTS])
def test_a_region_filter_never_widens_a_list(row, request):
    people = calls.people(request)
    callers = calls.Callers(people)
    names = calls.make(people, row, "in")
    parameters = {p["name"] for p in calls.schema()["paths"][API_PREFIX + row.path]["get"]["parameters"]}
    leaks = []
    for role, values in ATTACKS.items():
        for key in sorted(parameters & {"region", "street"}):
            for value in values:
                response = callers.api(role).get(
                    API_PREFIX + row.path, {**row.query, key: value, "page_size": 500}
                )
                if response.status_code >= 500:
                    leaks.append(f"{role} {key}={value}: {response.status_code}")
                elif response.status_code == 200:
                    ids = [item.get("id") for item in response.json()["results"]]
                    if names["pk"] in ids:
                        leaks.append(f"{role} {key}={value}: lists the record of 东岸")
    assert not leaks, "\n".join(leaks)


@pytest.mark.parametrize(
    "query", [{}, {"region": "430103"}, {"region": "4301"}, {"q": "天心"}, {"street": "430103002"}]
)
def test_the_registry_page_never_shows_another_countys_enterprise(request, query):
    people = calls.people(request)
    callers = calls.Callers(people)
    for role in ("bureau", "inspector", "street", "other_street", "department", "enterprise_user"):
        for page in ("/enterprises/", "/hazards/", "/inspections/", "/enforcement/"):
            response = callers.page(role).get(page, query)
            assert response.status_code == 200, (role, page, query)
            assert "天心建设有限公司" not in response.content.decode(), (role, page, query)


def test_a_region_filter_never_widens_the_numbers(request, enterprises):
    """The statistics and the tables of another county, or of the parent region, are not the
    caller's: the answer is 404 (or the caller's own numbers, never more)."""
    import datetime

    from yingji.hazards.tests.factories import hazard_factory

    people = calls.people(request)
    callers = calls.Callers(people)
    hazard_factory(actor=people.bureau, enterprise=enterprises["A"], found_at=datetime.date(2026, 6, 1))
    stats = f"{API_PREFIX}/stats"
    found = {"indicators": "hazards.found", "year": "2026"}
    for role, values in ATTACKS.items():
        for value in values:
            response = callers.api(role).get(stats, {**found, "region": value})
            assert response.status_code in (200, 400, 404), (role, value, response.status_code)
            if response.status_code == 200:
                assert "1" not in _values_of(response.json()), (role, value, response.json())
    for report in ("work-summary", "hazard-table", "accident-table"):
        for value in ("430102", "430102015"):
            response = callers.api("outsider").get(
                f"{API_PREFIX}/reports/{report}", {"region": value, "year": "2026"}
            )
            assert response.status_code == 404, (report, value, response.status_code)


def _values_of(answer) -> list[str]:
    """The numbers of a stats answer, as text, wherever they sit in it."""
    found = []
    if isinstance(answer, dict):
        for key, value in answer.items():
            if key in ("value", "count", "total"):
                found.append(str(value))
            else:
                found.extend(_values_of(value))
    elif isinstance(answer, list):
        for value in answer:
            found.extend(_values_of(value))
    return found


def test_ids_of_another_county_answer_404_to_every_role_but_its_own(request):
    """The matrix says it row by row; here once more in one place, for the records a county
    keeps: each detail of 天心区 answers 404 to every role of 芙蓉区."""
    people = calls.people(request)
    callers = calls.Callers(people)
    # (The region tree itself is the national code list, public to every user.)
    details = [
        r for r in CALLED if r.api and r.method == "GET" and r.record not in ("", "region") and "{" in r.path
    ]
    ours = ("bureau", "inspector", "street", "other_street", "department", "enterprise_user")
    wrong, made = [], {}
    for row in details:
        if row.record not in made:
            made[row.record] = calls.make(people, row, "out")
        path = calls.path_of(row, made[row.record])
        for role in ours:
            got = calls.call(callers, row, role, path)
            if got not in ("h", "f"):
                wrong.append(f"{row.name} {role}: {got}")
    assert not wrong, "\n".join(wrong)
    assert len(details) > 40
    assert ROLES[0] == "admin"
