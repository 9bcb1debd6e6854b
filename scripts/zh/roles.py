"""Chinese for the audit log as a clerk reads it, user management, printable records and the
role-aware navigation."""

ZH = {
    # Audit log
    "Added the record": "新增",
    "Changed the record": "修改",
    "Deleted the record": "删除",
    "Revoked the access token": "吊销访问令牌",
    "Changed own password": "修改本人密码",
    "Imported the hazard ledger": "导入隐患台账",
    "Recorded the rectification plan": "录入整改方案",
    "Replaced rectification evidence": "替换整改材料",
    "Chose notification channels": "设置通知方式",
    "Updated the casualties": "更新伤亡情况",
    "Attached the investigation report": "上传调查报告",
    "Suspended the enterprise": "停产停业",
    "Added a user": "新增用户",
    "Deactivated a user": "停用用户",
    "Reactivated a user": "启用用户",
    "Reset a user's password": "重置用户密码",
    "Changed a user's role": "变更用户角色",
    "Details": "详情",
    "Record type": "记录类型",
    "Record": "记录",
    "user name": "用户名",
}
