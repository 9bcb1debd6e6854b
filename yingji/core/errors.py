"""The one application error. Services raise it; the API answers 400, the CLI exits 2."""

from django.core.exceptions import ValidationError


class ApplicationError(Exception):
    def __init__(self, message: str, *, errors: dict[str, list[str]] | None = None, status: int = 400):
        super().__init__(message)
        self.message = message
        self.errors = errors or {"non_field_errors": [message]}
        self.status = status

    @classmethod
    def from_validation_error(cls, error: ValidationError) -> "ApplicationError":
        if hasattr(error, "error_dict"):
            errors = {field: [str(m) for m in msgs] for field, msgs in error.message_dict.items()}
            errors = {("non_field_errors" if f == "__all__" else f): m for f, m in errors.items()}
        else:
            errors = {"non_field_errors": [str(m) for m in error.messages]}
        first = next(iter(errors.values()))[0]
        return cls(first, errors=errors)


class Conflict(ApplicationError):
    """An action not allowed in the record's current state (HTTP 409)."""

    def __init__(self, message: str):
        super().__init__(message, status=409)


def full_clean_or_400(obj) -> None:
    """Model validation, as the one application error."""
    try:
        obj.full_clean()
    except ValidationError as e:
        raise ApplicationError.from_validation_error(e) from None
