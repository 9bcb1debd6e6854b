"""Which region a report may be made for: one inside the user's jurisdiction. An unknown code
and one outside answer alike (404), so that neither is revealed."""

from django.utils.translation import gettext as _

from yingji.core.errors import ApplicationError
from yingji.regions.models import Region
from yingji.regions.scoping import Jurisdiction


def report_region(user, code: str) -> Region:
    region = Region.objects.filter(code=code).first()
    if region is None or not Jurisdiction.of(user).contains_region(code):
        message = _("Unknown region code %(code)s.") % {"code": code}
        raise ApplicationError(message, errors={"region": [message]}, status=404)
    return region
