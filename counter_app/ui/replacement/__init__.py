"""Replacement and exchange (补卡 / 换卡 / 同号换卡) in the UI."""

from __future__ import annotations

from counter_app.ui.replacement.page import ReplacementPage
from counter_app.workflows.services import CounterServices


def replacement_page(services: CounterServices, teller: str) -> ReplacementPage:
    """The page for a signed-in teller; the camera (for a card made on the spot without a
    photo on file) as the application's: the profile's camera, else the file camera."""
    from counter_app.devices.photo import FrameSource
    from counter_app.ui.application.camera import open_camera

    def camera() -> FrameSource:
        return open_camera(services.profile.photo.camera) or services.file_camera()

    return ReplacementPage(services.replacement_desk(teller),
                           printer_name=services.profile.printers.document, camera_factory=camera)


__all__ = ["ReplacementPage", "replacement_page"]
