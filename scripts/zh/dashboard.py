"""Chinese for the dashboard's map and the command centre's wall display (大屏)."""

ZH = {
    "Map": "地图",
    "Colour by": "着色指标",
    "Click a region for the records behind its number.": "点击区域可查看该数字对应的记录。",
    "Street shapes are approximate (示意), not official boundaries.": "街道边界为示意，并非法定行政区划界线。",
    "The street shapes of this district have not been drawn yet.": "本区县的街道边界尚未绘制。",
    "Large screen": "大屏",
    "Back to the dashboard": "返回首页",
    "%(region)s work-safety situation": "%(region)s安全生产态势",
    "Deaths in production accidents": "生产安全事故死亡",
    "Accidents by kind, against the same period last year": "各类事故与去年同期对比",
    "Hazards: found, rectified, closed": "隐患排查、整改、销号",
    "Listed and overdue hazards": "挂牌督办及逾期隐患",
    "No listed or overdue hazards.": "暂无挂牌督办或逾期未整改的隐患。",
    "Updated at %(time)s; refreshes every minute.": "数据更新于 %(time)s，每分钟自动刷新。",
    "This year so far": "今年以来",
    "Same period last year": "去年同期",
}
