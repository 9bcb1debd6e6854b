"""Load the shipped region tree (provinces, cities, counties, streets; see scripts/)."""

import csv
import gzip
from pathlib import Path

from yingji.regions.models import CODE_LENGTHS, parent_code

DATA = Path(__file__).parent / "data" / "regions.csv.gz"


def shipped_regions() -> list[tuple[str, str]]:
    with gzip.open(DATA, "rt", encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        next(reader)
        return [(code, name) for code, name in reader]


def load_regions(Region, batch_size: int = 5000) -> int:
    """Insert or rename every shipped region; regions added by admins are left alone.
    `Region` is passed in so the data migration can use its historical model."""
    rows = [
        Region(code=code, name=name, level=CODE_LENGTHS[len(code)], parent_id=parent_code(code))
        for code, name in sorted(shipped_regions(), key=lambda row: (len(row[0]), row[0]))
    ]
    Region.objects.bulk_create(
        rows, batch_size=batch_size, update_conflicts=True, unique_fields=["code"], update_fields=["name"]
    )
    return len(rows)
