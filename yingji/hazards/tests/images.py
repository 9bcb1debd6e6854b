"""Test images made on the spot: a JPEG with EXIF capture time and GPS position, like a phone's."""

import io

from PIL import Image


def jpeg_bytes(*, exif: bool = True) -> bytes:
    image = Image.new("RGB", (640, 480), (200, 60, 40))
    out = io.BytesIO()
    if not exif:
        image.save(out, "JPEG")
        return out.getvalue()
    data = Image.Exif()
    data[0x0132] = "2026:03:05 09:30:00"  # DateTime
    data.get_ifd(0x8769)[0x9003] = "2026:03:05 09:30:00"  # DateTimeOriginal
    gps = data.get_ifd(0x8825)
    gps[1], gps[2] = "N", (28.0, 11.0, 24.0)
    gps[3], gps[4] = "E", (113.0, 2.0, 6.0)
    image.save(out, "JPEG", exif=data)
    return out.getvalue()


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (10, 10)).save(out, "PNG")
    return out.getvalue()
