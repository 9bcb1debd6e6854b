"""Chinese for the report wording: the placeholder language, whose wording it is, and what
each placeholder holds (issue 8); the reports' role rule reuses existing messages."""

ZH = {
    # The placeholder language (reports/wording.py)
    "“%(tag)s” is not closed with {%% endif %%}.": "“%(tag)s”缺少对应的 {%% endif %%}。",
    "“%(tag)s” has no matching “if”.": "“%(tag)s”没有对应的“if”。",
    "“%(text)s” is not closed.": "“%(text)s”没有闭合。",
    "“%(tag)s” is not allowed: wording may use only %(allowed)s.": "不允许使用“%(tag)s”：文字模板只能使用 %(allowed)s。",
    "Unknown placeholder “%(name)s”.": "未知的占位符“%(name)s”。",
    # The wording page (reports/views.py, templates/reports/wording.html)
    "Write %(var)s to fill in a value, and %(if)s…%(endif)s to keep a sentence only when the value "
    "holds (also %(if_not)s and %(else)s). Nothing else is allowed: no filters and no other tags.": (
        "用 %(var)s 填入数值；用 %(if)s…%(endif)s 使一句话仅在该值成立时出现"
        "（另可用 %(if_not)s 和 %(else)s）。除此之外一律不允许：不能使用过滤器或其他标签。"
    ),
    "You are editing the default wording of every organisation's reports. A bureau that words a "
    "part itself uses its own.": "您正在编辑所有单位报告的默认文字模板。应急管理局自行修改过的段落，以其自己的文字为准。",
    "You are editing your organisation's wording: it applies to your organisation's reports only. "
    "Empty a part, or leave the default, to use the default wording.": (
        "您正在编辑本单位的文字模板，仅用于本单位的报告。清空某一段落或保留默认文字，即使用默认文字模板。"
    ),
    "Placeholders of this part": "本段可用的占位符",
    # What each placeholder holds (reports/narrative.py, reports/parts.py)
    "the whole region in one word, by its level": "本区域的统称，按区域级别为“全区”“全县”“全市”等",
    "the name of the reporting body": "报告单位名称，如“芙蓉区应急管理局”",
    "the name of the period": "统计期间名称，如“2026年上半年”",
    "Production safety accidents": "生产安全事故",
    "Road traffic accidents": "道路交通事故",
    "Fires": "火灾事故",
    "Forest fires": "森林火灾",
    "number of accidents": "起数",
    "deaths": "死亡人数",
    "number injured": "受伤人数",
    "this period": "本期",
    "same period last year": "上年同期",
    "year-on-year change in words": "同比变化（文字，如“下降42.9%”“持平”）",
    "true when it rose": "同比上升时成立",
    "%(kind)s, %(measure)s: %(field)s": "%(kind)s%(measure)s：%(field)s",
    "%(kind)s: direct economic loss, 10,000 yuan": "%(kind)s直接经济损失（万元）",
    "true when there was no production accident and no death": "未发生生产安全事故且无人死亡（“双零”）时成立",
    "serious or larger production accidents": "较大及以上生产安全事故起数",
    "hazards overdue for rectification": "逾期未整改隐患数",
    "accidents reported late": "迟报事故起数",
    "safety inspections": "安全检查次数",
    "inspector person-times": "出动检查人员人次",
    "units inspected": "检查生产经营单位家数",
    "hazards found": "排查隐患数",
    "hazards rectified": "已整改隐患数",
    "rectification rate, percent": "整改率（%）",
    "major hazards found": "重大隐患数",
    "major hazards listed for supervision": "挂牌督办重大隐患数",
    "major hazards written off": "销号重大隐患数",
    "Title": "标题",
    "Section 1, safety situation: production accidents": "一、安全生产形势：生产安全事故",
    "Section 1, safety situation: road traffic, fires and forest fires": "一、安全生产形势：道路交通事故、火灾和森林火灾",
    "Section 2, work done: inspections and hazards": "二、工作开展情况：安全检查和隐患排查治理",
    "Section 3, problems: the opening sentence": "三、存在问题：开头语",
    "Section 3, problems: when the numbers show none": "三、存在问题：数据未显示突出问题时",
    "Section 4, plan for the next period (one item a line)": "四、下步工作计划（每行一条）",
}
