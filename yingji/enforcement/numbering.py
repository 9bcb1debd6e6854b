"""Document numbers (文书编号) per issuing organisation, kind and year, in the official form
`(芙)应急罚〔2026〕12号`: no gap and no duplicate, whoever issues at the same moment.

The counter row is locked (SELECT … FOR UPDATE) in the transaction that writes the document,
so a second issuer waits for the first to commit and then takes the next number; a document
that fails to be written rolls its number back with it, so no gap is left either.
"""

from django.db import IntegrityError, transaction

from yingji.enforcement.choices import DocumentKind
from yingji.enforcement.models import DocumentCounter

# The word of each document in its number, as the 应急管理 enforcement document forms print it.
WORDS = {
    DocumentKind.INSPECTION_RECORD: "检记",
    DocumentKind.RECTIFICATION_ORDER: "责改",
    DocumentKind.REINSPECTION_OPINION: "复查",
    DocumentKind.FILING_APPROVAL: "立",
    DocumentKind.PENALTY_NOTICE: "罚告",
    DocumentKind.PENALTY_DECISION: "罚",
    DocumentKind.CLOSING_APPROVAL: "结",
}
SUFFIXES = ("自治县", "自治州", "新区", "区", "县", "市", "旗", "州", "省")


def short_name(organisation) -> str:
    """The issuing organisation's one-character abbreviation: 芙 for 芙蓉区应急管理局."""
    region = organisation.region.name
    for suffix in SUFFIXES:
        if region.endswith(suffix) and len(region) > len(suffix):
            region = region[: -len(suffix)]
            break
    return region[:1] or "?"


def format_number(organisation, kind: str, year: int, serial: int) -> str:
    return f"({short_name(organisation)})应急{WORDS[kind]}〔{year}〕{serial}号"


def take_number(*, issuer, kind: str, year: int) -> int:
    """The next serial for (issuer, kind, year); call inside the transaction that stores it."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("take_number must run inside the transaction that stores the document.")
    counter = DocumentCounter.objects.select_for_update().filter(issuer=issuer, kind=kind, year=year).first()
    if counter is None:
        try:
            with transaction.atomic():  # a savepoint: another issuer may create the row first
                DocumentCounter.objects.create(issuer=issuer, kind=kind, year=year, last=0)
        except IntegrityError:
            pass
        counter = DocumentCounter.objects.select_for_update().get(issuer=issuer, kind=kind, year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return counter.last
