"""The card application (申领) in the UI: the page, its step screens, camera and documents."""

from __future__ import annotations

from typing import Any

from counter_app.ui.application.page import ApplicationPage


def application_page(services: Any, teller: str) -> ApplicationPage:
    """The page for a signed-in teller, wired from the composition root's services.

    The camera is the profile's Qt Multimedia camera when one is present, else the file
    camera (the demo photos), so a counter without a camera can still import photos.
    """
    from counter_app.ui.application.camera import open_camera

    ctx = services.application_context(teller)

    def camera() -> Any:
        return open_camera(services.profile.photo.camera) or services.file_camera()

    return ApplicationPage(ctx, camera, printer_name=services.profile.printers.document)


__all__ = ["ApplicationPage", "application_page"]
