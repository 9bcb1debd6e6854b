"""How a person is recognised in the records: a resident ID number or a phone number, compared
by their significant characters whatever way they were typed (spaces, dashes, +86)."""

import dataclasses
import re

from yingji.core.errors import ApplicationError

ID_NUMBER = re.compile(r"^\d{17}[\dX]$")
ERASED = "（已删除）"  # what stands in a required name once the person is erased


@dataclasses.dataclass(frozen=True)
class Person:
    id_number: str = ""
    phone: str = ""  # digits only, without the country code
    name: str = ""  # only to find the records kept by law that hold no number


def person_of(*, id_number: str = "", phone: str = "", name: str = "") -> Person:
    errors: dict[str, list[str]] = {}
    id_number = (id_number or "").strip().upper()
    if id_number and not ID_NUMBER.match(id_number):
        errors["id_number"] = ["A resident ID number has 18 characters: 17 digits and a digit or X."]
    digits = phone_digits(phone or "")
    if phone and not 5 <= len(digits) <= 15:
        errors["phone"] = ["A phone number has 5 to 15 digits."]
    if not id_number and not phone:
        errors["non_field_errors"] = ["Give the person's ID number or phone number (or both)."]
    if errors:
        raise ApplicationError(next(iter(errors.values()))[0], errors=errors)
    return Person(id_number=id_number, phone=digits, name=(name or "").strip())


def phone_digits(phone: str) -> str:
    digits = re.sub(r"\D", "", phone)
    if phone.strip().startswith("+86") or (len(digits) == 13 and digits.startswith("86")):
        digits = digits[2:]
    return digits


def same_phone(stored: str, digits: str) -> bool:
    return bool(stored) and bool(digits) and phone_digits(stored) == digits


def phone_in_text(digits: str) -> re.Pattern:
    """The number inside free text, however it was typed: 138 0000 0000, 138-0000-0000, +86…"""
    separated = r"[ -]?".join(re.escape(d) for d in digits)
    return re.compile(rf"(?<!\d)(?:\+?86[ -]?)?{separated}(?!\d)")


def without_phone(text: str, digits: str) -> str:
    return phone_in_text(digits).sub(ERASED, text)
