"""Personal information is stored encrypted and read back with any configured key."""

import pytest
from cryptography.fernet import Fernet

from yingji.core import crypto


@pytest.fixture
def keys(settings):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    crypto._fernet.cache_clear()
    yield settings, old, new
    crypto._fernet.cache_clear()


def test_a_value_is_not_stored_as_itself_and_reads_back(keys):
    token = crypto.encrypt("430102199001011234")
    assert "430102199001011234" not in token
    assert crypto.decrypt(token) == "430102199001011234"


def test_a_rotated_key_still_reads_old_values_and_rotate_moves_them_to_the_new_key(keys):
    settings, old, new = keys
    settings.YINGJI_FIELD_KEYS = [old]
    crypto._fernet.cache_clear()
    token = crypto.encrypt("13812345678")
    settings.YINGJI_FIELD_KEYS = [new, old]
    crypto._fernet.cache_clear()
    assert crypto.decrypt(token) == "13812345678"
    rotated = crypto.rotate(token)
    settings.YINGJI_FIELD_KEYS = [new]
    crypto._fernet.cache_clear()
    assert crypto.decrypt(rotated) == "13812345678"
    with pytest.raises(ValueError):
        crypto.decrypt(token)


def test_an_id_number_is_masked_to_its_first_and_last_four():
    assert crypto.mask_id_number("430102199001011234") == "4301**********1234"
