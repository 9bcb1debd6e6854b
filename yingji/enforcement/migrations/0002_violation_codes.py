"""The shipped code list of common work-safety violations (《安全生产法》 2021): the illegal act,
the provision it breaks and the provision that punishes it. The administrator keeps it since."""

from django.db import migrations

CODES = [
    ("hazard_not_eliminated", "未采取措施消除事故隐患", "《中华人民共和国安全生产法》第四十一条第二款",
     "《中华人民共和国安全生产法》第一百零二条", "责令立即消除或者限期消除，处五万元以下的罚款；拒不执行的，责令停产停业整顿"),
    ("main_responsible_duties", "生产经营单位主要负责人未履行安全生产管理职责", "《中华人民共和国安全生产法》第二十一条",
     "《中华人民共和国安全生产法》第九十四条第一款", "责令限期改正，处二万元以上五万元以下的罚款"),
    ("no_safety_management", "未按照规定设置安全生产管理机构或者配备安全生产管理人员", "《中华人民共和国安全生产法》第二十四条",
     "《中华人民共和国安全生产法》第九十七条第一项", "责令限期改正，处十万元以下的罚款；逾期未改正的，责令停产停业整顿"),
    ("no_safety_training", "未按照规定对从业人员进行安全生产教育和培训", "《中华人民共和国安全生产法》第二十八条",
     "《中华人民共和国安全生产法》第九十七条第三项", "责令限期改正，处十万元以下的罚款；逾期未改正的，责令停产停业整顿"),
    ("special_operator_uncertified", "特种作业人员未按照规定经专门的安全作业培训并取得相应资格上岗作业",
     "《中华人民共和国安全生产法》第三十条第一款", "《中华人民共和国安全生产法》第九十七条第七项",
     "责令限期改正，处十万元以下的罚款；逾期未改正的，责令停产停业整顿"),
    ("no_emergency_plan_drill", "未按照规定制定生产安全事故应急救援预案或者未定期组织演练",
     "《中华人民共和国安全生产法》第八十一条", "《中华人民共和国安全生产法》第九十七条第六项",
     "责令限期改正，处十万元以下的罚款；逾期未改正的，责令停产停业整顿"),
    ("no_warning_signs", "未在有较大危险因素的生产经营场所和有关设施、设备上设置明显的安全警示标志",
     "《中华人民共和国安全生产法》第三十五条", "《中华人民共和国安全生产法》第九十九条第一项",
     "责令限期改正，处五万元以下的罚款；逾期未改正的，处五万元以上二十万元以下的罚款"),
    ("equipment_not_maintained", "未对安全设备进行经常性维护、保养和定期检测", "《中华人民共和国安全生产法》第三十六条",
     "《中华人民共和国安全生产法》第九十九条第三项", "责令限期改正，处五万元以下的罚款；逾期未改正的，处五万元以上二十万元以下的罚款"),
    ("no_hazard_system", "未建立事故隐患排查治理制度，或者重大事故隐患排查治理情况未按照规定报告",
     "《中华人民共和国安全生产法》第四十一条第二款", "《中华人民共和国安全生产法》第一百零一条第五项",
     "责令限期改正，处十万元以下的罚款；逾期未改正的，责令停产停业整顿"),
    ("blocked_exits", "生产经营场所和员工宿舍未设有符合紧急疏散需要、标志明显、保持畅通的出口、疏散通道，或者占用、锁闭、封堵",
     "《中华人民共和国安全生产法》第四十二条第二款", "《中华人民共和国安全生产法》第一百零五条第二项",
     "责令限期改正，处五万元以下的罚款；逾期未改正的，责令停产停业"),
    ("dangerous_work_unsupervised", "进行爆破、吊装、动火、临时用电以及其他危险作业，未安排专门人员进行现场安全管理",
     "《中华人民共和国安全生产法》第四十三条", "《中华人民共和国安全生产法》第一百零一条第四项",
     "责令限期改正，处十万元以下的罚款；逾期未改正的，责令停产停业整顿"),
    ("no_liability_insurance", "高危行业、领域的生产经营单位未按照国家规定投保安全生产责任保险",
     "《中华人民共和国安全生产法》第五十一条第二款", "《中华人民共和国安全生产法》第一百零九条",
     "责令限期改正，处五万元以上十万元以下的罚款；逾期未改正的，处十万元以上二十万元以下的罚款"),
]  # fmt: skip


def load(apps, schema_editor):
    ViolationCode = apps.get_model("enforcement", "ViolationCode")
    for code, name, legal_basis, penalty_basis, penalty_range in CODES:
        ViolationCode.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "legal_basis": legal_basis,
                "penalty_basis": penalty_basis,
                "penalty_range": penalty_range,
            },
        )


def unload(apps, schema_editor):
    apps.get_model("enforcement", "ViolationCode").objects.filter(code__in=[c[0] for c in CODES]).delete()


class Migration(migrations.Migration):
    dependencies = [("enforcement", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
