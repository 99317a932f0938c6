"""A first guess of a photo's focal point, with Pillow alone (no model, nothing downloaded).

Subjects tend to be where the colour differs from the rest of the photo and where detail is: the
guess is the peak of a blurred map of colour contrast with the photo's average, edge strength and
saturation, computed on a small copy, with a gentle pull towards the centre
(photographers rarely put the subject right at an edge). A flat image gives the centre.
"""

from __future__ import annotations

from PIL import Image, ImageChops, ImageFilter, ImageOps, ImageStat

from studio.imaging.loading import band_extrema

WORK_SIDE = 96  # pixels on the long side of the copy the map is computed on
CENTRE_PULL = 0.35  # how much a point at the corner loses against one at the centre


def energy_map(image: Image.Image) -> Image.Image:
    """Where a small copy of ``image`` stands out (mode L): colour far from the photo's average
    ("frequency-tuned" saliency, Achanta et al. 2009) plus edge strength and saturation, blurred."""
    small = image.convert("RGB")
    small.thumbnail((WORK_SIDE, WORK_SIDE), Image.Resampling.BOX)
    smooth = small.filter(ImageFilter.GaussianBlur(1))
    mean = tuple(round(value) for value in ImageStat.Stat(small).mean)
    distance = ImageChops.difference(smooth, Image.new("RGB", small.size, mean))
    red, green, blue = distance.split()
    contrast = ImageChops.add(ImageChops.add(red.point(lambda v: v / 3), green.point(lambda v: v / 3)),
                              blue.point(lambda v: v / 3))
    contrast = ImageOps.autocontrast(contrast, cutoff=1)
    grey = small.convert("L")
    edges = grey.filter(ImageFilter.FIND_EDGES)
    # FIND_EDGES sees a frame around the border that is not in the photo.
    edges = ImageOps.expand(ImageOps.crop(edges, 1), 1, fill=0)
    edges = ImageOps.autocontrast(edges, cutoff=1)
    saturation = small.convert("HSV").getchannel("S")
    combined = ImageChops.add(
        ImageChops.add(contrast.point(lambda v: v * 0.55), edges.point(lambda v: v * 0.25)),
        saturation.point(lambda v: v * 0.2),
    )
    radius = max(1.0, max(combined.size) / 16)
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
