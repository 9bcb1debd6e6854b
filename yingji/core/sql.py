"""SQL written by hand for both databases (the rollups' triggers and rebuilds): the few
expressions whose spelling differs between PostgreSQL and SQLite."""

from django.db import connection


def month_start(column: str) -> str:
    """The first day of the column's month, as a date."""
    if connection.vendor == "postgresql":
        return f"date_trunc('month', {column})::date"
    return f"strftime('%Y-%m-01', {column})"
