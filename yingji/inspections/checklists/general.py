"""Items every checklist carries: responsibilities, training, emergency plan and drills,
the hazard ledger. None of them is a major-hazard criterion by itself, except where an
industry's standard says so (those templates write their own)."""

from yingji.inspections.checklists import BEHAVIOUR, Item

BASIC = "基础管理"
EMERGENCY = "应急管理"
LEDGER = "隐患排查治理"


def responsibility(code: str) -> Item:
    return Item(
        code,
        BASIC,
        "建立健全全员安全生产责任制和安全生产规章制度、操作规程",
        "未建立健全全员安全生产责任制或安全生产规章制度、操作规程",
        "《安全生产法》第四条、第二十一条",
    )


def training(code: str) -> Item:
    return Item(
        code,
        BASIC,
        "主要负责人、安全生产管理人员和从业人员按规定接受安全生产教育和培训，培训记录完整",
        "从业人员未按规定接受安全生产教育和培训，或培训记录缺失",
        "《安全生产法》第二十七条、第二十八条",
        BEHAVIOUR,
    )


def emergency_plan(code: str) -> Item:
    return Item(
        code,
        EMERGENCY,
        "制定生产安全事故应急救援预案并按规定组织演练（综合或专项预案每年至少一次，现场处置方案每半年至少一次）",
        "未制定生产安全事故应急救援预案，或未按规定组织应急演练",
        "《安全生产法》第八十一条；《生产安全事故应急预案管理办法》第三十三条",
    )


def drills(code: str) -> Item:
    return Item(
        code,
        EMERGENCY,
        "按规定组织应急预案演练（综合或专项预案每年至少一次，现场处置方案每半年至少一次）并评估总结",
        "未按规定组织应急预案演练",
        "《生产安全事故应急预案管理办法》第三十三条",
    )


def ledger(code: str) -> Item:
    return Item(
        code,
        LEDGER,
        "如实记录事故隐患排查治理情况（隐患排查治理台账），并向从业人员通报",
        "未建立隐患排查治理台账，或未如实记录隐患排查治理情况",
        "《安全生产法》第四十一条；《安全生产事故隐患排查治理暂行规定》第十四条",
    )
