"""Two writers of the same enterprise at once: each deletes one of its inspections in its own
transaction, which counts the enterprise's first day again. Both succeed and the units table
is what a recount gives (PostgreSQL: the trigger's lock per enterprise makes the second count
after the first commits; SQLite serialises writers anyway and is skipped)."""

import datetime
import threading
import time

import pytest
from django.db import connection, transaction

from yingji.enterprises.models import Enterprise
from yingji.inspections import rollup
from yingji.inspections.models import InspectedUnit, Inspection

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif("connection.vendor != 'postgresql'", reason="concurrent writers need PostgreSQL"),
]
D = datetime.date


def _units():
    return sorted(InspectedUnit.objects.values_list("enterprise_id", "year", "first_day", "first_supervision_day"))


def test_two_writers_of_one_enterprise_leave_its_first_day_exact(enterprises):
    a = enterprises["A"]
    days = [D(2026, 2, 1), D(2026, 3, 1), D(2026, 4, 1), D(2026, 5, 1)]
    made = [
        Inspection.objects.create(enterprise=a, region_id=a.region_id, industry=a.industry, inspected_on=day, type="daily")  # fmt: skip
        for day in days
    ]
    barrier, outcomes = threading.Barrier(2), []

    def delete(inspection):
        try:
            barrier.wait()
            with transaction.atomic():
                Inspection.objects.filter(pk=inspection.pk).delete()
                time.sleep(0.3)  # still open while the other writer counts
            outcomes.append("deleted")
        except Exception as error:  # noqa: BLE001 (the outcome is what the test asserts)
            outcomes.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=delete, args=(made[i],)) for i in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert outcomes == ["deleted", "deleted"]
    assert _units() == [(a.pk, 2026, D(2026, 4, 1), D(2026, 4, 1))]
    kept = _units()
    rollup.rebuild()
    assert _units() == kept


def _graded():
    return sorted(InspectedUnit.objects.values_list("enterprise_id", "first_day", "risk_grade"))


@pytest.mark.parametrize("first", ["inspection", "grade"])
def test_a_grade_changed_while_an_inspection_is_written_reaches_the_new_units(enterprises, first):
    """The registry grades A while an inspection of A is being written: whichever commits first,
    A's unit rows end with the new grade (the grade's trigger waits for the writer's lock)."""
    a = enterprises["A"]
    Inspection.objects.create(enterprise=a, region_id=a.region_id, industry=a.industry, inspected_on=D(2026, 3, 1), type="daily")  # fmt: skip
    barrier, outcomes = threading.Barrier(2), []

    def inspect():
        barrier.wait()
        time.sleep(0.0 if first == "inspection" else 0.1)
        with transaction.atomic():
            Inspection.objects.create(enterprise=a, region_id=a.region_id, industry=a.industry, inspected_on=D(2026, 2, 1), type="daily")  # fmt: skip
            time.sleep(0.3)  # still open while the registry grades A

    def grade():
        barrier.wait()
        time.sleep(0.1 if first == "inspection" else 0.0)
        with transaction.atomic():
            Enterprise.objects.filter(pk=a.pk).update(risk_grade="major")
            time.sleep(0.3)

    def run(write):
        try:
            write()
            outcomes.append("done")
        except Exception as error:  # noqa: BLE001 (the outcome is what the test asserts)
            outcomes.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(w,)) for w in (inspect, grade)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert outcomes == ["done", "done"]
    assert _graded() == [(a.pk, D(2026, 2, 1), "major")]
    kept = rollup.InspectedUnitMonth.objects.filter(graded_units__gt=0).values_list("month", "graded_units")
    assert list(kept) == [(D(2026, 2, 1), 1)]
