"""What a leader's home page asks, timed in-process (issue 16): the dashboard's cards with their
同比, for the province's, a city's and a county's bureau user, year to date (ends today) and for
H1 (whole months). Each number is asked through the stats catalog as the dashboard asks it,
inside one `remembering()` block per card, best of five after a warm-up.

    .venv/bin/python bench/province/cards.py              # the database of bench/province/run.py
    .venv/bin/python bench/province/cards.py --repeat 9
    .venv/bin/python bench/province/cards.py --today 2026-11-28   # late in a month
"""

# The benchmark prints its figures.
# ruff: noqa: T201

import argparse
import datetime
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
DATABASE_URL = os.environ.get("PROVINCE_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/yingji_bench")
os.environ["DATABASE_URL"] = DATABASE_URL
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "yingji.settings.local")
os.environ.setdefault("STATIC_ROOT", str(ROOT / "var" / "bench" / "static"))  # as run.py collects them

CARDS = (
    "hazards.found",
    "hazards.rectification_rate",
    "hazards.overdue",
    "inspections.count",
    "inspections.person_times",
    "inspections.units",
)
USERS = {"province": ("bench-43", "43"), "city": ("bench-4301", "4301"), "county": ("bench-430181", "430181")}


def _time(call, repeat: int) -> float:
    call()  # warm
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - started)
    return best * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--today", type=datetime.date.fromisoformat, help="year to date as on this day (late in a month, say)")  # fmt: skip
    args = parser.parse_args()
    from bench.province.measure import ensure_user

    for username, region in USERS.values():
        ensure_user(DATABASE_URL, username, region)
    import django

    django.setup()
    from django.utils import timezone

    from yingji.accounts.models import User
    from yingji.stats.catalog import CATALOG, Query, remembering
    from yingji.stats.periods import period_of

    today = args.today or timezone.localdate()
    periods = {"year to date": period_of(today.year, "ytd", today=today), "H1": period_of(today.year, "H1")}
    print(f"Cards with 同比, in-process, best of {args.repeat} (ms); today {today}:")
    print(f"| user | indicator | {' | '.join(periods)} |\n| --- | --- | ---: | ---: |")
    for who, (username, _region) in USERS.items():
        user = User.objects.get(username=username)
        for key in CARDS:
            cells = []
            for period in periods.values():

                def card(period=period, key=key, user=user):
                    with remembering():
                        for p in (period, period.year_before()):
                            CATALOG[key].value(Query(user=user, period=p))

                cells.append(f"{_time(card, args.repeat):,.0f}")
            print(f"| {who} | `{key}` | {' | '.join(cells)} |")
    pages(USERS, args.repeat)


def pages(users: dict, repeat: int) -> None:
    """The leader's home page (the dashboard, year to date) and the large screen, rendered
    in-process by the view code `yingji serve` runs (Django's test client, signed in)."""
    from django.core.management import call_command
    from django.test import Client

    from yingji.accounts.models import User

    call_command("collectstatic", interactive=False, verbosity=0)  # the pages name hashed files

    print(
        f"\nPages, in-process, best of {repeat} (ms):\n| user | dashboard `/` | large screen |\n| --- | ---: | ---: |"
    )
    for who, (username, _region) in users.items():
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(User.objects.get(username=username))
        cells = []
        for path in ("/", "/dashboard/screen/"):

            def get(path=path, client=client):
                answer = client.get(path)
                assert answer.status_code == 200, (path, answer.status_code)

            cells.append(f"{_time(get, repeat):,.0f}")
        print(f"| {who} | {' | '.join(cells)} |")


if __name__ == "__main__":
    main()
