"""The supplies module's endpoints under /api/v1/ (the router is mounted at the root: each
path names its own collection)."""

from ninja import Router

router = Router(tags=["supplies"])
