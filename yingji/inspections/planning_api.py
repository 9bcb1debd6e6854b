"""/api/v1/enforcement-plans and /api/v1/random-draws: the annual enforcement plan and
双随机一公开 random selection (mounted at the root: each path names its collection)."""

from ninja import Router

router = Router(tags=["inspections"])
