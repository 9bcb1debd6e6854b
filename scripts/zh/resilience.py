"""Chinese for what the product says when a part of it is down for a moment (the database restarting, a full disk)."""

ZH = {
    "The database is not available just now (it may be restarting). Nothing was saved: please try again in a minute.": "数据库暂时不可用（可能正在重启），本次操作未保存任何内容，请稍候一分钟再试。",
    "The server's disk is full: the file was not saved, and nothing else of this request was. Please tell the system administrator.": "服务器磁盘已满：文件未保存，本次请求的其他内容也未保存。请告知系统管理员。",
}
