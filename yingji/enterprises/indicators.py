"""Registry indicators: the enterprises on the register (生产经营单位) as it stands, with the
flags reports name (有限空间, 粉尘涉爆, 涉氨制冷, 重大危险源). The register keeps no history, so
these count what is registered now whatever the period: reports say "截至…" beside them."""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from yingji.enterprises.choices import EnterpriseStatus
from yingji.enterprises.models import Enterprise
from yingji.stats.catalog import Measure, register

DIMENSIONS = {
    "industry": "industry",
    "confined_space": "confined_space",
    "dust_explosion": "dust_explosion",
    "ammonia_refrigeration": "ammonia_refrigeration",
    "major_hazard_source": "is_major_hazard_source",
}

register(
    Measure(
        key="enterprises.registered",
        label=_("Enterprises registered"),
        unit="家",
        model=Enterprise,
        date_field="created_at__date",
        in_period=lambda q: Q(),
        where=lambda q: Q(status=EnterpriseStatus.OPERATING),
        aggregate=lambda: Count("id"),
        dimensions=DIMENSIONS,
        region_field="region_id",
        link=lambda q: "/enterprises/?",
    )
)
