"""The demo district generator: one registered generator per app, run in dependency order.

Each app that brings demo data has a `demo.py` that registers its generator:

    @demo.generator("enterprises", after=["accounts"])
    def enterprises(ctx: demo.DemoContext) -> None: ...

Generators write in bulk (`bulk_create`), never row by row through services: the whole
demo must load in well under two minutes as modules add three years of history.
"""

import datetime
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from graphlib import TopologicalSorter

from django.db import transaction
from django.utils.module_loading import autodiscover_modules

from yingji.audit.services import audit_event

DISTRICT = "430102"  # 长沙市芙蓉区
SIZES = {
    "small": {"enterprises": 200},
    "medium": {"enterprises": 2000},
}


@dataclass
class DemoContext:
    seed: int
    size: str
    today: datetime.date
    district: str = DISTRICT
    shared: dict = field(default_factory=dict)  # what one generator hands to the next
    accounts: list[tuple[str, str, str, str]] = field(default_factory=list)  # role, user, password, org

    def rng(self, name: str) -> random.Random:
        # One stream per generator, so adding a generator never changes another's data.
        return random.Random(f"{self.seed}:{name}")

    def count(self, what: str) -> int:
        return SIZES[self.size][what]


@dataclass(frozen=True)
class Generator:
    name: str
    after: tuple[str, ...]
    run: Callable[[DemoContext], None]


_registry: dict[str, Generator] = {}


def generator(name: str, *, after: tuple[str, ...] | list[str] = ()):
    def register(func: Callable[[DemoContext], None]):
        _registry[name] = Generator(name, tuple(after), func)
        return func

    return register


def ordered() -> list[Generator]:
    autodiscover_modules("demo")
    graph = {g.name: set(g.after) for g in _registry.values()}
    # A generator may run after one that is not installed (an optional module): skip the name.
    return [_registry[name] for name in TopologicalSorter(graph).static_order() if name in _registry]


def build(*, seed: int, size: str, today: datetime.date, log: Callable[[str], None]) -> DemoContext:
    ctx = DemoContext(seed=seed, size=size, today=today)
    with transaction.atomic():
        for gen in ordered():
            log(f"demo: {gen.name}")
            gen.run(ctx)
        # Written in bulk, past the services: one entry says the district's records changed
        # (naming no region, it ends every page's kept numbers, yingji.stats.kept).
        audit_event(
            actor=None, action="demo.build", object_type="demo", object_repr=f"seed {seed}, {size}"
        )  # fmt: skip
    return ctx


def is_loaded() -> bool:
    from django.apps import apps

    Organisation = apps.get_model("accounts", "Organisation")
    return Organisation.objects.filter(region_id=DISTRICT, kind="bureau").exists()
