"""The registry's paragraph of the work summary: the enterprises under supervision and those
with the hazards reports name (有限空间, 粉尘涉爆, 涉氨制冷, 重大危险源), as registered now."""

from django.utils.translation import gettext_lazy as _

from yingji.reports.parts import WorkPart, register_work_part

DEFAULT = (
    "{{ as_of_label }}，{{ region_word }}纳入监管的生产经营单位{{ e.total }}家"
    "{% if e.confined_space %}，其中涉及有限空间作业{{ e.confined_space }}家{% endif %}"
    "{% if e.dust_explosion %}、粉尘涉爆{{ e.dust_explosion }}家{% endif %}"
    "{% if e.ammonia_refrigeration %}、涉氨制冷{{ e.ammonia_refrigeration }}家{% endif %}"
    "{% if e.major_hazard_source %}、重大危险源{{ e.major_hazard_source }}家{% endif %}，均已建档纳入分类分级监管。"
)
FLAGS = ("confined_space", "dust_explosion", "ammonia_refrigeration", "major_hazard_source")


def numbers(value) -> dict:
    return {
        "e": {"total": value("enterprises.registered")}
        | {f: value("enterprises.registered", **{f: True}) for f in FLAGS}
    }


register_work_part(
    WorkPart(
        key="enterprises",
        default=DEFAULT,
        numbers=numbers,
        order=5,
        heading="摸清底数，夯实安全监管基础",
        title=_("Section 2, work done: the enterprises under supervision"),
        labels={
            "e.total": _("enterprises registered"),
            "e.confined_space": _("with confined-space work"),
            "e.dust_explosion": _("with dust explosion hazards"),
            "e.ammonia_refrigeration": _("with ammonia refrigeration"),
            "e.major_hazard_source": _("with major hazard sources"),
        },
    )
)
