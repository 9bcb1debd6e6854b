"""A number's conditions and aggregate compiled to SQL once per process, not per statement.

A report counts a hundred numbers, each an aggregate with a few conditions on its table's own
columns (in the period, kind = 'road_traffic', status = 'operating'…). Built through the ORM
for every statement, that costs more than the database takes to count them. The same condition
compiles to the same SQL, so each is compiled once (per database engine and time zone, which
the SQL depends on) and reused: for a new period only the period's condition is compiled again.

Only what reads the table's own columns: a condition or aggregate that follows a relation (a
join) is not compiled here, and the caller goes through the ORM. Values stay parameters.

`counted_in` assembles one statement from these pieces and the user's scope as the ORM compiles
it (the scope is never rebuilt here: one scoping mechanism).
"""

from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet, FieldError, FullResultSet
from django.db import connections
from django.db.models import Aggregate, BooleanField, Q
from django.db.models.aggregates import AggregateFilter
from django.db.models.expressions import RawSQL
from django.db.models.sql import Query
from django.db.models.sql.datastructures import Join
from django.utils import timezone

LIMIT = 4096  # conditions kept; then forgotten all at once (periods asked over months add up)
_conditions: dict[tuple, tuple[str, tuple] | None] = {}
_aggregates: dict[tuple, "CompiledAggregate | None"] = {}


MARK = "yingji_condition"  # where a number's condition goes in its compiled aggregate


@dataclass(frozen=True)
class CompiledAggregate:
    """e.g. SUM(("t"."deaths" + "t"."missing")) FILTER (WHERE (…)), or on SQLite a decimal's
    CAST(SUM("t"."direct_loss") FILTER (WHERE (…)) AS NUMERIC): the SQL before and after the
    condition, and the parameters of each side."""

    before: str
    after: str
    params_before: tuple
    params_after: tuple
    plain: tuple[str, tuple]  # without a condition
    expression: Aggregate  # resolved, for its converters
    converters: tuple

    def sql(self, condition: tuple[str, tuple] | None) -> tuple[str, tuple]:
        if condition is None:
            return self.plain
        text, params = condition
        return f"{self.before}({text}){self.after}", (*self.params_before, *params, *self.params_after)

    def convert(self, value, connection):
        for converter in self.converters:
            value = converter(value, self.expression, connection)
        return value


def condition(model, conditions: list[Q], using: str) -> tuple[str, tuple] | None:
    """All the conditions (ANDed) as one SQL condition over the model's table; None when one
    cannot be compiled alone (it needs a join)."""
    parts, prefix = [], _key(using, model)  # the engine and time zone looked up once
    for q in conditions:
        part = _condition(prefix, model, q, using)
        if part is None:
            return None
        if part[0]:
            parts.append(part)
    text = " AND ".join(f"({sql})" for sql, _ in parts) or "1 = 1"
    return text, tuple(p for _, params in parts for p in params)


def _key(using: str, *rest) -> tuple:
    return (connections[using].vendor, timezone.get_current_timezone_name(), *rest)


def _condition(prefix: tuple, model, q: Q, using: str) -> tuple[str, tuple] | None:
    key = (*prefix, q)
    try:
        if key in _conditions:
            return _conditions[key]
    except TypeError:  # a value that cannot be a key (a list): compiled, not kept
        return _compile_condition(model, q, using)
    if len(_conditions) >= LIMIT:
        _conditions.clear()
    _conditions[key] = _compile_condition(model, q, using)
    return _conditions[key]


def _compile_condition(model, q: Q, using: str) -> tuple[str, tuple] | None:
    query = Query(model)
    connection = connections[using]
    try:
        where = query.build_where(q)  # no joins: the columns of the table itself
        sql, params = where.as_sql(query.get_compiler(connection=connection), connection)
    except FullResultSet:  # Q(): every row
        return "", ()
    except EmptyResultSet:  # e.g. pk__in=[]: no row
        return "1 = 0", ()
    except FieldError:
        return None
    return sql, tuple(params)


def aggregate(model, make, using: str) -> CompiledAggregate | None:
    """The aggregate `make()` builds (a measure's) with a place for a condition; None when it
    is not one aggregate of the table's own columns without a filter of its own."""
    cache_key = _key(using, model, make)  # the function itself: a measure replaced has another
    if cache_key not in _aggregates:
        _aggregates[cache_key] = _compile_aggregate(model, make(), using)
    return _aggregates[cache_key]


def _compile_aggregate(model, expression, using: str) -> CompiledAggregate | None:
    if not isinstance(expression, Aggregate) or expression.filter is not None:
        return None
    marked = expression.copy()
    mark = RawSQL(MARK, (), output_field=BooleanField())  # noqa: S611 (a constant, replaced by compiled SQL)
    marked.filter = AggregateFilter(mark)
    query = Query(model)
    connection = connections[using]
    compiler = query.get_compiler(connection=connection)
    try:
        resolved = marked.resolve_expression(query, allow_joins=False, summarize=True)
        plain = compiler.compile(expression.resolve_expression(query, allow_joins=False, summarize=True))
    except FieldError:
        return None
    sql, params = compiler.compile(resolved)
    before, mark, after = sql.partition(f"({MARK})")
    if not mark or MARK in after:
        return None
    split = before.count("%s")  # the parameters placed before the condition
    converters = (*connection.ops.get_db_converters(resolved), *resolved.get_db_converters(connection))
    return CompiledAggregate(
        before,
        after,
        tuple(params[:split]),
        tuple(params[split:]),
        (plain[0], tuple(plain[1])),
        resolved,
        converters,
    )


@dataclass(frozen=True)
class Scope:
    """A queryset's rows (the user's scope) as the ORM compiles them: FROM's tables and joins,
    WHERE, their parameters; `tables` None when it holds no row."""

    model: type
    db: str
    tables: list | None
    where: str = ""
    params: tuple = ()


def scope_of(base) -> Scope | None:
    """The queryset's rows to count in (counted_in); None when they cannot be read this way
    (DISTINCT, a join that could repeat rows)."""
    compiled_scope = _scope(base)
    if compiled_scope is None:
        return None
    if compiled_scope is _NOTHING:
        return Scope(base.model, base.db, None)
    return Scope(base.model, base.db, *compiled_scope)


def counted_in(scope: Scope | None, numbers: list[tuple], where: list[Q] = ()) -> list | None:
    """Each number — (model, make the aggregate, conditions) — over the rows of the scope
    (scope_of a queryset: the user's) that meet `where`, in one statement: the aggregate with
    its conditions as a FILTER (none for no conditions). None when a piece cannot be compiled
    alone, or the scope cannot be read this way (DISTINCT, a join that could repeat rows)."""
    if scope is None:
        return None
    if scope.tables is None:  # what the ORM answers for no row: COUNT 0, SUM None
        empty = [aggregate(model, make, scope.db) for model, make, _ in numbers]
        return None if None in empty else [a.expression.empty_result_set_value for a in empty]
    tables, where_sql, params_in_scope = scope.tables, scope.where, scope.params
    common, numbers = _hoisted(numbers)
    where = [*where, *common]
    in_where = condition(scope.model, list(where), scope.db) if where else ("", ())
    if in_where is None:
        return None
    columns, params, aggregates = [], [], []
    for model, make, conditions in numbers:
        compiled_aggregate = aggregate(model, make, scope.db)
        own = condition(model, conditions, scope.db) if conditions else None
        if compiled_aggregate is None or (conditions and own is None):
            return None
        column, column_params = compiled_aggregate.sql(own)
        columns.append(column)
        params += column_params
        aggregates.append(compiled_aggregate)
    wheres = [w for w in (where_sql, in_where[0]) if w]
    # Pieces the ORM compiled, values as parameters: no text of a user's.
    sql = f"SELECT {', '.join(columns)} FROM {' '.join(tables)}"  # noqa: S608
    sql += "".join(f" {'AND' if n else 'WHERE'} ({w})" for n, w in enumerate(wheres))
    connection = connections[scope.db]
    with connection.cursor() as cursor:
        cursor.execute(sql, (*params, *params_in_scope, *in_where[1]))
        row = cursor.fetchone()
    return [a.convert(value, connection) for a, value in zip(aggregates, row, strict=True)]


def _hoisted(numbers: list[tuple]) -> tuple[list[Q], list[tuple]]:
    """The conditions every number has (not cancelled, say), moved to WHERE: tested once a row
    rather than once a number, and a row none of them counts is never aggregated. Exact: such
    a row would have met none of the FILTERs."""
    if len(numbers) < 2:
        return [], numbers
    parts = [_conjuncts(conditions) for _, _, conditions in numbers]
    common = [c for c in parts[0] if all(c in other for other in parts[1:])]
    if not common:
        return [], numbers
    rest = [[c for c in own if c not in common] for own in parts]
    return common, [(model, make, own) for (model, make, _), own in zip(numbers, rest, strict=True)]


def _conjuncts(conditions: list[Q]) -> list[Q]:
    """The conditions ANDed, each Q's own parts one by one."""
    parts = []
    for q in conditions:
        if q.connector == Q.AND and not q.negated:
            parts += [child if isinstance(child, Q) else Q(child) for child in q.children]
        else:
            parts.append(q)
    return parts


_NOTHING = object()


def _scope(base):
    """(FROM's tables and joins, WHERE, their parameters) of the queryset as the ORM compiles
    it; _NOTHING when it holds no row; None when it cannot be read this way."""
    query = base.query
    if query.distinct or query.combinator or query.is_sliced or not _one_row_each(query):
        return None
    compiler = query.get_compiler(base.db)
    try:
        where, where_params = compiler.compile(query.where)
    except EmptyResultSet:
        return _NOTHING
    except FullResultSet:
        where, where_params = "", ()
    query.get_initial_alias()  # the model's table, even when nothing filtered it (an administrator)
    tables, table_params = compiler.get_from_clause()  # the model's table, and the scope's joins
    return tables, where, (*table_params, *where_params)


def _one_row_each(query) -> bool:
    """The scope's joins (a warehouse's region, an organisation's) follow foreign keys: each
    row of the table meets at most one row of each, so nothing is counted twice."""
    for alias, references in query.alias_refcount.items():
        if references and alias != query.base_table:
            join = query.alias_map[alias]
            if not (isinstance(join, Join) and getattr(join.join_field, "many_to_one", False)):
                return False
    return True
