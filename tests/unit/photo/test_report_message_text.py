"""A composed photo-check message keeps its template through the report's JSON record (the
draft and the journal hold it), so the UI can still show it in English."""

from __future__ import annotations

import json

from counter_app.domain.photo import PhotoCheck, PhotoCheckCode, PhotoReport
from counter_app.domain.texts import Text, zh


def _report(message: str) -> PhotoReport:
    return PhotoReport(checks=(PhotoCheck(PhotoCheckCode.BACKGROUND, False, message, {}),))


def test_a_composed_message_comes_back_composed() -> None:
    message = zh("{cause}：照片边缘白色只占 {ratio:.0%}，应不少于 {minimum:.0%}。",
                 cause="背景偏灰或偏暗", ratio=0.25, minimum=0.85)
    back = PhotoReport.from_record(json.loads(json.dumps(_report(message).to_record())))
    restored = back.checks[0].message_zh
    assert isinstance(restored, Text)
    assert (restored.template, restored.kwargs) == (message.template, message.kwargs)
    assert restored == "背景偏灰或偏暗：照片边缘白色只占 25%，应不少于 85%。"


def test_a_stored_wording_that_no_longer_fits_stays_as_stored() -> None:
    record = _report(zh("白色只占 {ratio:.0%}。", ratio=0.5)).to_record()
    record["checks"][0]["message_zh"] = "旧版本的说法"
    restored = PhotoReport.from_record(record).checks[0].message_zh
    assert restored == "旧版本的说法" and not isinstance(restored, Text)


def test_a_plain_message_has_no_template() -> None:
    record = _report("检测到一张人脸。").to_record()
    assert "message_template" not in record["checks"][0]
    assert not isinstance(PhotoReport.from_record(record).checks[0].message_zh, Text)
