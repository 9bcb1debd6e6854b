"""Each import of a file (hazard ledger, enterprises) recorded: which file (SHA-256), who, when,
how many rows, what it answered. The record finds a file imported twice and replays the answer
of a request retried with the same Idempotency-Key (services.py)."""
