"""The look: a calm bank-counter palette, a CJK font, large targets for fast keyboard work."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

PRIMARY = "#0b4f8a"      # deep blue: header, primary buttons
PRIMARY_DARK = "#083b68"
ACCENT = "#c8102e"       # social security red, used sparingly
OK = "#1f8a4c"
WARN = "#c27c0e"
BAD = "#c0392b"
MUTED = "#7a8794"
SURFACE = "#f3f5f8"
DISABLED_BG = "#eef1f4"      # a disabled editor: grey field, grey text, so it reads as "not now"
DISABLED_TEXT = "#98a3ae"
DISABLED_BORDER = "#d3dae1"

CJK_FAMILIES = ("Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC",
                "PingFang SC")

STYLE = f"""
QWidget {{ color: #1d2733; }}
QMainWindow, QWidget#LoginWindow, QWidget#HomePage {{ background: {SURFACE}; }}
QFrame#Header {{ background: {PRIMARY}; }}
QFrame#Header QLabel {{ color: white; }}
QLabel#SystemTitle {{ font-size: 20px; font-weight: bold; }}
QLabel#BranchLine {{ color: #d6e4f2; font-size: 13px; }}
QPushButton {{ padding: 6px 16px; border: 1px solid #b8c4d0; border-radius: 4px; background: white; }}
QPushButton:hover {{ border-color: {PRIMARY}; }}
QPushButton:focus {{ border: 2px solid {PRIMARY}; }}
QPushButton:disabled {{ color: #a0aab4; background: #eef1f4; }}
QPushButton#Primary {{ background: {PRIMARY}; color: white; border: none; font-size: 15px;
                      padding: 9px 20px; }}
QPushButton#Primary:hover {{ background: {PRIMARY_DARK}; }}
QPushButton#Primary:disabled {{ background: #9db3c8; }}
QFrame#Header QPushButton {{ background: transparent; color: white; border: 1px solid #5d86ad; }}
QFrame#Header QPushButton:hover {{ background: {PRIMARY_DARK}; }}
QLineEdit {{ padding: 7px 8px; border: 1px solid #b8c4d0; border-radius: 4px; background: white;
            font-size: 15px; }}
QLineEdit:focus {{ border: 2px solid {PRIMARY}; }}
QLineEdit:disabled {{ background: {DISABLED_BG}; color: {DISABLED_TEXT}; border-color: {DISABLED_BORDER}; }}
QLabel#FieldError {{ color: {BAD}; }}
QLabel#Hint {{ color: {MUTED}; }}
QFrame#Card {{ background: white; border: 1px solid #d9e0e7; border-radius: 6px; }}
QFrame#Card[tile="true"]:hover {{ border: 1px solid {PRIMARY}; background: #f7fafd; }}
QFrame#Card[tile="true"]:focus {{ border: 2px solid {PRIMARY}; }}
QFrame#Card[built="false"] {{ background: {SURFACE}; border-style: dashed; }}
QFrame#Card[built="false"] QLabel {{ color: {MUTED}; }}
QListWidget#BusinessMenu {{ background: white; border: none; border-right: 1px solid #d9e0e7;
                            font-size: 15px; outline: 0; }}
QListWidget#BusinessMenu::item {{ padding: 11px 14px; border-bottom: 1px solid #eef1f4; }}
QListWidget#BusinessMenu::item:selected {{ background: #e3edf7; color: {PRIMARY};
                                           border-left: 4px solid {PRIMARY}; }}
QListWidget#BusinessMenu::item:disabled {{ color: #9aa5b1; }}
QStatusBar {{ background: white; border-top: 1px solid #d9e0e7; }}
QStatusBar QLabel {{ padding: 2px 10px; border-right: 1px solid #e3e8ed; }}
QToolTip {{ color: #1d2733; background: white; border: 1px solid #b8c4d0; }}
"""


def apply_theme(app: QApplication) -> str:
    """Apply the style and the first installed CJK font; returns the family used."""
    families = set(QFontDatabase.families())
    family = next((f for f in CJK_FAMILIES if f in families), app.font().family())
    font = QFont(family, 11)
    app.setFont(font)
    app.setStyleSheet(STYLE)
    return family


def dot(color: str) -> str:
    return f'<span style="color:{color}; font-size:14px;">●</span>'
