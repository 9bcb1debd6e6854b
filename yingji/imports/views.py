"""The web pages' side of a file imported before: the page asks, and the same file chosen again
with the question's box ticked is imported again."""

from yingji.core import uploads
from yingji.imports.services import sha256_of


def confirmed_again(request, upload) -> bool:
    """True when the form confirms importing again this very file: the question carried the
    earlier import's SHA-256, so a box ticked for one file never lets another through."""
    if request.POST.get("confirm_duplicate") != "1" or upload.size > uploads.WEB.file_bytes:
        return False  # (a file too large is refused by the import itself)
    digest = sha256_of(upload.read())
    upload.seek(0)
    return request.POST.get("confirm_sha256", "") == digest
