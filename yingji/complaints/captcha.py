"""The public form's CAPTCHA, made here without any outside service (an intranet has none): five
characters drawn with Pillow on noise. The answer stays server-side (Captcha rows), the page
holds only the challenge's key and its picture; each challenge answers once, within
CAPTCHA_MINUTES."""

import datetime
import io
import secrets

from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont

from yingji.complaints.models import Captcha

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LENGTH = 5
CAPTCHA_MINUTES = 10


def new_challenge() -> Captcha:
    now = timezone.now()
    Captcha.objects.filter(created_at__lt=now - datetime.timedelta(minutes=CAPTCHA_MINUTES)).delete()
    answer = "".join(secrets.choice(ALPHABET) for _i in range(LENGTH))
    return Captcha.objects.create(key=secrets.token_urlsafe(18), answer=answer, created_at=now)


def solved(key: str, answer: str) -> bool:
    """Whether `answer` solves the challenge `key`; the challenge is used up either way."""
    if not key or len(key) > 32:
        return False
    found = Captcha.objects.filter(key=key).first()
    if found is None:
        return False
    Captcha.objects.filter(pk=found.pk).delete()
    fresh = found.created_at >= timezone.now() - datetime.timedelta(minutes=CAPTCHA_MINUTES)
    return fresh and secrets.compare_digest(found.answer, (answer or "").strip().upper()[:8])


def _font(size: int):
    try:
        return ImageFont.load_default(size=size)
    except (TypeError, OSError):  # Pillow without FreeType: the small bitmap font
        return ImageFont.load_default()


def picture(key: str) -> bytes | None:
    """The challenge as a PNG, or None when there is no such (live) challenge."""
    found = Captcha.objects.filter(key=key[:32]).first()
    if found is None:
        return None
    rng = secrets.SystemRandom()
    image = Image.new("RGB", (180, 60), (246, 246, 240))
    draw = ImageDraw.Draw(image)
    for _i in range(8):
        draw.line(
            [(rng.randint(0, 180), rng.randint(0, 60)), (rng.randint(0, 180), rng.randint(0, 60))],
            fill=(rng.randint(120, 200), rng.randint(120, 200), rng.randint(120, 200)),
            width=2,
        )
    font = _font(36)
    for i, char in enumerate(found.answer):
        glyph = Image.new("RGBA", (40, 50), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text(
            (4, 2), char, font=font, fill=(rng.randint(0, 90), 40, rng.randint(40, 120))
        )
        glyph = glyph.rotate(rng.randint(-25, 25), expand=False)
        image.paste(glyph, (8 + i * 33, rng.randint(0, 10)), glyph)
    for _i in range(300):
        draw.point((rng.randint(0, 179), rng.randint(0, 59)), fill=(rng.randint(0, 255),) * 3)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()
