"""The file storage of uploads (photos, evidence, kept imports): Django's FileSystemStorage, which
leaves a file half-written when the disk fills up mid-write (its _save does not clean up). Ours
removes what it began, so that a refused upload leaves nothing behind: not in the database (the
transaction rolls back) and not on the disk. api_errors answers the request 507."""

import os

from django.core.files import storage


class FileSystemStorage(storage.FileSystemStorage):
    def _save(self, name, content):
        path = self.path(name)
        existed = os.path.lexists(path)
        try:
            return super()._save(name, content)
        except OSError:
            # Only a file this call created: one there before is someone else's.
            if not existed and os.path.lexists(path):
                os.remove(path)
            raise
