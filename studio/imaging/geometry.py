"""Crop geometry: where a preset's frame sits on a photo, and how to cut it out.

Coordinates. The *source* is the photo the right way up (EXIF orientation applied). A crop first
flips the source (``flip_h``, ``flip_v``), then turns it ``rotation`` degrees clockwise about its
centre on a canvas that grows to hold the whole turned photo (quarter turns for "rotate 90", a few
degrees for "straighten"). The crop rectangle ``x, y, w, h`` is in fractions (0..1) of that canvas,
so it means the same thing on a reduced preview and on the full-size file, and survives a restart.

A focal point is in fractions of the source; :func:`default_crop` places the largest frame of a
preset's ratio with the focal point as near its centre as the photo allows.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from PIL import Image

from studio.model import Crop

__all__ = ["Crop"]  # the library's crop record, re-exported: one type for both

Size = tuple[int, int] | tuple[float, float]
Point = tuple[float, float]
_EPS = 1e-9


def crop_to_json(crop: Crop) -> dict[str, Any]:
    return {"x": crop.x, "y": crop.y, "w": crop.w, "h": crop.h, "rotation": crop.rotation,
            "flip_h": crop.flip_h, "flip_v": crop.flip_v}


def crop_from_json(data: Mapping[str, Any]) -> Crop:
    return Crop(float(data["x"]), float(data["y"]), float(data["w"]), float(data["h"]),
                float(data.get("rotation", 0.0)), bool(data.get("flip_h", False)), bool(data.get("flip_v", False)))


def crop_center(crop: Crop) -> Point:
    return (crop.x + crop.w / 2, crop.y + crop.h / 2)


def normal_rotation(degrees: float) -> float:
    """``degrees`` in [0, 360)."""
    value = math.fmod(degrees, 360.0)
    return value + 360.0 if value < 0 else value


def quarter_turns(degrees: float) -> int | None:
    """0..3 if ``degrees`` is a multiple of 90, else ``None``."""
    turns = normal_rotation(degrees) / 90.0
    nearest = round(turns)
    return nearest % 4 if abs(turns - nearest) < 1e-7 else None


def canvas_size(size: Size, rotation: float) -> tuple[float, float]:
    """Width and height of the canvas that holds the source turned by ``rotation``."""
    width, height = float(size[0]), float(size[1])
    turns = quarter_turns(rotation)
    if turns is not None:
        return (height, width) if turns % 2 else (width, height)
    angle = math.radians(rotation)
    cos, sin = abs(math.cos(angle)), abs(math.sin(angle))
    return (width * cos + height * sin, width * sin + height * cos)


def _trig(rotation: float) -> tuple[float, float]:
    turns = quarter_turns(rotation)
    if turns is not None:
        return ((1.0, 0.0), (0.0, 1.0), (-1.0, 0.0), (0.0, -1.0))[turns]
    angle = math.radians(rotation)
    return math.cos(angle), math.sin(angle)


def source_to_canvas(point: Point, size: Size, rotation: float = 0.0, flip_h: bool = False,
                     flip_v: bool = False) -> Point:
    """A point in source pixels to canvas pixels."""
    width, height = float(size[0]), float(size[1])
    x, y = point
    if flip_h:
        x = width - x
    if flip_v:
        y = height - y
    u, v = x - width / 2, y - height / 2
    cos, sin = _trig(rotation)
    cw, ch = canvas_size(size, rotation)
    return (u * cos - v * sin + cw / 2, u * sin + v * cos + ch / 2)


def canvas_to_source(point: Point, size: Size, rotation: float = 0.0, flip_h: bool = False,
                     flip_v: bool = False) -> Point:
    """A point in canvas pixels back to source pixels."""
    width, height = float(size[0]), float(size[1])
    cw, ch = canvas_size(size, rotation)
    u, v = point[0] - cw / 2, point[1] - ch / 2
    cos, sin = _trig(rotation)
    x, y = u * cos + v * sin + width / 2, -u * sin + v * cos + height / 2
    if flip_h:
        x = width - x
    if flip_v:
        y = height - y
    return (x, y)


def focal_on_canvas(focal: Point, size: Size, crop: Crop) -> Point:
    """A focal point (fractions of the source) in fractions of ``crop``'s canvas."""
    px = source_to_canvas((focal[0] * size[0], focal[1] * size[1]), size, crop.rotation, crop.flip_h,
                          crop.flip_v)
    cw, ch = canvas_size(size, crop.rotation)
    return (px[0] / cw, px[1] / ch)


def corners(crop: Crop, size: Size) -> list[Point]:
    """The crop's four corners in source pixels (top left, top right, bottom right, bottom left)."""
    cw, ch = canvas_size(size, crop.rotation)
    x0, y0, x1, y1 = crop.x * cw, crop.y * ch, (crop.x + crop.w) * cw, (crop.y + crop.h) * ch
    return [canvas_to_source(p, size, crop.rotation, crop.flip_h, crop.flip_v)
            for p in ((x0, y0), (x1, y0), (x1, y1), (x0, y1))]


def is_inside(crop: Crop, size: Size, tolerance: float = 1e-6) -> bool:
    """Whether every corner of ``crop`` lies on the photo (no empty canvas corner in the frame)."""
    width, height = float(size[0]), float(size[1])
    slack_x, slack_y = tolerance * width + 1e-6, tolerance * height + 1e-6
    return all(-slack_x <= x <= width + slack_x and -slack_y <= y <= height + slack_y
               for x, y in corners(crop, size))


def largest_size(size: Size, ratio: float, rotation: float = 0.0) -> tuple[float, float]:
    """The largest frame of ``ratio`` (width/height) that fits on the turned photo, as canvas fractions
    (a frame centred on the canvas; for quarter turns it may also slide)."""
    width, height = float(size[0]), float(size[1])
    cw, ch = canvas_size(size, rotation)
    turns = quarter_turns(rotation)
    if turns is not None:
        half_w = min(cw / 2, ch / 2 * ratio)
    else:
        cos, sin = (abs(v) for v in _trig(rotation))
        # A centred frame with half sides (a, a/ratio) stays on the photo when its corners, turned
        # back, stay within the photo's half sides.
        half_w = min(width / 2 / (cos + sin / ratio), height / 2 / (sin + cos / ratio))
    return (2 * half_w / cw, 2 * half_w / ratio / ch)


def clamp(crop: Crop, size: Size) -> Crop:
    """``crop`` moved (and, if it must, shrunk about its centre) until it lies on the photo."""
    w, h = min(crop.w, 1.0), min(crop.h, 1.0)
    moved = replace(crop, w=w, h=h, x=min(max(crop.x, 0.0), 1.0 - w), y=min(max(crop.y, 0.0), 1.0 - h))
    if quarter_turns(crop.rotation) is not None or is_inside(moved, size):
        return moved
    # Straightened: slide towards the canvas centre until the corners are on the photo, and if even the
    # centred frame is too big, shrink it to the largest that fits.
    centred = replace(moved, x=0.5 - w / 2, y=0.5 - h / 2)
    if not is_inside(centred, size):
        ratio_canvas = (moved.w * canvas_size(size, crop.rotation)[0]) / (
            moved.h * canvas_size(size, crop.rotation)[1])
        fit_w, fit_h = largest_size(size, ratio_canvas, crop.rotation)
        return replace(moved, x=0.5 - fit_w / 2, y=0.5 - fit_h / 2, w=fit_w, h=fit_h)
    low, high = 0.0, 1.0  # fraction of the way from the centre back to where the user put it
    for _ in range(30):
        middle = (low + high) / 2
        trial = replace(moved, x=centred.x + (moved.x - centred.x) * middle,
                        y=centred.y + (moved.y - centred.y) * middle)
        if is_inside(trial, size):
            low = middle
        else:
            high = middle
    return replace(moved, x=centred.x + (moved.x - centred.x) * low, y=centred.y + (moved.y - centred.y) * low)


def default_crop(size: Size, ratio: float, focal: Point = (0.5, 0.5), rotation: float = 0.0,
                 flip_h: bool = False, flip_v: bool = False) -> Crop:
    """The largest frame of ``ratio`` on the photo, centred on ``focal`` as far as the edges allow."""
    w, h = largest_size(size, ratio, rotation)
    base = Crop(0.0, 0.0, w, h, normal_rotation(rotation), flip_h, flip_v)
    fx, fy = focal_on_canvas((min(max(focal[0], 0.0), 1.0), min(max(focal[1], 0.0), 1.0)), size, base)
    return clamp(replace(base, x=fx - w / 2, y=fy - h / 2), size)


def with_ratio(crop: Crop, size: Size, ratio: float) -> Crop:
    """``crop`` reshaped to ``ratio`` about its centre, keeping its area, then clamped."""
    cw, ch = canvas_size(size, crop.rotation)
    area = crop.w * cw * crop.h * ch
    width = math.sqrt(area * ratio)
    height = width / ratio
    cx, cy = crop_center(crop)
    fit_w, fit_h = largest_size(size, ratio, crop.rotation)
    w, h = min(width / cw, fit_w), min(height / ch, fit_h)
    return clamp(replace(crop, x=cx - w / 2, y=cy - h / 2, w=w, h=h), size)


def crop_pixels(crop: Crop, size: Size) -> tuple[float, float]:
    """Width and height of ``crop`` in pixels of a photo of ``size``."""
    cw, ch = canvas_size(size, crop.rotation)
    return crop.w * cw, crop.h * ch


def upscale_factor(crop: Crop, size: Size, target: tuple[int, int]) -> float:
    """How much the crop must be enlarged to reach ``target`` (> 1 means upscaling)."""
    width, height = crop_pixels(crop, size)
    return max(target[0] / max(width, _EPS), target[1] / max(height, _EPS))


def render(image: Image.Image, crop: Crop, target: tuple[int, int],
           resample: Image.Resampling = Image.Resampling.LANCZOS, reducing_gap: float | None = 3.0) -> Image.Image:
    """Cut ``crop`` out of ``image`` (the source, at any scale) and resample it to exactly ``target``."""
    size = image.size
    turns = quarter_turns(crop.rotation)
    if turns is not None:
        xs, ys = zip(*corners(crop, size), strict=True)
        box = (max(min(xs), 0.0), max(min(ys), 0.0), min(max(xs), size[0]), min(max(ys), size[1]))
        if box[2] - box[0] < _EPS or box[3] - box[1] < _EPS:
            raise ValueError("the crop is empty")
        scaled = (target[1], target[0]) if turns % 2 else target
        out = image.resize(scaled, resample, box=box, reducing_gap=reducing_gap)
        if crop.flip_h:
            out = out.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
        if crop.flip_v:
            out = out.transpose(Image.Transpose.FLIP_TOP_BOTTOM)
        quarter = {1: Image.Transpose.ROTATE_270, 2: Image.Transpose.ROTATE_180, 3: Image.Transpose.ROTATE_90}
        return out.transpose(quarter[turns]) if turns else out
    return _render_turned(image, crop, target, resample, reducing_gap)


def _render_turned(image: Image.Image, crop: Crop, target: tuple[int, int], resample: Image.Resampling,
                   reducing_gap: float | None) -> Image.Image:
    """Straightened crops: resample the region around the crop to the output's scale with a good
    filter, then turn it with one bicubic affine pass at about 1:1 (no aliasing, no double blur)."""
    size = image.size
    quad = corners(crop, size)
    width_px, _height_px = crop_pixels(crop, size)
    scale = target[0] / width_px
    xs, ys = zip(*quad, strict=True)
    margin = 3 / min(scale, 1.0)
    x0, y0 = max(math.floor(min(xs) - margin), 0), max(math.floor(min(ys) - margin), 0)
    x1, y1 = min(math.ceil(max(xs) + margin), size[0]), min(math.ceil(max(ys) + margin), size[1])
    patch_size = (max(1, round((x1 - x0) * scale)), max(1, round((y1 - y0) * scale)))
    patch = image.resize(patch_size, resample, box=(x0, y0, x1, y1), reducing_gap=reducing_gap)
    sx, sy = patch_size[0] / (x1 - x0), patch_size[1] / (y1 - y0)
    cw, ch = canvas_size(size, crop.rotation)

    def output_to_patch(px: float, py: float) -> Point:
        canvas = (crop.x * cw + px / target[0] * crop.w * cw, crop.y * ch + py / target[1] * crop.h * ch)
        src = canvas_to_source(canvas, size, crop.rotation, crop.flip_h, crop.flip_v)
        return ((src[0] - x0) * sx, (src[1] - y0) * sy)

    ox, oy = output_to_patch(0.0, 0.0)
    ax, ay = output_to_patch(1.0, 0.0)
    bx, by = output_to_patch(0.0, 1.0)
    data = (ax - ox, bx - ox, ox, ay - oy, by - oy, oy)
    fill: Any = (255, 255, 255, 0) if image.mode == "RGBA" else (255, 255, 255)
    return patch.transform(target, Image.Transform.AFFINE, data, Image.Resampling.BICUBIC, fillcolor=fill)
