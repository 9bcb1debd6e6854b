"""The shipped checklists (检查表), one module per industry, after the major-hazard
determination standards of DOMAIN.md §3.5.

An item is a major-hazard criterion only where the standard lists it: `major` names the
article and item of the standard. The texts are data in the language of the standards.
`yingji loadchecklists` and the data migration load them with `load_checklists`.
"""

from dataclasses import dataclass

# Hazard categories as the ledger writes them (DOMAIN.md §0.3, 隐患类别).
MANAGEMENT = "管理缺陷"
CONDITION = "物的不安全状态"
BEHAVIOUR = "人的不安全行为"
ENVIRONMENT = "环境因素"


@dataclass(frozen=True)
class Item:
    code: str
    section: str
    text: str  # the requirement, as the checklist asks it
    finding: str  # what a failing item is, as a hazard description
    basis: str  # the legal basis of the requirement
    category: str = MANAGEMENT
    major: str = ""  # the determination standard's article and item, when it is a criterion


@dataclass(frozen=True)
class Template:
    code: str
    name: str
    industries: tuple[str, ...]
    standard: str
    items: tuple[Item, ...]


def shipped() -> list[Template]:
    from yingji.inspections.checklists import construction, fire, gas, hazardous_chemicals, industry_trade

    return [m.TEMPLATE for m in (industry_trade, hazardous_chemicals, construction, fire, gas)]


def load_checklists(ChecklistTemplate, ChecklistItem) -> tuple[int, int]:  # noqa: N803
    """Create or update every shipped template and item, matched by code; items no longer
    shipped are kept (results refer to them) but made inactive. The models are passed in so
    the data migration can use its historical ones. Returns (templates, items)."""
    templates = items = 0
    for data in shipped():
        template, _created = ChecklistTemplate.objects.update_or_create(
            code=data.code,
            defaults={
                "name": data.name,
                "industries": [str(i) for i in data.industries],
                "standard": data.standard,
            },
        )
        for order, item in enumerate(data.items, start=1):
            ChecklistItem.objects.update_or_create(
                template=template,
                code=item.code,
                defaults={
                    "order": order,
                    "section": item.section,
                    "text": item.text,
                    "finding": item.finding,
                    "legal_basis": item.basis,
                    "is_major_criterion": bool(item.major),
                    "major_criterion_ref": item.major,
                    "hazard_category": item.category,
                    "active": True,
                },
            )
            items += 1
        ChecklistItem.objects.filter(template=template).exclude(code__in=[i.code for i in data.items]).update(
            active=False
        )
        templates += 1
    return templates, items


def basis_note(legal_basis: str, major_criterion_ref: str = "") -> str:
    """The remark a hazard proposed by an item carries: where its rule and criterion are."""
    parts = [f"检查依据：{legal_basis}"] if legal_basis else []
    if major_criterion_ref:
        parts.append(f"重大事故隐患判定依据：{major_criterion_ref}")
    return "；".join(parts)


def not_major_note(reason: str) -> str:
    return f"未按重大事故隐患登记的理由：{reason}"
