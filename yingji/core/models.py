from django.db import models


class BaseModel(models.Model):
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


def meta_class(**options) -> type:
    """A model's Meta built by a function, for families of tables that differ only in names
    (the rollups): `Meta = meta_class(constraints=[...], indexes=[...])` in the class body."""
    return type("Meta", (), options)
