"""Chinese for the statistics catalog and the dashboard (DOMAIN.md §8)."""

ZH = {
    "Statistics": "统计",
    "Hazards found": "排查隐患",
    "Hazards rectified": "整改隐患",
    "Rectification rate": "整改率",
    "Major hazards found": "重大隐患",
    "Major hazards rectified": "重大隐患整改",
    "Major hazard rectification rate": "重大隐患整改率",
    "Major hazards listed for supervision": "挂牌督办重大隐患",
    "Hazards closed (written off)": "销号隐患",
    "Hazards found and closed": "发现并已销号隐患",
    "Open hazards": "未整改隐患",
    "Overdue hazards": "逾期未整改隐患",
    "Inspection person-times": "检查人次",
    "Units inspected": "检查单位",
    "year on year": "同比",
    "Hazards by month": "隐患月度趋势",
    "Streets": "街道（乡镇）",
    "This year so far (%(start)s – %(end)s), against the same period last year": "今年以来（%(start)s 至 %(end)s），与去年同期相比",
    "The period ends before it starts.": "统计期间的截止日期早于起始日期。",
    "Period is one of year, ytd, H1, H2, Q1–Q4, M01–M12.": "统计期间须为 year、ytd、H1、H2、Q1–Q4 或 M01–M12。",
    "Unknown indicator: %(keys)s. See /api/v1/stats/catalog.": "未知的指标：%(keys)s。请参阅 /api/v1/stats/catalog。",
    "compare is yoy or mom.": "compare 须为 yoy（同比）或 mom（环比）。",
    "group_by is one or two of %(groups)s, separated by a comma.": "group_by 须为 %(groups)s 中的一项或两项，以逗号分隔。",
}
ZH |= {
    "Deaths (incl. missing)": "死亡（含下落不明）",
    "Missing": "下落不明",
    "Injured": "受伤",
    "Seriously injured": "重伤",
    "Direct economic loss": "直接经济损失",
    "Relatively serious or worse accidents": "较大以上事故",
}
ZH |= {"Accidents reported late": "迟报事故"}
ZH |= {
    "Reports": "报告",
    "Work summary": "工作总结",
    "Region code": "区划代码",
    "Year": "年度",
    "Period": "统计期间",
    "Preview": "预览",
    "Download": "下载",
    "part": "段落",
    "text": "文字",
    "report wording": "报告文字模板",
}
ZH |= {
    "Report wording": "报告文字模板",
    "Each part is a template: text with the numbers in {{ … }}. Empty a part to restore the shipped wording.": "每一段都是模板：数字写在 {{ … }} 中。清空某一段即恢复默认文字。",
    "Save": "保存",
    "The wording is saved.": "报告文字已保存。",
    "Unknown part.": "未知的段落。",
}
