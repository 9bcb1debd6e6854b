"""Statistics and reports read from PostgreSQL streaming replicas, when there are any.

DATABASE_REPLICA_URLS (settings/base.py) adds the aliases replica1..N and this router; without it
nothing here runs. docs/scaling.md says how to run the replicas and when a province needs more.

Reads go to a replica only inside `on_replica`, which the reading paths of the numbers enter, each
in one place: `kept` (the stats API, the dashboard, the large screen) and the report builders
decorated with `replica_reads` (the work summary, the statistics tables — on a page, through the
API or made by the worker). Everything else reads from the primary: writes, work lists, sign-in,
and any read inside a transaction (a service that builds on what it reads). A block stays on the
replica it started on, so that the numbers and `kept`'s watermark come from one history (a
replica replays the primary's in order), even if it lags.

Read your own writes: a user with a change in the audit log in the last
DATABASE_REPLICA_PIN_SECONDS (sign-ins and downloads are no change) reads from the primary. The
audit log is the one record every change writes in its own transaction, so this holds on every
worker, for the API's tokens as for the pages' sessions, and for the worker's jobs; it costs one
indexed look at the newest entries on the primary per block.

A replica that cannot be reached is passed over for REST_SECONDS. One that fails in the middle of
a block (stopped, or a query cancelled by a conflict with recovery) makes the block run again on
the primary: the blocks only read.
"""

import datetime
import itertools
import logging
import time
from collections.abc import Callable
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from functools import wraps

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, InterfaceError, OperationalError, connections
from django.utils import timezone

logger = logging.getLogger(__name__)

PRIMARY = DEFAULT_DB_ALIAS
REST_SECONDS = 30  # a replica that could not be reached is not tried again for this long

_reading: ContextVar[str | None] = ContextVar("replica_reading", default=None)  # the block's database
_resting: dict[str, float] = {}  # alias -> time.monotonic() until which it is passed over
_turns = itertools.count()


class ReplicaRouter:
    """Reads inside a block go to the block's database; every write and migration to the primary."""

    def db_for_read(self, model, **hints):
        alias = _reading.get()
        # A transaction on the primary reads what it is writing, and its locks are there.
        if alias is None or connections[PRIMARY].in_atomic_block:
            return PRIMARY
        return alias

    def db_for_write(self, model, **hints):
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        return True  # a replica holds the primary's rows

    def allow_migrate(self, db, app_label, **hints):
        return db == PRIMARY


def on_replica[T](user, compute: Callable[[], T]) -> T:
    """compute(), its reads from a replica unless `user` changed something lately, the caller is
    in a transaction, or no replica answers. Inside a block, the block's choice holds."""
    if _reading.get() is not None or not settings.DATABASE_REPLICAS:
        return compute()
    alias = _database_for(user)
    try:
        with _block(alias):
            return compute()
    except (OperationalError, InterfaceError):
        if alias == PRIMARY:
            raise
        _failed(alias)
    with _block(PRIMARY):
        return compute()


def replica_reads[T](function: Callable[..., T]) -> Callable[..., T]:
    """Decorator: the function's reads come from a replica (on_replica), for its `user` keyword."""

    @wraps(function)
    def reading(*args, **kwargs):
        return on_replica(kwargs.get("user"), lambda: function(*args, **kwargs))

    return reading


@contextmanager
def _block(alias: str):
    token = _reading.set(alias)
    try:
        yield
    finally:
        _reading.reset(token)


def _database_for(user) -> str:
    if connections[PRIMARY].in_atomic_block or wrote_lately(user):
        return PRIMARY
    aliases = settings.DATABASE_REPLICAS
    first = next(_turns)
    for n in range(len(aliases)):
        alias = aliases[(first + n) % len(aliases)]
        if _resting.get(alias, 0) > time.monotonic():
            continue
        if _reachable(alias):
            return alias
        _rest(alias)
    return PRIMARY


def wrote_lately(user) -> bool:
    """Whether the audit log holds a change by the user in the last DATABASE_REPLICA_PIN_SECONDS."""
    from yingji.audit.models import AuditEntry
    from yingji.audit.security import SECURITY

    if not getattr(user, "pk", None):
        return False
    since = timezone.now() - datetime.timedelta(seconds=settings.DATABASE_REPLICA_PIN_SECONDS)
    entries = AuditEntry.objects.using(PRIMARY).filter(actor_id=user.pk, at__gte=since)
    return entries.exclude(object_type=SECURITY).exists()


def _reachable(alias: str) -> bool:
    connection = connections[alias]
    try:
        # A connection kept from an earlier request may have died with its server since.
        if connection.connection is not None and not connection.is_usable():
            connection.close()
        connection.ensure_connection()
    except DatabaseError:
        logger.warning("Replica %s cannot be reached; reading from the primary.", alias, exc_info=True)
        return False
    return True


def _failed(alias: str) -> None:
    connection = connections[alias]
    if not connection.is_usable():
        with suppress(DatabaseError):
            connection.close()
        _rest(alias)
    logger.warning("A read on replica %s failed; reading from the primary.", alias, exc_info=True)


def _rest(alias: str) -> None:
    _resting[alias] = time.monotonic() + REST_SECONDS
