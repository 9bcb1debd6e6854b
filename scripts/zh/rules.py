"""Chinese for the shared dates rule (core/dates.py) and for who may accept, write off and
import hazards how far (hazards/permissions.py, the ledger import)."""

ZH = {
    # Dates people enter
    "This date cannot be before the %(name)s (%(date)s).": "该日期不能早于%(name)s（%(date)s）。",
    "This date cannot be more than %(years)d years after the %(name)s (%(date)s).": (
        "该日期不能晚于%(name)s（%(date)s）之后%(years)d年。"
    ),
    "This date cannot be more than %(years)d years after %(date)s.": "该日期不能晚于 %(date)s 之后%(years)d年。",
    # The ledger import: how far a row may come, and its acceptor
    "Your role cannot import a major hazard as %(status)s.": "你的角色不能把重大隐患导入为%(status)s。",
    "Your role cannot import a general hazard as %(status)s.": "你的角色不能把一般隐患导入为%(status)s。",
    "Only an accepted hazard (已整改 or 已销号) has an acceptor.": "只有已验收（已整改或已销号）的隐患才有验收人。",
    "Only an accepted hazard (已整改 or 已销号) has an acceptance date.": (
        "只有已验收（已整改或已销号）的隐患才有验收日期。"
    ),
    "Acceptor written in the ledger: %(name)s": "台账填写的验收人：%(name)s",
    "Only a hazard submitted for acceptance (待验收) or accepted has a date rectified.": (
        "只有待验收或已验收的隐患才有整改完成日期。"
    ),
}
