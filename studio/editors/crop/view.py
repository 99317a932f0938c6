"""The crop canvas: the photo (a reduced decode), the frame locked to a preset's ratio, the
rule-of-thirds grid, the preset's safe zones and the focal point.

Scene coordinates are pixels of the *canvas* of the preview: the preview turned and flipped the way
the crop says (see :mod:`studio.imaging.geometry`). The frame, grid, zones and focal marker are
painted in :meth:`CropView.drawForeground`, so there is one place that knows how they look; mouse
and keys are handled by the view, which asks the core geometry to keep the frame on the photo.
"""

from __future__ import annotations

import math
from dataclasses import replace
from enum import Enum

from PySide6.QtCore import QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetricsF,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsPixmapItem, QGraphicsScene, QGraphicsView, QWidget

from studio.imaging import geometry
from studio.imaging.geometry import Crop
from studio.imaging.presets import SafeZone

HANDLE = 9.0  # half the size of a corner handle, in screen pixels
FOCAL_RADIUS = 11.0  # screen pixels
MIN_SIDE = 12.0  # smallest frame side, in screen pixels
ZOOM_STEP = 1.25


def canvas_transform(source_size: tuple[int, int], crop: Crop) -> QTransform:
    """Source pixels to canvas pixels for ``crop``'s turn and flips (as :mod:`geometry` defines them)."""
    width, height = source_size
    cw, ch = geometry.canvas_size(source_size, crop.rotation)
    transform = QTransform()
    transform.translate(cw / 2, ch / 2)
    transform.rotate(crop.rotation)  # Qt turns clockwise on screen for a positive angle, as we do
    transform.scale(-1.0 if crop.flip_h else 1.0, -1.0 if crop.flip_v else 1.0)
    transform.translate(-width / 2, -height / 2)
    return transform


class Drag(Enum):
    NONE = 0
    MOVE = 1
    RESIZE = 2
    FOCAL = 3


class CropView(QGraphicsView):
    """Shows one preset's frame over the photo and lets the user move, resize and nudge it.

    Signals: ``frame_changed()`` whenever the frame moved or changed size (mouse or keys);
    ``frame_committed()`` when a drag or a nudge ends (time to save); ``focal_changed(float, float)``
    when the user drops the focal point (fractions of the photo); ``rotate_requested()`` (R) and
    ``flip_requested()`` (H), which the editor applies to every preset.
    """

    frame_changed = Signal()
    frame_committed = Signal()
    focal_changed = Signal(float, float)
    rotate_requested = Signal()
    flip_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.setBackgroundBrush(QColor("#2b2b2b"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setMouseTracking(True)
        self.setAccessibleName(self.tr("Crop frame"))
        self.pixmap_item = QGraphicsPixmapItem()
        self.pixmap_item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self.pixmap_item)
        self.source_size: tuple[int, int] = (0, 0)  # the preview's size, the right way up
        self.crop = Crop(0.0, 0.0, 1.0, 1.0)
        self.ratio = 1.0
        self.safe_zones: tuple[SafeZone, ...] = ()
        self.focal: tuple[float, float] = (0.5, 0.5)
        self.show_grid = True
        self.show_safe_zones = True
        self._drag = Drag.NONE
        self._anchor = QPointF()  # move: offset of the press in the frame; resize: the fixed corner
        self._fitted = True
        self.glimpse = False  # a first look at a photo still being read: no frame, nothing to drag

    # -- state --------------------------------------------------------------------------------

    def has_image(self) -> bool:
        """A photo to crop is shown (not nothing, not a glimpse)."""
        return self.source_size[0] > 0 and not self.glimpse

    def set_image(self, image: QImage, glimpse: bool = False) -> None:
        """Show ``image`` (already the right way up; a reduced decode is fine). A ``glimpse`` is the
        photo shown while it is still being read: the whole picture, without a frame."""
        self.pixmap_item.setPixmap(QPixmap.fromImage(image))
        self.source_size = (image.width(), image.height())
        self.glimpse = glimpse
        if glimpse:
            self.crop = Crop(0.0, 0.0, 1.0, 1.0)
        self._place_pixmap()
        self.fit()

    def clear_image(self) -> None:
        self.pixmap_item.setPixmap(QPixmap())
        self.source_size = (0, 0)
        self.glimpse = False
        self.scene().setSceneRect(QRectF())
        self.viewport().update()

    def canvas(self) -> tuple[float, float]:
        return geometry.canvas_size(self.source_size, self.crop.rotation)

    def set_crop(self, crop: Crop, ratio: float, safe_zones: tuple[SafeZone, ...] = ()) -> None:
        """Show ``crop`` (with its turn and flips) for a preset of ``ratio``."""
        turned = (crop.rotation, crop.flip_h, crop.flip_v) != (self.crop.rotation, self.crop.flip_h,
                                                                self.crop.flip_v)
        self.crop, self.ratio, self.safe_zones = crop, ratio, safe_zones
        if turned:
            self._place_pixmap()
            if self._fitted:
                self.fit()
        self.viewport().update()

    def set_focal(self, x: float, y: float) -> None:
        self.focal = (x, y)
        self.viewport().update()

    def set_overlays(self, grid: bool, safe_zones: bool) -> None:
        self.show_grid, self.show_safe_zones = grid, safe_zones
        self.viewport().update()

    def frame_rect(self) -> QRectF:
        """The frame in scene (canvas) pixels."""
        cw, ch = self.canvas()
        return QRectF(self.crop.x * cw, self.crop.y * ch, self.crop.w * cw, self.crop.h * ch)

    def focal_point(self) -> QPointF:
        """The focal point in scene pixels."""
        if not self.has_image():
            return QPointF()
        width, height = self.source_size
        x, y = geometry.source_to_canvas((self.focal[0] * width, self.focal[1] * height), self.source_size,
                                         self.crop.rotation, self.crop.flip_h, self.crop.flip_v)
        return QPointF(x, y)

    def _place_pixmap(self) -> None:
        """Turn and flip the pixmap so that it fills the canvas the way the crop says."""
        cw, ch = self.canvas()
        self.pixmap_item.setTransform(canvas_transform(self.source_size, self.crop))
        margin = max(cw, ch) * 0.04
        self.scene().setSceneRect(QRectF(-margin, -margin, cw + 2 * margin, ch + 2 * margin))

    def _set_frame(self, rect: QRectF) -> None:
        """Move the frame to ``rect`` (scene pixels), kept on the photo by the core geometry."""
        cw, ch = self.canvas()
        crop = replace(self.crop, x=rect.x() / cw, y=rect.y() / ch, w=rect.width() / cw, h=rect.height() / ch)
        crop = geometry.clamp(crop, self.source_size)
        if crop != self.crop:
            self.crop = crop
            self.viewport().update()
            self.frame_changed.emit()

    # -- zoom ---------------------------------------------------------------------------------

    def scale_factor(self) -> float:
        return self.transform().m11() if self.transform().m11() else 1.0

    def fit(self) -> None:
        """Show the whole photo."""
        if self.source_size[0] > 0:
            self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        self._fitted = True

    def zoom(self, factor: float) -> None:
        scale = self.scale_factor() * factor
        if 0.02 <= scale <= 32:
            self.scale(factor, factor)
            self._fitted = False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fitted:
            self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom(ZOOM_STEP ** steps)
        event.accept()

    # -- mouse --------------------------------------------------------------------------------

    def _corners(self) -> list[QPointF]:
        rect = self.frame_rect()
        return [rect.topLeft(), rect.topRight(), rect.bottomRight(), rect.bottomLeft()]

    def hit(self, scene_pos: QPointF) -> tuple[Drag, int]:
        """What a press at ``scene_pos`` grabs: the focal point, a corner (its index), the frame."""
        reach = 1.0 / self.scale_factor()
        focal = self.focal_point()
        if math.dist((focal.x(), focal.y()), (scene_pos.x(), scene_pos.y())) <= FOCAL_RADIUS * reach:
            return Drag.FOCAL, -1
        for index, corner in enumerate(self._corners()):
            if (abs(corner.x() - scene_pos.x()) <= (HANDLE + 3) * reach
                    and abs(corner.y() - scene_pos.y()) <= (HANDLE + 3) * reach):
                return Drag.RESIZE, index
        if self.frame_rect().contains(scene_pos):
            return Drag.MOVE, -1
        return Drag.NONE, -1

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or not self.has_image():
            super().mousePressEvent(event)
            return
        pos = self.mapToScene(event.position().toPoint())
        self._drag, corner = self.hit(pos)
        if self._drag is Drag.MOVE:
            self._anchor = pos - self.frame_rect().topLeft()
        elif self._drag is Drag.RESIZE:
            self._anchor = self._corners()[(corner + 2) % 4]
        if self._drag is not Drag.NONE:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = self.mapToScene(event.position().toPoint())
        if self._drag is Drag.NONE:
            kind, corner = self.hit(pos) if self.has_image() else (Drag.NONE, -1)
            cursors = {Drag.FOCAL: Qt.CursorShape.CrossCursor, Drag.MOVE: Qt.CursorShape.SizeAllCursor,
                       Drag.NONE: Qt.CursorShape.ArrowCursor}
            if kind is Drag.RESIZE:
                shape = Qt.CursorShape.SizeFDiagCursor if corner in (0, 2) else Qt.CursorShape.SizeBDiagCursor
            else:
                shape = cursors[kind]
            self.viewport().setCursor(shape)
            super().mouseMoveEvent(event)
            return
        if self._drag is Drag.MOVE:
            rect = self.frame_rect()
            rect.moveTopLeft(pos - self._anchor)
            self._set_frame(rect)
        elif self._drag is Drag.RESIZE:
            self._set_frame(self._resized(pos))
        elif self._drag is Drag.FOCAL:
            self._move_focal(pos, final=False)
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag is Drag.NONE:
            super().mouseReleaseEvent(event)
            return
        drag, self._drag = self._drag, Drag.NONE
        if drag is Drag.FOCAL:
            self._move_focal(self.mapToScene(event.position().toPoint()), final=True)
        else:
            self.frame_committed.emit()
        event.accept()

    def _resized(self, pos: QPointF) -> QRectF:
        """The frame from the fixed corner to ``pos``, at the preset's ratio, on the photo."""
        cw, ch = self.canvas()
        anchor = self._anchor
        dx, dy = pos.x() - anchor.x(), pos.y() - anchor.y()
        sign_x, sign_y = (1.0 if dx >= 0 else -1.0), (1.0 if dy >= 0 else -1.0)
        width = max(abs(dx), abs(dy) * self.ratio, MIN_SIDE / self.scale_factor())
        room_x = cw - anchor.x() if sign_x > 0 else anchor.x()
        room_y = ch - anchor.y() if sign_y > 0 else anchor.y()
        width = max(min(width, room_x, room_y * self.ratio), 1.0)

        def rect_for(w: float) -> QRectF:
            h = w / self.ratio
            left = anchor.x() if sign_x > 0 else anchor.x() - w
            top = anchor.y() if sign_y > 0 else anchor.y() - h
            return QRectF(left, top, w, h)

        if geometry.quarter_turns(self.crop.rotation) is None:
            # Straightened: shrink until every corner is on the photo.
            def inside(w: float) -> bool:
                rect = rect_for(w)
                crop = replace(self.crop, x=rect.x() / cw, y=rect.y() / ch, w=rect.width() / cw,
                               h=rect.height() / ch)
                return geometry.is_inside(crop, self.source_size)

            if not inside(width):
                low, high = 1.0, width
                for _ in range(25):
                    middle = (low + high) / 2
                    low, high = (middle, high) if inside(middle) else (low, middle)
                width = low
        return rect_for(width)

    def _move_focal(self, pos: QPointF, final: bool) -> None:
        width, height = self.source_size
        x, y = geometry.canvas_to_source((pos.x(), pos.y()), self.source_size, self.crop.rotation,
                                         self.crop.flip_h, self.crop.flip_v)
        self.focal = (min(max(x / width, 0.0), 1.0), min(max(y / height, 0.0), 1.0))
        self.viewport().update()
        if final:
            self.focal_changed.emit(*self.focal)

    # -- keys ---------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, modifiers = Qt.Key(event.key()), event.modifiers()
        steps = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1),
                 Qt.Key.Key_Down: (0, 1)}
        if key in steps and self.has_image():
            step = (10.0 if modifiers & Qt.KeyboardModifier.ShiftModifier else 1.0) / self.scale_factor()
            dx, dy = steps[key]
            rect = self.frame_rect()
            rect.translate(dx * step, dy * step)
            self._set_frame(rect)
            self.frame_committed.emit()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(ZOOM_STEP)
        elif key == Qt.Key.Key_Minus:
            self.zoom(1 / ZOOM_STEP)
        elif key == Qt.Key.Key_0:
            self.fit()
        elif key == Qt.Key.Key_R and not modifiers & Qt.KeyboardModifier.ControlModifier:
            self.rotate_requested.emit()
        elif key == Qt.Key.Key_H and not modifiers & Qt.KeyboardModifier.ControlModifier:
            self.flip_requested.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # -- painting -----------------------------------------------------------------------------

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        if not self.has_image():
            return
        cw, ch = self.canvas()
        frame = self.frame_rect()
        reach = 1.0 / self.scale_factor()
        painter.save()
        # Dim everything the frame leaves out.
        outside = QPainterPath()
        outside.addRect(self.sceneRect().united(QRectF(0, 0, cw, ch)))
        inner = QPainterPath()
        inner.addRect(frame)
        painter.fillPath(outside.subtracted(inner), QColor(0, 0, 0, 150))
        if self.show_safe_zones and self.safe_zones:
            self._paint_safe_zones(painter, frame, reach)
        if self.show_grid:
            painter.setPen(QPen(QColor(255, 255, 255, 130), 1.0 * reach))
            for third in (1 / 3, 2 / 3):
                x = frame.left() + frame.width() * third
                y = frame.top() + frame.height() * third
                painter.drawLine(QPointF(x, frame.top()), QPointF(x, frame.bottom()))
                painter.drawLine(QPointF(frame.left(), y), QPointF(frame.right(), y))
        painter.setPen(QPen(QColor("#ffffff"), 2.0 * reach))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(frame)
        painter.setBrush(QColor("#ffffff"))
        painter.setPen(QPen(QColor("#1f6feb"), 1.5 * reach))
        for corner in self._corners():
            painter.drawRect(QRectF(corner.x() - HANDLE * reach / 2 - 2 * reach, corner.y() - HANDLE * reach / 2
                                    - 2 * reach, (HANDLE + 4) * reach, (HANDLE + 4) * reach))
        self._paint_focal(painter, reach)
        painter.restore()

    def _paint_safe_zones(self, painter: QPainter, frame: QRectF, reach: float) -> None:
        boxes = [QRectF(frame.left() + zone.x * frame.width(), frame.top() + zone.y * frame.height(),
                        zone.w * frame.width(), zone.h * frame.height()) for zone in self.safe_zones]
        # Content is safe only where every zone agrees (a reel cover must suit the grid and clear the
        # buttons): what lies outside their intersection is hatched.
        safe = QPainterPath()
        safe.addRect(frame)
        for box in boxes:
            area = QPainterPath()
            area.addRect(box)
            safe = safe.intersected(area)
        covered = QPainterPath()
        covered.addRect(frame)
        covered = covered.subtracted(safe)
        brush = QBrush(QColor(255, 170, 0, 110), Qt.BrushStyle.BDiagPattern)
        brush.setTransform(QTransform.fromScale(reach * 1.5, reach * 1.5))
        painter.fillPath(covered, brush)
        painter.fillPath(covered, QColor(255, 170, 0, 40))
        painter.setPen(QPen(QColor("#ffb000"), 1.5 * reach, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        font = painter.font()
        font.setPointSizeF(max(1.0, 9.0 * reach))
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        for index, (zone, box) in enumerate(zip(self.safe_zones, boxes, strict=True)):
            painter.drawRect(box)
            room = box.adjusted(4 * reach, 3 * reach, -4 * reach, -3 * reach)
            label = metrics.elidedText(zone.label, Qt.TextElideMode.ElideRight, room.width())
            # Alternate top and bottom so the names of overlapping zones do not collide.
            where = Qt.AlignmentFlag.AlignTop if index % 2 == 0 else Qt.AlignmentFlag.AlignBottom
            painter.drawText(room, int(Qt.AlignmentFlag.AlignLeft | where), label)

    def _paint_focal(self, painter: QPainter, reach: float) -> None:
        point = self.focal_point()
        radius = FOCAL_RADIUS * reach * 0.8
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor(0, 0, 0, 160), 4.0 * reach))
        painter.drawEllipse(point, radius, radius)
        painter.setPen(QPen(QColor("#ffffff"), 2.0 * reach))
        painter.drawEllipse(point, radius, radius)
        painter.drawLine(QPointF(point.x() - radius * 1.6, point.y()), QPointF(point.x() - radius * 0.5, point.y()))
        painter.drawLine(QPointF(point.x() + radius * 0.5, point.y()), QPointF(point.x() + radius * 1.6, point.y()))
        painter.drawLine(QPointF(point.x(), point.y() - radius * 1.6), QPointF(point.x(), point.y() - radius * 0.5))
        painter.drawLine(QPointF(point.x(), point.y() + radius * 0.5), QPointF(point.x(), point.y() + radius * 1.6))
