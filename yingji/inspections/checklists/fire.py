"""消防 (人员密集场所): GB 35181-2017 《重大火灾隐患判定方法》. Only its direct-determination
elements (Chapter 6) are major-hazard criteria by themselves; the other items here are
comprehensive-determination elements or general duties, which make a major hazard only
when counted together, so they are not marked."""

from yingji.core.industries import Industry
from yingji.inspections.checklists import BEHAVIOUR, CONDITION, MANAGEMENT, Item, Template, general

GB_35181 = "GB 35181-2017"
FIRE_LAW = "《消防法》"

TEMPLATE = Template(
    code="fire_crowded_places",
    name="人员密集场所消防安全检查表",
    industries=(Industry.CROWDED_PLACES, Industry.EDUCATION, Industry.HEALTHCARE, Industry.TOURISM),
    standard="《重大火灾隐患判定方法》GB 35181-2017",
    items=(
        Item(
            "FC-01",
            "消防安全管理",
            "公众聚集场所投入使用、营业前依法通过消防安全检查（或已作出告知承诺）",
            "公众聚集场所未经消防安全检查（或未作出告知承诺）擅自投入使用、营业",
            f"{FIRE_LAW}第十五条",
        ),
        Item(
            "FC-02",
            "消防安全管理",
            "明确消防安全责任人、管理人，落实消防安全责任制，按规定开展防火巡查、检查并记录",
            "未落实消防安全责任制，或未按规定开展防火巡查、检查",
            f"{FIRE_LAW}第十六条、第十七条",
        ),
        Item(
            "FC-03",
            "安全疏散",
            "公共娱乐场所、商店、地下人员密集场所安全出口数量充足，总净宽度不小于规定值的80%",
            "公共娱乐场所、商店、地下人员密集场所的安全出口数量不足或其总净宽度小于国家工程建设消防技术标准规定值的80%",
            "《建筑设计防火规范》GB 50016",
            CONDITION,
            f"{GB_35181} 第6.5条",
        ),
        Item(
            "FC-04",
            "安全疏散",
            "疏散通道、安全出口、消防车通道畅通，未被占用、堵塞、封闭，营业期间安全出口未上锁",
            "占用、堵塞、封闭疏散通道、安全出口或消防车通道，或营业期间安全出口上锁",
            f"{FIRE_LAW}第二十八条",
            CONDITION,
        ),
        Item(
            "FC-05",
            "消防设施",
            "旅馆、公共娱乐场所、商店、地下人员密集场所按规定设置自动喷水灭火系统和火灾自动报警系统",
            "旅馆、公共娱乐场所、商店、地下人员密集场所未按国家工程建设消防技术标准的规定设置自动喷水灭火系统或火灾自动报警系统",
            "《建筑设计防火规范》GB 50016",
            CONDITION,
            f"{GB_35181} 第6.6条",
        ),
        Item(
            "FC-06",
            "消防设施",
            "消防设施、器材和应急照明、疏散指示标志完好有效，每年至少全面检测一次，消火栓未被埋压、圈占、遮挡",
            "消防设施、器材或应急照明、疏散指示标志损坏、失效，或未按规定检测",
            f"{FIRE_LAW}第十六条、第二十八条",
            CONDITION,
        ),
        Item(
            "FC-07",
            "消防设施",
            "消防控制室24小时值班，自动消防系统操作人员持证上岗",
            "消防控制室值班不到位，或自动消防系统操作人员未持证上岗",
            f"{FIRE_LAW}第二十一条",
            BEHAVIOUR,
        ),
        Item(
            "FC-08",
            "易燃易爆危险品",
            "人员密集场所内未违反消防安全规定使用、储存或销售易燃易爆危险品",
            "在人员密集场所违反消防安全规定使用、储存或销售易燃易爆危险品",
            f"{FIRE_LAW}第二十三条",
            CONDITION,
            f"{GB_35181} 第6.8条",
        ),
        Item(
            "FC-09",
            "易燃易爆危险品",
            "生产、储存、经营易燃易爆危险品的场所未与人员密集场所、居住场所设置在同一建筑物内，防火间距不小于规定值的75%",
            "生产、储存、经营易燃易爆危险品的场所与人员密集场所、居住场所设置在同一建筑物内，或与人员密集场所、居住场所的防火间距小于国家工程建设消防技术标准规定值的75%",
            f"{FIRE_LAW}第十九条",
            CONDITION,
            f"{GB_35181} 第6.2条",
        ),
        Item(
            "FC-10",
            "建筑布局",
            "托儿所、幼儿园的儿童用房以及老年人活动场所所在楼层位置符合规定",
            "托儿所、幼儿园的儿童用房以及老年人活动场所，所在楼层位置不符合国家工程建设消防技术标准的规定",
            "《建筑设计防火规范》GB 50016",
            CONDITION,
            f"{GB_35181} 第6.9条",
        ),
        Item(
            "FC-11",
            "建筑布局",
            "人员密集场所的居住场所未采用芯材燃烧性能低于A级的彩钢夹芯板搭建",
            "人员密集场所的居住场所采用彩钢夹芯板搭建，且彩钢夹芯板芯材的燃烧性能等级低于GB 8624规定的A级",
            "《建筑材料及制品燃烧性能分级》GB 8624",
            CONDITION,
            f"{GB_35181} 第6.10条",
        ),
        Item(
            "FC-12",
            "用火用电",
            "电气线路敷设规范，无私拉乱接；电焊、气焊等动火作业办理审批，作业人员持证上岗",
            "电气线路私拉乱接，或动火作业未审批、作业人员未持证",
            f"{FIRE_LAW}第二十一条",
            BEHAVIOUR,
        ),
        Item(
            "FC-13",
            "培训与演练",
            "组织员工消防安全培训，制定灭火和应急疏散预案并定期组织演练",
            "未组织员工消防安全培训，或未制定灭火和应急疏散预案、未定期演练",
            f"{FIRE_LAW}第十六条",
            MANAGEMENT,
        ),
        general.ledger("FC-14"),
    ),
)
