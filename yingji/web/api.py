"""The map shapes for API clients (a wall display of another vendor, a GIS tool)."""

from django.http import JsonResponse
from ninja import Router

from yingji.web.geo import shapes_for_user

router = Router(tags=["geo"])


@router.get("/{code}")
def region_shapes(request, code: str):
    """GeoJSON FeatureCollection of the region's children (a province's cities, a city's
    counties, a district's streets; a street: itself), each with properties `code` and `name`.
    `approximate` is true for streets: their shapes are drawn, not official boundaries.
    404 for an unknown region or one outside the caller's jurisdiction."""
    return JsonResponse(shapes_for_user(request.auth, code), json_dumps_params={"ensure_ascii": False})
