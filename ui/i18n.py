"""The interface language: Arabic (mirrored, right to left) or English.

Translations are Qt Linguist files: `resources/i18n/hashiya_ar.ts` is the source (edited with
pyside6-linguist or by hand, refreshed from the code with `make translations`), and the `.qm`
that Qt loads is built from it by pyside6-lrelease when missing or older (at set-up and when
the window starts). English is the language of the code, so it needs no file.

The choice is kept per user in QSettings ("language"); `python main.py --lang ar|en` overrides
it for one run. It applies at the next start: Qt builds menus and dialogs once, and a window
re-translated in place would leave half its strings in the old language.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, Qt, QTranslator
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

LANGUAGES = {"en": "English", "ar": "العربية"}
DEFAULT_LANGUAGE = "en"
SETTING = "language"
I18N = Path(__file__).resolve().parent.parent / "resources" / "i18n"


def ts_path(lang: str) -> Path:
    return I18N / f"hashiya_{lang}.ts"


def qm_path(lang: str) -> Path:
    return I18N / f"hashiya_{lang}.qm"


def _lrelease() -> str | None:
    found = shutil.which("pyside6-lrelease")
    if found:
        return found
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    return str(beside) if beside.exists() else None


def build_qm(lang: str) -> Path | None:
    """The .qm for lang, compiled from its .ts when missing or older; None if it cannot be."""
    ts, qm = ts_path(lang), qm_path(lang)
    if not ts.exists():
        return None
    if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
        return qm
    tool = _lrelease()
    if tool is None:
        log.warning("pyside6-lrelease not found: %s not compiled", ts)
        return qm if qm.exists() else None
    proc = subprocess.run([tool, str(ts), "-qm", str(qm)], capture_output=True, text=True)
    if proc.returncode != 0:
        log.warning("lrelease failed on %s: %s", ts, proc.stderr.strip())
        return qm if qm.exists() else None
    return qm


def chosen_language(settings: QSettings, override: str | None = None) -> str:
    lang = override or str(settings.value(SETTING, DEFAULT_LANGUAGE))
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def install_language(app: QApplication, lang: str) -> list[QTranslator]:
    """Load Hashiya's and Qt's own translations for lang and set the layout direction (the
    whole interface mirrored for Arabic). Returns the translators (keep them alive)."""
    installed: list[QTranslator] = []
    if lang != "en":
        qm = build_qm(lang)
        ours = QTranslator(app)
        if qm is not None and ours.load(str(qm)):
            app.installTranslator(ours)
            installed.append(ours)
        else:
            log.warning("no translation for %s: the interface stays in English", lang)
        qt_own = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load(QLocale(lang), "qtbase", "_", qt_dir):
            app.installTranslator(qt_own)
            installed.append(qt_own)
    app.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if lang == "ar" else Qt.LayoutDirection.LeftToRight
    )
    app.setProperty("hashiya_language", lang)
    return installed


def current_language() -> str:
    app = QApplication.instance()
    value = app.property("hashiya_language") if app is not None else None
    return str(value) if value in LANGUAGES else DEFAULT_LANGUAGE


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks text for lupdate in context and returns it untranslated (Qt's own is typed
    ``object``); translate at use with ``QCoreApplication.translate(context, text)``."""
    return text
