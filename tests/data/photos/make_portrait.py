"""How portrait.jpg was made (run once; needs scikit-image, which is not a dependency).

    pip install --target /tmp/skimg scikit-image
    PYTHONPATH=/tmp/skimg python tests/data/photos/make_portrait.py
"""

from pathlib import Path

import cv2
import numpy as np
from skimage import data  # type: ignore[import-not-found]

img = cv2.cvtColor(data.astronaut(), cv2.COLOR_RGB2BGR)
crop = img[0:330, 92:357].copy()
h, w = crop.shape[:2]
mask = np.full((h, w), cv2.GC_PR_BGD, np.uint8)
cv2.ellipse(mask, (132, 95), (80, 100), 0, 0, 360, cv2.GC_PR_FGD, -1)
cv2.rectangle(mask, (20, 160), (w - 5, h - 1), cv2.GC_PR_FGD, -1)
cv2.ellipse(mask, (132, 110), (45, 60), 0, 0, 360, cv2.GC_FGD, -1)
cv2.rectangle(mask, (60, 200), (220, h - 1), cv2.GC_FGD, -1)
cv2.rectangle(mask, (25, 260), (w - 10, h - 1), cv2.GC_FGD, -1)
mask[:8, :] = cv2.GC_BGD
mask[:120, :15] = cv2.GC_BGD
mask[:120, -15:] = cv2.GC_BGD
bgd = np.zeros((1, 65), np.float64)
fgd = np.zeros((1, 65), np.float64)
cv2.grabCut(crop, mask, None, bgd, fgd, 10, cv2.GC_INIT_WITH_MASK)
fg = np.where((mask == cv2.GC_FGD) | (mask == cv2.GC_PR_FGD), 1, 0).astype(np.uint8)
_, labels, stats, _ = cv2.connectedComponentsWithStats(fg)
fg = (labels == 1 + np.argmax(stats[1:, cv2.CC_STAT_AREA])).astype(np.uint8)
fg = cv2.morphologyEx(fg, cv2.MORPH_CLOSE, np.ones((7, 7), np.uint8))
fg = cv2.morphologyEx(fg, cv2.MORPH_OPEN, np.ones((5, 5), np.uint8))
alpha = cv2.GaussianBlur(fg.astype(np.float32), (5, 5), 0)[..., None]
out = (crop * alpha + 255 * (1 - alpha)).astype(np.uint8)
# Written at 90, then enlarged 2× (Lanczos, 90 again): smaller sources than 358×441 are refused.
small = cv2.imdecode(cv2.imencode(".jpg", out, [cv2.IMWRITE_JPEG_QUALITY, 90])[1], cv2.IMREAD_COLOR)
big = cv2.resize(small, (2 * w, 2 * h), interpolation=cv2.INTER_LANCZOS4)
cv2.imwrite(str(Path(__file__).with_name("portrait.jpg")), big, [cv2.IMWRITE_JPEG_QUALITY, 90])
