"""Chinese for the upload checks (no zip bombs) and the import records (the same file twice,
Idempotency-Key)."""

ZH = {
    # yingji/core/uploads.py
    "The file is larger than %(mb)s MB.": "文件超过 %(mb)s MB。",
    "An xls file may be at most %(mb)s MB: save larger ledgers as xlsx or csv.": (
        "xls 文件最大 %(mb)s MB，更大的台账请另存为 xlsx 或 csv。"
    ),
    "The file holds more than %(cells)s cells: too large to import here.": (
        "文件的单元格超过 %(cells)s 个，过大，无法在此导入。"
    ),
    "The file has more than %(rows)s rows: too large to import here.": "文件超过 %(rows)s 行，过大，无法在此导入。",
    "Binary workbooks (.xlsb) are not accepted: save the file as .xlsx.": (
        "不接受二进制工作簿（.xlsb），请另存为 .xlsx。"
    ),
    "The file unpacks to more than %(mb)s MB: too large to import here.": (
        "文件解压后超过 %(mb)s MB，过大，无法在此导入。"
    ),
    "A part of the file unpacks to more than %(ratio)s times its packed size (past 1 MB): "
    "refused as a zip bomb.": "文件中有部分解压后超过压缩大小的 %(ratio)s 倍（且超过 1 MB），视为压缩炸弹，拒绝导入。",
    "A sheet spans %(rows)s rows by %(columns)s columns, more than %(cells)s cells: too large to import here.": (
        "工作表跨 %(rows)s 行 × %(columns)s 列，超过 %(cells)s 个单元格，过大，无法在此导入。"
    ),
    "The cells' text comes to more than %(mb)s MB: too large to import here.": (
        "单元格文本合计超过 %(mb)s MB，过大，无法在此导入。"
    ),
    # yingji/imports
    "imports": "导入记录",
    "import": "导入记录",
    "hazard ledger": "隐患台账",
    "kind": "类型",
    "SHA-256": "SHA-256",
    "file name": "文件名",
    "time": "时间",
    "rows": "行数",
    "records created": "新建记录数",
    "imported again on purpose": "确认重复导入",
    "Idempotency-Key": "幂等键（Idempotency-Key）",
    "answer status": "响应状态",
    "answer": "响应内容",
    "This file was already imported on %(date)s by %(user)s (%(rows)s rows). "
    "To import it again, send confirm_duplicate=true.": (
        "此文件已于 %(date)s 由 %(user)s 导入过（%(rows)s 行）。如需再次导入，请传 confirm_duplicate=true。"
    ),
    "This file was already imported on %(date)s by %(user)s (%(rows)s rows): nothing imported. "
    "Add --confirm-duplicate to import it again.": (
        "此文件已于 %(date)s 由 %(user)s 导入过（%(rows)s 行），未导入。如需再次导入，请加 --confirm-duplicate。"
    ),
    "This file was already imported on %(date)s by %(user)s (%(rows)s rows). Import it again?": (
        "此文件已于 %(date)s 由 %(user)s 导入过（%(rows)s 行），确认再次导入？"
    ),
    "This Idempotency-Key was used for another file (import %(id)s): use a new key for a new import.": (
        "此 Idempotency-Key 已用于另一个文件（导入记录 %(id)s），新的导入请使用新的键。"
    ),
    # the import pages
    "Import this file again?": "再次导入此文件？",
    "Choose the same file again to confirm": "请再次选择同一文件以确认",
    "Import again": "再次导入",
    "Do not import": "不导入",
    "%(count)s more problems are not listed: correct those listed and import again.": "另有%(count)s处问题未列出：请先改正已列出的问题，再重新导入。",
}
