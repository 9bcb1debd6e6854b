"""After a load run: what the users were told was written (the locust file's record) against what
the database holds for the run. Each write is known by its marker ("[run:kind-n]" at the start of
a description or of an inspection's notes; "hazard:action" for an action of the loop):

- lost: acknowledged, and not in the database;
- doubled: in the database twice, or there without having been asked for;
- unanswered: asked for, and no answer came (a 5xx or no response): in the database once
  and whole, or not at all, both are correct;
- without audit: in the database with no audit entry (an inspection, a hazard and a photo
  their "create", an action its "hazard.<action>", an import one "hazard.import" for its file).

An import is checked whole too: its 10 rows all there, or none."""

import re
from collections import Counter

import psycopg

ACTIONS = ("assign", "submit", "approve")
LEDGER_ROWS = 10
MARK = re.compile(r"^(\[[^]]+\])")


def check(url: str, record: dict) -> tuple[list[tuple], list[str]]:
    """The table's rows and the problems found (none, we hope)."""
    run, writes = record["run"], record["writes"]
    unanswered = Counter(u["marker"] for u in record["uncertain"])
    like = f"[{run}:%"
    rows, problems = [], []

    def compare(what: str, told: Counter, held: Counter, audit: Counter) -> None:
        lost = told - held
        extra = held - told
        doubled = sum(n - (1 if unanswered[m] else 0) for m, n in extra.items())
        whole = sum(1 for m in extra if unanswered[m] and extra[m] == 1)
        no_audit = sum(1 for m in held if audit[m] < held[m])
        too_many = sum(1 for m in audit if audit[m] > held[m])
        asked = sum(unanswered[m] for m in unanswered if _kind(m) == what)
        rows.append((what, sum(told.values()), sum(held.values()), sum(lost.values()), doubled, f"{asked} ({whole} written)", no_audit))  # fmt: skip
        if lost or doubled or no_audit or too_many:
            problems.append(f"{what}: {sum(lost.values())} lost, {doubled} doubled, {no_audit} without audit, {too_many} with an audit entry too many")  # fmt: skip

    with psycopg.connect(url) as conn:

        def marks(sql: str, *params) -> Counter:
            return Counter(
                MARK.match(text)[1] if MARK.match(text) else text for (text,) in conn.execute(sql, params)
            )

        told = Counter(w["marker"] for w in writes["inspections"])
        held = marks("SELECT notes FROM inspections_inspection WHERE notes LIKE %s", like)
        audit = marks(
            """SELECT i.notes FROM audit_auditentry a JOIN inspections_inspection i ON a.object_id = i.id::text
               WHERE a.object_type = 'inspections.inspection' AND a.action = 'create' AND i.notes LIKE %s""",
            like,
        )
        compare("inspections", told, held, audit)

        told = Counter(w["marker"] for w in writes["hazards"])
        registered = "NOT EXISTS (SELECT 1 FROM hazards_hazardevent e WHERE e.hazard_id = h.id AND e.action = 'import')"
        held = marks(
            f"SELECT description FROM hazards_hazard h WHERE description LIKE %s AND {registered}",  # noqa: S608
            like,
        )
        audit = marks(
            f"""SELECT h.description FROM audit_auditentry a JOIN hazards_hazard h ON a.object_id = h.id::text
               WHERE a.object_type = 'hazards.hazard' AND a.action = 'create' AND h.description LIKE %s AND {registered}""",  # noqa: S608
            like,
        )
        compare("hazards registered", told, held, audit)

        by_id = {w["id"]: w["marker"] for w in writes["inspections"]}
        told = Counter(f"photo {by_id.get(pk, pk)}" for pk in writes["photos_of"])
        held = marks(
            """SELECT 'photo ' || substring(i.notes from '^(\\[[^]]+\\])') FROM inspections_inspectionphoto p
               JOIN inspections_inspection i ON i.id = p.inspection_id WHERE i.notes LIKE %s""",
            like,
        )
        audit = marks(
            """SELECT 'photo ' || substring(i.notes from '^(\\[[^]]+\\])') FROM audit_auditentry a
               JOIN inspections_inspectionphoto p ON a.object_id = p.id::text
               JOIN inspections_inspection i ON i.id = p.inspection_id
               WHERE a.object_type = 'inspections.inspectionphoto' AND a.action = 'create' AND i.notes LIKE %s""",
            like,
        )
        compare("inspection photos", told, held, audit)

        for action in ACTIONS:
            told = Counter(f"{h}:{a}" for h, a in writes["actions"] if a == action)
            held = marks(
                """SELECT e.hazard_id || ':' || e.action FROM hazards_hazardevent e JOIN hazards_hazard h
                   ON h.id = e.hazard_id WHERE h.description LIKE %s AND e.action = %s""",
                like, action,
            )  # fmt: skip
            audit = marks(
                """SELECT a.object_id || ':' || %s FROM audit_auditentry a JOIN hazards_hazard h ON a.object_id = h.id::text
                   WHERE a.object_type = 'hazards.hazard' AND a.action = %s AND h.description LIKE %s""",
                action, f"hazard.{action}", like,
            )  # fmt: skip
            compare(f"hazard {action}", told, held, audit)

        told = Counter(w["marker"] for w in writes["imports"])
        imported = marks(
            """SELECT h.description FROM hazards_hazard h JOIN hazards_hazardevent e ON e.hazard_id = h.id
               WHERE e.action = 'import' AND h.description LIKE %s""",
            like,
        )
        partial = {m: n for m, n in imported.items() if n != LEDGER_ROWS}
        if partial:
            problems.append(f"imports with part of their rows: {partial}")
        held = Counter(dict.fromkeys(imported, 1))
        audit = marks(
            "SELECT substring(after->>'file' from 3) FROM audit_auditentry WHERE action = 'hazard.import' AND after->>'file' LIKE %s",
            f"台账{like}",
        )
        compare("ledger imports", told, held, audit)
        rows.append((f"(hazards imported, {LEDGER_ROWS} a file)", LEDGER_ROWS * sum(told.values()), sum(imported.values()), "", "", "", ""))  # fmt: skip
    return rows, problems


def _kind(mark: str) -> str:
    if mark.startswith("photo "):
        return "inspection photos"
    if ":" in mark and not mark.startswith("["):
        return f"hazard {mark.split(':')[1]}"
    kind = mark.split(":")[1].split("-")[0]
    return {"i": "inspections", "h": "hazards registered", "l": "ledger imports"}.get(kind, kind)


def table(rows: list[tuple]) -> str:
    lines = [
        "| write | acknowledged | in the database | lost | doubled | unanswered | without audit |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    lines += [f"| {' | '.join(str(c) for c in row)} |" for row in rows]
    return "\n".join(lines)
