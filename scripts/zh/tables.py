"""Chinese for the statistics tables (隐患排查治理情况统计表, 生产安全事故统计表) of the reports page."""

ZH = {
    "Statistics tables": "统计报表",
    "Hazard statistics table": "隐患排查治理情况统计表",
    "Accident statistics table": "生产安全事故统计表",
}
