"""Two-factor sign-in with an authenticator app (TOTP, pyotp). After the password, a user with
a confirmed authenticator gives a six-digit code; the roles in YINGJI_2FA_ROLES (admin and
bureau by default) must enrol one when YINGJI_2FA_REQUIRED is on (production's default).

A code is accepted once (its time step is kept), within one step of clock drift."""

import datetime

import pyotp
import segno
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from yingji.accounts.models import TwoFactor
from yingji.audit.services import audit_event
from yingji.core.errors import ApplicationError

ISSUER = "Yingji"
STEP = 30  # seconds, the authenticator apps' default


def enrolled(user) -> bool:
    factor = getattr(user, "two_factor", None) if user.pk else None
    return factor is not None and factor.confirmed_at is not None


def must_enrol(user) -> bool:
    return settings.YINGJI_2FA_REQUIRED and user.role in settings.YINGJI_2FA_ROLES and not enrolled(user)


def start(user) -> TwoFactor:
    """A new, unconfirmed secret (replacing an unconfirmed one; a confirmed one stays until reset)."""
    factor, _created = TwoFactor.objects.get_or_create(user=user, defaults={"secret": pyotp.random_base32()})
    if factor.confirmed_at is None and not _created:
        factor.secret = pyotp.random_base32()
        factor.save(update_fields=["secret"])
    return factor


def provisioning_uri(factor: TwoFactor) -> str:
    return pyotp.TOTP(factor.secret, interval=STEP).provisioning_uri(
        name=factor.user.username, issuer_name=ISSUER
    )


def qr_svg(factor: TwoFactor) -> str:
    """The provisioning URI as an inline SVG to scan (no image request, nothing leaves the page)."""
    return segno.make(provisioning_uri(factor), error="m").svg_inline(scale=4)


def _accept(factor: TwoFactor, code: str, now: datetime.datetime) -> bool:
    code = (code or "").strip().replace(" ", "")
    if not (code.isdigit() and len(code) == 6):
        return False
    totp = pyotp.TOTP(factor.secret, interval=STEP)
    step = int(now.timestamp()) // STEP
    for candidate in (step, step - 1, step + 1):
        if candidate > factor.last_step and totp.at(candidate * STEP) == code:
            # Compare-and-set: two requests with the same code cannot both pass.
            return bool(
                TwoFactor.objects.filter(pk=factor.pk, last_step__lt=candidate).update(last_step=candidate)
            )
    return False


def check(user, code: str, now: datetime.datetime | None = None) -> bool:
    """True when the code is the user's current one and has not been used before."""
    if not enrolled(user):
        return False
    ok = _accept(user.two_factor, code, now or timezone.now())
    if not ok:
        audit_event(
            actor=None, action="sign_in_failed", object_type="security", object_id=user.username,
            object_repr=user.username, region_code=user.audit_region_code, after={"factor": "code"},
        )  # fmt: skip
    return ok


@transaction.atomic
def confirm(user, code: str, now: datetime.datetime | None = None) -> None:
    factor = TwoFactor.objects.select_for_update().filter(user=user).first()
    if factor is None or factor.confirmed_at is not None:
        raise ApplicationError(_("Start the set-up of an authenticator first."), status=409)
    if not _accept(factor, code, now or timezone.now()):
        message = _("The code does not match; check the phone's clock and try again.")
        raise ApplicationError(message, errors={"code": [message]})
    TwoFactor.objects.filter(pk=factor.pk).update(confirmed_at=now or timezone.now())
    audit_event(
        actor=user, action="two_factor.enrol", object_type="security", object_id=user.username,
        object_repr=user.username, region_code=user.audit_region_code,
    )  # fmt: skip


@transaction.atomic
def reset(*, actor, user) -> None:
    """Remove a user's authenticator (a lost phone): they enrol again at the next sign-in."""
    TwoFactor.objects.filter(user=user).delete()
    audit_event(
        actor=actor, action="two_factor.reset", object_type="security", object_id=user.username,
        object_repr=user.username, region_code=user.audit_region_code,
    )  # fmt: skip
