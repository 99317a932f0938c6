"""The focal guess finds a detailed, colourful subject on a plain background."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw

from studio.imaging.saliency import guess_focal


@pytest.mark.parametrize("where", [(0.75, 0.3), (0.2, 0.7), (0.5, 0.5)])
def test_subject_on_a_plain_background(where: tuple[float, float]) -> None:
    image = Image.new("RGB", (1200, 800), (120, 120, 120))
    draw = ImageDraw.Draw(image)
    cx, cy = where[0] * 1200, where[1] * 800
    for ring in range(6):
        r = 90 - ring * 14
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(255 if ring % 2 else 20, 40 * ring, 200))
    x, y = guess_focal(image)
    assert x == pytest.approx(where[0], abs=0.08)
    assert y == pytest.approx(where[1], abs=0.08)


def test_flat_image_gives_the_centre() -> None:
    assert guess_focal(Image.new("RGB", (300, 200), (10, 200, 30))) == (0.5, 0.5)
    assert guess_focal(Image.new("RGBA", (1, 1))) == (0.5, 0.5)
