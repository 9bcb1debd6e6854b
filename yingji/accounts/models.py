import datetime
import hashlib

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from yingji.accounts.choices import OrgKind, Role
from yingji.core.crypto import EncryptedTextField
from yingji.core.models import BaseModel
from yingji.regions.scoping import ScopedQuerySet, ScopeFields


class Organisation(BaseModel):
    """A bureau, a member department, a street office or an enterprise. Its region is the
    root of its users' jurisdiction; a department also supervises only its industries."""

    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=16, choices=OrgKind.choices)
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, db_column="region_code")
    industries = models.JSONField(_("supervised industries"), default=list, blank=True)
    enterprise = models.OneToOneField(
        "enterprises.Enterprise", on_delete=models.PROTECT, null=True, blank=True, related_name="organisation"
    )

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(enterprise="enterprise_id")

    class Meta:
        ordering = ["region_id", "kind", "name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(fields=["region", "name"], name="organisation_name_unique_in_region"),
            models.CheckConstraint(
                condition=Q(kind=OrgKind.ENTERPRISE, enterprise__isnull=False)
                | (~Q(kind=OrgKind.ENTERPRISE) & Q(enterprise__isnull=True)),
                name="organisation_enterprise_iff_kind_enterprise",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class UserQuerySet(ScopedQuerySet):
    pass


class YingjiUserManager(UserManager.from_queryset(UserQuerySet)):
    pass


class User(AbstractUser):
    name = models.CharField(_("full name"), max_length=50, blank=True)
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="users"
    )
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    enforcement_cert_no = models.CharField(_("enforcement certificate no."), max_length=32, blank=True)
    # For the password expiry policy (YINGJI_PASSWORD_MAX_DAYS); null: never changed since joining.
    password_changed_at = models.DateTimeField(_("password changed"), null=True, blank=True)

    objects = YingjiUserManager()
    scope_fields = ScopeFields(region="organisation__region__code", enterprise="organisation__enterprise_id")

    class Meta:
        ordering = ["username"]
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.CheckConstraint(
                condition=Q(role=Role.ADMIN) | Q(organisation__isnull=False),
                name="user_has_organisation_unless_admin",
            ),
        ]

    def __str__(self) -> str:
        return self.name or self.username

    @property
    def audit_region_code(self) -> str:
        return self.organisation.region_id if self.organisation_id else ""

    def set_password(self, raw_password):
        super().set_password(raw_password)
        self.password_changed_at = timezone.now()

    def password_expired(self, max_days: int) -> bool:
        changed = self.password_changed_at or self.date_joined
        return max_days > 0 and changed < timezone.now() - datetime.timedelta(days=max_days)

    def save(self, **kwargs):
        fields = kwargs.get("update_fields")
        if fields is not None and "password" in fields:
            kwargs["update_fields"] = {*fields, "password_changed_at"}
        # Hooked here, not in a service: every path that sets a password or deactivates a user
        # (our services, the password page's form, Django's `changepassword`, shell) ends in
        # save(), so none of them can leave API tokens alive.
        reason = self._token_revocation_reason(kwargs.get("update_fields"))
        if not reason:
            return super().save(**kwargs)
        from yingji.accounts.tokens import tokens_revoke_all  # tokens build on this model

        with transaction.atomic():
            super().save(**kwargs)
            tokens_revoke_all(actor=None, user=self, reason=reason)

    def _token_revocation_reason(self, update_fields) -> str | None:
        if self._state.adding:
            return None
        # set_password() leaves the raw password in _password until the save; a hash upgraded
        # at login does not (Django clears it), so a rehash keeps the tokens.
        if self._password is not None and (update_fields is None or "password" in update_fields):
            return "password changed"
        if not self.is_active and (update_fields is None or "is_active" in update_fields):
            return "user deactivated"
        return None


def hash_token(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class ApiToken(models.Model):
    """A bearer token for the API. Only its SHA-256 is stored; the key is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    key_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=12)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"

    @property
    def audit_region_code(self) -> str:
        return self.user.audit_region_code

    def is_valid(self) -> bool:
        return self.expires_at > timezone.now() and self.user.is_active


class TwoFactor(models.Model):
    """A user's authenticator (TOTP, RFC 6238): the second factor of sign-in (等保 level 3 asks
    two factors of administrators). The secret is encrypted at rest; a code once accepted is
    never accepted again (last_step)."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="two_factor")
    secret = EncryptedTextField()
    confirmed_at = models.DateTimeField(null=True, blank=True)
    last_step = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("authenticator")
        verbose_name_plural = _("authenticators")

    def __str__(self) -> str:
        return f"{self.user} TOTP"
