"""Offline face and eye detection with the Haar cascades bundled in opencv-python-headless 4.x.

No model is downloaded: the cascades ship inside the wheel (``cv2.data.haarcascades``).
OpenCV 5 dropped them, hence the ``<5`` pin in pyproject.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import cv2
import cv2.data  # not re-exported by cv2's stubs
import numpy as np
import numpy.typing as npt

from counter_app.domain.errors import ConfigurationError
from counter_app.domain.texts import zh

RGBImage = npt.NDArray[np.uint8]

FACE_CASCADE = "haarcascade_frontalface_alt2.xml"
EYE_CASCADE = "haarcascade_eye.xml"
EYE_GLASSES_CASCADE = "haarcascade_eye_tree_eyeglasses.xml"


@dataclass(frozen=True)
class Box:
    x: int
    y: int
    w: int
    h: int

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2

    @property
    def bottom(self) -> int:
        return self.y + self.h


@dataclass(frozen=True)
class FaceFinding:
    """A detected face; ``eyes`` is (left-in-image, right-in-image) when both were found."""

    face: Box
    eyes: tuple[Box, Box] | None

    @property
    def eye_midpoint(self) -> tuple[float, float]:
        """Between the eyes; estimated from the face box when the eyes were not found."""
        if self.eyes is not None:
            left, right = self.eyes
            return (left.cx + right.cx) / 2, (left.cy + right.cy) / 2
        # on frontal Haar boxes the eye line sits at about 38 % of the box height
        return self.face.cx, self.face.y + 0.38 * self.face.h


class FaceDetector(Protocol):
    def find_faces(self, pixels: RGBImage) -> list[FaceFinding]: ...


class HaarFaceDetector:
    """Frontal faces, then eyes inside each face. Thread-safe; cascades load once."""

    def __init__(self, cascade_dir: str | Path | None = None, *, min_face_ratio: float = 0.08):
        self._dir = Path(cascade_dir) if cascade_dir else Path(cv2.data.haarcascades)
        self._min_face_ratio = min_face_ratio
        self._lock = threading.Lock()
        self._face: cv2.CascadeClassifier | None = None
        self._eye: cv2.CascadeClassifier | None = None
        self._eye_glasses: cv2.CascadeClassifier | None = None

    def _load(self, name: str) -> cv2.CascadeClassifier:
        classifier = cv2.CascadeClassifier(str(self._dir / name))
        if classifier.empty():
            raise ConfigurationError(
                zh("人脸检测模型 {model} 无法加载（应随 opencv-python-headless 4.x 安装），"
                   "请联系网点技术支持重新安装程序。", model=name),
                code="FACE_MODEL_MISSING",
            )
        return classifier

    def _classifiers(
        self,
    ) -> tuple[cv2.CascadeClassifier, cv2.CascadeClassifier, cv2.CascadeClassifier]:
        with self._lock:
            if self._face is None or self._eye is None or self._eye_glasses is None:
                self._face = self._load(FACE_CASCADE)
                self._eye = self._load(EYE_CASCADE)
                self._eye_glasses = self._load(EYE_GLASSES_CASCADE)
            return self._face, self._eye, self._eye_glasses

    def find_faces(self, pixels: RGBImage) -> list[FaceFinding]:
        face_cc, eye_cc, glasses_cc = self._classifiers()
        # local contrast (CLAHE), not a global equalisation: a mostly white frame would
        # otherwise squash the face into a few dark grey levels
        clahe = cv2.createCLAHE(clipLimit=2.0, tileGridSize=(8, 8))  # not shared: not thread-safe
        grey = np.asarray(clahe.apply(cv2.cvtColor(pixels, cv2.COLOR_RGB2GRAY)), dtype=np.uint8)
        side = min(grey.shape[:2])
        min_face = max(40, int(side * self._min_face_ratio))
        raw = face_cc.detectMultiScale(
            grey, scaleFactor=1.1, minNeighbors=5, minSize=(min_face, min_face)
        )
        boxes = [Box(int(x), int(y), int(w), int(h)) for x, y, w, h in raw]
        if not boxes:
            return []
        # spurious hits in hair or clothing are much smaller than the real face
        largest = max(b.w for b in boxes)
        boxes = [b for b in boxes if b.w >= 0.5 * largest]
        boxes.sort(key=lambda b: b.x)
        return [FaceFinding(face=b, eyes=self._eyes(grey, b, eye_cc, glasses_cc)) for b in boxes]

    @staticmethod
    def _eyes(
        grey: npt.NDArray[np.uint8],
        face: Box,
        eye_cc: cv2.CascadeClassifier,
        glasses_cc: cv2.CascadeClassifier,
    ) -> tuple[Box, Box] | None:
        # eyes are in the upper part of a frontal face box
        top = face.y + int(face.h * 0.15)
        bottom = face.y + int(face.h * 0.60)
        region = grey[top:bottom, face.x : face.x + face.w]
        min_eye = max(8, face.w // 10)
        max_eye = max(min_eye + 1, face.w // 3)
        for classifier in (eye_cc, glasses_cc):
            hits = classifier.detectMultiScale(
                region, scaleFactor=1.05, minNeighbors=4,
                minSize=(min_eye, min_eye), maxSize=(max_eye, max_eye),
            )
            eyes = [Box(face.x + int(x), top + int(y), int(w), int(h)) for x, y, w, h in hits]
            pair = _best_pair(eyes, face)
            if pair is not None:
                return pair
        return None


def _best_pair(eyes: list[Box], face: Box) -> tuple[Box, Box] | None:
    left = [e for e in eyes if e.cx < face.cx]
    right = [e for e in eyes if e.cx >= face.cx]
    best: tuple[float, tuple[Box, Box]] | None = None
    for a in left:
        for b in right:
            dy = abs(a.cy - b.cy)
            dx = b.cx - a.cx
            # a plausible pair: roughly level and a sensible distance apart
            if dy > face.h * 0.12 or not face.w * 0.25 <= dx <= face.w * 0.65:
                continue
            symmetry = abs((a.cx + b.cx) / 2 - face.cx)
            score = dy + symmetry
            if best is None or score < best[0]:
                best = (score, (a, b))
    return None if best is None else best[1]


def estimate_background(pixels: RGBImage) -> npt.NDArray[np.float64]:
    """Median colour of the top border strip, where only background should be."""
    height = pixels.shape[0]
    strip = pixels[: max(2, height // 60)].reshape(-1, 3)
    median: npt.NDArray[np.float64] = np.median(strip, axis=0)
    return median


def measure_hair_top(pixels: RGBImage, face: Box, *, tolerance: float = 40.0) -> int:
    """The first row from the top where the head stands out from the background.

    Looks in the face's column band above the face; the background colour comes from the
    top edge. Returns 0 when the head touches the top edge.
    """
    background = estimate_background(pixels)
    x0 = max(0, int(face.x + face.w * 0.2))
    x1 = min(pixels.shape[1], int(face.x + face.w * 0.8))
    band = pixels[: max(1, face.y + face.h // 4), x0:x1].astype(np.float64)
    distance = np.sqrt(((band - background) ** 2).sum(axis=2))
    differs = (distance > tolerance).mean(axis=1)
    rows = np.nonzero(differs >= 0.15)[0]
    return int(rows[0]) if rows.size else int(face.y)
