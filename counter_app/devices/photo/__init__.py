"""Photo capture below the UI: safe decoding, face detection, crop, encoding, checks, sources.

Qt-free. The UI's camera implements :class:`FrameSource`; tests and the demo use
:class:`FileCameraSource`.
"""

from counter_app.devices.photo.checks import check_photo
from counter_app.devices.photo.decode import DecodedImage, decode_file, decode_image, sniff_format
from counter_app.devices.photo.detect import FaceDetector, FaceFinding, HaarFaceDetector
from counter_app.devices.photo.encode import chip_copy, encode_to_spec
from counter_app.devices.photo.pipeline import PreparedPhoto, prepare_frame, prepare_photo
from counter_app.devices.photo.source import CameraError, FileCameraSource, FrameSource

__all__ = [
    "CameraError",
    "DecodedImage",
    "FaceDetector",
    "FaceFinding",
    "FileCameraSource",
    "FrameSource",
    "HaarFaceDetector",
    "PreparedPhoto",
    "check_photo",
    "chip_copy",
    "decode_file",
    "decode_image",
    "encode_to_spec",
    "prepare_frame",
    "prepare_photo",
    "sniff_format",
]
