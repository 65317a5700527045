"""The card application (申领) in the UI: the page, its step screens, camera and documents."""

from __future__ import annotations

from counter_app.devices.photo import FrameSource
from counter_app.ui.application.page import ApplicationPage
from counter_app.workflows.services import CounterServices


def application_page(services: CounterServices, teller: str) -> ApplicationPage:
    """The page for a signed-in teller, wired from the composition root's services.

    The camera is the profile's Qt Multimedia camera when one is present, else the file
    camera (the demo photos), so a counter without a camera can still import photos.
    """
    from counter_app.ui.application.camera import open_camera

    def camera() -> FrameSource:
        return open_camera(services.profile.photo.camera) or services.file_camera()

    return ApplicationPage(services.application_desk(teller), camera,
                           printer_name=services.profile.printers.document)


__all__ = ["ApplicationPage", "application_page"]
