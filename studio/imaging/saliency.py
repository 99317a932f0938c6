"""A first guess of a photo's focal point, with Pillow alone (no model, nothing downloaded).

Subjects tend to be where detail and colour are: the guess is the peak of a blurred map of edge
strength plus colour saturation, computed on a small copy, with a gentle pull towards the centre
(photographers rarely put the subject right at an edge). A flat image gives the centre.
"""

from __future__ import annotations

from PIL import Image, ImageChops, ImageFilter, ImageOps

from studio.imaging.loading import band_extrema

WORK_SIDE = 96  # pixels on the long side of the copy the map is computed on
CENTRE_PULL = 0.35  # how much a point at the corner loses against one at the centre


def energy_map(image: Image.Image) -> Image.Image:
    """Edge strength plus saturation of a small copy of ``image`` (mode L), blurred."""
    small = image.convert("RGB")
    small.thumbnail((WORK_SIDE, WORK_SIDE), Image.Resampling.BOX)
    grey = small.convert("L")
    edges = grey.filter(ImageFilter.FIND_EDGES)
    # FIND_EDGES sees a frame around the border that is not in the photo.
    edges = ImageOps.crop(edges, 1)
    edges = ImageOps.expand(edges, 1, fill=0)
    edges = ImageOps.autocontrast(edges, cutoff=1)
    saturation = small.convert("HSV").getchannel("S")
    combined = ImageChops.add(edges.point(lambda v: v * 0.7), saturation.point(lambda v: v * 0.3))
    radius = max(1.0, max(combined.size) / 10)
    return combined.filter(ImageFilter.GaussianBlur(radius))


def guess_focal(image: Image.Image) -> tuple[float, float]:
    """The likely subject's position in fractions of ``image`` (x, y), (0.5, 0.5) if nothing stands out."""
    if min(image.size) < 8:
        return (0.5, 0.5)
    energy = energy_map(image)
    width, height = energy.size
    low, high = band_extrema(energy)
    if high - low < 4:
        return (0.5, 0.5)
    values = energy.tobytes()
    best, best_at = -1.0, (width / 2, height / 2)
    for y in range(height):
        dy = (y + 0.5) / height - 0.5
        row = y * width
        for x in range(width):
            dx = (x + 0.5) / width - 0.5
            score = (values[row + x] - low) * (1.0 - CENTRE_PULL * 2 * (dx * dx + dy * dy))
            if score > best:
                best, best_at = score, (x + 0.5, y + 0.5)
    return (best_at[0] / width, best_at[1] / height)
