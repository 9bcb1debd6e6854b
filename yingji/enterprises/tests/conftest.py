import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def english():
    """Messages in English, so that tests read them as written (the product defaults to Chinese)."""
    with translation.override("en"):
        yield
