"""What the province looks like: Hunan (43) with its real cities, counties and streets (the
region tree `yingji migrate` loads), and the rows the benchmark writes into it, generated here
as tuples in the column order of load.py's COPY statements.

- 300,000 enterprises in the streets, more in the districts (区) than in the counties, their
  industries by place (fireworks in 浏阳 and 醴陵, mines and farm machinery in the counties);
  USCCs valid to the last check digit (GB 32100 and the organisation code's GB 11714).
- 2,000,000 inspections from 2024-01-01 to the last day (END), on working days mostly, more in June
  (安全生产月), few over the Spring Festival, a little more each year; the high-risk
  enterprises more often; by the county bureau (with two or three of its inspectors) or the
  street office.
- 10,000,000 hazards over the same days: about three in ten found by those inspections (same
  day, same enterprise, linked), the rest by the enterprises' own checks and complaints. About
  2 % major. A general hazard is put right on the spot a third of the time; otherwise it gets a
  deadline 7–30 days on and is mostly rectified in time, some weeks or months late, a few
  never; 1 % are cancelled. Statuses, dates and the model's constraints agree, as of the
  last day (END): open hazards are those not rectified by then.

END is the day of the build (Asia/Shanghai), at the latest 2026-12-31; PROVINCE_END
(run.py build --end) sets another. Nothing is found, rectified or closed after it, as entry
refuses a day in the future: the statistics read a running month's days after today as none,
and a province built to 31 December but asked on the 5th would hold 26 days that no real
database has.

Everything is drawn from seeded generators, so a rebuild writes the same rows. Importing
this module needs Django set up (it reuses the demo's vocabulary).
"""

# Seeded, reproducible test data, not secrets.
# ruff: noqa: S311

import datetime
import os
import random
from array import array
from bisect import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import accumulate
from zoneinfo import ZoneInfo

from yingji.core.industries import Industry as I  # noqa: E741
from yingji.enterprises.demo import BRANDS, GBT4754, GIVEN, PROFILE, SURNAMES
from yingji.hazards.demo import BY_INDUSTRY, COMMON, MAJOR_INDUSTRIES, RESPONSIBLE
from yingji.inspections.checklists import shipped
from yingji.inspections.choices import InspectionType
from yingji.inspections.demo import HIGH_RISK, INSPECTORS, NOTES, TYPES

PROVINCE = "43"


TZ = ZoneInfo("Asia/Shanghai")


def _end() -> datetime.date:
    if os.environ.get("PROVINCE_END"):
        return datetime.date.fromisoformat(os.environ["PROVINCE_END"])
    return min(datetime.datetime.now(TZ).date(), datetime.date(2026, 12, 31))


START, END = datetime.date(2024, 1, 1), _end()
DAYS = (END - START).days + 1
LAST = DAYS - 1  # the day statuses are true of
# Day n as a date, from START; past END too, for deadlines and late rectifications.
DATES = [START + datetime.timedelta(days=n) for n in range(DAYS + 400)]
# Working hours of each day, for created_at / updated_at.
TIMES = [datetime.datetime.combine(d, datetime.time(10), TZ) for d in DATES[:DAYS]]
SPRING_FESTIVAL = {
    2024: datetime.date(2024, 2, 10),
    2025: datetime.date(2025, 1, 29),
    2026: datetime.date(2026, 2, 17),
}


@dataclass(frozen=True)
class Sizes:
    enterprises: int = 300_000
    inspections: int = 2_000_000
    hazards: int = 10_000_000


@dataclass(frozen=True)
class Province:
    """The region tree under 43, as (code, name) pairs."""

    name: str
    cities: list[tuple[str, str]]
    counties: list[tuple[str, str]]
    streets: list[tuple[str, str]]


@dataclass
class Scene:
    """What later tables need of earlier ones, filled as the rows are generated."""

    province: Province
    sizes: Sizes
    bureau: dict[str, int] = field(default_factory=dict)  # province/city/county code -> org id
    office: dict[str, int] = field(default_factory=dict)  # street code -> street office id
    inspectors: dict[str, list[int]] = field(default_factory=dict)  # county code -> user ids
    templates: dict[str, int] = field(default_factory=dict)  # industry -> checklist template id
    # Enterprise n (id n + 1): street, industry, and how often it is inspected / has hazards.
    street: list[str] = field(default_factory=list)
    industry: list[str] = field(default_factory=list)
    inspection_weights: list[float] = field(default_factory=list)
    hazard_weights: list[float] = field(default_factory=list)
    # Inspection n (id n + 1): its enterprise, kind and first inspector; the first of each day.
    inspection_enterprise: array = field(default_factory=lambda: array("i"))
    inspection_kind: list[str] = field(default_factory=list)
    inspection_reporter: array = field(default_factory=lambda: array("i"))
    inspections_from_day: list[int] = field(default_factory=list)


class Draw(random.Random):
    """Seeded draws; `between` and `pick` skip randrange's and choice's argument checks,
    which took half the generation time at ten million rows."""

    def between(self, low: int, high: int) -> int:
        """low <= n < high, as randrange(low, high)."""
        return low + int(self.random() * (high - low))

    def pick(self, seq):
        return seq[int(self.random() * len(seq))]


def rng(table: str) -> Draw:
    return Draw(f"yingji-province-{table}")


def day_weights() -> list[float]:
    """Working days; June is 安全生产月; the Spring Festival week is quiet; +6 % a year."""
    weights = []
    for day in DATES[:DAYS]:
        w = (1.0, 1.0, 1.0, 1.0, 1.0, 0.35, 0.2)[day.weekday()]
        if day.month == 6:
            w *= 1.3
        if 0 <= (day - SPRING_FESTIVAL[day.year]).days < 7:
            w *= 0.25
        weights.append(w * (1 + 0.06 * (day.year - START.year)))
    return weights


def split(total: int, weights: list[float]) -> list[int]:
    """total spread over the weights in whole numbers that add up exactly."""
    cumulative = list(accumulate(weights))
    marks = [round(total * c / cumulative[-1]) for c in cumulative]
    return [b - a for a, b in zip([0, *marks[:-1]], marks, strict=True)]


# Organisations and inspectors ----------------------------------------------------------

ORGANISATION_COLUMNS = "id, created_at, updated_at, name, kind, industries, enterprise_id, region_code"
USER_COLUMNS = (
    "id, password, last_login, is_superuser, username, first_name, last_name, email, is_staff, "
    "is_active, date_joined, name, role, phone, enforcement_cert_no, organisation_id"
)
INSPECTORS_PER_COUNTY = 6


def organisations(scene: Scene) -> Iterator[tuple]:
    """A bureau for the province, each city and county (named as `yingji adduser` names them,
    so that it finds them), and a street office for each street."""
    p, at = scene.province, TIMES[0]
    bureaus = [(PROVINCE, p.name), *p.cities, *p.counties]
    for n, (code, name) in enumerate(bureaus, start=1):
        scene.bureau[code] = n
        yield (n, at, at, f"{name}应急管理局", "bureau", "[]", None, code)
    for n, (code, name) in enumerate(p.streets, start=len(bureaus) + 1):
        scene.office[code] = n
        yield (n, at, at, f"{name}办事处", "street", "[]", None, code)


def inspector_users(scene: Scene) -> Iterator[tuple]:
    r = rng("users")
    at = TIMES[0]
    n = 0
    for county, _name in scene.province.counties:
        scene.inspectors[county] = []
        for k in range(1, INSPECTORS_PER_COUNTY + 1):
            n += 1
            scene.inspectors[county].append(n)
            yield (n, "!", None, False, f"inspector-{county}-{k}", "", "", "", False, True, at, person(r),
                   "inspector", mobile(r), f"{county}{k:05d}", scene.bureau[county])  # fmt: skip


def person(r: Draw) -> str:
    return r.pick(SURNAMES) + "".join(r.pick(GIVEN) for _ in range(r.pick((1, 2, 2))))


def mobile(r: Draw) -> str:
    return f"1{r.pick('3578')}{r.between(0, 10**9):09d}"


# Enterprises ---------------------------------------------------------------------------

ENTERPRISE_COLUMNS = (
    "id, created_at, updated_at, uscc, name, address, industry, status, employees, latitude, longitude, "
    "region_code, ammonia_refrigeration, confined_space, dust_explosion, gbt4754_code, is_major_hazard_source, "
    "legal_representative, liability_insurance, major_hazard_source_grade, phone, risk_grade, "
    "safety_director_appointed, safety_manager, safety_manager_phone, scale, standardisation_grade, "
    "supervising_department_id"
)
# Industry: weight in a district (区), and in a county or county-level city.
WEIGHTS = {
    I.COMMERCE_TRADE: (30, 22), I.CROWDED_PLACES: (16, 8), I.CONSTRUCTION: (10, 9), I.LIGHT_INDUSTRY: (6, 8),
    I.MACHINERY: (5, 5), I.ROAD_TRANSPORT: (5, 5), I.GAS: (2, 2), I.HAZARDOUS_CHEMICALS: (3, 4),
    I.SPECIAL_EQUIPMENT: (4, 2), I.TEXTILE: (2, 3), I.BUILDING_MATERIALS: (2, 5), I.TOBACCO: (1, 1),
    I.TOURISM: (2, 3), I.EDUCATION: (4, 4), I.HEALTHCARE: (4, 3), I.OTHER: (4, 4),
    I.NON_COAL_MINING: (0.2, 3), I.COAL_MINING: (0, 0.6), I.FIREWORKS: (0.1, 1.5), I.CIVIL_EXPLOSIVES: (0, 0.1),
    I.METALLURGY: (0.5, 1.5), I.NONFERROUS: (0.3, 1.5), I.WATERWAY_TRANSPORT: (0.3, 1),
    I.AGRICULTURAL_MACHINERY: (0.1, 1.5), I.FISHING_VESSELS: (0, 0.8),
}  # fmt: skip
# Name endings, GB/T 4754 codes and head counts of the industries the demo district (whose
# PROFILE serves the others) has none of.
RURAL = {
    I.NON_COAL_MINING: (["矿业有限公司", "采石场", "砂石有限公司"], ["B10", "B1019"], (10, 300)),
    I.COAL_MINING: (["煤矿", "煤业有限公司"], ["B06"], (50, 800)),
    I.FIREWORKS: (["烟花制造有限公司", "花炮厂", "烟花爆竹批发有限公司"], ["C2672"], (10, 400)),
    I.CIVIL_EXPLOSIVES: (["民爆器材有限公司"], ["C2671"], (20, 200)),
    I.METALLURGY: (["钢铁有限公司", "铸造有限公司"], ["C31", "C3391"], (30, 1500)),
    I.NONFERROUS: (["有色金属有限公司", "冶炼有限公司"], ["C32"], (30, 800)),
    I.WATERWAY_TRANSPORT: (["航运有限公司", "船务有限公司"], ["G55"], (5, 120)),
    I.AGRICULTURAL_MACHINERY: (["农机专业合作社", "农机服务有限公司"], ["A05"], (3, 40)),
    I.FISHING_VESSELS: (["渔业专业合作社"], ["A04"], (3, 30)),
}
MAJOR_HAZARD_SOURCES = {I.HAZARDOUS_CHEMICALS, I.GAS, I.FIREWORKS, I.CIVIL_EXPLOSIVES}
CONFINED = {I.LIGHT_INDUSTRY, I.GAS, I.HAZARDOUS_CHEMICALS, I.CONSTRUCTION}
DUSTY = {I.MACHINERY, I.LIGHT_INDUSTRY, I.METALLURGY, I.NONFERROUS, I.TEXTILE, I.BUILDING_MATERIALS}
STANDARDISATION = ("level_1", "level_2", "level_3", "none")
FIREWORKS_COUNTIES = {"430181": 15, "430281": 15}  # 浏阳市, 醴陵市
AREA_CODES = {
    "4301": "0731", "4302": "0731", "4303": "0731", "4304": "0734", "4305": "0739", "4306": "0730",
    "4307": "0736", "4308": "0744", "4309": "0737", "4310": "0735", "4311": "0746", "4312": "0745",
    "4313": "0738", "4331": "0743",
}  # fmt: skip
ROADS = ["人民路", "解放路", "建设路", "中山路", "新华路", "工业大道", "迎宾路", "湘江路", "长江路", "五一路",
         "车站路", "文化路", "胜利路", "滨江路", "开发大道"]  # fmt: skip
# How often an industry is inspected and has hazards, against the average.
HAZARD_FACTOR = {I.CONSTRUCTION: 2.0, I.HAZARDOUS_CHEMICALS: 1.8, I.FIREWORKS: 1.8, I.NON_COAL_MINING: 1.6,
                 I.COAL_MINING: 1.8, I.GAS: 1.5, I.CROWDED_PLACES: 1.3, I.METALLURGY: 1.4, I.TOBACCO: 0.5,
                 I.EDUCATION: 0.7, I.OTHER: 0.6}  # fmt: skip


def _profile(industry: str) -> tuple[list[str], list[str], tuple[int, int]]:
    if industry in RURAL:
        return RURAL[industry]
    _weight, endings, head_count = PROFILE[industry]
    return endings, GBT4754[industry], head_count


def _short(name: str) -> str:
    """长沙市 → 长沙, 湘西土家族苗族自治州 → 湘西."""
    return name[:2] if name.endswith("自治州") else name.removesuffix("市")


def uscc_for(county: str, n: int) -> str:
    """91 (工商, enterprise) + county + a unique organisation code with its GB 11714 check
    character + the USCC check character (python-stdnum)."""
    from stdnum.cn import uscc

    body = f"{(n * 7919 + 10_000_019) % 10**8:08d}"
    check = 11 - sum(int(c) * w for c, w in zip(body, (3, 7, 9, 10, 5, 8, 4, 2), strict=True)) % 11
    code = f"91{county}{body}{'X' if check == 10 else '0' if check == 11 else check}"
    return code + uscc.calc_check_digit(code)


def _industry_chances(county: str, name: str) -> list[float]:
    """Cumulative industry weights of a district (区) or a county (县, county-level 市)."""
    urban = name.endswith("区")
    return list(accumulate(
        WEIGHTS[i][0 if urban else 1] * (FIREWORKS_COUNTIES.get(county, 1) if i == I.FIREWORKS else 1)
        for i in WEIGHTS
    ))  # fmt: skip


def enterprises(scene: Scene) -> Iterator[tuple]:
    r = rng("enterprises")
    p = scene.province
    names = dict([*p.cities, *p.counties])
    street_weights = []
    for code, _name in p.streets:
        county = names[code[:6]]
        w = (
            r.lognormvariate(0, 0.6)
            * (1.6 if county.endswith("区") else 1.0)
            * (1.5 if code[:4] == "4301" else 1)
        )
        street_weights.append(w)
    street_cum = list(accumulate(street_weights))
    industries = [i.value for i in WEIGHTS]
    chances = {county: _industry_chances(county, name) for county, name in p.counties}
    at = TIMES[0]
    for n in range(1, scene.sizes.enterprises + 1):
        street, street_name = p.streets[bisect(street_cum, r.random() * street_cum[-1])]
        county, city = street[:6], street[:4]
        chance = chances[county]
        industry = industries[bisect(chance, r.random() * chance[-1])]
        endings, codes, (low, high) = _profile(industry)
        employees = r.between(low, high)
        activity = r.lognormvariate(0, 0.6) * HAZARD_FACTOR.get(industry, 1.0)
        scene.street.append(street)
        scene.industry.append(industry)
        scene.inspection_weights.append(activity * (1.6 if industry in HIGH_RISK else 1.0))
        scene.hazard_weights.append(activity)
        name = f"{_short(names[city])}{r.pick(BRANDS)}{r.pick(BRANDS)}{r.pick(endings)}"
        address = f"{names[city]}{names[county]}{street_name}{r.pick(ROADS)}{r.between(1, 900)}号"
        yield (
            n,
            at,
            at,
            uscc_for(county, n),
            name,
            address,
            industry,
            *_facts(r, industry, employees, street),
        )


def _facts(r: Draw, industry: str, employees: int, street: str) -> tuple:
    """status … supervising_department_id, after the demo's registry: mostly operating, risk
    graded mostly 一般 and 低, major hazard sources among chemicals, gas and explosives."""
    major = industry in MAJOR_HAZARD_SOURCES and r.random() < 0.2
    high = major or industry in HIGH_RISK
    big = employees >= 100
    roll = r.random()
    if major:
        risk = "major" if roll < 0.4 else "relatively_high"
    else:
        risk = ("major" if roll < (0.02 if high else 0.005) else
                "relatively_high" if roll < (0.15 if high else 0.05) else
                "general" if roll < (0.7 if high else 0.45) else "low")  # fmt: skip
    scale = ("large" if employees >= 1000 else "medium" if employees >= 300 else
             "small" if employees >= 20 else "micro")  # fmt: skip
    status = r.choices(("operating", "suspended", "closed"), (94, 4, 2))[0]
    standardisation = r.choices(STANDARDISATION, [1, 6, 25, 68] if big or major else [0, 1, 12, 87])[0]
    return (
        status, employees, None, None, street, industry == I.LIGHT_INDUSTRY and r.random() < 0.1,
        industry in CONFINED and r.random() < 0.2, industry in DUSTY and r.random() < 0.2,
        r.pick(_profile(industry)[1]), major, person(r), r.random() < (0.9 if major else 0.45),
        r.pick((2, 3, 3, 4, 4, 4)) if major else None, f"{AREA_CODES[street[:4]]}-{r.between(0, 10**7):07d}",
        risk, big and r.random() < 0.6 or major, person(r), mobile(r), scale, standardisation, None,
    )  # fmt: skip


# Inspections ---------------------------------------------------------------------------

INSPECTION_COLUMNS = (
    "id, created_at, updated_at, industry, inspected_on, type, inspector_count, notes, created_by_id, "
    "enterprise_id, region_code, organisation_id, template_id"
)
INSPECTOR_COLUMNS = "inspection_id, user_id"
BY_BUREAU = {InspectionType.ENFORCEMENT, InspectionType.LEADER, InspectionType.UNANNOUNCED}


def inspections(scene: Scene, team: array) -> Iterator[tuple]:
    """Day by day; `team` gets (inspection id, user id) pairs for the bureau's inspectors."""
    r = rng("inspections")
    chance = list(accumulate(scene.inspection_weights))
    kinds = [t.value for t, _w in TYPES]
    kind_chance = list(accumulate(w for _t, w in TYPES))
    n = 0
    for day, count in enumerate(split(scene.sizes.inspections, day_weights())):
        scene.inspections_from_day.append(n)
        at, on = TIMES[day], DATES[day]
        for _ in range(count):
            n += 1
            e = bisect(chance, r.random() * chance[-1])
            street, industry = scene.street[e], scene.industry[e]
            kind = kinds[bisect(kind_chance, r.random() * kind_chance[-1])]
            people = _people(r, kind)
            reporter = 0
            if kind == InspectionType.SELF_CHECK:
                organisation = None
            elif kind in BY_BUREAU or r.random() < 0.45:
                organisation = scene.bureau[street[:6]]
                for user in r.sample(scene.inspectors[street[:6]], min(people, INSPECTORS_PER_COUNTY)):
                    team.extend((n, user))
                    reporter = reporter or user
            else:
                organisation = scene.office[street]
            scene.inspection_enterprise.append(e)
            scene.inspection_kind.append(kind)
            scene.inspection_reporter.append(reporter)
            yield (n, at, at, industry, on, kind, people, NOTES[kind], reporter or None, e + 1, street,
                   organisation, scene.templates.get(industry))  # fmt: skip
    scene.inspections_from_day.append(n)


def _people(r: "Draw", kind: str) -> int:
    low, high = INSPECTORS.get(kind, (1, 3))
    return r.between(low, high + 1)


def inspection_team(team: array) -> Iterator[tuple]:
    for k in range(0, len(team), 2):
        yield team[k], team[k + 1]


# Hazards -------------------------------------------------------------------------------

HAZARD_COLUMNS = (
    "id, created_at, updated_at, enterprise_id, region_code, industry, inspection_id, description, location, "
    "category, level, source, status, found_at, measures, responsible, deadline, funds, rectified_at, verifier, "
    "verified_by_id, verified_at, closed_at, extension_requested_until, extension_reason, listing_level, "
    "listed_by_id, listed_on, cancel_reason, note, reported_by_id"
)
FOUND_PER_INSPECTION = (0, 1, 2, 3, 4, 5, 6)
FOUND_PER_INSPECTION_CHANCE = list(accumulate((40, 22, 15, 10, 6, 4, 3)))
OTHER_SOURCES = ("self_check", "inspection", "complaint", "leader_check", "other")
OTHER_SOURCES_CHANCE = list(accumulate((75, 6, 7, 4, 8)))
SOURCE_OF_KIND = {"self_check": "self_check", "leader": "leader_check"}
LOCATIONS = [
    "生产车间",
    "仓库",
    "配电间",
    "办公区",
    "作业现场",
    "厂区道路",
    "储存区",
    "楼梯间",
    "厨房",
    "设备间",
]
MAJOR_ELSEWHERE = [
    ("重大危险源未按规定辨识评估、登记建档和监测监控", "管理缺陷", "厂区"),
    ("特种作业人员未持证上岗", "人的不安全行为", "作业现场"),
    ("安全设备设施未经检测检验投入使用", "物的不安全状态", "设备间"),
]
CANCEL_REASONS = ["重复登记", "经核查不属于隐患", "企业已注销"]
VERIFIERS = ["李执法", "王检查", "周安全", "陈监督", "刘应急", "赵科员"]


def hazard_texts() -> tuple[dict, dict]:
    """Industry -> (description, category, location) for general and for major hazards: the
    demo's findings and, where an industry has a checklist, its failed items (the major-hazard
    criteria of its determination standard for major hazards)."""
    templates = {str(i): t for t in shipped() for i in t.industries}
    general, major = {}, {}
    for industry in I.values:
        general[industry] = list(COMMON) + list(BY_INDUSTRY.get(industry, []))
        items = templates[industry].items if industry in templates else ()
        for k, item in enumerate(items):
            text = (item.finding or item.text, item.category, LOCATIONS[k % len(LOCATIONS)])
            (major if item.major else general).setdefault(industry, []).append(text)
        major.setdefault(industry, MAJOR_ELSEWHERE)
    return general, major


def hazards(scene: Scene) -> Iterator[tuple]:
    """Day by day: the hazards the day's inspections found, then the enterprises' own."""
    r = rng("hazards")
    general, major = hazard_texts()
    chance = list(accumulate(scene.hazard_weights))
    n = 0
    for day, count in enumerate(split(scene.sizes.hazards, day_weights())):
        first, last = scene.inspections_from_day[day], scene.inspections_from_day[day + 1]
        found = r.choices(FOUND_PER_INSPECTION, cum_weights=FOUND_PER_INSPECTION_CHANCE, k=last - first)
        made = 0
        for i, k in zip(range(first, last), found, strict=True):
            source = SOURCE_OF_KIND.get(scene.inspection_kind[i], "inspection")
            for _ in range(min(k, count - made)):
                n += 1
                made += 1
                e = scene.inspection_enterprise[i]
                yield _hazard(r, scene, n, day, e, i + 1, source, scene.inspection_reporter[i] or None,
                              general, major)  # fmt: skip
        for _ in range(count - made):
            n += 1
            e = bisect(chance, r.random() * chance[-1])
            source = OTHER_SOURCES[bisect(OTHER_SOURCES_CHANCE, r.random() * OTHER_SOURCES_CHANCE[-1])]
            yield _hazard(r, scene, n, day, e, None, source, None, general, major)


def _hazard(r, scene: Scene, n, day, e, inspection, source, reporter, general, major) -> tuple:
    """One hazard and how far its closed loop got by END (the demo's `_life`, on day numbers)."""
    street, industry = scene.street[e], scene.industry[e]
    is_major = r.random() < (0.03 if industry in MAJOR_INDUSTRIES else 0.012)
    description, category, location = r.pick(major[industry] if is_major else general[industry])
    deadline = funds = rectified = verified = closed = listed_on = listed_by = None
    measures = responsible = verifier = listing = cancel = ""
    done, last = None, day
    roll = r.random()
    if not is_major and roll < 0.01:
        status, cancel, last = "cancelled", r.pick(CANCEL_REASONS), min(day + r.between(1, 10), LAST)
    elif not is_major and roll < 0.35:  # put right on the spot
        status, done, measures = "rectified", day, "当场整改"
    else:
        span = r.between(60, 181) if is_major else r.between(7, 31)
        deadline, measures, responsible = DATES[day + span], "按整改通知书要求落实整改", r.pick(RESPONSIBLE)
        funds = r.between(2, 200) * (2000 if is_major else 100)
        if is_major and r.random() < 0.6 and day + 2 <= LAST:
            listing = _listing(r)
            listed_on = DATES[day + 2]
            listed_by = scene.bureau[{"county": street[:6], "city": street[:4]}.get(listing, PROVINCE)]
        roll = r.random()
        if roll < (0.8 if is_major else 0.87):  # in time
            done = day + r.between(1, span + 1)
        elif roll < (0.95 if is_major else 0.96):  # late: weeks, sometimes months
            done = day + span + (r.between(1, 30) if r.random() < 0.7 else r.between(30, 200))
        status = "rectifying"
    if done is not None and done <= LAST:
        approved = done if measures == "当场整改" else done + r.between(0, 3)
        if approved > LAST:
            status, last = "awaiting_review", done
        else:
            status, rectified, verified, verifier = (
                "rectified",
                DATES[done],
                DATES[approved],
                r.pick(VERIFIERS),
            )
            last = approved
            closing = approved + r.between(0, 10)
            if closing <= LAST and r.random() < 0.7:
                status, closed, last = "closed", DATES[closing], closing
    elif status == "rectifying" and (LAST - day < 3 or r.random() < 0.05):
        status = "reported"  # not assigned yet: no deadline, measures or funds
        deadline, measures, responsible, funds = None, "", "", None
    return (n, TIMES[day], TIMES[last], e + 1, street, industry, inspection, description, location, category,
            "major" if is_major else "general", source, status, DATES[day], measures, responsible, deadline,
            funds, rectified, verifier, None, verified, closed, None, "", listing, listed_by, listed_on, cancel,
            "", reporter)  # fmt: skip


def _listing(r: Draw) -> str:
    roll = r.random()
    return "county" if roll < 0.7 else "city" if roll < 0.95 else "province"
