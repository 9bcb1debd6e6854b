"""Chinese for the hazard ledger (隐患排查治理台账): import, export and their messages."""

ZH = {
    # Import: the file
    "The file is larger than %(mb)s MB.": "文件超过 %(mb)s MB。",
    "The file is not a readable xlsx, xls or csv file.": "无法读取该文件，请上传 xlsx、xls 或 csv 格式的台账。",
    "No header row: no cell of the file reads 隐患描述.": "未找到表头行：文件中没有内容为“隐患描述”的单元格。",
    "The column %(header)s appears twice.": "“%(header)s”列出现了两次。",
    "The column %(header)s is missing.": "缺少“%(header)s”列。",
    "The columns 单位名称 and 统一社会信用代码 are both missing: one must identify the enterprise.": (
        "缺少“单位名称”和“统一社会信用代码”列：至少需要其中一列来确定单位。"
    ),
    "The file has no hazard rows under its header.": "表头下没有隐患记录。",
    "%(count)s problems in the file; nothing was imported.": "文件中有 %(count)s 处问题，未导入任何记录。",
    "Row %(row)s [%(column)s] %(message)s": "第%(row)s行 [%(column)s] %(message)s",
    # Import: the cells and rows
    "Required.": "必填。",
    "Longer than %(max)s characters.": "超过 %(max)s 个字。",
    "Not a date: %(value)s. Write dates as 2026-03-05.": "不是有效日期：%(value)s。日期请写成 2026-03-05 的形式。",
    "Not a number: %(value)s.": "不是有效数字：%(value)s。",
    "Cannot be negative.": "不能为负数。",
    "Too large.": "数额过大。",
    "%(value)s is not one of: %(choices)s.": "“%(value)s”不是可填写的值（%(choices)s）。",
    "Required when the status is %(status)s.": "状态为“%(status)s”时必填。",
    "Cannot be in the future.": "不能晚于今天。",
    "Cannot be before the date found (%(date)s).": "不能早于发现日期（%(date)s）。",
    "No enterprise with this code in your jurisdiction.": "辖区内没有该统一社会信用代码的单位。",
    "Not a valid unified social credit code: %(value)s.": "不是有效的统一社会信用代码：%(value)s。",
    "Several enterprises in your jurisdiction have this name: give the code.": (
        "辖区内有多个同名单位，请填写统一社会信用代码。"
    ),
    "No enterprise of this name in your jurisdiction.": "辖区内没有该名称的单位。",
    "Give the enterprise's name or its unified social credit code.": "请填写单位名称或统一社会信用代码。",
    "Your role may not import hazards.": "您的角色无权导入隐患。",
    # The command
    "No active user %(username)s.": "没有启用状态的用户 %(username)s。",
    "Cannot read %(file)s: %(reason)s": "无法读取 %(file)s：%(reason)s",
    "Nothing was imported.": "未导入任何记录。",
    "Imported %(count)s hazards from %(file)s.": "已从 %(file)s 导入 %(count)s 条隐患。",
    # The import page
    "Choose a ledger file to import.": "请选择要导入的台账文件。",
    "Import hazard ledger": "导入隐患排查治理台账",
    "Upload a hazard ledger (隐患排查治理台账) as xlsx, xls or csv. The whole file is checked first: if any "
    "row has a problem, nothing is imported, and every problem is listed with its row and column.": (
        "上传 xlsx、xls 或 csv 格式的隐患排查治理台账。系统先检查整个文件：只要有一行存在问题，"
        "就不导入任何记录，并逐条列出每个问题所在的行和列。"
    ),
    "Ledger file": "台账文件",
    "Import": "导入",
    "Download the empty template": "下载空白台账模板",
    "Hazard list": "隐患清单",
    "Nothing was imported": "未导入任何记录",
    "%(file)s: %(count)s problems. Correct them and import the file again.": (
        "%(file)s：共 %(count)s 处问题。请改正后重新导入。"
    ),
    "Row": "行",
    "Column": "列",
    "Problem": "问题",
    "… and %(count)s more problems.": "……另有 %(count)s 处问题未列出。",
    "The template": "台账模板",
    "One header row, then one hazard per row. A title row above the header and notes below the data are "
    "allowed; columns may be in any order, and optional ones left out. The enterprise is found by its unified "
    "social credit code, or else by its exact name, within your jurisdiction.": (
        "一行表头，其下每行一条隐患。表头上方可以有标题行，数据下方可以有备注行；各列顺序不限，"
        "非必填列可以省略。单位按统一社会信用代码查找，没有代码时按单位名称精确查找，且须在您的管辖范围内。"
    ),
    "Required": "必填",
    "yes": "是",
    "name or code": "名称或代码二选一",
    "Values": "填写内容",
    "when the status is 整改中 or later": "状态为整改中及以后时必填",
    "when the status is 已整改 or 已销号": "状态为已整改、已销号时必填",
    "default %(value)s": "默认%(value)s",
    "a number, 0 or more": "不小于0的数",
    "not imported": "不导入",
}
