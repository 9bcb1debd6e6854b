"""Chinese for the shared shell of the modules: grouped navigation, summary parts."""

ZH = {
    "Enforcement and supervision": "监管执法",
    "Emergency response": "应急管理",
    "Coordination": "统筹协调",
    "Duty": "值班值守",
    "Warnings": "预警",
    "Give both the first and the last day of the window.": "请同时填写起止日期。",
    "Give a year and a period, or the first and last day of the window.": "请选择年度和期间，或填写起止日期。",
    "Special operation": "作业类别",
    "Flood-control responsible person": "防汛责任人",
    "Grid worker": "网格员",
    "Disaster information officer": "灾害信息员",
    "Responsible leader": "包保责任人",
    "Other responsible person": "其他责任人",
    "A/B role": "A/B角",
    "contacts register": "责任人通讯录",
    "Report for": "报告区域",
    "Or from the day": "或自定起始日",
    "to the day": "截止日",
}
