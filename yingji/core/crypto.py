"""Personal information encrypted at rest (complainants, special groups' ID numbers): Fernet
(AES-128-CBC with an HMAC-SHA256) from `cryptography`, with the keys from the environment.

`YINGJI_FIELD_KEYS` holds one or more Fernet keys, comma-separated: the first encrypts, all
decrypt, so a key is rotated by putting a new one first and re-saving the rows (`MultiFernet`).
Without it, one key is generated into `var/field_key` (mode 600) for the embedded install, as
the SECRET_KEY is.

    reporter_phone = EncryptedTextField(_("reporter's phone"), blank=True)

The column holds the token; the model attribute holds the plain text. Such a column cannot be
searched or sorted by the database: keep a separate non-identifying field where a list needs one
(e.g. the last four digits).
"""

import functools

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.db import models


@functools.cache
def _fernet() -> MultiFernet:
    return MultiFernet([Fernet(key.strip().encode()) for key in settings.YINGJI_FIELD_KEYS])


def encrypt(text: str) -> str:
    return _fernet().encrypt(text.encode()).decode()


def decrypt(token: str) -> str:
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken as e:  # a key lost or a row tampered with: never show the token as data
        raise ValueError("The value cannot be decrypted with the configured keys.") from e


def rotate(token: str) -> str:
    """The token re-encrypted with the current (first) key."""
    return _fernet().rotate(token.encode()).decode()


class EncryptedTextField(models.TextField):
    """Text stored encrypted; empty text stays empty (nothing to hide, and a blank is searchable)."""

    def from_db_value(self, value, expression, connection):
        return decrypt(value) if value else value

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return encrypt(value) if value else value


def mask_id_number(number: str) -> str:
    """4301**********1234: the first four and last four characters of a resident ID number."""
    if len(number) <= 8:
        return "*" * len(number)
    return number[:4] + "*" * (len(number) - 8) + number[-4:]
