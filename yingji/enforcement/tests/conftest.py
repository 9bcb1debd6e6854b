import pytest

from yingji.enforcement.tests.factories import officers


@pytest.fixture
def crew(bureau):
    return officers(bureau)


@pytest.fixture
def officer(crew):
    return crew[0]
