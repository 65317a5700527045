"""Draw the application icon (a blue social security card with a chip) as PNG and ICO.

    python packaging/make_icon.py        -> resources/icons/counter-app.png, .ico

Drawn, not downloaded: the output is committed; rerun only to change the art.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZE = 256


def draw(size: int = SIZE) -> Image.Image:
    s = size / 256
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    # the card, in the application's header blue, with a lighter band
    d.rounded_rectangle([16 * s, 48 * s, 240 * s, 208 * s], radius=22 * s, fill=(11, 79, 140, 255))
    d.rectangle([16 * s, 150 * s, 240 * s, 172 * s], fill=(64, 135, 200, 255))
    # the chip
    d.rounded_rectangle([40 * s, 82 * s, 96 * s, 126 * s], radius=8 * s, fill=(226, 184, 74, 255))
    for y in (96, 111):
        d.line([40 * s, y * s, 96 * s, y * s], fill=(160, 120, 30, 255), width=max(1, int(3 * s)))
    d.line([68 * s, 82 * s, 68 * s, 126 * s], fill=(160, 120, 30, 255), width=max(1, int(3 * s)))
    # the holder's photo and two text lines
    d.rounded_rectangle([164 * s, 72 * s, 216 * s, 136 * s], radius=6 * s, fill=(235, 242, 250, 255))
    d.ellipse([178 * s, 80 * s, 202 * s, 104 * s], fill=(11, 79, 140, 255))
    d.pieslice([170 * s, 106 * s, 210 * s, 146 * s], 180, 360, fill=(11, 79, 140, 255))
    d.rounded_rectangle([40 * s, 184 * s, 150 * s, 194 * s], radius=4 * s, fill=(235, 242, 250, 255))
    return img


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    icon = draw()
    icon.save(OUT / "counter-app.png", optimize=True)
    icon.save(OUT / "counter-app.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64),
                                              (128, 128), (256, 256)])
    print(f"wrote {OUT / 'counter-app.png'} and .ico")


if __name__ == "__main__":
    main()
