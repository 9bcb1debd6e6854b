"""The province-scale benchmark (issue 5, "Performance at province scale"): a Hunan of real
regions with 300,000 enterprises, 2,000,000 inspections and 10,000,000 hazards over three
years in PostgreSQL, and the dashboard's questions timed through the real API beside the
same questions in raw SQL and in DuckDB. Run it with `bench/province/run.py`; figures and how
to read them: bench/README.md.

    dataset.py    what the province looks like: the row generators
    load.py       streaming the rows into PostgreSQL by COPY, indexes, rollup, ANALYZE
    duck.py       the same rows exported once into a DuckDB file
    questions.py  the seven questions: API path, SQL, and how answers are compared
    measure.py    the server, the clock, the comparison and the results table
    run.py        the command line
"""
