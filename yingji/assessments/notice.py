"""The ranking notice (考核结果通报) from a scheme's results, issued through the notices module."""

from decimal import Decimal

from yingji.notices import services as notices


def _points(value: Decimal) -> str:
    return f"{value.normalize():f}"


def paragraphs(scheme, results) -> list[str]:
    lines = [
        f"为压紧压实安全生产责任，根据《{scheme.name}》，区安委办对{len(results)}家成员单位和街道"
        f"{scheme.year}年度安全生产工作进行了考核。现将考核结果通报如下：",
        "一、考核排名",
    ]
    lines += [
        f"第{r.rank}名：{r.unit.name}（{_points(r.total)}分）" + ("，一票否决" if r.vetoed else "")
        for r in results
    ]
    yellow = [r.unit.name for r in results if r.yellow_card]
    vetoed = [r.unit.name for r in results if r.vetoed]
    if yellow:
        lines += [
            "二、黄牌警告",
            f"{'、'.join(yellow)}辖区（行业领域）发生较大及以上生产安全事故，予以黄牌警告。",
        ]
    if vetoed:
        lines += [
            f"{'三' if yellow else '二'}、一票否决",
            f"{'、'.join(vetoed)}考核实行一票否决，年度考核等次为不合格。",
        ]
    lines.append(
        "希望受到通报的单位认真查找问题，举一反三，切实抓好整改落实；各单位要以先进为榜样，压紧压实安全生产责任，确保全区安全生产形势持续稳定。"
    )
    return lines


def issue(*, actor, scheme, results):
    return notices.issue(
        actor=actor, region_code=scheme.region_id, kind="ranking",
        title=f"关于{scheme.year}年度安全生产工作考核结果的通报", paragraphs=paragraphs(scheme, results),
    )  # fmt: skip
