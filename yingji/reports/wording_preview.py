"""The live preview of the wording page: a part's wording, as the editor is typing it, filled
with the numbers of the editor's own region for this year so far, or the reason it is
refused (the same check as saving). The page's script shows placeholders as Chinese labels
and calls this while one types."""

from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from yingji.core.errors import ApplicationError
from yingji.regions.models import Region
from yingji.regions.scoping import Jurisdiction
from yingji.reports import wording
from yingji.reports.narrative import DEFAULTS
from yingji.reports.parts import placeholder_names
from yingji.reports.permissions import require_wording_editor
from yingji.reports.summary import summary_outline

CACHE_SECONDS = 300  # the numbers of a preview: one summary's worth, counted once in a while
MAX_TEXT = 5000


def preview_region(user) -> str | None:
    """The editor's own region; the administrator sees the first county's numbers."""
    region = Jurisdiction.of(user).region
    if region:
        return region
    county = Region.objects.filter(level="county").order_by("code").first()
    return county.code if county else None


def contexts(user) -> dict[str, dict]:
    """Each part's values in the current period's summary (key -> plain context)."""
    key = f"reports:wording-preview:{user.pk}"
    found = cache.get(key)
    if found is None:
        today = timezone.localdate()
        region = preview_region(user)
        found = {}
        if region:
            outline = summary_outline(user=user, region_code=region, year=today.year, period_code="ytd")
            for section in outline.sections:
                for paragraph in section.paragraphs:
                    if paragraph.context:
                        found.setdefault(paragraph.key, paragraph.context)
        cache.set(key, found, CACHE_SECONDS)
    return found


def preview(user, key: str, text: str) -> dict:
    """{"text": filled in} or {"error": the reason it would be refused}."""
    if key not in DEFAULTS:
        return {"error": _("Unknown part.")}
    try:
        nodes = wording.check(text.replace("\r\n", "\n"), placeholder_names(key))
    except wording.WordingError as e:
        return {"error": str(e)}
    values = contexts(user)
    context = values.get(key) or values.get("lead") or {}
    return {"text": wording.render(nodes, context).strip()}


@login_required
@require_POST
def wording_preview(request):
    require_wording_editor(request.user)
    text = request.POST.get("text", "")[:MAX_TEXT]
    try:
        answer = preview(request.user, request.POST.get("key", ""), text)
    except ApplicationError as e:
        answer = {"error": e.message}
    return JsonResponse(answer, json_dumps_params={"ensure_ascii": False})
