"""Rules of the card application (申领) as pure functions: field checks, materials, routing.

Every check returns the normalised value or raises :class:`ValidationError` naming the
field, with a Chinese message the UI shows beside it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from counter_app.domain.errors import ValidationError
from counter_app.domain.identity import normalise_digits
from counter_app.domain.texts import QT_TR_NOOP, zh

# The 56 nationalities (GB/T 3304), plus the two categories ID cards also carry.
NATIONS: tuple[str, ...] = (  # i18n: data (combo values the central matches)
    "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族",
    "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族",
    "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族",
    "土族", "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族",
    "阿昌族", "普米族", "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族",
    "保安族", "裕固族", "京族", "塔塔尔族", "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族",
    "基诺族", "其他", "外国血统中国籍人士",
)

RELATIONSHIPS: tuple[str, ...] = (  # i18n: data (combo values the central matches)
    "父亲", "母亲", "祖父母", "外祖父母", "其他监护人")
PROOF_DOCUMENTS: tuple[str, ...] = (  # i18n: data (combo values the central matches)
    "户口簿", "出生医学证明", "法院判决书", "公证书", "其他监护关系证明")

ADULT_AGE = 18
NAME_MIN, NAME_MAX = 2, 30
ADDRESS_MIN, ADDRESS_MAX = 6, 120

_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}$")
_MIDDLE_DOTS = {"•": "·", "・": "·", "．": "·", "‧": "·", "∙": "·"}


def _is_han(ch: str) -> bool:
    cp = ord(ch)
    return (
        0x3400 <= cp <= 0x4DBF  # Extension A
        or 0x4E00 <= cp <= 0x9FFF  # URO
        or 0xF900 <= cp <= 0xFAFF  # compatibility ideographs
        or 0x20000 <= cp <= 0x3134F  # Extensions B–G (rare characters in names)
        or cp == 0x3007  # 〇
    )


def validate_name(raw: str, field: str = "name") -> str:
    """A Chinese name: ideographs (rare ones from the extensions included, as GB18030 allows)
    and the middle dot of minority names (e.g. 买买提·艾力)."""
    name = unicodedata.normalize("NFC", raw.strip())
    for wrong, right in _MIDDLE_DOTS.items():
        name = name.replace(wrong, right)
    if not name:
        raise ValidationError(field, QT_TR_NOOP("请填写姓名。"), code="NAME_EMPTY")
    if " " in name or "\u3000" in name:
        raise ValidationError(field, QT_TR_NOOP("姓名中不能有空格，请按证件填写。"), code="NAME_SPACE")
    bad = [c for c in name if not (_is_han(c) or c == "·")]
    if bad:
        shown = "".join(dict.fromkeys(bad))[:5]
        raise ValidationError(
            field, zh("姓名只能由汉字和间隔号“·”组成，不能包含“{shown}”，请按证件填写。", shown=shown),
            code="NAME_CHARS")
    if name.startswith("·") or name.endswith("·") or "··" in name:
        raise ValidationError(field, QT_TR_NOOP("间隔号“·”只能用在姓名中间。"), code="NAME_DOT")
    if not NAME_MIN <= len(name) <= NAME_MAX:
        raise ValidationError(field, zh("姓名应为{min_chars}–{max_chars}个字。", min_chars=NAME_MIN,
                                        max_chars=NAME_MAX), code="NAME_LENGTH")
    try:
        name.encode("gb18030")
    except UnicodeEncodeError as exc:  # pragma: no cover - every Han character is in GB18030
        raise ValidationError(field, QT_TR_NOOP("姓名含有 GB18030 不能表示的字符。"),
                              code="NAME_GB18030") from exc
    return name


def validate_phone(raw: str, field: str = "phone") -> str:
    # Full-width digits from a Chinese input method count; spaces between groups do not.
    phone = "".join(normalise_digits(raw).split())
    if not phone:
        raise ValidationError(field, QT_TR_NOOP("请填写联系电话，制卡进度和领卡通知会发到这个号码。"),
                              code="PHONE_EMPTY")
    if not phone.isascii() or not (_MOBILE.match(phone) or _LANDLINE.match(phone)):
        raise ValidationError(
            field, QT_TR_NOOP("电话号码格式不正确：手机号为1开头的11位数字，固定电话如 0574-87654321。"),
            code="PHONE_FORMAT")
    return phone


def validate_address(raw: str, field: str = "address") -> str:
    address = " ".join(raw.split())
    if not address:
        raise ValidationError(field, QT_TR_NOOP("请填写地址。"), code="ADDRESS_EMPTY")
    if len(address) < ADDRESS_MIN:
        raise ValidationError(field, QT_TR_NOOP("地址过短，请填写到街道、门牌号。"), code="ADDRESS_SHORT")
    if len(address) > ADDRESS_MAX:
        raise ValidationError(field, zh("地址不能超过{max_chars}个字。", max_chars=ADDRESS_MAX),
                              code="ADDRESS_LONG")
    if not any(_is_han(c) for c in address):
        raise ValidationError(field, QT_TR_NOOP("地址须用中文填写。"), code="ADDRESS_CHARS")
    return address


def validate_choice(raw: str, options: Sequence[str], field: str, what_zh: str) -> str:
    value = raw.strip()
    if value not in options:
        raise ValidationError(field, zh("请选择{what}。", what=what_zh), code="CHOICE_INVALID")
    return value


# -- materials -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Material:
    code: str
    title_zh: str
    note_zh: str = ""


ADULT_MATERIALS = (
    Material("applicant_id", QT_TR_NOOP("申请人本人有效居民身份证原件"),
             QT_TR_NOOP("核对证件与本人一致、在有效期内")),
    Material("photo", QT_TR_NOOP("近期一寸白底彩色免冠照片"),
             QT_TR_NOOP("可现场拍照，或提交照相馆数码照片/扫描件")),
)
NONLOCAL_MATERIALS = (
    Material("residence", QT_TR_NOOP("浙江省居住证或在甬参保证明"),
             QT_TR_NOOP("非本市户籍人员享受本市人社服务的依据")),
)
MINOR_MATERIALS = (
    Material("minor_identity", QT_TR_NOOP("未成年人户口簿（或本人居民身份证）"),
             QT_TR_NOOP("核对未成年人身份信息")),
    Material("guardian_id", QT_TR_NOOP("监护人有效居民身份证原件"),
             QT_TR_NOOP("监护人本人到场办理")),
    Material("guardianship_proof", QT_TR_NOOP("监护关系证明"),
             QT_TR_NOOP("户口簿、出生医学证明、法院判决书或公证书")),
    Material("photo", QT_TR_NOOP("未成年人近期一寸白底彩色免冠照片"),
             QT_TR_NOOP("可现场拍照，或提交数码照片")),
)


def materials_for(*, minor: bool, local: bool) -> tuple[Material, ...]:
    base = MINOR_MATERIALS if minor else ADULT_MATERIALS
    return base + (() if local else NONLOCAL_MATERIALS)


# -- routing a person who already has a card or an application ------------------------------------

@dataclass(frozen=True)
class Route:
    """Where a person who must not apply again is sent: a catalog business key and why."""

    business: str
    title_zh: str
    message_zh: str


def route_for_card(card_state: str, social_state: str, financial_state: str, damaged: bool,
                   card_no_masked: str) -> Route:
    """The business that fits a person whose card is still on file (one card per person)."""
    lost = {"TEMP_LOST", "LOST"}
    if card_state == "SEALED":
        return Route("handout", QT_TR_NOOP("领卡启用"),
                     zh("该申请人已有社保卡（{card_no}），因逾期未领已封存，请办理领卡启用。", card_no=card_no_masked))
    if card_state == "PENDING_ACTIVATION":
        return Route("handout", QT_TR_NOOP("领卡启用"),
                     zh("该申请人已有制好的社保卡（{card_no}），尚未启用，请办理领卡启用。", card_no=card_no_masked))
    if social_state in lost or financial_state in lost:
        return Route("replacement", QT_TR_NOOP("补卡 / 换卡"),
                     zh("该申请人的社保卡（{card_no}）已挂失，一人一卡不能重复申领；"
                        "如卡已找回请办理解挂，否则请在发卡银行网点办理补卡。",
                        card_no=card_no_masked))
    if damaged:
        return Route("replacement", QT_TR_NOOP("补卡 / 换卡"),
                     zh("该申请人的社保卡（{card_no}）已损坏，请在发卡银行网点办理换卡。", card_no=card_no_masked))
    if "LOCKED" in (social_state, financial_state):
        return Route("card_services", QT_TR_NOOP("密码及卡片服务"),
                     zh("该申请人的社保卡（{card_no}）密码已锁定，请办理密码重置解锁。", card_no=card_no_masked))
    return Route("card_services", QT_TR_NOOP("密码及卡片服务"),
                 zh("该申请人已有正常使用的社保卡（{card_no}），一人一卡，无需申领。"
                    "如卡片遗失请先挂失再补卡，损坏请换卡。",
                    card_no=card_no_masked))


def route_for_application(state_zh: str, state: str) -> Route:
    if state in ("ISSUED_NOT_ACTIVATED", "BRANCH_RECEIVED", "SHIPPED"):
        return Route("handout", QT_TR_NOOP("领卡启用"),
                     zh("该申请人已有申领（{state}），卡片已制成，请办理领卡启用。", state=state_zh))
    return Route("central_production", QT_TR_NOOP("集中制卡"),
                 zh("该申请人已有进行中的申领（{state}），不能重复申领；可在“集中制卡”中查询进度。", state=state_zh))
