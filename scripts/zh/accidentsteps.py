"""Chinese for the accident's loss in 万元 and its reporting steps (issue 9)."""

ZH = {
    "In yuan, or in 万元 with 万: 1,250,000 or 125万.": "单位元；也可带“万”按万元填写，如 1,250,000 或 125万。",
    "Enter an amount in yuan, such as 1,250,000 or 125万.": "请输入金额（元），如 1,250,000 或 125万。",
    "Made at": "已报时间",
    "Made by": "报送人",
    "Mark as reported": "已上报",
    "Not yet reported": "未报",
    "Record the report": "登记报告",
    "The report is recorded.": "报告已登记。",
    "reported to": "报告对象",
    "reported by": "报送人",
    "accident report step": "事故逐级报告",
    "accident report steps": "事故逐级报告",
    "Recorded when the report reached a level": "登记逐级报告时间",
    "An accident of this grade is not reported to the %(level)s.": "该等级的事故无需报告至%(level)s。",
    "The report to the %(level)s is recorded already.": "报告至%(level)s的时间已登记。",
}
