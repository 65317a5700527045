"""How a replacement's new card is made: on the spot (即时制卡) at an instant branch, or by
the central (集中制卡).

- Offered on the spot only where the branch is an instant branch (the central's branch
  data) and this counter holds blank stock (the port below is given). It is chosen by
  default when the teller has a blank in custody today; with none, the screen says so and
  the card goes to central production (the teller may take blanks and choose again).
- The card face needs the holder's photo. The central keeps only its hash, so the photo of
  the person's earlier application held in this counter's store is used when it is the
  one the central has for the old card (same central application, same hash); otherwise a
  new photo is taken (camera or file) and passes the same checks as an application's
  photo (``domain.photo``), and its hash goes to the central. No photo: no card on the spot.
- On acceptance the store records an instant application for the issuance (its waiting
  list and ``IssuanceWorkflow.open`` find it): the central's application id, name, ID
  number, photo and what business it is (补卡 / 换卡).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from counter_app.devices.photo import FrameSource, PreparedPhoto, prepare_frame, prepare_photo
from counter_app.domain.photo import PhotoSpec
from counter_app.domain.texts import QT_TR_NOOP, listing, zh

INSTANT = "INSTANT"
FACTORY = "FACTORY"


@dataclass(frozen=True)
class CardPhoto:
    """The photo the new card face will carry (its bytes are held by the workflow)."""

    source: str  # "on_file" (an earlier application's) | "camera" | "file"
    sha256: str
    failed: tuple[str, ...] = ()  # the checks it failed (a failed photo is not used)
    from_application: str = ""  # on_file: the counter's application number it came from


@dataclass(frozen=True)
class Making:
    """What the record keeps about how the new card is made."""

    offered: bool = False  # an instant branch and this counter makes cards
    instant: bool = False  # chosen: made on the spot
    blanks: int = -1  # blanks in the teller's custody when last asked (-1: not known)
    old_application_id: str = ""  # the central application the old card was made from
    photo: CardPhoto | None = None
    issuance_no: str = ""  # the counter's number of the instant application (on acceptance)


class InstantRecords(Protocol):
    """The store's side (``store.replacement_issuance``)."""

    def photo_on_file(self, id_number: str, central_application_id: str) -> tuple[str, bytes] | None:
        """(application number, JPEG) of this person's application at this counter that the
        old card was made from, when the photo's hash is the one sent to the central."""
        ...

    def record_instant(self, *, op_id: str, draft_id: str, teller: str, counter_id: str,
                       id_number: str, name: str, central_application_id: str, photo: bytes,
                       business_zh: str, accepted_at: dt.datetime) -> str:
        """Record the accepted replacement as an instant application (its number; the same
        number again for the same ``op_id``). ``central_application_id`` "" when the
        central's answer was lost: filled in when the sync worker confirms it."""
        ...


@dataclass
class InstantMaking:
    """The ports a replacement needs to make the card on the spot (None: not this counter)."""

    records: InstantRecords
    blanks_in_custody: Callable[[], int | None]  # None: the stock cannot say
    photo_spec: PhotoSpec = field(default_factory=PhotoSpec)


NO_BLANK_ZH = QT_TR_NOOP("您名下今日没有可用的空白卡，不能当场制卡：请选择“中心集中制卡”，"
                         "或先到“空白卡管理”领用空白卡后再选“当场制卡”。")
NEED_PHOTO_ZH = QT_TR_NOOP("当场制卡须打印持卡人照片：本柜台没有该持卡人原卡的照片，"
                           "请为持卡人拍照或导入照片。")


def blanks(port: InstantMaking) -> int:
    count = port.blanks_in_custody()
    return -1 if count is None else count


def found(port: InstantMaking | None, instant_branch: bool, id_number: str,
          old_application_id: str) -> tuple[Making, bytes | None]:
    """How the card can be made, once the old card is known (blocking: the stock and the
    store are asked), and the photo on file when there is one."""
    if port is None or not instant_branch:
        return Making(old_application_id=old_application_id), None
    count = blanks(port)
    on_file = (port.records.photo_on_file(id_number, old_application_id)
               if old_application_id else None)
    photo = None
    if on_file is not None:
        number, jpeg = on_file
        photo = CardPhoto("on_file", hashlib.sha256(jpeg).hexdigest(), from_application=number)
    return Making(offered=True, instant=count != 0, blanks=count,
                  old_application_id=old_application_id, photo=photo), \
        (on_file[1] if on_file is not None else None)


def errors(m: Making) -> dict[str, str]:
    """Why the card cannot be made on the spot as chosen ({} when it can, or not chosen)."""
    if not m.instant:
        return {}
    if not m.offered:
        return {"making": QT_TR_NOOP("本网点不能当场制卡，请选择中心集中制卡。")}
    if m.blanks == 0:
        return {"making": NO_BLANK_ZH}
    if m.photo is None:
        return {"photo": NEED_PHOTO_ZH}
    if m.photo.failed:
        return {"photo": zh("照片未通过检查：{titles}。请重新拍照或导入合格的照片。",
                            titles=listing(list(m.photo.failed)))}
    return {}


def note_zh(m: Making, instant_branch: bool) -> str:
    """How the new card is made, said as it is."""
    if m.instant:
        return QT_TR_NOOP("当场制卡：受理后即在本柜台写卡、打印卡面、启用并由持卡人设置密码。")
    if m.offered and m.blanks == 0:
        return QT_TR_NOOP("中心集中制卡（您名下今日没有可用的空白卡，不能当场制卡），制成后送达本网点领取。")
    if m.offered:
        return QT_TR_NOOP("中心集中制卡（已选择不当场制卡），制成后送达本网点领取。")
    if instant_branch:
        return QT_TR_NOOP("中心集中制卡（本柜台未配置即时制卡设备），制成后送达本网点领取。")
    return QT_TR_NOOP("新卡由中心集中制作，制成后送达本网点领取。")


def photo_from(prepared: PreparedPhoto, source: str) -> CardPhoto:
    failed = tuple(c.title_zh for c in prepared.report.failures)
    return CardPhoto(source, hashlib.sha256(prepared.jpeg).hexdigest(), failed)


def capture(source: FrameSource, spec: PhotoSpec) -> PreparedPhoto:
    return prepare_frame(source.grab(), spec)


def imported(data: bytes, spec: PhotoSpec) -> PreparedPhoto:
    return prepare_photo(data, spec)
