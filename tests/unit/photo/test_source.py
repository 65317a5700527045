"""The file camera that stands in for a real one."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from counter_app.devices.photo import CameraError, FileCameraSource, FrameSource, prepare_frame
from tests.unit.photo.conftest import PORTRAIT, jpeg, png


@pytest.fixture
def folder(tmp_path: Path, good_pixels: np.ndarray) -> Path:
    (tmp_path / "b.png").write_bytes(png(good_pixels[:, ::-1].copy()))
    (tmp_path / "a.jpg").write_bytes(jpeg(good_pixels))
    (tmp_path / "notes.txt").write_text("not a frame")
    return tmp_path


def test_file_camera_is_a_frame_source(folder: Path) -> None:
    source = FileCameraSource.from_directory(folder)
    assert isinstance(source, FrameSource)
    assert [p.name for p in source.paths] == ["a.jpg", "b.png"]
    assert folder.name in source.name


def test_frames_cycle_in_order_and_are_copies(folder: Path) -> None:
    source = FileCameraSource.from_directory(folder)
    first, second, third = source.grab(), source.grab(), source.grab()
    assert first.shape == (441, 358, 3) and first.dtype == np.uint8
    assert not np.array_equal(first, second)
    assert np.array_equal(first, third)
    third[:] = 0
    assert source.grab().any()  # the cached frame was not touched


def test_without_loop_the_frames_run_out(folder: Path) -> None:
    source = FileCameraSource.from_directory(folder, loop=False)
    assert len(list(source.frames())) == 2
    with pytest.raises(CameraError) as info:
        source.grab()
    assert info.value.code == "CAMERA_NO_FRAMES"


def test_closed_camera_refuses_frames(folder: Path) -> None:
    with FileCameraSource.from_directory(folder) as source:
        source.grab()
    with pytest.raises(CameraError) as info:
        source.grab()
    assert info.value.code == "CAMERA_CLOSED"


def test_empty_folder_and_bad_file(tmp_path: Path) -> None:
    with pytest.raises(CameraError):
        FileCameraSource.from_directory(tmp_path)
    with pytest.raises(CameraError):
        FileCameraSource([])
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0broken")
    with pytest.raises(CameraError) as info:
        FileCameraSource([bad]).grab()
    assert info.value.code == "CAMERA_BAD_FRAME"
    assert "损坏" in info.value.message_zh


def test_a_grabbed_frame_becomes_a_good_card_photo() -> None:
    source = FileCameraSource([PORTRAIT])
    assert prepare_frame(source.grab()).report.ok
