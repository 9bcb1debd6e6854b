"""Chinese for the hazard page's inspection line and confirmations, and the enterprise file."""

ZH = {
    "Found at the inspection": "发现于检查",
    "Site photo": "现场照片",
    "Nothing was changed: tick the box to confirm %(action)s.": "未作任何更改：请勾选确认框以确认%(action)s。",
    "Accept this rectification? The hazard becomes rectified.": "确认验收通过？隐患将变为已整改。",
    "Write this hazard off? It leaves the open ledger for good.": "确认销号？隐患将从未销号台账中永久移出。",
    "I have checked the rectification on site and accept it.": "已核查整改情况，确认验收通过。",
    "I confirm that this hazard is written off.": "确认对该隐患销号。",
    "No open hazards.": "无未销号隐患。",
    "All accidents of this enterprise": "该企业的全部事故",
    "All inspections of this enterprise": "该企业的全部检查",
}
