"""Lines typed into a form's text box, one record a line with its fields between | (the
full-width ｜ too, as a Chinese input method types it): the campaign form's fields, a meeting's
decisions, an assessment's items."""


def split_lines(text: str, width: int) -> list[list[str]]:
    """Each non-blank line's fields, stripped and padded with "" to `width`."""
    rows = []
    for line in (text or "").splitlines():
        parts = [p.strip() for p in line.replace("｜", "|").split("|")]
        if any(parts):
            rows.append(parts + [""] * (width - len(parts)))
    return rows
