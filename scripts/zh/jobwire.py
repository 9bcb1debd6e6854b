"""Chinese for imports and exports run in the background, and the notification of a job's end."""

ZH = {
    # The ledger's and the enterprises' background imports, the ledger's background export
    "Reading the file…": "正在读取文件…",
    "Checking rows…": "正在检查各行…",
    "Writing %(count)s hazards…": "正在写入 %(count)s 条隐患…",
    "Imported %(count)s hazards.": "已导入 %(count)s 条隐患。",
    "Writing the file…": "正在生成文件…",
    "Exported %(count)s hazards.": "已导出 %(count)s 条隐患。",
    "Checking and writing about %(count)s rows…": "正在检查并写入约 %(count)s 行…",
    "Importing in the background": "后台导入中",
    "A large file is imported by the background worker. You may leave this page: a notification tells you when the import has ended.": "文件较大，由后台任务导入。您可以离开本页面，导入结束后将收到消息通知。",
    "Exporting in the background": "后台导出中",
    "So many hazards are written to the file by the background worker. You may leave this page: a notification links to the file when it is ready.": "隐患数量较多，由后台任务生成文件。您可以离开本页面，文件生成后将收到附有下载链接的消息通知。",
    "The first %(shown)s of %(count)s problems are listed.": "共 %(count)s 个问题，此处列出前 %(shown)s 个。",
    # The notification
    "Background job finished": "后台任务结束",
    "Hazard ledger import": "隐患台账导入",
    "Hazard ledger export": "隐患台账导出",
    "Enterprise import": "企业导入",
    "Report of a city or province": "市级、省级报表",
    "Counting the region's figures…": "正在统计本地区数据…",
    "A city's or a province's report counts every county under it, so it is made in the background: choose a document above, and a notification links to the file when it is ready.": "市级、省级报表须统计所辖各县（区）的数据，由后台任务生成：请在上方选择要下载的文件，生成后将收到附有下载链接的消息通知。",
    "%(what)s finished": "%(what)s已完成",
    "%(what)s failed": "%(what)s失败",
    "Export ledger": "导出台账",
}
